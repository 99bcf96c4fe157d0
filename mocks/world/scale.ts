import { commitInfo, makeArtifact } from './artifacts'
import { emptyEnv } from './envs'
import { modernFlow } from './flows'
import type { ArtifactRec, EnvRec, Json, OrgRec } from './model'
import { hex, rng } from './random'
import { buildTimestamps, runPlan } from './timeline'
import type { Action } from './timeline'
import { utc } from './time'

/**
 * `k8s-scale`: a synthetic Kubernetes cluster for performance work. Its latest snapshot runs
 * more than 5,000 artifacts (pods in many namespaces, several flows, some non-compliant, some
 * blue-green pairs) and it has a long history whose neighbouring snapshots differ a little.
 */
export const K8S_ENV = 'k8s-scale'
export const K8S_COUNT = 1200
export const K8S_WORKLOADS = 5100

const NAMESPACES = [
  'payments',
  'checkout',
  'search',
  'catalog',
  'identity',
  'notifications',
  'billing',
  'analytics',
  'inventory',
  'shipping',
  'reviews',
  'recommendations',
]
const TEAMS = ['platform', 'commerce', 'discovery', 'growth', 'core', 'data']

export function k8sFlowName(team: string): string {
  return `k8s-${team}-ci`
}

const START = utc(2026, 5, 25, 6, 0, 0)
const END = utc(2026, 8, 19, 9, 30, 0)
/** the newest artifact of every k8s flow was created then */
const LATEST_ACTIVITY = END - 600

/**
 * Register `k8s-scale` cheaply: its flows and an environment summary now, the 5,000-artifact
 * model only when a request needs it.
 */
export function registerK8sScale(org: OrgRec, applied: Json[]): void {
  const flows: string[] = []
  for (const team of TEAMS) {
    const name = k8sFlowName(team)
    flows.push(name)
    const flow = modernFlow(
      org.name,
      name,
      `Services built by the ${team} team`,
      START - 86400 * 30,
      {
        repo_url: `https://github.com/acme-${team}/services`,
        tags: { kind: 'build', team },
      },
    )
    flow.captured = { latest_activity_at: LATEST_ACTIVITY, latest_state: 'COMPLIANT' }
    org.flows.set(name, flow)
  }
  const stub = emptyEnv(
    org.name,
    K8S_ENV,
    'K8S',
    'Synthetic Kubernetes cluster for performance work',
    START,
    {
      policies: [K8S_POLICY],
      tags: { cluster: 'eks-eu-central-1', synthetic: 'true' },
      count: K8S_COUNT,
      summary: { lastChangedAt: END, state: false },
    },
  )
  org.envs.set(K8S_ENV, stub)
  org.lazy.push({
    envs: [K8S_ENV],
    flows,
    built: false,
    build: () => org.envs.set(K8S_ENV, buildK8sScale(org, stub, applied)),
  })
}

export const K8S_POLICY = 'k8s-provenance'

/** A small policy, so 5,000 policy decisions stay small. */
export const K8S_APPLIED: Json[] = [
  {
    id: '6a1f3c2e-0b7d-4c55-9e21-7d4b1c9a',
    name: K8S_POLICY,
    version: 1,
    policy_dump: {
      schema_version: '1',
      artifacts: {
        provenance: { required: true, exceptions: [] },
        trail_compliance: { required: false, exceptions: [] },
        attestations: [],
      },
    },
    failing_artifacts: [],
  },
]

