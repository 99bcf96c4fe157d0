import { makeArtifact } from './artifacts'
import {
  appliedPolicies,
  capturedEnvironments,
  capturedEvents,
  capturedSnapshot4357,
  capturedSnapshotLatest,
  capturedSnapshotList,
  capturedSnykAttestations,
  capturedTrails,
  diffArtifacts,
  snapshotArtifacts,
  trailEvents,
} from './captures'
import {
  APRIL_ROLLOUT_AWS_PROD,
  AUGUST_ROLLOUT_AWS_BETA,
  AUGUST_ROLLOUT_AWS_PROD,
  AWS_BETA_POLICIES_FROM,
  AWS_PROD_POLICIES_FROM,
  BETA,
  BETA_COUNT,
  CAPTURED_SNAPSHOT_AWS_PROD,
  CREATOR_BEFORE_ADB922D7_STARTS_AWS_BETA,
  CUSTOM_PREDECESSOR_STARTS_AWS_PROD,
  EXERCISES_PREDECESSOR_STARTS_AWS_PROD,
  LISTED_TWICE_AWS_BETA,
  ORG,
  PREDECESSORS_START_AWS_PROD,
  PROD,
  PROD_COUNT,
} from './cyber-dojo-moments'
import type { Moment } from './cyber-dojo-moments'
import { addArtifact, rankOf } from './cyber-dojo-pins'
import type { Clock, PinBoard } from './cyber-dojo-pins'
import { SEED_STORY_ENDS_AWS_PROD } from './cyber-dojo-seed'
import { asObject, num, nums, objects, optStr, str } from './json'
import type { ArtifactRec, EnvRec, GitCommitInfo, Json, JsonObject, OrgRec, Run } from './model'
import { hex } from './random'
import type { Rng } from './random'
import { indexAtTime } from './timeline'
import type { Action } from './timeline'

/** The real captures of 2026: their artifacts, where they ran, and aws-prod/aws-beta themselves. */

export interface CapturedArtifacts {
  /** the entries of the latest captured aws-prod snapshot, in its order */
  latest: ArtifactRec[]
  /** the entries of captured aws-prod#4357, in its order */
  at4357: ArtifactRec[]
  /** aws-beta's latest versions that aws-prod does not run (the beta-vs-prod diff) */
  betaLatest: { art: ArtifactRec; mrt: number; count: number }[]
  /** the differ of the snyk attestation capture (May 2025) */
  differ5ccc: ArtifactRec
}

function serviceOfName(name: string): string {
  const afterSlash = name.slice(name.lastIndexOf('/') + 1)
  return afterSlash.slice(0, afterSlash.indexOf(':'))
}

function artifactIdOf(htmlUrl: string | null): string | undefined {
  if (!htmlUrl) return undefined
  const match = /artifact_id=([0-9a-f-]+)/.exec(htmlUrl)
  return match?.[1]
}

function gitCommitInfoOf(info: JsonObject): GitCommitInfo {
  return {
    sha1: str(info, 'sha1'),
    message: str(info, 'message'),
    author: str(info, 'author'),
    branch: str(info, 'branch'),
    timestamp: num(info, 'timestamp'),
    url: str(info, 'url'),
  }
}

