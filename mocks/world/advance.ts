/**
 * Moves the demo world on, so live updates can be tested and shown: `advanceWorld` appends one
 * snapshot to an environment (a new version deployed blue-green, a scale up or down, a
 * restart), with the events, diffs and artifact placements the model derives from it;
 * `startReplay` winds an environment back to an earlier snapshot, after which each advance
 * reveals the next recorded one (the seed's rollout into aws-prod from #64). `resetWorld` undoes
 * it all.
 *
 * Every change replaces the environment's record with a new one (runs copied, never edited in
 * place), so the model's caches, keyed by record and run, never serve what was there before.
 */
import type { ArtifactRec, EnvRec, OrgRec, Run } from './model'
import { hex } from './random'
import { currentCount, lastChange } from './timeline'
import { getOrg } from './world'

export const ADVANCE_ORG = 'cyber-dojo'
export const ADVANCE_ENV = 'aws-prod'

export interface AdvanceResult {
  org: string
  env: string
  /** The snapshot that is now the latest. */
  index: number
  timestamp: number
  /** What happened in it, one line per change. */
  changes: string[]
}

interface Tracked {
  org: OrgRec
  /** The record before any advance or replay. */
  original: EnvRec
  /** Fingerprints this module added to the org. */
  added: string[]
  /** Set while replaying: the original snapshots are revealed one by one. */
  replaying: boolean
  /** Advances made by invention (not replay), for choosing the next change. */
  steps: number
  /** A blue-green deploy's old version, which exits in the next snapshot. */
  pendingExit: string | null
}

const tracked = new Map<string, Tracked>()

function track(org: OrgRec, env: EnvRec): Tracked {
  const key = `${org.name}/${env.name}`
  let state = tracked.get(key)
  if (!state) {
    state = { org, original: env, added: [], replaying: false, steps: 0, pendingExit: null }
    tracked.set(key, state)
  }
  return state
}

function lookup(orgName: string, envName: string): { org: OrgRec; env: EnvRec } {
  const org = getOrg(orgName)
  if (!org) throw new Error(`Unknown org '${orgName}'`)
  const env = org.envs.get(envName)
  if (!env) throw new Error(`Unknown environment '${envName}' in '${orgName}'`)
  if (env.type === 'logical') throw new Error(`${envName} is logical: it has no snapshots`)
  return { org, env }
}

function install(org: OrgRec, env: EnvRec): void {
  org.envs.set(env.name, env)
  // Indexes over all environments (runs by fingerprint, artifacts by flow) are rebuilt.
  org.generation++
}

/** The environment as it was at snapshot `count`: later snapshots and changes are not there. */
export function truncateEnv(env: EnvRec, count: number): EnvRec {
  const runs: Run[] = []
  for (const run of env.runs) {
    if (run.start > count) continue
    if (run.end !== null && run.end <= count) {
      runs.push(run)
      continue
    }
    runs.push({
      ...run,
      end: null,
      steps: run.steps.filter((step) => step.at <= count),
      touches: run.touches.filter((at) => at <= count),
      provenanceUpdates: run.provenanceUpdates.filter((at) => at <= count),
    })
  }
  const timestamp = env.timestamps[count] ?? env.lastModifiedAt
  return {
    ...env,
    count,
    timestamps: env.timestamps.slice(0, count + 1),
    runs,
    lastReportedAt: timestamp,
    ...(env.source ? { source: { ...env.source, last_reported_at: timestamp } } : {}),
  }
}

/** Winds `envName` back to snapshot `from`; each advance then reveals the next recorded one. */
export function startReplay(
  orgName = ADVANCE_ORG,
  envName = ADVANCE_ENV,
  from = 64,
): AdvanceResult {
  const { org, env } = lookup(orgName, envName)
  const state = track(org, env)
  const original = state.original
  if (from < 1 || from > original.count) {
    throw new Error(`${envName} has snapshots 1 to ${original.count}`)
  }
  state.replaying = true
  install(org, truncateEnv(original, from))
  return result(org, envName, from, ['replay started'])
}

function result(org: OrgRec, env: string, index: number, changes: string[]): AdvanceResult {
  const record = org.envs.get(env)
  return { org: org.name, env, index, timestamp: record?.timestamps[index] ?? 0, changes }
}

/**
 * One more snapshot in `envName`, taken at `now` (Unix seconds). While replaying it is the next
 * recorded snapshot; otherwise a change is made up, in a fixed rotation.
 */
export function advanceWorld(
  orgName = ADVANCE_ORG,
  envName = ADVANCE_ENV,
  now = Date.now() / 1000,
): AdvanceResult {
  const { org, env } = lookup(orgName, envName)
  const state = track(org, env)
  if (state.replaying) {
    const next = env.count + 1
    if (next < state.original.count) {
      install(org, truncateEnv(state.original, next))
      return result(org, envName, next, [`replayed #${next}`])
    }
    state.replaying = false
    install(org, state.original)
    return result(org, envName, state.original.count, ['replay finished'])
  }
  return invent(org, env, state, now)
}

