import { commitInfo, makeArtifact } from './artifacts'
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
import { asObject, num, nums, objects, optStr, str } from './json'
import type { ArtifactRec, EnvRec, Json, JsonObject, OrgRec } from './model'
import { hex, rng } from './random'
import type { Rng } from './random'
import { buildTimestamps, indexAtTime, runPlan } from './timeline'
import { setAttestations, setMissing, standardAttestations, trailAttestations } from './trails'
import type { Action } from './timeline'
import { utc } from './time'

export const ORG = 'cyber-dojo'
export const PROD = 'aws-prod'
export const BETA = 'aws-beta'
export const PROD_COUNT = 5253
export const BETA_COUNT = 8099
/** Flows were renamed `<service>-ci` and images moved registry at this moment. */
export const ERA_SWITCH = utc(2024, 3, 1)

/** Services in the order environment events list them inside one snapshot (as captured). */
export const SERVICES = [
  'web',
  'exercises-start-points',
  'saver',
  'creator',
  'languages-start-points',
  'dashboard',
  'differ',
  'custom-start-points',
  'nginx',
  'runner',
  'spooler',
  'repler',
  'shas',
  'version-reporter',
] as const

export const SEED = {
  runner16d9990: {
    fingerprint: '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
    commit: '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
    buildUrl: 'https://github.com/cyber-dojo/runner/actions/runs/2902808452',
    createdAt: utc(2022, 8, 22, 9, 35, 0),
  },
  runner85d83c6: {
    fingerprint: 'eeb0cfc9ee7f69fbd9531d5b8c1e8d22a8de119e2a422344a714a868e9a8bfec',
  },
  shas7c45272: { fingerprint: '76c442c04283c4ca1af22d882750eb960cf53c0aa041bbdb2db9df2f2c1282be' },
  differ1a2b170: {
    fingerprint: 'd8440b94f7f9174c180324ceafd4148360d9d7c916be2b910f132c58b8a943ae',
  },
}

/** The auditor's cases in aws-beta. */
export const AUDIT = {
  saverHotfix: {
    fingerprint: hex('audit:saver-hotfix', 64),
    commit: `e1f0c3a${hex('audit:saver-hotfix-commit', 33)}`,
    start: 7900,
  },
  busybox: { fingerprint: hex('audit:busybox', 64), start: 7920, end: 7923 },
  /**
   * The saver that replaced the hotfix: it started running in aws-beta before its container scan
   * was reported (non-compliant then), became compliant when the scan arrived, and reached
   * aws-prod compliant.
   */
  lateScan: {
    fingerprint: '2ec004d6e7c2668ff407b4384d6b4c62f92d9606ae18447c5fb326211921bc6a',
    trail: '36f0420f728fe61e44a3ab0043cf9a3d70863cad',
    betaStart: 7939,
    betaCompliantFrom: 7945,
    prodStart: 5220,
  },
}

const retirements: Record<string, number> = {
  repler: utc(2023, 10, 2),
  shas: utc(2024, 2, 5),
  'version-reporter': utc(2024, 6, 3),
}

interface Pin {
  env: string
  service: string
  fp: string
  index: number
  count: number
  creation: number[]
  blueGreen: boolean
}

interface FloatingPin {
  env: string
  service: string
  fp: string
  /** place it at about this time */
  at: number
  count: number
  blueGreen: boolean
}

