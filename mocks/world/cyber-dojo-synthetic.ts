import { commitInfo, makeArtifact } from './artifacts'
import {
  BETA,
  ERA_SWITCH,
  ORG,
  PROD,
  RUNNER_REPLICAS_RESTORED,
  SERVICES,
} from './cyber-dojo-moments'
import { addArtifact, countOf, creationBefore, rankOf } from './cyber-dojo-pins'
import type { Pin, PinBoard } from './cyber-dojo-pins'
import type { ArtifactRec } from './model'
import { hex } from './random'
import type { Rng } from './random'
import { indexAtTime } from './timeline'
import type { Action } from './timeline'
import { utc } from './time'

/**
 * The synthetic scale between the pins: every service gets new versions every 50 days or so
 * in aws-beta (75 in aws-prod, which promotes beta's), so the four years of history are full.
 */

/** Services that stopped running, and when. */
const RETIREMENTS: Record<string, number> = {
  repler: utc(2023, 10, 2),
  shas: utc(2024, 2, 5),
  'version-reporter': utc(2024, 6, 3),
}

/** Average days between two versions of a service. */
const DAYS_PER_VERSION: Record<string, number> = { [PROD]: 75, [BETA]: 50 }

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

function replicasOf(service: string, ts: number): number {
  if (service === 'runner') return ts < RUNNER_REPLICAS_RESTORED ? 1 : 3
  if (service === 'web') return ts < ERA_SWITCH ? 1 : 3
  return 1
}

/**
 * The deploy plans of aws-beta and aws-prod: every pin, and synthetic versions between them
 * that keep clear of the pins and of `checkpoints` (snapshots whose contents are fixed).
 */
export function syntheticPlans(
  board: PinBoard,
  checkpoints: Record<string, number[]>,
  random: Rng,
): Record<string, Action[]> {
  const { org, clock } = board
  const syntheticVersions = new Map<string, ArtifactRec[]>()
  const plans: Record<string, Action[]> = { [PROD]: [], [BETA]: [] }
  const counter = new Map<string, number>()
  const newVersion = (service: string, startTs: number): ArtifactRec => {
    const n = (counter.get(service) ?? 0) + 1
    counter.set(service, n)
    const createdAt = Math.floor(startTs) - random.int(900, 6 * 3600) + random.next()
    const era = createdAt < ERA_SWITCH ? 'legacy' : 'modern'
    const commit = hex(`commit:${service}:${n}`, 40)
    const art = addArtifact(
      org,
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
    const count = countOf(env)
    const ts = env === PROD ? clock.prodTs : clock.betaTs
    const envPins = board.pins.filter((p) => p.env === env)
    const allPinIndexes = new Set(envPins.map((p) => p.index))
    const promoted = new Set<string>()
    for (const service of SERVICES) {
      const retireAt = RETIREMENTS[service]
      const retireIndex = retireAt ? indexAtTime(ts, count, retireAt) + 1 : count + 1
      const servicePins = envPins
        .filter((p) => p.service === service)
        .sort((a, b) => a.index - b.index)
      const first = servicePins[0]
      // initial version at #1 (spooler arrives later, with its first pin)
      const introIndex = service === 'spooler' ? (first?.index ?? count + 1) : 1
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
        const wanted = Math.floor(days / (DAYS_PER_VERSION[env] ?? 50) + random.next())
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
  return plans
}
