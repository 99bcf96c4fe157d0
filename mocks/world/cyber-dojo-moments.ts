import { hex } from './random'
import { utc } from './time'

/**
 * The cyber-dojo story as data: its environments, named artifacts and the snapshots where
 * something happens to them. The builders place artifacts at these moments; snapshot times
 * between moments are spread out by `buildTimestamps`.
 */

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

/** The seed story's artifacts (2022). */
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

/** A snapshot of the story: its index and, where the story fixes it, when it was taken. */
export interface Moment {
  index: number
  at?: number
}

// --- the seed story (2022): runner:16d9990 restores runner's three replicas -------------------

export const AWS_PROD_FIRST_SNAPSHOT = { index: 1, at: utc(2022, 8, 10, 9, 0, 0) }
export const DIFFER_1A2B170_STARTS_AWS_PROD = { index: 55, at: utc(2022, 8, 20, 10, 17, 5) }
export const RUNNER_85D83C6_STARTS_AWS_PROD = { index: 58, at: utc(2022, 8, 20, 14, 5, 30) }
export const SHAS_7C45272_STARTS_AWS_PROD = { index: 64, at: utc(2022, 8, 22, 7, 12, 40) }
export const RUNNER_16D9990_STARTS_AWS_PROD = { index: 65, at: utc(2022, 8, 22, 9, 39, 22) }
export const RUNNER_16D9990_SCALES_DOWN_AWS_PROD = { index: 94, at: utc(2022, 8, 24, 16, 10, 28) }
export const RUNNER_B2D4C6E_STARTS_AWS_PROD = { index: 95, at: utc(2022, 8, 24, 16, 11, 28) }
export const RUNNER_16D9990_STOPS_AWS_PROD = { index: 96, at: utc(2022, 8, 24, 16, 12, 28) }

export const AWS_BETA_FIRST_SNAPSHOT = { index: 1, at: utc(2022, 8, 8, 12, 0, 0) }
export const DIFFER_1A2B170_STARTS_AWS_BETA = { index: 77, at: utc(2022, 8, 20, 10, 16, 10) }
export const RUNNER_85D83C6_STARTS_AWS_BETA = { index: 79, at: utc(2022, 8, 20, 13, 58, 40) }
export const SHAS_7C45272_STARTS_AWS_BETA = { index: 83, at: utc(2022, 8, 22, 7, 5, 0) }
export const RUNNER_16D9990_STARTS_AWS_BETA = { index: 84, at: utc(2022, 8, 22, 9, 38, 28) }
export const RUNNER_16D9990_SCALES_DOWN_AWS_BETA = { index: 117, at: utc(2022, 8, 24, 16, 3, 42) }
export const RUNNER_B2D4C6E_STARTS_AWS_BETA = { index: 118, at: utc(2022, 8, 24, 16, 4, 42) }
export const RUNNER_16D9990_STOPS_AWS_BETA = { index: 119, at: utc(2022, 8, 24, 16, 5, 42) }

/** runner:16d9990's replicas, created seconds before the snapshots that first list them. */
export const RUNNER_16D9990_REPLICAS_CREATED = {
  [PROD]: [utc(2022, 8, 22, 9, 39, 9), utc(2022, 8, 22, 9, 39, 13), utc(2022, 8, 22, 9, 39, 17)],
  [BETA]: [utc(2022, 8, 22, 9, 38, 15), utc(2022, 8, 22, 9, 38, 19), utc(2022, 8, 22, 9, 38, 24)],
}
/** The seed's "Deployment #18 to aws-beta" and "#19 to aws-prod" rows. */
export const RUNNER_16D9990_DEPLOYED: Record<string, { number: number; at: number }> = {
  [BETA]: { number: 18, at: utc(2022, 8, 22, 9, 37, 17) },
  [PROD]: { number: 19, at: utc(2022, 8, 22, 9, 38, 21) },
}
/** Before this commit, runner ran with one replica (the misconfiguration the seed fixes). */
export const RUNNER_REPLICAS_RESTORED = utc(2022, 8, 22)

// --- the captures (2026) ----------------------------------------------------------------------

/** The captured aws-prod snapshot in the middle of the 2026 history. */
export const CAPTURED_SNAPSHOT_AWS_PROD = 4357

/**
 * Where the versions of captured aws-prod#4357 started, by when their newest replica was created
 * (the first row whose `builtBefore` it is under), unless a captured trail says where.
 */
export const APRIL_ROLLOUT_AWS_PROD: (Moment & { builtBefore: number })[] = [
  { index: 4308, builtBefore: 1776923215 },
  { index: 4310, at: 1776923560.214857, builtBefore: 1777842000 },
  { index: 4352, at: 1777842960.318846, builtBefore: Infinity },
]

/** Where the versions of the latest captured aws-prod snapshot started, the same way. */
export const AUGUST_ROLLOUT_AWS_PROD: (Moment & { builtBefore: number })[] = [
  { index: 5150, at: 1785241300.411273, builtBefore: 1786000000 },
  { index: AUDIT.lateScan.prodStart, at: 1786425120.705618, builtBefore: 1786425100 },
  { index: 5221, at: 1786425190.218803, builtBefore: 1786425200 },
  { index: 5223, at: 1786425440.93304, builtBefore: 1786425500 },
  { index: 5224, at: 1786425530.61442, builtBefore: Infinity },
]

/**
 * aws-beta snapshots taken just after the beta-only versions of the captured beta-vs-prod diff
 * started: each version lands in the first snapshot after its `most_recent_timestamp`.
 */
export const AUGUST_ROLLOUT_AWS_BETA: Moment[] = [
  { index: 7960, at: 1786437270.31542 },
  { index: 7961, at: 1786437760.12811 },
  { index: 7962, at: 1786438090.80432 },
  { index: 7963, at: 1786438440.23391 },
  { index: 7964, at: 1786438540.61772 },
  { index: 8010, at: 1786632610.42014 },
  { index: 8080, at: 1787073660.90266 },
]

/** Where the versions the latest aws-prod ones replaced ran (exercises and custom start points first). */
export const EXERCISES_PREDECESSOR_STARTS_AWS_PROD = 4700
export const CUSTOM_PREDECESSOR_STARTS_AWS_PROD = 4705
export const PREDECESSORS_START_AWS_PROD = [4880, 4885, 4887, 4890, 4892, 4895, 4898, 4900, 4910]
/** The creator that replaced ce59db03 in aws-beta is the one aws-prod ran before adb922d7. */
export const CREATOR_BEFORE_ADB922D7_STARTS_AWS_BETA = 6610

/**
 * The captured diff `blue-green-aws-beta` lists aws-beta#4754's new nginx twice, one instance
 * each, while a blue-green deploy was under way (Mar 2025). aws-beta does the same at its nginx
 * deploy nearest that time: the new version is listed twice in the snapshot it starts in.
 */
export const LISTED_TWICE_AWS_BETA = { service: 'nginx', near: 1740904271 }

/** Snapshots before these judged nothing: the environments had no policies yet. */
export const AWS_PROD_POLICIES_FROM = 3000
export const AWS_BETA_POLICIES_FROM = 5000
