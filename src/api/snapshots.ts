import { queryOptions } from '@tanstack/react-query'
import { LIVE_META } from '@/lib/live-policy'
import { z } from 'zod/mini'
import { formatSnappish, snapshotPathSegment, type Snappish } from '@/lib/snappish'
import { apiGet, apiPath, type RequestOptions } from './client'
import { gitCommitInfo, textOrNull, toSeconds, type GitCommitInfo } from './domain'
import { policyDecisionWire, toPolicyDecision, type PolicyDecision } from './policy-decisions'
import {
  fingerprintAliases,
  gitCommitInfoWire,
  integer,
  optionalBoolean,
  optionalNumber,
  optionalNumeric,
  optionalString,
  timestamp,
  withFingerprint,
} from './wire'

const snapshotListItemWire = z.looseObject({
  index: integer,
  from: timestamp,
  to: z.optional(z.nullable(timestamp)),
  compliant: optionalBoolean,
  duration: optionalNumeric,
})

export interface SnapshotSummary {
  index: number
  from: number
  /** `null` while the snapshot is still current (the API sends `to: 0`). */
  to: number | null
  compliant: boolean | null
  duration: number | null
}

export interface SnapshotListPage {
  snapshots: SnapshotSummary[]
  page: number
  perPage: number
  mayHaveMore: boolean
}

function toSummary(wire: z.infer<typeof snapshotListItemWire>): SnapshotSummary {
  const to = toSeconds(wire.to)
  return {
    index: wire.index,
    from: toSeconds(wire.from) ?? 0,
    to: to === null || to === 0 ? null : to,
    compliant: wire.compliant ?? null,
    duration: wire.duration ?? null,
  }
}

/** The snapshot endpoints' paths: the fetchers' and every link or report that names them. */
export const snapshotEndpoints = {
  list: (org: string, env: string) => apiPath('snapshots', org, env),
  // The expression segment is encoded by snapshotPathSegment itself.
  detail: (org: string, snappish: Snappish) =>
    `${apiPath('snapshots', org, snappish.env)}/${snapshotPathSegment(snappish)}`,
}

/**
 * One numbered snapshot's list entry (when it was taken, whether it is still current) without
 * its artifacts: the list endpoint with `interval=N..N`. Null when the environment has no #N.
 */
export async function fetchSnapshotSummary(
  org: string,
  env: string,
  index: number,
  signal?: AbortSignal,
): Promise<SnapshotSummary | null> {
  const { data } = await apiGet(snapshotEndpoints.list(org, env), z.array(snapshotListItemWire), {
    query: { interval: `${index}..${index}`, page: 1, per_page: 1 },
    signal,
  })
  const found = data.find((wire) => wire.index === index)
  return found ? toSummary(found) : null
}

