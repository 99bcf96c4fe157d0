/**
 * The demo world's model. Everything the API serves about runtime (snapshots, events,
 * diffs, artifact history, running/exited, compliance counts) is derived from `Run`s, so the
 * endpoints can never disagree with each other.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export type ComplianceState = 'COMPLIANT' | 'NON-COMPLIANT' | 'INCOMPLETE'
export type Era = 'legacy' | 'modern'

export interface HistoryRow {
  event: string
  timestamp: number
  /** absent on legacy (2022) rows */
  type?: string
}

export interface GitCommitInfo {
  sha1: string
  message: string
  author: string
  branch: string
  timestamp: number
  url: string
}

export interface ArtifactRec {
  org: string
  fingerprint: string
  id: string
  /** null when the artifact has no provenance (reported by an environment only) */
  flow: string | null
  service: string
  /** the artifact's name in its flow (`filename`) */
  filename: string
  /** the name environments report (image with registry, maybe with @sha256) */
  runtimeName: string
  trail: string | null
  templateRef: string | null
  gitCommit: string | null
  commitUrl: string | null
  buildUrl: string | null
  repoUrl: string | null
  repoName: string | null
  createdAt: number
  era: Era
  state: ComplianceState
  /** reasons shown on snapshots when not compliant */
  reasons: string[]
  gitCommitInfo: GitCommitInfo | null
  /** history rows that do not come from runtime: creation, evidence, attestations, deployments */
  preHistory: HistoryRow[]
  /** legacy evidence map */
  evidence: JsonObject
  /** legacy deployment numbers per environment */
  deployments: Record<string, number>
  /** the version this one replaced (for deployment_diff) */
  previous: string | null
  /** captured snapshot entry whose rich fields (flows, policy_decisions…) are reused */
  snapshotTemplate: JsonObject | null
  /** policies this artifact fails, with the resolution type that says why */
  policyFailures: Record<string, string>
  /** its compliance before a later change (e.g. an attestation reported after it started running) */
  earlier: EarlierVerdict | null
  /** where snapshot events order this artifact inside one snapshot (captured order) */
  eventRank: number
  /** K8S only: namespace and owner used to name pods */
  k8s: { namespace: string; owner: string; kind: string } | null
}

/** How an artifact was judged: now (the `ArtifactRec` itself) or before a change. */
export type Verdict = Pick<ArtifactRec, 'state' | 'reasons' | 'policyFailures'>

/** The verdict in force until `until` (a timestamp); from then on the artifact's own applies. */
export interface EarlierVerdict extends Verdict {
  until: number
}

export interface Step {
  at: number
  count: number
}

/** One stay of one artifact in one environment: from snapshot `start` until it exits at `end`. */
export interface Run {
  env: string
  fp: string
  start: number
  /** the snapshot in which it is reported exited; null while it still runs */
  end: number | null
  /** replica counts; steps[0].at === start */
  steps: Step[]
  /** snapshots where instances changed without a count change ("3 instances changed") */
  touches: number[]
  /** snapshots with an `updated-provenance` event */
  provenanceUpdates: number[]
  /** per replica start time (ints), at least as many as the largest count */
  creation: number[]
}

export interface EnvRec {
  org: string
  name: string
  type: string
  description: string
  tags: Record<string, string>
  policies: string[] | null
  includedEnvironments: string[] | null
  lastModifiedAt: number
  lastReportedAt: number | null
  /** number of snapshots; 0 for environments that never reported */
  count: number
  /** snapshot N's `from` timestamp (1-based), length count + 1 */
  timestamps: Float64Array
  runs: Run[]
  /** applied policies in snapshot N */
  appliedPolicies: (index: number) => Json[]
  /** snapshots served exactly as captured */
  captured: Map<number, JsonObject>
  /** the captured environment JSON, when there is one */
  source: JsonObject | null
  /** captured events, by `${snapshot_index}/${sha256}` */
  eventOverrides: Map<string, JsonObject>
  /** what the environments list shows before a lazy environment is built */
  summary?: { lastChangedAt: number; state: boolean | null }
}

export interface FlowRec {
  org: string
  json: JsonObject
  name: string
  createdAt: number
  /** list-only fields served as captured */
  captured?: { latest_activity_at: Json; latest_state: Json }
}

export interface TrailRec {
  org: string
  flow: string
  name: string
  json: JsonObject
}

export interface AttestationRec {
  org: string
  flow: string
  trail: string
  id: string
  name: string
  /** fingerprint for artifact attestations; null for trail attestations */
  fingerprint: string | null
  createdAt: number
  json: JsonObject
}

export interface PolicyRec {
  org: string
  name: string
  json: JsonObject
}

/** A large part of an org (e.g. `k8s-scale`) built only when a request needs it. */
export interface LazyPart {
  envs: string[]
  flows: string[]
  build: () => void
  built: boolean
}

export interface OrgRec {
  name: string
  createdAt: number
  /** bumped whenever a lazy part is built, so derived indexes are rebuilt */
  generation: number
  lazy: LazyPart[]
  flows: Map<string, FlowRec>
  artifacts: Map<string, ArtifactRec>
  envs: Map<string, EnvRec>
  trails: Map<string, TrailRec>
  attestations: Map<string, AttestationRec>
  policies: Map<string, PolicyRec>
}

export function newOrg(name: string, createdAt: number): OrgRec {
  return {
    name,
    createdAt,
    generation: 0,
    lazy: [],
    flows: new Map(),
    artifacts: new Map(),
    envs: new Map(),
    trails: new Map(),
    attestations: new Map(),
    policies: new Map(),
  }
}

/**
 * Build the lazy parts a request needs: those owning `scope.env` or `scope.flow`, or all of
 * them when no scope is given.
 */
export function materialize(org: OrgRec, scope?: { env?: string; flow?: string }): void {
  for (const part of org.lazy) {
    if (part.built) continue
    const needed =
      !scope ||
      (scope.env !== undefined && part.envs.includes(scope.env)) ||
      (scope.flow !== undefined && part.flows.includes(scope.flow))
    if (!needed) continue
    part.built = true
    part.build()
    org.generation++
  }
}

export function trailKey(flow: string, trail: string): string {
  return `${flow}/${trail}`
}