export function addCapturedArtifacts(org: OrgRec, random: Rng): CapturedArtifacts {
  const fromSnapshotEntry = (entry: JsonObject): ArtifactRec => {
    const fp = str(entry, 'fingerprint')
    const existing = org.artifacts.get(fp)
    if (existing) return existing
    const flowName = str(entry, 'flow_name')
    const flows = objects(entry['flows'], 'flows')
    const own = flows.find((f) => str(f, 'flow_name') === flowName) ?? flows[0]
    const info = own ? asObject(own['git_commit_info'], 'git_commit_info') : null
    const name = str(entry, 'name')
    const service = serviceOfName(name)
    const commitTs = info ? num(info, 'timestamp') : 0
    return addArtifact(
      org,
      makeArtifact({
        org: ORG,
        service,
        fingerprint: fp,
        commit: optStr(entry, 'git_commit'),
        createdAt: commitTs + 240 + random.int(0, 200),
        era: 'modern',
        flow: flowName,
        runtimeName: name,
        filename: name.slice(0, name.indexOf('@')),
        id: artifactIdOf(optStr(entry, 'html_url')),
        trail: own ? optStr(own, 'trail_name') : null,
        templateRef: own ? optStr(own, 'template_reference_name') : service,
        gitCommitInfo: info ? gitCommitInfoOf(info) : null,
        commitUrl: optStr(entry, 'commit_url'),
        snapshotTemplate: entry,
        eventRank: rankOf(service),
      }),
    )
  }
  const latest = snapshotArtifacts(capturedSnapshotLatest).map(fromSnapshotEntry)
  const at4357 = snapshotArtifacts(capturedSnapshot4357).map(fromSnapshotEntry)

  const betaLatest = diffArtifacts('snappish1').map((d) => {
    const name = str(d, 'name')
    const service = serviceOfName(name)
    const commitUrl = str(d, 'commit_url')
    const commit = commitUrl.slice(commitUrl.lastIndexOf('/') + 1)
    const mrt = num(d, 'most_recent_timestamp')
    const art = addArtifact(
      org,
      makeArtifact({
        org: ORG,
        service,
        fingerprint: str(d, 'fingerprint'),
        commit,
        createdAt: mrt - 420 - random.int(0, 200),
        era: 'modern',
        flow: str(d, 'flow'),
        runtimeName: name,
        commitUrl,
        eventRank: rankOf(service),
      }),
    )
    return { art, mrt, count: num(d, 'instance_count') }
  })

  const snyk = capturedSnykAttestations[0]
  if (!snyk) throw new Error('capture: no snyk attestation')
  const snykInfo = gitCommitInfoOf(asObject(snyk['git_commit_info']))
  const differ5ccc = addArtifact(
    org,
    makeArtifact({
      org: ORG,
      service: 'differ',
      fingerprint: str(snyk, 'artifact_fingerprint'),
      commit: snykInfo.sha1,
      createdAt: num(snyk, 'created_at') - 60,
      era: 'modern',
      flow: 'differ-ci',
      trail: str(snyk, 'trail_name'),
      gitCommitInfo: snykInfo,
      eventRank: rankOf('differ'),
    }),
  )

  // creation times from the captured trails
  for (const trail of capturedTrails) {
    for (const e of trailEvents(trail)) {
      if (e['type'] !== 'artifact_creation_reported') continue
      const art = org.artifacts.get(str(e, 'artifact_fingerprint'))
      if (art && (art.createdAt === 0 || num(e, 'timestamp') < art.createdAt)) {
        art.createdAt = num(e, 'timestamp')
        art.id = str(e, 'artifact_id')
      }
    }
  }
  return { latest, at4357, betaLatest, differ5ccc }
}

/** The versions an artifact's captured deployment_diff names: created when first named. */
function previousOf(org: OrgRec, art: ArtifactRec): ArtifactRec | null {
  const dd = art.snapshotTemplate?.['deployment_diff']
  if (!dd || typeof dd !== 'object' || Array.isArray(dd)) return null
  const fp = str(dd, 'previous_fingerprint')
  const existing = org.artifacts.get(fp)
  if (existing) {
    art.previous = fp
    return existing
  }
  const name = str(dd, 'previous_artifact_name')
  const prev = addArtifact(
    org,
    makeArtifact({
      org: ORG,
      service: art.service,
      fingerprint: fp,
      commit: str(dd, 'previous_git_commit'),
      createdAt: 0,
      era: 'modern',
      flow: art.flow,
      runtimeName: name,
      filename: name.slice(0, name.indexOf('@')),
      trail: optStr(dd, 'previous_trail_name'),
      templateRef: optStr(dd, 'previous_template_reference_name'),
      eventRank: rankOf(art.service),
    }),
  )
  art.previous = fp
  return prev
}

const timed = (moments: Moment[]): [number, number][] =>
  moments.flatMap((m) => (m.at === undefined ? [] : [[m.index, m.at] as [number, number]]))