export async function fetchSnapshotList(
  org: string,
  env: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<SnapshotListPage> {
  const { data } = await apiGet(snapshotEndpoints.list(org, env), z.array(snapshotListItemWire), {
    query: { page, per_page: perPage },
    signal,
  })
  return {
    snapshots: data.map(toSummary),
    page,
    perPage,
    mayHaveMore: data.length >= perPage,
  }
}

const deploymentDiffWire = z.looseObject({
  diff_url: optionalString,
  previous_git_commit: optionalString,
  previous_fingerprint: optionalString,
  previous_artifact_name: optionalString,
  previous_artifact_compliance_state: optionalString,
  previous_running: optionalBoolean,
  previous_git_commit_url: optionalString,
  previous_trail_name: optionalString,
})

const snapshotFlowWire = z.looseObject({
  flow_name: optionalString,
  trail_name: optionalString,
  template_reference_name: optionalString,
  git_commit: optionalString,
  commit_url: optionalString,
  git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
  html_url: optionalString,
  deployment_diff: z.optional(z.nullable(deploymentDiffWire)),
  commit_lead_time: optionalNumber,
  artifact_compliance_in_flow: optionalBoolean,
  flow_reasons_for_non_compliance: z.optional(z.nullable(z.array(z.unknown()))),
})

const podWire = z.looseObject({
  namespace: optionalString,
  creationTimestamp: z.optional(z.nullable(timestamp)),
  owners: z.optional(
    z.nullable(z.array(z.looseObject({ kind: optionalString, name: optionalString }))),
  ),
})

const snapshotArtifactWire = withFingerprint(
  z.looseObject({
    name: z.string(),
    ...fingerprintAliases,
    compliant: optionalBoolean,
    annotation: z.optional(
      z.nullable(z.looseObject({ type: optionalString, was: optionalNumber, now: optionalNumber })),
    ),
    creationTimestamp: z.optional(z.nullable(z.array(timestamp))),
    pods: z.optional(z.nullable(z.record(z.string(), podWire))),
    ecs_context: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
    flow_name: optionalString,
    git_commit: optionalString,
    commit_url: optionalString,
    html_url: optionalString,
    flow_html_url: optionalString,
    deployment_diff: z.optional(z.nullable(deploymentDiffWire)),
    commit_lead_time: optionalNumber,
    flows: z.optional(z.nullable(z.array(snapshotFlowWire))),
    policy_decisions: z.optional(z.nullable(z.array(policyDecisionWire))),
    reasons_for_incompliance: z.optional(z.nullable(z.array(z.unknown()))),
  }),
)

const appliedPolicyWire = z.looseObject({
  id: optionalString,
  name: z.string(),
  version: optionalNumber,
  policy_dump: z.optional(z.unknown()),
})

const snapshotWire = z.looseObject({
  index: integer,
  is_latest: optionalBoolean,
  next_snapshot_timestamp: z.optional(z.nullable(timestamp)),
  artifact_compliance_count: z.optional(z.nullable(z.record(z.string(), z.number()))),
  timestamp,
  type: optionalString,
  compliant: optionalBoolean,
  html_url: optionalString,
  // null on an environment that has reported nothing yet.
  artifacts: z.optional(z.nullable(z.array(snapshotArtifactWire))),
  applied_policies: z.optional(z.nullable(z.array(appliedPolicyWire))),
})

export interface DeploymentDiff {
  diffUrl: string | null
  previousCommit: string | null
  previousCommitUrl: string | null
  previousFingerprint: string | null
  previousArtifactName: string | null
  previousComplianceState: string | null
  previousRunning: boolean | null
  previousTrail: string | null
}

export interface SnapshotArtifactFlow {
  flow: string
  trail: string | null
  templateReference: string | null
  gitCommit: string | null
  commitUrl: string | null
  gitCommitInfo: GitCommitInfo | null
  compliantInFlow: boolean | null
  reasonsForNonCompliance: string[]
  deploymentDiff: DeploymentDiff | null
}

export interface Pod {
  name: string
  namespace: string | null
  createdAt: number | null
  owners: Array<{ kind: string; name: string }>
}

export interface SnapshotArtifact {
  name: string
  fingerprint: string
  compliant: boolean | null
  /** started-compliant, unchanged, changed, exited, ... */
  annotation: string | null
  previousReplicas: number | null
  /** Live replica count: `annotation.now`, else the number of instances. */
  replicas: number
  /** Exited in this snapshot (`annotation.now == 0`); kept but marked. */
  exited: boolean
  instanceStarts: number[]
  /** Earliest instance start. */
  runningSince: number | null
  pods: Pod[]
  ecsContext: Record<string, string> | null
  /** Primary flow; `null` when the artifact has no provenance. */
  flow: string | null
  gitCommit: string | null
  commitUrl: string | null
  deploymentDiff: DeploymentDiff | null
  commitLeadTime: number | null
  flows: SnapshotArtifactFlow[]
  policyDecisions: PolicyDecision[]
  reasonsForIncompliance: string[]
}

export interface AppliedPolicy {
  id: string | null
  name: string
  version: number | null
  dump: unknown
}

export interface Snapshot {
  environment: string
  index: number
  isLatest: boolean
  timestamp: number
  nextSnapshotTimestamp: number | null
  type: string | null
  compliant: boolean | null
  htmlUrl: string | null
  /** Running artifacts by compliance; exited ones are not counted. */
  complianceCount: { compliant: number; nonCompliant: number; unknown: number }
  artifacts: SnapshotArtifact[]
  appliedPolicies: AppliedPolicy[]
}

function reasonText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const key of ['message', 'reason', 'description', 'type']) {
      if (typeof record[key] === 'string') return record[key]
    }
  }
  return JSON.stringify(value)
}

function toDeploymentDiff(
  wire: z.infer<typeof deploymentDiffWire> | null | undefined,
): DeploymentDiff | null {
  if (!wire) return null
  return {
    diffUrl: textOrNull(wire.diff_url),
    previousCommit: textOrNull(wire.previous_git_commit),
    previousCommitUrl: textOrNull(wire.previous_git_commit_url),
    previousFingerprint: textOrNull(wire.previous_fingerprint),
    previousArtifactName: textOrNull(wire.previous_artifact_name),
    previousComplianceState: textOrNull(wire.previous_artifact_compliance_state),
    previousRunning: wire.previous_running ?? null,
    previousTrail: textOrNull(wire.previous_trail_name),
  }
}

