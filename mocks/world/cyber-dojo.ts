import {
  AUDIT_CHECKPOINTS,
  addAuditArtifacts,
  busyboxActions,
  pinAudit,
  scanReportedLate,
} from './cyber-dojo-audit'
import {
  CAPTURED_CHECKPOINTS,
  addCapturedArtifacts,
  capturedEnvs,
  capturedEventActions,
  capturedTimes,
  listTwice,
  pinCaptures,
  reachBetaFirst,
} from './cyber-dojo-captures'
import { finishArtifacts } from './cyber-dojo-history'
import { BETA, BETA_COUNT, PROD, PROD_COUNT } from './cyber-dojo-moments'
import { PinBoard, makeClock } from './cyber-dojo-pins'
import {
  SEED_CHECKPOINTS,
  SEED_TIMES,
  addSeedArtifacts,
  pinSeedStory,
  seedScaling,
} from './cyber-dojo-seed'
import { syntheticPlans } from './cyber-dojo-synthetic'
import type { EnvRec, OrgRec } from './model'
import { rng } from './random'
import { buildTimestamps, runPlan } from './timeline'

export {
  AUDIT,
  BETA,
  BETA_COUNT,
  ERA_SWITCH,
  ORG,
  PROD,
  PROD_COUNT,
  SEED,
  SERVICES,
} from './cyber-dojo-moments'

export interface CyberDojoParts {
  org: OrgRec
  prod: EnvRec
  beta: EnvRec
}

/**
 * Build aws-prod and aws-beta of the cyber-dojo org in three layers: the seed story (2022,
 * `cyber-dojo-seed.ts`) and the auditor's cases, the real captures (2026,
 * `cyber-dojo-captures.ts`), and synthetic versions between them (`cyber-dojo-synthetic.ts`).
 * The named moments are in `cyber-dojo-moments.ts`. One seeded random stream runs through
 * the layers in this order, so the world is the same on every start.
 */
export function buildCyberDojo(org: OrgRec): CyberDojoParts {
  const random = rng('cyber-dojo')
  const seed = addSeedArtifacts(org)
  const captured = addCapturedArtifacts(org, random)
  const audit = addAuditArtifacts(org)

  const fixed = capturedTimes()
  const anchors = (env: string) =>
    new Map<number, number>([...(SEED_TIMES[env] ?? []), ...(fixed[env] ?? [])])
  const clock = makeClock(
    buildTimestamps(PROD_COUNT, anchors(PROD), rng('ts:aws-prod')),
    buildTimestamps(BETA_COUNT, anchors(BETA), rng('ts:aws-beta')),
  )

  const board = new PinBoard(org, clock, random)
  pinSeedStory(board, seed)
  pinCaptures(board, captured)
  reachBetaFirst(board, captured, random)
  pinAudit(board, audit)
  board.placeFloating()

  const checkpoints = (env: string) => [
    ...(SEED_CHECKPOINTS[env] ?? []),
    ...(CAPTURED_CHECKPOINTS[env] ?? []),
    ...(AUDIT_CHECKPOINTS[env] ?? []),
  ]
  const plans = syntheticPlans(
    board,
    { [PROD]: checkpoints(PROD), [BETA]: checkpoints(BETA) },
    random,
  )
  const scaling = seedScaling(seed)
  const prodPlan = [...(plans[PROD] ?? []), ...(scaling[PROD] ?? []), ...capturedEventActions()]
  const betaPlan = [
    ...(plans[BETA] ?? []),
    ...(scaling[BETA] ?? []),
    ...busyboxActions(clock, audit),
  ]

  const betaRuns = runPlan(BETA, BETA_COUNT, betaPlan, rng('fill:aws-beta'))
  listTwice(org, betaRuns, clock)
  const { prod, beta } = capturedEnvs(clock, {
    prod: runPlan(PROD, PROD_COUNT, prodPlan, rng('fill:aws-prod')),
    beta: betaRuns,
  })
  org.envs.set(PROD, prod)
  org.envs.set(BETA, beta)

  finishArtifacts(org, [prod, beta], clock)
  scanReportedLate(org, beta, clock)
  return { org, prod, beta }
}