/**
 * Snapshot times the captures fix: the rollouts, the trails' started/stopped running events,
 * snapshot #4357, the captured snapshot list and aws-beta's last change. Later ones win.
 */
export function capturedTimes(): Record<string, [number, number][]> {
  const prod = timed([...APRIL_ROLLOUT_AWS_PROD, ...AUGUST_ROLLOUT_AWS_PROD])
  const beta = timed(AUGUST_ROLLOUT_AWS_BETA)
  const fromTrails: [string, number, number][] = []
  for (const trail of capturedTrails) {
    for (const e of trailEvents(trail)) {
      const type = e['type']
      if (type !== 'artifact_started_running' && type !== 'artifact_stopped_running') continue
      fromTrails.push([str(e, 'environment_name'), num(e, 'snapshot_index'), num(e, 'timestamp')])
    }
  }
  for (const [env, index, at] of fromTrails) (env === PROD ? prod : beta).push([index, at])
  prod.push([CAPTURED_SNAPSHOT_AWS_PROD, num(capturedSnapshot4357, 'timestamp')])
  for (const item of capturedSnapshotList) prod.push([num(item, 'index'), num(item, 'from')])
  beta.push([BETA_COUNT, num(capturedEnvJson(BETA), 'last_changed_at')])
  return { [PROD]: prod, [BETA]: beta }
}

function capturedEnvJson(name: string): JsonObject {
  const json = capturedEnvironments.find((e) => e['name'] === name)
  if (!json) throw new Error(`capture: no ${name}`)
  return json
}

/** The captured snapshots' contents are fixed: no synthetic version may change them. */
export const CAPTURED_CHECKPOINTS: Record<string, number[]> = {
  [PROD]: [CAPTURED_SNAPSHOT_AWS_PROD, PROD_COUNT],
  [BETA]: [BETA_COUNT],
}

function rolloutIndex(rollout: { index: number; builtBefore: number }[], built: number): number {
  const row = rollout.find((r) => built < r.builtBefore) ?? rollout[rollout.length - 1]
  return row?.index ?? 0
}

const replicasOfService = (service: string) => (service === 'runner' || service === 'web' ? 3 : 1)

/**
 * Where the captured artifacts run: as the captured snapshots, trails and diff show them, and
 * the versions they replaced a little earlier.
 */