function toSnapshotArtifact(wire: z.infer<typeof snapshotArtifactWire>): SnapshotArtifact {
  const instanceStarts = (wire.creationTimestamp ?? [])
    .map((value) => toSeconds(value))
    .filter((value): value is number => value !== null)
  const now = wire.annotation?.now
  const replicas = typeof now === 'number' ? now : instanceStarts.length
  const ecsContext = wire.ecs_context
    ? Object.fromEntries(
        Object.entries(wire.ecs_context).map(([key, value]) => [
          key,
          value === null ? '' : String(value),
        ]),
      )
    : null
  return {
    name: wire.name,
    fingerprint: wire.fingerprint,
    compliant: wire.compliant ?? null,
    annotation: textOrNull(wire.annotation?.type),
    previousReplicas: wire.annotation?.was ?? null,
    replicas,
    exited: now === 0,
    instanceStarts,
    runningSince: instanceStarts.length ? Math.min(...instanceStarts) : null,
    pods: Object.entries(wire.pods ?? {}).map(([name, pod]) => ({
      name,
      namespace: textOrNull(pod.namespace),
      createdAt: toSeconds(pod.creationTimestamp),
      owners: (pod.owners ?? []).map((owner) => ({
        kind: owner.kind ?? '',
        name: owner.name ?? '',
      })),
    })),
    ecsContext,
    flow: textOrNull(wire.flow_name),
    gitCommit: textOrNull(wire.git_commit),
    commitUrl: textOrNull(wire.commit_url),
    deploymentDiff: toDeploymentDiff(wire.deployment_diff),
    commitLeadTime: wire.commit_lead_time ?? null,
    flows: (wire.flows ?? [])
      .filter((flow) => !!flow.flow_name)
      .map((flow) => ({
        flow: flow.flow_name ?? '',
        trail: textOrNull(flow.trail_name),
        templateReference: textOrNull(flow.template_reference_name),
        gitCommit: textOrNull(flow.git_commit),
        commitUrl: textOrNull(flow.commit_url),
        gitCommitInfo: gitCommitInfo(flow.git_commit_info),
        compliantInFlow: flow.artifact_compliance_in_flow ?? null,
        reasonsForNonCompliance: (flow.flow_reasons_for_non_compliance ?? []).map(reasonText),
        deploymentDiff: toDeploymentDiff(flow.deployment_diff),
      })),
    policyDecisions: (wire.policy_decisions ?? []).map(toPolicyDecision),
    reasonsForIncompliance: (wire.reasons_for_incompliance ?? []).map(reasonText),
  }
}

export async function fetchSnapshot(
  org: string,
  snappish: Snappish,
  options?: Pick<RequestOptions, 'signal' | 'onBodyRead'>,
): Promise<Snapshot> {
  const { data } = await apiGet(snapshotEndpoints.detail(org, snappish), snapshotWire, options)
  const count = data.artifact_compliance_count ?? {}
  return {
    environment: snappish.env,
    index: data.index,
    isLatest: data.is_latest ?? false,
    timestamp: toSeconds(data.timestamp) ?? 0,
    nextSnapshotTimestamp: toSeconds(data.next_snapshot_timestamp),
    type: textOrNull(data.type),
    compliant: data.compliant ?? null,
    htmlUrl: textOrNull(data.html_url),
    complianceCount: {
      compliant: count.true ?? 0,
      nonCompliant: count.false ?? 0,
      unknown: count.null ?? 0,
    },
    artifacts: (data.artifacts ?? []).map(toSnapshotArtifact),
    appliedPolicies: (data.applied_policies ?? []).map((policy) => ({
      id: textOrNull(policy.id),
      name: policy.name,
      version: policy.version ?? null,
      dump: policy.policy_dump ?? null,
    })),
  }
}

export const snapshotKeys = {
  all: (org: string, env: string) => ['snapshots', org, env] as const,
  list: (org: string, env: string, page: number, perPage: number) =>
    [...snapshotKeys.all(org, env), 'list', { page, perPage }] as const,
  detail: (org: string, snappish: Snappish) =>
    [...snapshotKeys.all(org, snappish.env), 'detail', formatSnappish(snappish)] as const,
  summary: (org: string, env: string, index: number) =>
    [...snapshotKeys.all(org, env), 'summary', index] as const,
  newest: (org: string, env: string) => [...snapshotKeys.all(org, env), 'newest'] as const,
}

/**
 * Numbered snapshots never change, so they are cached for the session; moving
 * expressions (latest, ~N, @{...ago}) are refetched like any other query.
 */
export const snapshotQueries = {
  list: (org: string, env: string, page: number, perPage: number) =>
    queryOptions({
      queryKey: snapshotKeys.list(org, env, page, perPage),
      queryFn: ({ signal }) => fetchSnapshotList(org, env, page, perPage, signal),
      meta: LIVE_META,
    }),
  /**
   * The newest snapshot's number (null before the first), without its artifacts: what live
   * views poll to learn that a (possibly large) latest snapshot needs reading again.
   */
  newest: (org: string, env: string) =>
    queryOptions({
      queryKey: snapshotKeys.newest(org, env),
      queryFn: async ({ signal }): Promise<number | null> =>
        (await fetchSnapshotList(org, env, 1, 1, signal)).snapshots[0]?.index ?? null,
      meta: LIVE_META,
    }),
  summary: (org: string, env: string, index: number) =>
    queryOptions({
      queryKey: snapshotKeys.summary(org, env, index),
      queryFn: ({ signal }) => fetchSnapshotSummary(org, env, index, signal),
    }),
  detail: (org: string, snappish: Snappish) =>
    queryOptions({
      queryKey: snapshotKeys.detail(org, snappish),
      queryFn: ({ signal }) => fetchSnapshot(org, snappish, { signal }),
      // Only fixed points may skip the default; `staleTime: undefined` would override it with 0.
      ...(snappish.kind === 'index' || snappish.kind === 'time' ? { staleTime: Infinity } : {}),
    }),
}
