import { makeArtifact } from './artifacts'
import {
  AWS_BETA_FIRST_SNAPSHOT,
  AWS_PROD_FIRST_SNAPSHOT,
  BETA,
  DIFFER_1A2B170_STARTS_AWS_BETA,
  DIFFER_1A2B170_STARTS_AWS_PROD,
  ORG,
  PROD,
  RUNNER_16D9990_REPLICAS_CREATED,
  RUNNER_16D9990_SCALES_DOWN_AWS_BETA,
  RUNNER_16D9990_SCALES_DOWN_AWS_PROD,
  RUNNER_16D9990_STARTS_AWS_BETA,
  RUNNER_16D9990_STARTS_AWS_PROD,
  RUNNER_16D9990_STOPS_AWS_BETA,
  RUNNER_16D9990_STOPS_AWS_PROD,
  RUNNER_85D83C6_STARTS_AWS_BETA,
  RUNNER_85D83C6_STARTS_AWS_PROD,
  RUNNER_B2D4C6E_STARTS_AWS_BETA,
  RUNNER_B2D4C6E_STARTS_AWS_PROD,
  SEED,
  SHAS_7C45272_STARTS_AWS_BETA,
  SHAS_7C45272_STARTS_AWS_PROD,
} from './cyber-dojo-moments'
import type { Moment } from './cyber-dojo-moments'
import { addArtifact, rankOf } from './cyber-dojo-pins'
import type { PinBoard } from './cyber-dojo-pins'
import type { ArtifactRec, OrgRec } from './model'
import { hex } from './random'
import type { Action } from './timeline'
import { utc } from './time'

/** The seed story (2022): runner:16d9990 replaces runner:85d83c6 in aws-beta, then aws-prod. */

export interface SeedArtifacts {
  runner16d9990: ArtifactRec
  runner85d83c6: ArtifactRec
  shas7c45272: ArtifactRec
  differ1a2b170: ArtifactRec
  /** the runner that replaced runner:16d9990 two days later */
  runnerB2d4c6e: ArtifactRec
}

