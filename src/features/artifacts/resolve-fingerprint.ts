import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/client'
import { searchQueries, type SearchArtifact } from '@/api/search'
import { artifactPath } from '@/lib/app-paths'

export type FingerprintResolution =
  | { kind: 'one'; path: string }
  | { kind: 'many'; candidates: SearchArtifact[]; elsewhere: SearchArtifact[] }
  | { kind: 'none'; elsewhere: SearchArtifact[] }

export const FULL_FINGERPRINT = /^[0-9a-f]{64}$/i
export const FINGERPRINT_PREFIX = /^[0-9a-f]{5,63}$/i

/**
 * A fingerprint prefix in `flow`, via the org-wide search: matches in other flows are kept apart
 * so the page can point at them instead of claiming nothing exists.
 */
export async function resolveFingerprintPrefix(
  queryClient: QueryClient,
  org: string,
  flow: string,
  prefix: string,
): Promise<FingerprintResolution> {
  const needle = prefix.toLowerCase()
  let matches: SearchArtifact[]
  try {
    const result = await queryClient.ensureQueryData(searchQueries.sha(org, needle))
    matches = result.artifacts.filter((artifact) =>
      artifact.fingerprint.toLowerCase().startsWith(needle),
    )
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { kind: 'none', elsewhere: [] }
    throw error
  }
  const unique = (list: SearchArtifact[]) => [
    ...new Map(
      list.map((artifact) => [`${artifact.flow}/${artifact.fingerprint}`, artifact]),
    ).values(),
  ]
  const candidates = unique(matches.filter((artifact) => artifact.flow === flow))
  const elsewhere = unique(matches.filter((artifact) => artifact.flow !== flow && artifact.flow))
  const [only] = candidates
  if (candidates.length === 1 && only)
    return { kind: 'one', path: artifactPath(org, flow, only.fingerprint) }
  if (candidates.length === 0) return { kind: 'none', elsewhere }
  return { kind: 'many', candidates, elsewhere }
}