function invent(org: OrgRec, env: EnvRec, state: Tracked, now: number): AdvanceResult {
  const index = env.count + 1
  const timestamps = new Float64Array(index + 1)
  timestamps.set(env.timestamps)
  const previous = env.timestamps[env.count] ?? 0
  const timestamp = Math.max(Math.floor(now), Math.floor(previous) + 1)
  timestamps[index] = timestamp
  const runs = [...env.runs]
  const changes: string[] = []
  const replace = (run: Run, next: Run) => {
    runs[runs.indexOf(run)] = next
  }
  const open = () => runs.filter((run) => run.end === null).sort((a, b) => (a.fp < b.fp ? -1 : 1))

  if (state.pendingExit) {
    const old = open().find((run) => run.fp === state.pendingExit)
    if (old) {
      replace(old, { ...old, end: index })
      changes.push(`exited ${nameOf(org, old.fp)}`)
    }
    state.pendingExit = null
  }

  const step = state.steps++
  const candidates = open().filter((run) => lastChange(run) < index)
  const pick = candidates[step % Math.max(1, candidates.length)]
  if (pick && step % 3 === 0) {
    const fp = deployNewVersion(org, state, pick.fp, timestamp, step)
    if (fp) {
      const count = currentCount(pick)
      runs.push({
        env: env.name,
        fp,
        start: index,
        end: null,
        steps: [{ at: index, count }],
        touches: [],
        provenanceUpdates: [],
        creation: Array.from({ length: count }, () => timestamp),
      })
      state.pendingExit = pick.fp
      changes.push(`started ${nameOf(org, fp)} (blue-green beside ${nameOf(org, pick.fp)})`)
    }
  } else if (pick) {
    const count = currentCount(pick)
    const up = step % 3 === 1 || count <= 1
    const next = up ? count + 1 : count - 1
    const creation = [...pick.creation]
    while (creation.length < next) creation.push(timestamp)
    replace(pick, { ...pick, steps: [...pick.steps, { at: index, count: next }], creation })
    changes.push(`scaled ${nameOf(org, pick.fp)} from ${count} to ${next}`)
  }
  if (changes.length === 0) throw new Error(`${env.name} runs nothing that could change`)

  install(org, {
    ...env,
    count: index,
    timestamps,
    runs,
    lastReportedAt: timestamp,
    ...(env.source ? { source: { ...env.source, last_reported_at: timestamp } } : {}),
  })
  return { org: org.name, env: env.name, index, timestamp, changes }
}

/** A new build of the artifact `fp` came from: same flow and service, new commit and digest. */
function deployNewVersion(
  org: OrgRec,
  state: Tracked,
  fp: string,
  timestamp: number,
  step: number,
): string | null {
  const base = org.artifacts.get(fp)
  if (!base) return null
  const seed = `advance:${org.name}:${state.original.name}:${step}:${fp}`
  const fingerprint = hex(`${seed}:fingerprint`, 64)
  const commit = hex(`${seed}:commit`, 40)
  const short = commit.slice(0, 7)
  const image = base.runtimeName.replace(/(@sha256:[0-9a-f]+)$/, '').replace(/:[^:/]*$/, '')
  const art: ArtifactRec = {
    ...base,
    fingerprint,
    id: hex(`${seed}:id`, 32),
    filename: `${image}:${short}`,
    runtimeName: `${image}:${short}@sha256:${fingerprint}`,
    gitCommit: commit,
    commitUrl: base.repoUrl ? `${base.repoUrl}/commit/${commit}` : null,
    createdAt: timestamp - 600,
    era: 'modern',
    trail: null,
    preHistory: [{ event: `Artifact created ${image}:${short}`, timestamp: timestamp - 600 }],
    gitCommitInfo: base.gitCommitInfo
      ? {
          ...base.gitCommitInfo,
          sha1: commit,
          message: `Release ${short}`,
          timestamp: timestamp - 900,
          url: base.repoUrl ? `${base.repoUrl}/commit/${commit}` : base.gitCommitInfo.url,
        }
      : null,
    previous: fp,
    snapshotTemplate: null,
    earlier: null,
  }
  org.artifacts.set(fingerprint, art)
  state.added.push(fingerprint)
  return fingerprint
}

function nameOf(org: OrgRec, fp: string): string {
  return org.artifacts.get(fp)?.runtimeName.replace(/@sha256:.*$/, '') ?? fp.slice(0, 7)
}

/** Every advanced or replayed environment back as it was, made-up artifacts removed. */
export function resetWorld(): void {
  for (const state of tracked.values()) {
    for (const fp of state.added) state.org.artifacts.delete(fp)
    install(state.org, state.original)
  }
  tracked.clear()
}

/** Where each touched environment stands, for the control endpoint. */
export function worldStatus(): Array<{
  org: string
  env: string
  count: number
  replaying: boolean
}> {
  return [...tracked.values()].map((state) => ({
    org: state.org.name,
    env: state.original.name,
    count: state.org.envs.get(state.original.name)?.count ?? 0,
    replaying: state.replaying,
  }))
}