function buildK8sScale(org: OrgRec, stub: EnvRec, applied: Json[]): EnvRec {
  const random = rng('k8s-scale')
  const start = START
  const end = END
  const anchors = new Map<number, number>([
    [1, start],
    [K8S_COUNT, end],
  ])
  const timestamps = buildTimestamps(K8S_COUNT, anchors, random)
  const versions = new Map<number, number>()
  const newVersion = (w: number, at: number, final = false): ArtifactRec => {
    const n = (versions.get(w) ?? 0) + 1
    versions.set(w, n)
    const team = TEAMS[w % TEAMS.length] ?? 'core'
    const ns = NAMESPACES[w % NAMESPACES.length] ?? 'default'
    const service = `${ns}-svc-${String(w).padStart(4, '0')}`
    const seed = `k8s:${w}:${n}`
    const commit = hex(`c:${seed}`, 40)
    const noProvenance = w % 397 === 5
    const nonCompliant = noProvenance || (!final && random.chance(0.015))
    const createdAt = final ? LATEST_ACTIVITY : (timestamps[at] ?? start) - random.int(600, 7200)
    const repoUrl = `https://github.com/acme-${team}/services`
    const fingerprint = hex(`fp:${seed}`, 64)
    const art = makeArtifact({
      org: org.name,
      service,
      fingerprint,
      // derived from the fingerprint: 5,000 artifacts should not cost 10,000 more hashes
      id: `${fingerprint.slice(0, 8)}-${fingerprint.slice(8, 12)}-4${fingerprint.slice(13, 16)}-a${fingerprint.slice(17, 20)}-${fingerprint.slice(20, 28)}`,
      buildUrl: noProvenance
        ? null
        : `${repoUrl}/actions/runs/${parseInt(fingerprint.slice(0, 7), 16) + 17_000_000_000}`,
      commit: noProvenance ? null : commit,
      createdAt,
      era: 'modern',
      flow: noProvenance ? null : k8sFlowName(team),
      state: nonCompliant ? 'NON-COMPLIANT' : 'COMPLIANT',
      runtimeName: `registry.example.com/${ns}/${service}:${commit.slice(0, 7)}`,
      filename: `registry.example.com/${ns}/${service}:${commit.slice(0, 7)}`,
      repoUrl: noProvenance ? null : repoUrl,
      repoName: noProvenance ? null : `acme-${team}/services`,
      gitCommitInfo: noProvenance
        ? null
        : commitInfo(service, commit, createdAt - 600, `Release ${service} v${n}`, repoUrl),
      reasons: noProvenance
        ? ["Artifact has no provenance (policy 'provenance' requires it)"]
        : nonCompliant
          ? [`Trail '${commit}' is not compliant: attestation 'snyk-container-scan' failed`]
          : [],
      eventRank: w,
    })
    if (nonCompliant && !noProvenance)
      art.policyFailures = { [K8S_POLICY]: 'non_compliant_in_trail' }
    art.k8s = { namespace: ns, owner: service, kind: 'ReplicaSet' }
    org.artifacts.set(art.fingerprint, art)
    return art
  }
  const actions: Action[] = []
  const replicas = new Map<number, number>()
  const current = new Map<number, string>()
  const deploy = (w: number, at: number, blueGreen: boolean, final = false) => {
    const art = newVersion(w, at, final)
    const count = replicas.get(w) ?? 1 + (w % 3)
    replicas.set(w, count)
    actions.push({
      kind: 'deploy',
      at,
      service: `w${w}`,
      fp: art.fingerprint,
      count,
      creation: creation(timestamps[at] ?? start, count, w),
      blueGreen,
    })
    current.set(w, art.fingerprint)
  }
  const creation = (ts: number, count: number, w: number): number[] => {
    const out: number[] = []
    for (let i = 0; i < count; i++) out.push(Math.floor(ts) - 30 - ((w + i * 7) % 25))
    return out.sort((a, b) => a - b)
  }
  const initial = K8S_WORKLOADS - 150
  for (let w = 0; w < initial; w++) deploy(w, 1, false)
  let nextWorkload = initial
  const busy = new Map<number, number>()
  const free = (w: number, at: number) => (busy.get(w) ?? 0) < at - 1
  for (let at = 2; at < K8S_COUNT; at++) {
    const changes = random.int(2, 5)
    for (let c = 0; c < changes; c++) {
      const roll = random.next()
      if (roll < 0.08 && nextWorkload < K8S_WORKLOADS) {
        deploy(nextWorkload, at, false)
        busy.set(nextWorkload, at)
        nextWorkload++
        continue
      }
      const w = random.int(0, nextWorkload - 1)
      if (!free(w, at) || !current.has(w)) continue
      busy.set(w, at + 1)
      if (roll < 0.6) {
        deploy(w, at, random.chance(0.5))
      } else if (roll < 0.8) {
        const count = replicas.get(w) ?? 1
        const next = count === 1 ? 2 : random.chance(0.5) ? count - 1 : count + 1
        replicas.set(w, next)
        actions.push({ kind: 'scale', at, fp: current.get(w) ?? '', count: next })
      } else {
        actions.push({ kind: 'touch', at, fp: current.get(w) ?? '' })
      }
    }
  }
  // blue-green deployments in flight at the latest snapshot: old and new both run
  for (let k = 0; k < 8; k++) deploy(17 + k * 211, K8S_COUNT, true, true)
  return {
    ...stub,
    count: K8S_COUNT,
    timestamps,
    runs: runPlan(K8S_ENV, K8S_COUNT, actions, random, true),
    appliedPolicies: () => applied,
  }
}
