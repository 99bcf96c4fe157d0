import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/client'
import type { ComplianceState } from '@/api/domain'
import { environmentQueries } from '@/api/environments'
import { flowQueries } from '@/api/flows'
import { searchQueries, type SearchArtifact } from '@/api/search'
import { snapshotQueries } from '@/api/snapshots'
import { artifactPath, snapshotPath } from '@/lib/app-paths'
import { resolveCommit } from '@/features/artifacts/resolve-commit'
import { resolveFingerprintPrefix } from '@/features/artifacts/resolve-fingerprint'
import { formatSnappish, type Snappish } from '@/lib/snappish'
import { classifyQuery, type NameMatch, type QueryIntent } from './classify-query'

/** An artifact a search found, whatever endpoint found it. */
export interface FoundArtifact {
  fingerprint: string
  name: string
  flow: string | null
  gitCommit: string | null
  state: ComplianceState
  /** Environment names; `undefined` when the endpoint does not say. */
  runningIn: string[] | undefined
}

export type Resolution =
  | { kind: 'go'; path: string }
  | { kind: 'artifacts'; heading: string; artifacts: FoundArtifact[] }
  | { kind: 'names'; heading: string; matches: NameMatch[] }
  | { kind: 'message'; tone: 'empty' | 'invalid' | 'none'; message: string }

/**
 * Turns typed text into a destination, a list to choose from, or a message. Only the requests
 * the input needs are made: names need the flow and environment lists (fetched together), a
 * hex prefix needs the search endpoint, moving snapshot expressions need the snapshot.
 */
export async function resolveQuery(
  queryClient: QueryClient,
  org: string,
  text: string,
): Promise<Resolution> {
  let intent = classifyQuery(text, { org })
  if (intent.kind === 'name') {
    const [flows, environments] = await Promise.all([
      queryClient.ensureQueryData(flowQueries.list(org)),
      queryClient.ensureQueryData(environmentQueries.list(org)),
    ])
    intent = classifyQuery(text, {
      org,
      flows: flows.map((flow) => flow.name),
      environments: environments.map((env) => env.name),
    })
  }
  return resolveIntent(queryClient, org, intent)
}

export async function resolveIntent(
  queryClient: QueryClient,
  org: string,
  intent: QueryIntent,
): Promise<Resolution> {
  if (intent.path !== undefined) return { kind: 'go', path: intent.path }
  switch (intent.kind) {
    case 'empty':
      return { kind: 'message', tone: 'empty', message: intent.description }
    case 'invalid':
      return { kind: 'message', tone: 'invalid', message: intent.reason }
    case 'url':
    case 'diff':
      // Both always carry a path; kept for exhaustiveness.
      return { kind: 'message', tone: 'invalid', message: intent.description }
    case 'commit': {
      const result = await resolveCommit(queryClient, org, intent.flow, intent.commit)
      if (result.kind === 'one') return { kind: 'go', path: result.path }
      if (result.kind === 'many') {
        return {
          kind: 'artifacts',
          heading: `${result.artifacts.length} artifacts of flow ${intent.flow} were built from commit ${intent.commit}`,
          artifacts: result.artifacts.map((artifact) => ({
            fingerprint: artifact.fingerprint,
            name: artifact.name,
            flow: artifact.flow ?? intent.flow,
            gitCommit: artifact.gitCommit,
            state: artifact.state,
            runningIn: uniqueNames(artifact.running.map((ref) => ref.environment)),
          })),
        }
      }
      return {
        kind: 'message',
        tone: 'none',
        message: `No artifact of flow '${intent.flow}' was built from a commit starting with '${intent.commit}'`,
      }
    }
    case 'fingerprint': {
      const result = await resolveFingerprintPrefix(
        queryClient,
        org,
        intent.flow,
        intent.fingerprint,
      )
      if (result.kind === 'one') return { kind: 'go', path: result.path }
      if (result.kind === 'many') {
        return {
          kind: 'artifacts',
          heading: `${result.candidates.length} artifacts of flow ${intent.flow} have a fingerprint starting with ${intent.fingerprint}`,
          artifacts: result.candidates.map(fromSearch),
        }
      }
      if (result.elsewhere.length > 0) {
        return {
          kind: 'artifacts',
          heading: `No artifact of flow ${intent.flow} has a fingerprint starting with ${intent.fingerprint}, but these in other flows do`,
          artifacts: result.elsewhere.map(fromSearch),
        }
      }
      return {
        kind: 'message',
        tone: 'none',
        message: `No artifact of flow '${intent.flow}' has a fingerprint starting with '${intent.fingerprint}'`,
      }
    }
    case 'sha':
      return resolveSha(queryClient, org, intent.value)
    case 'snapshot':
      return resolveSnapshot(queryClient, org, intent.snappish)
    case 'name': {
      const matches = intent.matches ?? []
      if (matches.length === 0)
        return { kind: 'message', tone: 'none', message: intent.description }
      return { kind: 'names', heading: intent.description, matches }
    }
  }
}

async function resolveSha(queryClient: QueryClient, org: string, value: string) {
  const none: Resolution = {
    kind: 'message',
    tone: 'none',
    message: `No artifact or commit starts with '${value}'`,
  }
  let artifacts: SearchArtifact[]
  try {
    artifacts = (await queryClient.fetchQuery(searchQueries.sha(org, value))).artifacts
  } catch (error) {
    if (isApiError(error) && error.status === 404) return none
    if (isApiError(error) && error.status === 400) {
      return { kind: 'message', tone: 'invalid', message: error.message } satisfies Resolution
    }
    throw error
  }
  const found = [
    ...new Map(
      artifacts.map((artifact) => [`${artifact.flow ?? ''}/${artifact.fingerprint}`, artifact]),
    ).values(),
  ].map(fromSearch)
  const [only] = found
  if (found.length === 1 && only?.flow) {
    return { kind: 'go', path: artifactPath(org, only.flow, only.fingerprint) } satisfies Resolution
  }
  if (found.length === 0) return none
  return {
    kind: 'artifacts',
    heading: `${found.length} ${found.length === 1 ? 'artifact matches' : 'artifacts match'} ${value}`,
    artifacts: found,
  } satisfies Resolution
}

/** Moving expressions (latest, ~N, times) become the numbered snapshot, so the URL is a permalink. */
async function resolveSnapshot(
  queryClient: QueryClient,
  org: string,
  snappish: Snappish,
): Promise<Resolution> {
  try {
    const snapshot = await queryClient.fetchQuery(snapshotQueries.detail(org, snappish))
    return { kind: 'go', path: snapshotPath(org, snappish.env, snapshot.index) }
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return {
        kind: 'message',
        tone: 'none',
        message: `No snapshot found for ${formatSnappish(snappish)}: ${error.message}`,
      }
    }
    throw error
  }
}

function fromSearch(artifact: SearchArtifact): FoundArtifact {
  return {
    fingerprint: artifact.fingerprint,
    name: artifact.name,
    flow: artifact.flow,
    gitCommit: artifact.gitCommit,
    state: artifact.state,
    runningIn: uniqueNames(artifact.runningIn),
  }
}

function uniqueNames(names: ReadonlyArray<string>): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b))
}
