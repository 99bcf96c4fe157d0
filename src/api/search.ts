import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import { complianceState, textOrNull, type ComplianceState } from './domain'
import { historyWire, toHistory, type HistoryEvent } from './artifacts'
import { fingerprintAliases, optionalBoolean, optionalString, withFingerprint } from './wire'

const matchesWire = z.optional(
  z.nullable(
    z.looseObject({
      type: optionalString,
      count: z.optional(z.nullable(z.number())),
      matches: z.optional(z.nullable(z.array(z.string()))),
    }),
  ),
)

const searchArtifactWire = withFingerprint(
  z.looseObject({
    ...fingerprintAliases,
    name: optionalString,
    has_provenance: optionalBoolean,
    git_commit: optionalString,
    flow: optionalString,
    pipeline: optionalString,
    trail: optionalString,
    commit_url: optionalString,
    build_url: optionalString,
    compliance_state: optionalString,
    running_in: z.optional(z.nullable(z.array(z.string()))),
    exited_from: z.optional(z.nullable(z.array(z.string()))),
    history: z.optional(z.nullable(z.array(historyWire))),
  }),
)

const searchWire = z.looseObject({
  resolved_to: z.optional(
    z.nullable(
      z.looseObject({
        type: optionalString,
        full_match: optionalString,
        fingerprints: matchesWire,
        commits: matchesWire,
      }),
    ),
  ),
  artifacts: z.optional(z.nullable(z.array(searchArtifactWire))),
})

export interface SearchArtifact {
  fingerprint: string
  name: string
  hasProvenance: boolean
  flow: string | null
  gitCommit: string | null
  trail: string | null
  commitUrl: string | null
  buildUrl: string | null
  state: ComplianceState
  runningIn: string[]
  exitedFrom: string[]
  history: HistoryEvent[]
}

export interface SearchResult {
  /** commit, fingerprint or multiple. */
  resolvedTo: string | null
  fullMatch: string | null
  fingerprintMatches: string[]
  commitMatches: string[]
  artifacts: SearchArtifact[]
}

export async function fetchSearch(
  org: string,
  value: string,
  signal?: AbortSignal,
): Promise<SearchResult> {
  const { data } = await apiGet(apiPath('search', org, 'sha', value), searchWire, { signal })
  const resolved = data.resolved_to
  return {
    resolvedTo: textOrNull(resolved?.type),
    fullMatch: textOrNull(resolved?.full_match),
    fingerprintMatches: resolved?.fingerprints?.matches ?? [],
    commitMatches: resolved?.commits?.matches ?? [],
    artifacts: (data.artifacts ?? []).map((wire) => ({
      fingerprint: wire.fingerprint,
      name: wire.name ?? '',
      hasProvenance: wire.has_provenance ?? !!(wire.flow || wire.pipeline),
      flow: textOrNull(wire.flow) ?? textOrNull(wire.pipeline),
      gitCommit: textOrNull(wire.git_commit),
      trail: textOrNull(wire.trail),
      commitUrl: textOrNull(wire.commit_url),
      buildUrl: textOrNull(wire.build_url),
      state: complianceState(wire.compliance_state),
      runningIn: wire.running_in ?? [],
      exitedFrom: wire.exited_from ?? [],
      history: toHistory(wire.history),
    })),
  }
}

export const searchKeys = {
  sha: (org: string, value: string) => ['search', org, 'sha', value.toLowerCase()] as const,
}

export const searchQueries = {
  sha: (org: string, value: string) =>
    queryOptions({
      queryKey: searchKeys.sha(org, value),
      queryFn: ({ signal }) => fetchSearch(org, value.toLowerCase(), signal),
    }),
}