export function pinCaptures(board: PinBoard, captured: CapturedArtifacts): void {
  const { org, clock } = board
  const startsFromTrails = new Map<string, number>()
  for (const trail of capturedTrails) {
    for (const e of trailEvents(trail)) {
      if (e['type'] !== 'artifact_started_running') continue
      const art = org.artifacts.get(str(e, 'artifact_fingerprint'))
      if (!art) continue
      const env = str(e, 'environment_name')
      startsFromTrails.set(`${env}/${art.fingerprint}`, num(e, 'snapshot_index'))
    }
  }
  for (const [i, entry] of snapshotArtifacts(capturedSnapshot4357).entries()) {
    const art = captured.at4357[i]
    if (!art) continue
    const creation = nums(entry, 'creationTimestamp')
    const annotation = asObject(entry['annotation'])
    const startedHere = annotation['type'] === 'started-compliant'
    const exitedHere = annotation['type'] === 'exited'
    const index = startedHere
      ? CAPTURED_SNAPSHOT_AWS_PROD
      : (startsFromTrails.get(`${PROD}/${art.fingerprint}`) ??
        rolloutIndex(APRIL_ROLLOUT_AWS_PROD, Math.max(...creation)))
    board.pin(PROD, art, index, creation.length, !(startedHere || exitedHere), creation)
  }
  for (const [i, entry] of snapshotArtifacts(capturedSnapshotLatest).entries()) {
    const art = captured.latest[i]
    if (!art) continue
    const creation = nums(entry, 'creationTimestamp')
    const index = rolloutIndex(AUGUST_ROLLOUT_AWS_PROD, Math.max(...creation))
    board.pin(PROD, art, index, creation.length, true, creation)
  }
  // beta's latest versions, at the times the diff capture gives
  for (const { art, mrt, count } of captured.betaLatest) {
    const index = Math.min(indexAtTime(clock.betaTs, BETA_COUNT, mrt) + 1, BETA_COUNT)
    const creation = count === 1 ? [mrt] : [mrt - 6, mrt - 3, mrt].slice(3 - count)
    board.pin(BETA, art, index, count, index !== BETA_COUNT, creation)
  }
  // beta trail starts
  for (const [key, index] of startsFromTrails) {
    const [env, fp] = key.split('/')
    const art = fp ? org.artifacts.get(fp) : undefined
    if (env !== BETA || !art) continue
    board.pin(BETA, art, index, replicasOfService(art.service))
  }

  // predecessors of the latest prod versions, and of #4357's
  let slot = 0
  for (const art of captured.latest) {
    const prev = previousOf(org, art)
    if (!prev || prev.fingerprint === art.fingerprint) continue
    if (board.pins.some((p) => p.env === PROD && p.fp === prev.fingerprint)) continue
    const index =
      art.service === 'exercises-start-points'
        ? EXERCISES_PREDECESSOR_STARTS_AWS_PROD
        : art.service === 'custom-start-points'
          ? CUSTOM_PREDECESSOR_STARTS_AWS_PROD
          : (PREDECESSORS_START_AWS_PROD[slot++ % PREDECESSORS_START_AWS_PROD.length] ?? 0)
    board.pin(PROD, prev, index, replicasOfService(art.service), art.service !== 'spooler')
  }
  for (const art of captured.at4357) previousOf(org, art)
  const creatorBefore = org.artifacts.get(
    captured.latest.find((a) => a.service === 'creator')?.previous ?? '',
  )
  if (creatorBefore)
    board.pin(BETA, creatorBefore, CREATOR_BEFORE_ADB922D7_STARTS_AWS_BETA, 1, false)
}

/** Every aws-prod version after the seed story ran in aws-beta first; so did the snyk differ. */
export function reachBetaFirst(board: PinBoard, captured: CapturedArtifacts, random: Rng): void {
  const { org, clock } = board
  const betaPinned = new Set(board.pins.filter((p) => p.env === BETA).map((p) => p.fp))
  for (const p of board.pins.filter((q) => q.env === PROD && q.index > SEED_STORY_ENDS_AWS_PROD)) {
    if (betaPinned.has(p.fp)) continue
    const art = org.artifacts.get(p.fp)
    if (!art) continue
    const prodStart = clock.tsOf(PROD, p.index)
    if (art.createdAt === 0 || art.createdAt >= prodStart)
      art.createdAt = prodStart - random.int(3600, 5 * 3600)
    board.float({
      env: BETA,
      service: p.service,
      fp: p.fp,
      at: art.createdAt + (prodStart - art.createdAt) * 0.5,
      count: p.count,
      blueGreen: true,
    })
  }
  const { differ5ccc } = captured
  board.float({
    env: BETA,
    service: 'differ',
    fp: differ5ccc.fingerprint,
    at: differ5ccc.createdAt + 700,
    count: 1,
    blueGreen: true,
  })
  board.float({
    env: PROD,
    service: 'differ',
    fp: differ5ccc.fingerprint,
    at: differ5ccc.createdAt + 5400,
    count: 1,
    blueGreen: true,
  })
}

/** The captured aws-prod events: restarts and provenance updates at their snapshots. */
export function capturedEventActions(): Action[] {
  const out: Action[] = []
  for (const e of capturedEvents) {
    const index = num(e, 'snapshot_index')
    const fp = str(e, 'sha256')
    if (e['type'] === 'updated-provenance') out.push({ kind: 'provenance', at: index, fp })
    else if (e['type'] === 'changed') out.push({ kind: 'touch', at: index, fp })
  }
  return out
}

/**
 * `LISTED_TWICE_AWS_BETA`: a second entry of the same version, one instance, in the snapshot its
 * blue-green deploy starts in; it is gone in the next one, with the old version. Placed before
 * the version's own run, so snapshots list it after that run.
 */