export function addSeedArtifacts(org: OrgRec): SeedArtifacts {
  const runner16d9990 = addArtifact(
    org,
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
  const legacy = (service: string, fp: string, short: string, createdAt: number) =>
    addArtifact(
      org,
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
  return {
    runner16d9990,
    runner85d83c6: legacy(
      'runner',
      SEED.runner85d83c6.fingerprint,
      '85d83c6',
      utc(2022, 8, 20, 13, 31, 7),
    ),
    shas7c45272: legacy(
      'shas',
      SEED.shas7c45272.fingerprint,
      '7c45272',
      utc(2022, 8, 22, 6, 44, 51),
    ),
    differ1a2b170: legacy(
      'differ',
      SEED.differ1a2b170.fingerprint,
      '1a2b170',
      utc(2022, 8, 20, 9, 52, 30),
    ),
    runnerB2d4c6e: legacy(
      'runner',
      hex('runner:successor', 64),
      'b2d4c6e',
      utc(2022, 8, 24, 15, 57, 40),
    ),
  }
}

const timed = (moments: Moment[]): [number, number][] =>
  moments.flatMap((m) => (m.at === undefined ? [] : [[m.index, m.at] as [number, number]]))

/** The seed's snapshot times, fixed as the seed prints them. */
export const SEED_TIMES: Record<string, [number, number][]> = {
  [PROD]: timed([
    AWS_PROD_FIRST_SNAPSHOT,
    DIFFER_1A2B170_STARTS_AWS_PROD,
    RUNNER_85D83C6_STARTS_AWS_PROD,
    SHAS_7C45272_STARTS_AWS_PROD,
    RUNNER_16D9990_STARTS_AWS_PROD,
    RUNNER_16D9990_SCALES_DOWN_AWS_PROD,
    RUNNER_B2D4C6E_STARTS_AWS_PROD,
    RUNNER_16D9990_STOPS_AWS_PROD,
  ]),
  [BETA]: timed([
    AWS_BETA_FIRST_SNAPSHOT,
    DIFFER_1A2B170_STARTS_AWS_BETA,
    RUNNER_85D83C6_STARTS_AWS_BETA,
    SHAS_7C45272_STARTS_AWS_BETA,
    RUNNER_16D9990_STARTS_AWS_BETA,
    RUNNER_16D9990_SCALES_DOWN_AWS_BETA,
    RUNNER_B2D4C6E_STARTS_AWS_BETA,
    RUNNER_16D9990_STOPS_AWS_BETA,
  ]),
}

/** Snapshots whose contents the seed prints: no synthetic version may change them. */
export const SEED_CHECKPOINTS: Record<string, number[]> = {
  [PROD]: [
    SHAS_7C45272_STARTS_AWS_PROD.index,
    RUNNER_16D9990_STARTS_AWS_PROD.index,
    RUNNER_16D9990_STOPS_AWS_PROD.index,
  ],
  [BETA]: [RUNNER_16D9990_STARTS_AWS_BETA.index, RUNNER_16D9990_STOPS_AWS_BETA.index],
}

/** The last snapshot of the seed story in aws-prod; later pins are the 2026 captures'. */
export const SEED_STORY_ENDS_AWS_PROD = RUNNER_16D9990_STOPS_AWS_PROD.index

/** Each seed artifact's first snapshot in one environment. */
const SEED_STARTS: [typeof PROD | typeof BETA, Record<keyof SeedArtifacts, Moment>][] = [
  [
    PROD,
    {
      differ1a2b170: DIFFER_1A2B170_STARTS_AWS_PROD,
      runner85d83c6: RUNNER_85D83C6_STARTS_AWS_PROD,
      shas7c45272: SHAS_7C45272_STARTS_AWS_PROD,
      runner16d9990: RUNNER_16D9990_STARTS_AWS_PROD,
      runnerB2d4c6e: RUNNER_B2D4C6E_STARTS_AWS_PROD,
    },
  ],
  [
    BETA,
    {
      differ1a2b170: DIFFER_1A2B170_STARTS_AWS_BETA,
      runner85d83c6: RUNNER_85D83C6_STARTS_AWS_BETA,
      shas7c45272: SHAS_7C45272_STARTS_AWS_BETA,
      runner16d9990: RUNNER_16D9990_STARTS_AWS_BETA,
      runnerB2d4c6e: RUNNER_B2D4C6E_STARTS_AWS_BETA,
    },
  ],
]

/** Where the seed's artifacts start: aws-prod first, then aws-beta (the random draws follow). */
export function pinSeedStory(board: PinBoard, seed: SeedArtifacts): void {
  const { runner16d9990, runner85d83c6, shas7c45272, differ1a2b170, runnerB2d4c6e } = seed
  for (const [env, starts] of SEED_STARTS) {
    board.pin(env, differ1a2b170, starts.differ1a2b170.index, 1)
    board.pin(env, runner85d83c6, starts.runner85d83c6.index, 1)
    board.pin(env, shas7c45272, starts.shas7c45272.index, 1, false)
    board.pin(
      env,
      runner16d9990,
      starts.runner16d9990.index,
      3,
      true,
      RUNNER_16D9990_REPLICAS_CREATED[env],
    )
    board.pin(env, runnerB2d4c6e, starts.runnerB2d4c6e.index, 3)
  }
}

/** runner:16d9990 scales down before its successor replaces it. */
export function seedScaling(seed: SeedArtifacts): Record<string, Action[]> {
  const fp = seed.runner16d9990.fingerprint
  return {
    [PROD]: [{ kind: 'scale', at: RUNNER_16D9990_SCALES_DOWN_AWS_PROD.index, fp, count: 1 }],
    [BETA]: [{ kind: 'scale', at: RUNNER_16D9990_SCALES_DOWN_AWS_BETA.index, fp, count: 2 }],
  }
}
