import { queryOptions } from '@tanstack/react-query'
import { LIVE_META } from '@/lib/live-policy'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import {
  complianceState,
  gitCommitInfo,
  textOrNull,
  toSeconds,
  type ComplianceState,
  type GitCommitInfo,
  type SnapshotRef,
} from './domain'
import {
  fingerprintAliases,
  gitCommitInfoWire,
  integer,
  optionalString,
  timestamp,
  withFingerprint,
} from './wire'

const snapshotRefWire = z.looseObject({
  environment_name: z.string(),
  snapshot_index: integer,
})

export const historyWire = z.looseObject({
  event: z.string(),
  type: optionalString,
  timestamp: z.optional(z.nullable(timestamp)),
})

const evidenceWire = z.looseObject({
  evidence_type: optionalString,
  is_compliant: z.optional(z.nullable(z.boolean())),
  created_at: z.optional(z.nullable(timestamp)),
})

const artifactWire = withFingerprint(
  z.looseObject({
    id: optionalString,
    ...fingerprintAliases,
    filename: z.string(),
    flow_name: optionalString,
    trail_name: optionalString,
    template_reference_name: optionalString,
    git_commit: optionalString,
    git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
    commit_url: optionalString,
    build_url: optionalString,
    repo_url: optionalString,
    html_url: optionalString,
    created_at: z.optional(z.nullable(timestamp)),
    last_modified_at: z.optional(z.nullable(timestamp)),
    state: optionalString,
    state_info: optionalString,
    running: z.optional(z.nullable(z.array(snapshotRefWire))),
    exited: z.optional(z.nullable(z.array(snapshotRefWire))),
    history: z.optional(z.nullable(z.array(historyWire))),
    evidence: z.optional(z.nullable(z.record(z.string(), evidenceWire))),
    user_data: z.optional(z.unknown()),
    annotations: z.optional(z.unknown()),
  }),
)

export type ArtifactWire = z.infer<typeof artifactWire>

export interface HistoryEvent {
  /** The server's sentence, shown as is. */
  event: string
  /** Absent on legacy (2022) rows. */
  type: string | null
  /** `null` when the server sends none; such rows sort last. */
  timestamp: number | null
}

export interface ArtifactEvidence {
  name: string
  type: string | null
  isCompliant: boolean | null
  createdAt: number | null
}

export interface Artifact {
  id: string | null
  fingerprint: string
  name: string
  flow: string | null
  trail: string | null
  templateReference: string | null
  gitCommit: string | null
  gitCommitInfo: GitCommitInfo | null
  commitUrl: string | null
  buildUrl: string | null
  repoUrl: string | null
  htmlUrl: string | null
  createdAt: number | null
  state: ComplianceState
  stateInfo: string | null
  running: SnapshotRef[]
  exited: SnapshotRef[]
  history: HistoryEvent[]
  evidence: ArtifactEvidence[]
  userData: unknown
}

const snapshotRefs = (refs: ReadonlyArray<z.infer<typeof snapshotRefWire>> | null | undefined) =>
  (refs ?? [])
    .map((ref) => ({ environment: ref.environment_name, index: ref.snapshot_index }))
    .sort((a, b) => a.environment.localeCompare(b.environment) || a.index - b.index)

export function toArtifact(wire: ArtifactWire, flowHint?: string): Artifact {
  return {
    id: textOrNull(wire.id),
    fingerprint: wire.fingerprint,
    name: wire.filename,
    flow: textOrNull(wire.flow_name) ?? flowHint ?? null,
    trail: textOrNull(wire.trail_name),
    templateReference: textOrNull(wire.template_reference_name),
    gitCommit: textOrNull(wire.git_commit),
    gitCommitInfo: gitCommitInfo(wire.git_commit_info),
    commitUrl: textOrNull(wire.commit_url),
    buildUrl: textOrNull(wire.build_url),
    repoUrl: textOrNull(wire.repo_url),
    htmlUrl: textOrNull(wire.html_url),
    createdAt: toSeconds(wire.created_at),
    state: complianceState(wire.state),
    stateInfo: textOrNull(wire.state_info),
    running: snapshotRefs(wire.running),
    exited: snapshotRefs(wire.exited),
    history: toHistory(wire.history),
    evidence: Object.entries(wire.evidence ?? {}).map(([name, item]) => ({
      name,
      type: textOrNull(item.evidence_type),
      isCompliant: item.is_compliant ?? null,
      createdAt: toSeconds(item.created_at),
    })),
    userData: wire.user_data ?? null,
  }
}

