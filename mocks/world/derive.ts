import type { ArtifactRec, EnvRec, OrgRec, Run, Verdict } from './model'

/** Everything about one artifact in one snapshot, as derived from its run. */
export interface Entry {
  run: Run
  art: ArtifactRec
  was: number
  now: number
  type: string
  /** creationTimestamp as reported (exited entries keep their old replicas) */
  creation: number[]
  /** how the artifact was judged at this snapshot */
  verdict: Verdict
}

/** The artifact's compliance at a moment: its earlier verdict before the change, else its own. */
export function verdictAt(art: ArtifactRec, timestamp: number): Verdict {
  const earlier = art.earlier
  return earlier !== null && timestamp < earlier.until ? earlier : art
}

/** The first snapshot taken at or after `timestamp` (count + 1 when there is none). */
function firstSnapshotFrom(env: EnvRec, timestamp: number): number {
  let lo = 1
  let hi = env.count + 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((env.timestamps[mid] ?? 0) >= timestamp) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The snapshot inside the run where the artifact's verdict changed, if it did. */
function verdictChangeIn(env: EnvRec, run: Run, art: ArtifactRec): number | null {
  if (art.earlier === null) return null
  const index = firstSnapshotFrom(env, art.earlier.until)
  const inside = index > run.start && (run.end === null || index < run.end)
  return inside ? index : null
}

export function countAt(run: Run, index: number): number {
  if (index < run.start) return 0
  if (run.end !== null && index >= run.end) return 0
  let count = 0
  for (const step of run.steps) {
    if (step.at <= index) count = step.count
    else break
  }
  return count
}

function present(run: Run, index: number): boolean {
  return run.start <= index && (run.end === null || index <= run.end)
}

function entryFor(env: EnvRec, run: Run, art: ArtifactRec, index: number): Entry {
  const verdict = verdictAt(art, env.timestamps[index] ?? 0)
  if (index === run.end) {
    const was = countAt(run, index - 1)
    return { run, art, was, now: 0, type: 'exited', creation: run.creation.slice(0, was), verdict }
  }
  const now = countAt(run, index)
  const was = index === run.start ? 0 : countAt(run, index - 1)
  let type = 'unchanged'
  if (index === run.start)
    type = verdict.state === 'COMPLIANT' ? 'started-compliant' : 'started-non-compliant'
  else if (was !== now || run.touches.includes(index)) type = 'changed'
  else if (verdict !== verdictAt(art, env.timestamps[index - 1] ?? 0))
    type = verdict.state === 'COMPLIANT' ? 'became-compliant' : 'became-non-compliant'
  else if (run.provenanceUpdates.includes(index)) type = 'updated-provenance'
  return { run, art, was, now, type, creation: run.creation.slice(0, now), verdict }
}

interface EnvIndex {
  /** runs sorted by start */
  runs: Run[]
  /** all non-'unchanged' entries, newest snapshot first, in event order inside a snapshot */
  events: { index: number; run: Run }[]
}

const envIndexes = new WeakMap<EnvRec, EnvIndex>()

function artifactOf(org: OrgRec, fp: string): ArtifactRec {
  const art = org.artifacts.get(fp)
  if (!art) throw new Error(`world: run of unknown artifact ${fp} in ${org.name}`)
  return art
}

function envIndex(org: OrgRec, env: EnvRec): EnvIndex {
  const cached = envIndexes.get(env)
  if (cached) return cached
  const runs = [...env.runs].sort((a, b) => a.start - b.start)
  const perSnapshot = new Map<number, Run[]>()
  const add = (index: number, run: Run) => {
    const list = perSnapshot.get(index) ?? []
    if (!list.includes(run)) list.push(run)
    perSnapshot.set(index, list)
  }
  for (const run of runs) {
    add(run.start, run)
    for (const step of run.steps.slice(1)) add(step.at, run)
    for (const t of run.touches) add(t, run)
    for (const p of run.provenanceUpdates) add(p, run)
    if (run.end !== null) add(run.end, run)
    const change = verdictChangeIn(env, run, artifactOf(org, run.fp))
    if (change !== null) add(change, run)
  }
  const events: { index: number; run: Run }[] = []
  const indexes = [...perSnapshot.keys()].sort((a, b) => b - a)
  for (const index of indexes) {
    const list = perSnapshot.get(index) ?? []
    const ranked = list
      .map((run) => ({ run, entry: entryFor(env, run, artifactOf(org, run.fp), index) }))
      .sort((a, b) => eventOrder(a.entry) - eventOrder(b.entry))
    for (const { run } of ranked) events.push({ index, run })
  }
  const built = { runs, events }
  envIndexes.set(env, built)
  return built
}

function eventOrder(entry: Entry): number {
  return (entry.type === 'updated-provenance' ? 1_000_000 : 0) + entry.art.eventRank
}

/** The artifacts listed in snapshot N: running ones plus the ones that exited in N. */
export function snapshotEntries(org: OrgRec, env: EnvRec, index: number): Entry[] {
  const { runs } = envIndex(org, env)
  const out: Entry[] = []
  for (const run of runs) {
    if (run.start > index) break
    if (present(run, index)) out.push(entryFor(env, run, artifactOf(org, run.fp), index))
  }
  return out
}

export function runningEntries(org: OrgRec, env: EnvRec, index: number): Entry[] {
  return snapshotEntries(org, env, index).filter((e) => e.now > 0)
}

/** Environment events, newest first: one per artifact whose annotation is not `unchanged`. */
export function envEvents(org: OrgRec, env: EnvRec): { index: number; entry: Entry }[] {
  return envIndex(org, env).events.map(({ index, run }) => ({
    index,
    entry: entryFor(env, run, artifactOf(org, run.fp), index),
  }))
}

export function envEventCount(org: OrgRec, env: EnvRec): number {
  return envIndex(org, env).events.length
}

/** A slice of the newest-first events, without deriving the ones outside it. */
export function envEventSlice(
  org: OrgRec,
  env: EnvRec,
  from: number,
  to: number,
): { index: number; entry: Entry }[] {
  return envIndex(org, env)
    .events.slice(from, to)
    .map(({ index, run }) => ({
      index,
      entry: entryFor(env, run, artifactOf(org, run.fp), index),
    }))
}

/** A snapshot is compliant when every running artifact is. */
export function snapshotCompliance(entries: Entry[]): {
  true: number
  false: number
  null: number
} {
  const counts = { true: 0, false: 0, null: 0 }
  for (const e of entries) {
    if (e.now === 0) continue
    if (e.verdict.state === 'COMPLIANT') counts.true++
    else counts.false++
  }
  return counts
}

const orgRuns = new WeakMap<OrgRec, { generation: number; map: Map<string, Run[]> }>()

/** Every run of a fingerprint across the org's environments. */
export function runsOf(org: OrgRec, fp: string): Run[] {
  let map = orgRuns.get(org)?.map
  if (!map || orgRuns.get(org)?.generation !== org.generation) {
    map = new Map()
    for (const env of org.envs.values()) {
      for (const run of env.runs) {
        const list = map.get(run.fp) ?? []
        list.push(run)
        map.set(run.fp, list)
      }
    }
    orgRuns.set(org, { generation: org.generation, map })
  }
  return map.get(fp) ?? []
}

export interface Placement {
  environment_name: string
  snapshot_index: number
}

/** `running`: each environment whose latest snapshot runs it; `exited`: where it last stopped. */
export function placements(org: OrgRec, fp: string): { running: Placement[]; exited: Placement[] } {
  const running: Placement[] = []
  const exited: Placement[] = []
  const byEnv = new Map<string, Run[]>()
  for (const run of runsOf(org, fp)) {
    const list = byEnv.get(run.env) ?? []
    list.push(run)
    byEnv.set(run.env, list)
  }
  for (const [envName, runs] of byEnv) {
    const env = org.envs.get(envName)
    if (!env) continue
    const open = runs.find((r) => r.end === null)
    if (open) {
      running.push({ environment_name: envName, snapshot_index: env.count })
      continue
    }
    const last = Math.max(...runs.map((r) => r.end ?? 0))
    exited.push({ environment_name: envName, snapshot_index: last })
  }
  const byName = (a: Placement, b: Placement) =>
    a.environment_name.localeCompare(b.environment_name)
  return { running: running.sort(byName), exited: exited.sort(byName) }
}

/** The snapshot index of each event, newest first (cheap: no entries derived). */
export function envEventIndexes(org: OrgRec, env: EnvRec): number[] {
  return envIndex(org, env).events.map((e) => e.index)
}
