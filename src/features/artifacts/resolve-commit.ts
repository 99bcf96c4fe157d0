import type { QueryClient } from '@tanstack/react-query'
import { artifactQueries, type Artifact } from '@/api/artifacts'
import { isApiError } from '@/api/client'
import { artifactPath } from '@/lib/app-paths'

/** What `flow:commit` (or a fingerprint prefix) turned out to name. */
export type CommitResolution =
  | { kind: 'one'; artifact: Artifact; path: string }
  | { kind: 'many'; artifacts: Artifact[] }
  | { kind: 'none' }

/**
 * `runner:16d9990` → the artifacts built from that commit in that flow. One match is a page to
 * open (`path`); several are a list to choose from; a 404 or an empty list is "none".
 */
export async function resolveCommit(
  queryClient: QueryClient,
  org: string,
  flow: string,
  commit: string,
): Promise<CommitResolution> {
  let artifacts: Artifact[]
  try {
    artifacts = await queryClient.ensureQueryData(artifactQueries.byCommit(org, flow, commit))
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { kind: 'none' }
    throw error
  }
  const [only] = artifacts
  if (artifacts.length === 1 && only) {
    return {
      kind: 'one',
      artifact: only,
      path: artifactPath(org, only.flow ?? flow, only.fingerprint),
    }
  }
  if (artifacts.length === 0) return { kind: 'none' }
  return {
    kind: 'many',
    artifacts: [...artifacts].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0)),
  }
}