/** History rows oldest first; rows without a time keep their order after the timed ones. */
export function toHistory(
  rows: ReadonlyArray<z.infer<typeof historyWire>> | null | undefined,
): HistoryEvent[] {
  return (rows ?? [])
    .map((row) => ({
      event: row.event,
      type: textOrNull(row.type),
      timestamp: toSeconds(row.timestamp),
    }))
    .sort((a, b) => (a.timestamp ?? Infinity) - (b.timestamp ?? Infinity))
}

export interface ArtifactPage {
  artifacts: Artifact[]
  page: number
  perPage: number
  /** The API gives no totals: a full page may have a next one. */
  mayHaveMore: boolean
}

/** What names one artifact: the org, a flow that reported it and its fingerprint. */
export interface ArtifactAddress {
  org: string
  flow: string
  fingerprint: string
}

/** The artifact endpoints' paths: the fetchers' and every link or report that names them. */
export const artifactEndpoints = {
  list: (org: string) => apiPath('artifacts', org),
  detail: (org: string, flow: string, fingerprint: string) =>
    apiPath('artifacts', org, flow, 'fingerprint', fingerprint),
  byCommit: (org: string, flow: string, commit: string) =>
    apiPath('artifacts', org, flow, 'commit_sha', commit),
  /** Kosli's own audit package (a download, served through the proxy in live mode). */
  auditPackage: (org: string, flow: string, fingerprint: string) =>
    apiPath('artifacts', org, flow, fingerprint, 'audit_package'),
}

export async function fetchFlowArtifacts(
  org: string,
  flow: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<ArtifactPage> {
  const { data } = await apiGet(artifactEndpoints.list(org), z.array(artifactWire), {
    query: { flow_name: flow, page, per_page: perPage },
    signal,
  })
  return {
    artifacts: data.map((wire) => toArtifact(wire, flow)),
    page,
    perPage,
    mayHaveMore: data.length >= perPage,
  }
}

export async function fetchArtifact(
  org: string,
  flow: string,
  fingerprint: string,
  signal?: AbortSignal,
): Promise<Artifact> {
  const { data } = await apiGet(artifactEndpoints.detail(org, flow, fingerprint), artifactWire, {
    signal,
  })
  return toArtifact(data, flow)
}

/** One commit can map to several artifacts, so this is always a list. */
export async function fetchArtifactsByCommit(
  org: string,
  flow: string,
  commit: string,
  signal?: AbortSignal,
): Promise<Artifact[]> {
  const { data } = await apiGet(
    artifactEndpoints.byCommit(org, flow, commit),
    z.union([z.array(artifactWire), artifactWire]),
    { signal },
  )
  const items = Array.isArray(data) ? data : [data]
  return items.map((wire) => toArtifact(wire, flow))
}

export const artifactKeys = {
  all: (org: string) => ['artifacts', org] as const,
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    [...artifactKeys.all(org), 'flow', flow, { page, perPage }] as const,
  detail: (org: string, flow: string, fingerprint: string) =>
    [...artifactKeys.all(org), 'detail', flow, fingerprint] as const,
  byCommit: (org: string, flow: string, commit: string) =>
    [...artifactKeys.all(org), 'commit', flow, commit] as const,
}

export const artifactQueries = {
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    queryOptions({
      queryKey: artifactKeys.flowList(org, flow, page, perPage),
      queryFn: ({ signal }) => fetchFlowArtifacts(org, flow, page, perPage, signal),
    }),
  detail: (org: string, flow: string, fingerprint: string) =>
    queryOptions({
      queryKey: artifactKeys.detail(org, flow, fingerprint),
      queryFn: ({ signal }) => fetchArtifact(org, flow, fingerprint, signal),
      // Where it runs moves with every snapshot.
      meta: LIVE_META,
    }),
  byCommit: (org: string, flow: string, commit: string) =>
    queryOptions({
      queryKey: artifactKeys.byCommit(org, flow, commit),
      queryFn: ({ signal }) => fetchArtifactsByCommit(org, flow, commit, signal),
    }),
}