export function listTwice(org: OrgRec, runs: Run[], clock: Clock): Run {
  const { service, near } = LISTED_TWICE_AWS_BETA
  const deploys = runs.filter(
    (run) =>
      org.artifacts.get(run.fp)?.service === service &&
      run.start > 1 &&
      run.steps[0]?.count === 1 &&
      (run.end === null || run.end > run.start + 1),
  )
  const distance = (run: Run) => Math.abs(clock.tsOf(BETA, run.start) - near)
  const nearest = deploys.reduce<Run | undefined>(
    (best, run) => (best === undefined || distance(run) < distance(best) ? run : best),
    undefined,
  )
  if (!nearest) throw new Error(`world: no ${service} deploy in aws-beta to list twice`)
  const twin: Run = {
    env: BETA,
    fp: nearest.fp,
    start: nearest.start,
    end: nearest.start + 1,
    steps: [{ at: nearest.start, count: 1 }],
    touches: [],
    provenanceUpdates: [],
    creation: nearest.creation.slice(0, 1),
  }
  runs.splice(runs.indexOf(nearest), 0, twin)
  return twin
}

/** aws-prod and aws-beta as captured, with their runs, serving the captured snapshots as they are. */
export function capturedEnvs(
  timestamps: { prodTs: Float64Array; betaTs: Float64Array },
  runs: { prod: Run[]; beta: Run[] },
): { prod: EnvRec; beta: EnvRec } {
  const prod = capturedEnv(capturedEnvJson(PROD), PROD_COUNT, timestamps.prodTs, runs.prod, (i) =>
    i < AWS_PROD_POLICIES_FROM
      ? []
      : i <= CAPTURED_SNAPSHOT_AWS_PROD
        ? appliedPolicies(capturedSnapshot4357)
        : appliedPolicies(capturedSnapshotLatest),
  )
  prod.captured.set(CAPTURED_SNAPSHOT_AWS_PROD, capturedSnapshot4357)
  for (const e of capturedEvents)
    prod.eventOverrides.set(`${num(e, 'snapshot_index')}/${str(e, 'sha256')}`, e)
  prod.captured.set(PROD_COUNT, capturedSnapshotLatest)
  const betaPolicies = betaAppliedPolicies()
  const beta = capturedEnv(capturedEnvJson(BETA), BETA_COUNT, timestamps.betaTs, runs.beta, (i) =>
    i < AWS_BETA_POLICIES_FROM ? [] : betaPolicies,
  )
  return { prod, beta }
}

function capturedEnv(
  json: JsonObject,
  count: number,
  timestamps: Float64Array,
  runs: EnvRec['runs'],
  applied: (index: number) => Json[],
): EnvRec {
  return {
    org: ORG,
    name: str(json, 'name'),
    type: str(json, 'type'),
    description: str(json, 'description'),
    tags: Object.fromEntries(
      Object.entries(asObject(json['tags'])).map(([k, v]) => [k, String(v)]),
    ),
    policies: Array.isArray(json['policies']) ? json['policies'].map(String) : null,
    includedEnvironments: null,
    lastModifiedAt: num(json, 'last_modified_at'),
    lastReportedAt: num(json, 'last_reported_at'),
    count,
    timestamps,
    runs,
    appliedPolicies: applied,
    captured: new Map(),
    source: json,
    eventOverrides: new Map(),
  }
}

/** aws-beta's policies, in the shape of the captured aws-prod ones. */
function betaAppliedPolicies(): Json[] {
  const prodPolicies = appliedPolicies(capturedSnapshotLatest).map((p) => asObject(p))
  const out: Json[] = []
  for (const p of prodPolicies) {
    const name = str(p, 'name')
    if (name === 'production-promotion') continue
    const renamed = name.replace('aws-prod', 'aws-beta')
    const dump = JSON.parse(
      JSON.stringify(p['policy_dump']).replaceAll('aws-prod', 'aws-beta'),
    ) as Json
    out.push({
      ...p,
      id: name === renamed ? str(p, 'id') : hex(`policy:${renamed}`, 8) + str(p, 'id').slice(8),
      name: renamed,
      policy_dump: dump,
    })
  }
  return out
}