export function creationBefore(ts: number, count: number, random: Rng): number[] {
  const last = Math.floor(ts) - random.int(4, 40)
  const out: number[] = []
  for (let i = count - 1; i >= 0; i--) out.push(last - i * random.int(2, 6))
  return out
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

function rankOf(service: string): number {
  const i = (SERVICES as readonly string[]).indexOf(service)
  return i < 0 ? 100 : i
}

export interface CyberDojoParts {
  org: OrgRec
  prod: EnvRec
  beta: EnvRec
}

/** Build the cyber-dojo org: seed story (2022), captures (2026) and everything in between. */
export function buildCyberDojo(org: OrgRec): CyberDojoParts {
  const random = rng('cyber-dojo')
  const add = (art: ArtifactRec) => {
    org.artifacts.set(art.fingerprint, art)
    return art
  }

  // --- known artifacts: the seed -------------------------------------------------------------
  const seedRunner = add(
    makeArtifact({
      org: ORG,
      service: 'runner',
      fingerprint: SEED.runner16d9990.fingerprint,
      commit: SEED.runner16d9990.commit,
      createdAt: SEED.runner16d9990.createdAt,
      era: 'legacy',
      flow: 'runner',
      buildUrl: SEED.runner16d9990.buildUrl,
      eventRank: rankOf('runner'),
    }),
  )
  const legacyKnown = (service: string, fp: string, short: string, createdAt: number) =>
    add(
      makeArtifact({
        org: ORG,
        service,
        fingerprint: fp,
        commit: `${short}${hex(`commit:${fp}`, 40 - short.length)}`,
        createdAt,
        era: 'legacy',
        flow: service,
        eventRank: rankOf(service),
      }),
    )
  const runner85 = legacyKnown(
    'runner',
    SEED.runner85d83c6.fingerprint,
    '85d83c6',
    utc(2022, 8, 20, 13, 31, 7),
  )
  const shas = legacyKnown(
    'shas',
    SEED.shas7c45272.fingerprint,
    '7c45272',
    utc(2022, 8, 22, 6, 44, 51),
  )
  const differ = legacyKnown(
    'differ',
    SEED.differ1a2b170.fingerprint,
    '1a2b170',
    utc(2022, 8, 20, 9, 52, 30),
  )
  const runnerNext = legacyKnown(
    'runner',
    hex('runner:successor', 64),
    'b2d4c6e',
    utc(2022, 8, 24, 15, 57, 40),
  )

  // --- known artifacts: the 2026 captures ----------------------------------------------------
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
    return add(
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
        gitCommitInfo: info
          ? {
              sha1: str(info, 'sha1'),
              message: str(info, 'message'),
              author: str(info, 'author'),
              branch: str(info, 'branch'),
              timestamp: num(info, 'timestamp'),
              url: str(info, 'url'),
            }
          : null,
        commitUrl: optStr(entry, 'commit_url'),
        snapshotTemplate: entry,
        eventRank: rankOf(service),
      }),
    )
  }
  const latestEntries = snapshotArtifacts(capturedSnapshotLatest).map(fromSnapshotEntry)
  const entries4357 = snapshotArtifacts(capturedSnapshot4357).map(fromSnapshotEntry)

  /** Versions named only by another artifact's deployment_diff. */
  const previousOf = (art: ArtifactRec): ArtifactRec | null => {
    const dd = art.snapshotTemplate?.['deployment_diff']
    if (!dd || typeof dd !== 'object' || Array.isArray(dd)) return null
    const fp = str(dd, 'previous_fingerprint')
    const existing = org.artifacts.get(fp)
    if (existing) {
      art.previous = fp
      return existing
    }
    const commit = str(dd, 'previous_git_commit')
    const name = str(dd, 'previous_artifact_name')
    const prev = add(
      makeArtifact({
        org: ORG,
        service: art.service,
        fingerprint: fp,
        commit,
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

  // beta-only versions from the beta-vs-prod diff
  const betaLatest = diffArtifacts('snappish1').map((d) => {
    const name = str(d, 'name')
    const service = serviceOfName(name)
    const commitUrl = str(d, 'commit_url')
    const commit = commitUrl.slice(commitUrl.lastIndexOf('/') + 1)
    const mrt = num(d, 'most_recent_timestamp')
    const art = add(
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

  // the snyk attestation capture's differ version (May 2025)
  const snyk = capturedSnykAttestations[0]
  if (!snyk) throw new Error('capture: no snyk attestation')
  const snykInfo = asObject(snyk['git_commit_info'])
  const differ5ccc = add(
    makeArtifact({
      org: ORG,
      service: 'differ',
      fingerprint: str(snyk, 'artifact_fingerprint'),
      commit: str(snykInfo, 'sha1'),
      createdAt: num(snyk, 'created_at') - 60,
      era: 'modern',
      flow: 'differ-ci',
      trail: str(snyk, 'trail_name'),
      gitCommitInfo: {
        sha1: str(snykInfo, 'sha1'),
        message: str(snykInfo, 'message'),
        author: str(snykInfo, 'author'),
        branch: str(snykInfo, 'branch'),
        timestamp: num(snykInfo, 'timestamp'),
        url: str(snykInfo, 'url'),
      },
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

  // --- the auditor's non-compliant artifacts -------------------------------------------------
  const hotfixCreated = utc(2026, 8, 7, 16, 20, 11)
  const hotfix = add(
    makeArtifact({
      org: ORG,
      service: 'saver',
      fingerprint: AUDIT.saverHotfix.fingerprint,
      commit: AUDIT.saverHotfix.commit,
      createdAt: hotfixCreated,
      era: 'modern',
      flow: 'saver-ci',
      state: 'NON-COMPLIANT',
      gitCommitInfo: commitInfo(
        'saver',
        AUDIT.saverHotfix.commit,
        hotfixCreated - 260,
        'Hotfix: raise saver write timeout (pushed straight to main)',
      ),
      reasons: [
        "Missing attestation 'pull_request' required by policy 'pull-request'",
        "Attestation 'unit-test' is not compliant (3 of 412 tests failed)",
        "Attestation 'snyk-container-scan' is not compliant (2 high severity vulnerabilities)",
        "Trail '" +
          AUDIT.saverHotfix.commit +
          "' is not compliant (policy 'trail-compliance-aws-beta')",
      ],
      eventRank: rankOf('saver'),
    }),
  )
  hotfix.policyFailures = {
    'pull-request': 'missing_attestation',
    'snyk-scan-aws-beta': 'non_compliant_attestation',
    'trail-compliance-aws-beta': 'non_compliant_in_trail',
  }
  setAttestations(
    hotfix.fingerprint,
    trailAttestations({
      pullRequest: null,
      tests: { total: 412, passed: 407, failed: 3, skipped: 2 },
      vulnerabilities: { high: 2, medium: 5, low: 11 },
      metrics: {
        coverage: { lines: 88.2, branches: 79.5 },
        failing: ['test_save_kata_timeout', 'test_event_batch_limit', 'test_retry_backoff'],
      },
    }),
  )
  setMissing(hotfix.fingerprint, [
    { name: 'pull-request', type: 'pull_request', onArtifact: false },
  ])
  const busybox = add(
    makeArtifact({
      org: ORG,
      service: 'busybox',
      fingerprint: AUDIT.busybox.fingerprint,
      commit: null,
      createdAt: 0,
      era: 'modern',
      flow: null,
      state: 'NON-COMPLIANT',
      runtimeName: `docker.io/library/busybox:1.36@sha256:${AUDIT.busybox.fingerprint}`,
      filename: 'docker.io/library/busybox:1.36',
      repoUrl: null,
      trail: null,
      templateRef: null,
      reasons: ["Artifact has no provenance (policy 'provenance' requires it)"],
      repoName: null,
      eventRank: 50,
    }),
  )

  // --- anchors ------------------------------------------------------------------------------
  const prodAnchors = new Map<number, number>([
    [1, utc(2022, 8, 10, 9, 0, 0)],
    [55, utc(2022, 8, 20, 10, 17, 5)],
    [58, utc(2022, 8, 20, 14, 5, 30)],
    [64, utc(2022, 8, 22, 7, 12, 40)],
    [65, utc(2022, 8, 22, 9, 39, 22)],
    [94, utc(2022, 8, 24, 16, 10, 28)],
    [95, utc(2022, 8, 24, 16, 11, 28)],
    [96, utc(2022, 8, 24, 16, 12, 28)],
    [4310, 1776923560.214857],
    [4352, 1777842960.318846],
    [5150, 1785241300.411273],
    [5220, 1786425120.705618],
    [5221, 1786425190.218803],
    [5223, 1786425440.93304],
    [5224, 1786425530.61442],
  ])
  const betaAnchors = new Map<number, number>([
    [1, utc(2022, 8, 8, 12, 0, 0)],
    [77, utc(2022, 8, 20, 10, 16, 10)],
    [79, utc(2022, 8, 20, 13, 58, 40)],
    [83, utc(2022, 8, 22, 7, 5, 0)],
    [84, utc(2022, 8, 22, 9, 38, 28)],
    [117, utc(2022, 8, 24, 16, 3, 42)],
    [118, utc(2022, 8, 24, 16, 4, 42)],
    [119, utc(2022, 8, 24, 16, 5, 42)],
    [7960, 1786437270.31542],
    [7961, 1786437760.12811],
    [7962, 1786438090.80432],
    [7963, 1786438440.23391],
    [7964, 1786438540.61772],
    [8010, 1786632610.42014],
    [8080, 1787073660.90266],
  ])
  // trail captures: started/stopped running times are snapshot times
  for (const trail of capturedTrails) {
    for (const e of trailEvents(trail)) {
      const type = e['type']
      if (type !== 'artifact_started_running' && type !== 'artifact_stopped_running') continue
      const anchors = str(e, 'environment_name') === PROD ? prodAnchors : betaAnchors
      anchors.set(num(e, 'snapshot_index'), num(e, 'timestamp'))
    }
  }
  prodAnchors.set(4357, num(capturedSnapshot4357, 'timestamp'))
  for (const item of capturedSnapshotList) prodAnchors.set(num(item, 'index'), num(item, 'from'))
  const betaEnvJson = capturedEnvironments.find((e) => e['name'] === BETA)
  if (!betaEnvJson) throw new Error('capture: no aws-beta')
  betaAnchors.set(BETA_COUNT, num(betaEnvJson, 'last_changed_at'))

  const prodTs = buildTimestamps(PROD_COUNT, prodAnchors, rng('ts:aws-prod'))
  const betaTs = buildTimestamps(BETA_COUNT, betaAnchors, rng('ts:aws-beta'))
  const tsOf = (env: string, i: number) => (env === PROD ? prodTs : betaTs)[i] ?? 0

  // --- pins ----------------------------------------------------------------------------------
  const pins: Pin[] = []
  const pin = (
    env: string,
    art: ArtifactRec,
    index: number,
    count: number,
    blueGreen = true,
    creation?: number[],
  ) => {
    pins.push({
      env,
      service: art.service,
      fp: art.fingerprint,
      index,
      count,
      creation: creation ?? creationBefore(tsOf(env, index), count, random),
      blueGreen,
    })
  }
  // seed story
  pin(PROD, differ, 55, 1)
  pin(PROD, runner85, 58, 1)
  pin(PROD, shas, 64, 1, false)
  pin(PROD, seedRunner, 65, 3, true, [
    utc(2022, 8, 22, 9, 39, 9),
    utc(2022, 8, 22, 9, 39, 13),
    utc(2022, 8, 22, 9, 39, 17),
  ])
  pin(PROD, runnerNext, 95, 3)
  pin(BETA, differ, 77, 1)
  pin(BETA, runner85, 79, 1)
  pin(BETA, shas, 83, 1, false)
  pin(BETA, seedRunner, 84, 3, true, [
    utc(2022, 8, 22, 9, 38, 15),
    utc(2022, 8, 22, 9, 38, 19),
    utc(2022, 8, 22, 9, 38, 24),
  ])
  pin(BETA, runnerNext, 118, 3)
  // 2026: the trail captures and snapshot #4357
  const startsFromTrails = new Map<string, number>()
  for (const trail of capturedTrails) {
    for (const e of trailEvents(trail)) {
      if (e['type'] !== 'artifact_started_running') continue
      const art = org.artifacts.get(str(e, 'artifact_fingerprint'))
      if (!art) continue
      const env = str(e, 'environment_name')
      const index = num(e, 'snapshot_index')
      startsFromTrails.set(`${env}/${art.fingerprint}`, index)
    }
  }
  const captured4357 = snapshotArtifacts(capturedSnapshot4357)
  for (const [i, entry] of captured4357.entries()) {
    const art = entries4357[i]
    if (!art) continue
    const creation = nums(entry, 'creationTimestamp')
    const annotation = asObject(entry['annotation'])
    const startedHere = annotation['type'] === 'started-compliant'
    const exitedHere = annotation['type'] === 'exited'
    let index = startsFromTrails.get(`${PROD}/${art.fingerprint}`)
    if (startedHere) index = 4357
    if (index === undefined) {
      const created = Math.max(...creation)
      index = created > 1777842000 ? 4352 : 4310
      if (created < 1776923215) index = 4308
    }
    pin(PROD, art, index, creation.length, !(startedHere || exitedHere), creation)
  }
  const capturedLatest = snapshotArtifacts(capturedSnapshotLatest)
  for (const [i, entry] of capturedLatest.entries()) {
    const art = latestEntries[i]
    if (!art) continue
    const creation = nums(entry, 'creationTimestamp')
    const newest = Math.max(...creation)
    const index =
      newest < 1786000000
        ? 5150
        : newest < 1786425100
          ? 5220
          : newest < 1786425200
            ? 5221
            : newest < 1786425500
              ? 5223
              : 5224
    pin(PROD, art, index, creation.length, true, creation)
  }
  // beta's latest versions, at the times the diff capture gives
  for (const { art, mrt, count } of betaLatest) {
    const index = Math.min(indexAtTime(betaTs, BETA_COUNT, mrt) + 1, BETA_COUNT)
    const creation = count === 1 ? [mrt] : [mrt - 6, mrt - 3, mrt].slice(3 - count)
    pin(BETA, art, index, count, index !== BETA_COUNT, creation)
  }
  // beta trail starts
  for (const [key, index] of startsFromTrails) {
    const [env, fp] = key.split('/')
    const art = fp ? org.artifacts.get(fp) : undefined
    if (env !== BETA || !art) continue
    pin(BETA, art, index, art.service === 'runner' || art.service === 'web' ? 3 : 1)
  }

  // predecessors of the latest prod versions, and of #4357's
  const floating: FloatingPin[] = []
  const predecessorSlots = [4700, 4705, 4880, 4885, 4887, 4890, 4892, 4895, 4898, 4900, 4910]
  let slot = 0
  for (const art of latestEntries) {
    const prev = previousOf(art)
    if (!prev || prev.fingerprint === art.fingerprint) continue
    if (pins.some((p) => p.env === PROD && p.fp === prev.fingerprint)) continue
    const index =
      art.service === 'exercises-start-points'
        ? 4700
        : art.service === 'custom-start-points'
          ? 4705
          : (predecessorSlots[2 + (slot++ % 9)] ?? 4900)
    const count = art.service === 'runner' || art.service === 'web' ? 3 : 1
    pin(PROD, prev, index, count, art.service !== 'spooler')
  }
  for (const art of entries4357) previousOf(art)
  // the creator that replaced ce59db03 in aws-beta#6610 is the one prod ran before adb922d7
  const creatorBefore = org.artifacts.get(
    latestEntries.find((a) => a.service === 'creator')?.previous ?? '',
  )
  if (creatorBefore) pin(BETA, creatorBefore, 6610, 1, false)

  // prod versions reach beta first
  const betaPinned = new Set(pins.filter((p) => p.env === BETA).map((p) => p.fp))
  for (const p of pins.filter((q) => q.env === PROD && q.index > 96)) {
    if (betaPinned.has(p.fp)) continue
    const art = org.artifacts.get(p.fp)
    if (!art) continue
    const prodStart = tsOf(PROD, p.index)
    if (art.createdAt === 0 || art.createdAt >= prodStart)
      art.createdAt = prodStart - random.int(3600, 5 * 3600)
    floating.push({
      env: BETA,
      service: p.service,
      fp: p.fp,
      at: art.createdAt + (prodStart - art.createdAt) * 0.5,
      count: p.count,
      blueGreen: true,
    })
  }
  // the May 2025 differ of the snyk capture ran in both
  floating.push({
    env: BETA,
    service: 'differ',
    fp: differ5ccc.fingerprint,
    at: differ5ccc.createdAt + 700,
    count: 1,
    blueGreen: true,
  })
  floating.push({
    env: PROD,
    service: 'differ',
    fp: differ5ccc.fingerprint,
    at: differ5ccc.createdAt + 5400,
    count: 1,
    blueGreen: true,
  })
  // auditor: the hotfix that skipped review ran in aws-beta
  pin(BETA, hotfix, AUDIT.saverHotfix.start, 1, true, [
    Math.floor(tsOf(BETA, AUDIT.saverHotfix.start)) - 35,
  ])

  const pinIndexes = (env: string) => new Set(pins.filter((p) => p.env === env).map((p) => p.index))
  for (const f of floating) {
    const count = f.env === PROD ? PROD_COUNT : BETA_COUNT
    const taken = pinIndexes(f.env)
    let index = indexAtTime(f.env === PROD ? prodTs : betaTs, count, f.at)
    while ([-2, -1, 0, 1, 2].some((d) => taken.has(index + d))) index--
    pin(f.env, requireArtifact(org, f.fp), index, f.count, f.blueGreen)
  }

  // --- synthetic versions between the pins ---------------------------------------------------
  const checkpoints: Record<string, number[]> = {
    [PROD]: [64, 65, 96, 4357, PROD_COUNT],
    [BETA]: [84, 119, AUDIT.saverHotfix.start + 60, BETA_COUNT],
  }
  const syntheticVersions = new Map<string, ArtifactRec[]>()
  const plans: Record<string, Action[]> = { [PROD]: [], [BETA]: [] }
  const counter = new Map<string, number>()
  const newVersion = (service: string, startTs: number): ArtifactRec => {
    const n = (counter.get(service) ?? 0) + 1
    counter.set(service, n)
    const createdAt = Math.floor(startTs) - random.int(900, 6 * 3600) + random.next()
    const era = createdAt < ERA_SWITCH ? 'legacy' : 'modern'
    const commit = hex(`commit:${service}:${n}`, 40)
    const art = add(
      makeArtifact({
        org: ORG,
        service,
        fingerprint: hex(`fp:${service}:${n}`, 64),
        commit,
        createdAt,
        era,
        flow: era === 'legacy' ? service : `${service}-ci`,
        gitCommitInfo:
          era === 'modern'
            ? commitInfo(
                service,
                commit,
                createdAt - random.int(120, 900),
                commitMessage(n, random),
              )
            : null,
        eventRank: rankOf(service),
      }),
    )
    const list = syntheticVersions.get(service) ?? []
    list.push(art)
    syntheticVersions.set(service, list)
    return art
  }

  for (const env of [BETA, PROD]) {
    const count = env === PROD ? PROD_COUNT : BETA_COUNT
    const ts = env === PROD ? prodTs : betaTs
    const envPins = pins.filter((p) => p.env === env)
    const allPinIndexes = new Set(envPins.map((p) => p.index))
    const promoted = new Set<string>()
    for (const service of SERVICES) {
      const retireAt = retirements[service]
      const retireIndex = retireAt ? indexAtTime(ts, count, retireAt) + 1 : count + 1
      const servicePins = envPins
        .filter((p) => p.service === service)
        .sort((a, b) => a.index - b.index)
      const first = servicePins[0]
      const introIndex = service === 'spooler' ? (first?.index ?? count + 1) : 1
      // initial version at #1 (spooler arrives later, with its first pin)
      const slots: number[] = []
      if (introIndex === 1) slots.push(1)
      const forbidden = (i: number) =>
        [-3, -2, -1, 0, 1, 2, 3].some((d) => allPinIndexes.has(i + d)) ||
        checkpoints[env]?.some((c) => {
          // a checkpoint's contents are fixed: no new version between the pin it shows and it
          if (c >= retireIndex) return false
          const before = servicePins.filter((p) => p.index <= c).pop()
          return i > (before?.index ?? 1) && i <= c
        })
      const bounds = [introIndex, ...servicePins.map((p) => p.index), retireIndex - 1]
      for (let b = 0; b + 1 < bounds.length; b++) {
        const lo = bounds[b] ?? 1
        const hi = bounds[b + 1] ?? count
        const days = ((ts[hi] ?? 0) - (ts[lo] ?? 0)) / 86400
        const wanted = Math.floor(days / (env === PROD ? 75 : 50) + random.next())
        let tries = 0
        const chosen: number[] = []
        while (chosen.length < wanted && tries++ < 200) {
          const i = random.int(lo + 4, hi - 4)
          if (i <= lo + 3 || i >= hi - 3 || forbidden(i)) continue
          if (chosen.some((c) => Math.abs(c - i) < 6)) continue
          chosen.push(i)
        }
        slots.push(...chosen)
      }
      slots.sort((a, b) => a - b)
      const pinned = servicePins.map((p) => ({ index: p.index, pin: p }))
      const events = [
        ...slots.map((index) => ({ index, pin: null as Pin | null })),
        ...pinned,
      ].sort((a, b) => a.index - b.index)
      let lastBetaTs = 0
      for (const { index, pin: p } of events) {
        if (p) {
          plans[env]?.push({
            kind: 'deploy',
            at: index,
            service,
            fp: p.fp,
            count: p.count,
            creation: p.creation,
            blueGreen: p.blueGreen,
          })
          continue
        }
        const startTs = ts[index] ?? 0
        let version: ArtifactRec | undefined
        if (env === PROD) {
          // promote the newest beta version deployed before this moment
          const candidates = (syntheticVersions.get(service) ?? []).filter(
            (v) =>
              !promoted.has(v.fingerprint) &&
              v.createdAt < startTs - 600 &&
              v.createdAt > lastBetaTs,
          )
          version = candidates.pop()
        }
        version ??= newVersion(service, startTs)
        if (env === PROD) {
          promoted.add(version.fingerprint)
          lastBetaTs = version.createdAt
        }
        const replicas = replicasOf(service, startTs)
        plans[env]?.push({
          kind: 'deploy',
          at: index,
          service,
          fp: version.fingerprint,
          count: replicas,
          creation: creationBefore(startTs, replicas, random),
          blueGreen: index !== 1,
        })
      }
      if (retireAt) plans[env]?.push({ kind: 'retire', at: retireIndex, service })
    }
  }
  // seed scaling, the auditor's debug container, captured restarts
  const prodPlan = plans[PROD] ?? []
  const betaPlan = plans[BETA] ?? []
  prodPlan.push({ kind: 'scale', at: 94, fp: seedRunner.fingerprint, count: 1 })
  betaPlan.push({ kind: 'scale', at: 117, fp: seedRunner.fingerprint, count: 2 })
  betaPlan.push({
    kind: 'deploy',
    at: AUDIT.busybox.start,
    service: 'busybox',
    fp: busybox.fingerprint,
    count: 1,
    creation: [Math.floor(tsOf(BETA, AUDIT.busybox.start)) - 12],
    blueGreen: false,
  })
  betaPlan.push({ kind: 'retire', at: AUDIT.busybox.end, service: 'busybox' })
  busybox.createdAt = Math.floor(tsOf(BETA, AUDIT.busybox.start)) - 12
  for (const e of capturedEvents) {
    const index = num(e, 'snapshot_index')
    const fp = str(e, 'sha256')
    if (e['type'] === 'updated-provenance') prodPlan.push({ kind: 'provenance', at: index, fp })
    else if (e['type'] === 'changed') prodPlan.push({ kind: 'touch', at: index, fp })
  }

  const prodRuns = runPlan(PROD, PROD_COUNT, prodPlan, rng('fill:aws-prod'))
  const betaRuns = runPlan(BETA, BETA_COUNT, betaPlan, rng('fill:aws-beta'))

  const prodEnvJson = capturedEnvironments.find((e) => e['name'] === PROD)
  if (!prodEnvJson) throw new Error('capture: no aws-prod')
  const prod = capturedEnv(prodEnvJson, PROD_COUNT, prodTs, prodRuns, (i) =>
    i < 3000
      ? []
      : i <= 4357
        ? appliedPolicies(capturedSnapshot4357)
        : appliedPolicies(capturedSnapshotLatest),
  )
  prod.captured.set(4357, capturedSnapshot4357)
  for (const e of capturedEvents)
    prod.eventOverrides.set(`${num(e, 'snapshot_index')}/${str(e, 'sha256')}`, e)
  prod.captured.set(PROD_COUNT, capturedSnapshotLatest)
  const betaPolicies = betaAppliedPolicies()
  const beta = capturedEnv(betaEnvJson, BETA_COUNT, betaTs, betaRuns, (i) =>
    i < 5000 ? [] : betaPolicies,
  )
  org.envs.set(PROD, prod)
  org.envs.set(BETA, beta)

  finishArtifacts(org, [prod, beta], tsOf)
  scanReportedLate(org, beta, tsOf)
  return { org, prod, beta }
}

/** `AUDIT.lateScan`: its snyk-container-scan arrives while it already runs in aws-beta. */
function scanReportedLate(
  org: OrgRec,
  beta: EnvRec,
  tsOf: (env: string, i: number) => number,
): void {
  const { fingerprint, trail, betaStart, betaCompliantFrom } = AUDIT.lateScan
  const art = requireArtifact(org, fingerprint)
  const run = beta.runs.find((r) => r.fp === fingerprint)
  if (!run || run.start !== betaStart || run.end === null || run.end <= betaCompliantFrom) {
    throw new Error('world: the late-scan saver no longer runs where AUDIT.lateScan says')
  }
  // Reported a few minutes before the snapshot that first sees it compliant.
  const scannedAt = Math.floor(tsOf(BETA, betaCompliantFrom)) - 240
  if (scannedAt <= tsOf(BETA, betaCompliantFrom - 1)) throw new Error('world: late scan too early')
  art.earlier = {
    until: scannedAt,
    state: 'INCOMPLETE',
    reasons: [
      "Missing attestation 'snyk-container-scan' required by policy 'snyk-scan-aws-beta'",
      `Trail '${trail}' is not compliant (policy 'trail-compliance-aws-beta')`,
    ],
    policyFailures: {
      'snyk-scan-aws-beta': 'missing_attestation',
      'trail-compliance-aws-beta': 'non_compliant_in_trail',
    },
  }
  setAttestations(
    fingerprint,
    standardAttestations(art).map((spec) =>
      spec.name === 'snyk-container-scan' ? { ...spec, offset: scannedAt - art.createdAt } : spec,
    ),
  )
}

function requireArtifact(org: OrgRec, fp: string): ArtifactRec {
  const art = org.artifacts.get(fp)
  if (!art) throw new Error(`world: unknown artifact ${fp}`)
  return art
}

function replicasOf(service: string, ts: number): number {
  if (service === 'runner') return ts < utc(2022, 8, 22) ? 1 : 3
  if (service === 'web') return ts < ERA_SWITCH ? 1 : 3
  return 1
}

const MESSAGES = [
  'Dockerfile - Automated base-image update',
  'Merge pull request from cyber-dojo/update-base-image',
  'Improve readiness check',
  'Bump ruby gems',
  'Add test for empty file-set',
  'Tidy Makefile targets',
  'Use structured logging',
  'Refactor: extract helper',
]

function commitMessage(n: number, random: Rng): string {
  return `${random.pick(MESSAGES)} (#${100 + n})`
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

/** Legacy deployment numbers and the history rows that are not derived from runs. */
function finishArtifacts(
  org: OrgRec,
  envs: EnvRec[],
  tsOf: (env: string, i: number) => number,
): void {
  const starts: { art: ArtifactRec; env: string; ts: number }[] = []
  for (const env of envs) {
    for (const run of env.runs) {
      const art = org.artifacts.get(run.fp)
      if (art) starts.push({ art, env: env.name, ts: tsOf(env.name, run.start) })
    }
  }
  starts.sort((a, b) => a.ts - b.ts)
  // legacy: per-flow deployment numbers, with the seed's runner:16d9990 at #18 (beta) and #19 (prod)
  const perFlow = new Map<string, { art: ArtifactRec; env: string; ts: number }[]>()
  for (const s of starts) {
    if (s.art.era !== 'legacy' || !s.art.flow) continue
    const list = perFlow.get(s.art.flow) ?? []
    list.push(s)
    perFlow.set(s.art.flow, list)
  }
  for (const [flow, list] of perFlow) {
    const seedAt =
      flow === 'runner'
        ? list.findIndex((s) => s.art.fingerprint === SEED.runner16d9990.fingerprint)
        : -1
    const offset = seedAt >= 0 ? 18 - seedAt : 1
    list.forEach((s, i) => {
      const n = i + offset
      if (n >= 1 && s.art.deployments[s.env] === undefined) s.art.deployments[s.env] = n
    })
  }
  const firstStart = new Map<ArtifactRec, number>()
  for (const s of starts) if (!firstStart.has(s.art)) firstStart.set(s.art, s.ts)
  for (const art of org.artifacts.values()) {
    const first = firstStart.get(art)
    if (first !== undefined && (art.createdAt === 0 || art.createdAt >= first - 60)) {
      // built before it first ran, always
      const shift = (art.createdAt === 0 ? first - 1800 : first - 900) - art.createdAt
      art.createdAt += shift
      if (art.gitCommitInfo && art.gitCommitInfo.timestamp >= art.createdAt) {
        art.gitCommitInfo = { ...art.gitCommitInfo, timestamp: Math.floor(art.createdAt) - 300 }
      }
    }
    if (art.createdAt === 0) art.createdAt = ERA_SWITCH
    if (art.era === 'legacy') {
      const evidenceAt = art.createdAt + 62
      art.preHistory = [
        { event: 'Artifact created', timestamp: art.createdAt },
        { event: 'branch-coverage evidence received', timestamp: evidenceAt },
      ]
      art.evidence = {
        'branch-coverage': {
          evidence_type: 'generic',
          is_compliant: true,
          created_at: String(evidenceAt),
          description: 'branch coverage of the tests',
          has_audit_package: false,
        },
      }
      for (const [env, n] of Object.entries(art.deployments)) {
        const first = starts.find((s) => s.art === art && s.env === env)
        if (!first) continue
        const when =
          art.fingerprint === SEED.runner16d9990.fingerprint
            ? env === BETA
              ? utc(2022, 8, 22, 9, 37, 17)
              : utc(2022, 8, 22, 9, 38, 21)
            : first.ts - 61 - (n % 13)
        art.preHistory.push({ event: `Deployment #${n} to ${env} environment`, timestamp: when })
      }
    }
  }
}
