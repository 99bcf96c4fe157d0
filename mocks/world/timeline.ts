import type { Rng } from './random'
import type { Run } from './model'

/**
 * Builds an environment's runs change by change, in snapshot order. Keeps the invariants the
 * derivations rely on: one open run per fingerprint, steps ordered, ends after starts.
 */
export class TimelineBuilder {
  readonly runs: Run[] = []
  private readonly open = new Map<string, Run>()
  private readonly changed = new Set<number>()

  constructor(readonly env: string) {}

  isRunning(fp: string): boolean {
    return this.open.has(fp)
  }

  running(): Run[] {
    return [...this.open.values()]
  }

  countOf(fp: string): number {
    const run = this.open.get(fp)
    return run ? currentCount(run) : 0
  }

  hasChange(index: number): boolean {
    return this.changed.has(index)
  }

  start(fp: string, at: number, count: number, creation: number[]): Run {
    if (this.open.has(fp)) throw new Error(`${this.env}: ${fp} already running at #${at}`)
    if (creation.length < count) throw new Error(`${this.env}: ${fp} needs ${count} creation times`)
    const run: Run = {
      env: this.env,
      fp,
      start: at,
      end: null,
      steps: [{ at, count }],
      touches: [],
      provenanceUpdates: [],
      creation,
    }
    this.runs.push(run)
    this.open.set(fp, run)
    this.changed.add(at)
    return run
  }

  exit(fp: string, at: number): void {
    const run = this.mustOpen(fp, at)
    if (at <= lastChange(run))
      throw new Error(`${this.env}: ${fp} exits at #${at} before its last change`)
    run.end = at
    this.open.delete(fp)
    this.changed.add(at)
  }

  scale(fp: string, at: number, count: number): void {
    const run = this.mustOpen(fp, at)
    if (at <= lastChange(run)) throw new Error(`${this.env}: ${fp} scaled at #${at} out of order`)
    if (count < 1 || count === currentCount(run)) throw new Error(`${this.env}: bad scale of ${fp}`)
    while (run.creation.length < count)
      run.creation.push(run.creation[run.creation.length - 1] ?? 0)
    run.steps.push({ at, count })
    this.changed.add(at)
  }

  touch(fp: string, at: number): void {
    const run = this.mustOpen(fp, at)
    if (at <= lastChange(run)) throw new Error(`${this.env}: ${fp} touched at #${at} out of order`)
    run.touches.push(at)
    this.changed.add(at)
  }

  provenance(fp: string, at: number): void {
    const run = this.mustOpen(fp, at)
    if (at <= lastChange(run))
      throw new Error(`${this.env}: ${fp} provenance at #${at} out of order`)
    run.provenanceUpdates.push(at)
    this.changed.add(at)
  }

  /** Replace `oldFp` with `newFp`: blue-green (old exits one snapshot later) or in place. */
  deploy(
    newFp: string,
    oldFp: string | null,
    at: number,
    count: number,
    creation: number[],
    blueGreen: boolean,
  ): void {
    this.start(newFp, at, count, creation)
    if (oldFp && this.open.has(oldFp)) {
      if (blueGreen) this.pendingExits.push({ fp: oldFp, at: at + 1 })
      else this.exit(oldFp, at)
    }
  }

  private pendingExits: { fp: string; at: number }[] = []

  /** Apply exits scheduled by blue-green deploys up to and including `index`. */
  flush(index: number): void {
    const due = this.pendingExits.filter((p) => p.at <= index)
    this.pendingExits = this.pendingExits.filter((p) => p.at > index)
    for (const p of due) if (this.open.has(p.fp)) this.exit(p.fp, p.at)
  }

  /** A snapshot with no scripted change gets a restart ("N instances changed"). */
  fill(index: number, random: Rng): void {
    if (this.changed.has(index)) return
    const candidates = this.running().filter((r) => lastChange(r) < index)
    if (candidates.length === 0) return
    this.touch(random.pick(candidates).fp, index)
  }

  private mustOpen(fp: string, at: number): Run {
    const run = this.open.get(fp)
    if (!run) throw new Error(`${this.env}: ${fp} is not running at #${at}`)
    return run
  }
}

export function currentCount(run: Run): number {
  return run.steps[run.steps.length - 1]?.count ?? 0
}

export function lastChange(run: Run): number {
  const last = Math.max(
    run.start,
    run.steps[run.steps.length - 1]?.at ?? run.start,
    run.touches[run.touches.length - 1] ?? run.start,
    run.provenanceUpdates[run.provenanceUpdates.length - 1] ?? run.start,
  )
  return last
}

/**
 * Snapshot `from` times: fixed at anchors, spread between them with seeded jitter.
 * Returns an array indexed 1..count (index 0 unused).
 */
export function buildTimestamps(
  count: number,
  anchors: Map<number, number>,
  random: Rng,
  spacingBeforeFirst = 3600,
): Float64Array {
  const out = new Float64Array(count + 1)
  const points = [...anchors.entries()].sort((a, b) => a[0] - b[0])
  const first = points[0]
  if (!first) throw new Error('no anchors')
  for (const [i, t] of points) if (i >= 1 && i <= count) out[i] = t
  for (let i = first[0] - 1; i >= 1; i--)
    out[i] = (out[i + 1] ?? 0) - spacingBeforeFirst * (0.5 + random.next())
  for (let p = 0; p < points.length; p++) {
    const a = points[p]
    const b = points[p + 1]
    if (!a) continue
    if (!b) {
      for (let i = a[0] + 1; i <= count; i++) out[i] = (out[i - 1] ?? 0) + 60 + random.next() * 120
      continue
    }
    const [i0, t0] = a
    const [i1, t1] = b
    if (t1 <= t0) throw new Error(`anchors out of order at #${i0} and #${i1}`)
    const n = i1 - i0
    const weights: number[] = []
    let sum = 0
    for (let k = 0; k < n; k++) {
      const w = 0.05 + random.next() ** 3
      weights.push(w)
      sum += w
    }
    let acc = 0
    for (let k = 1; k < n; k++) {
      acc += weights[k - 1] ?? 0
      out[i0 + k] = t0 + ((t1 - t0) * acc) / sum
    }
  }
  for (let i = 2; i <= count; i++) {
    if ((out[i] ?? 0) <= (out[i - 1] ?? 0)) throw new Error(`timestamps not increasing at #${i}`)
  }
  return out
}

/** The last snapshot whose `from` is at or before `t` (0 when none). */
export function indexAtTime(timestamps: Float64Array, count: number, t: number): number {
  let lo = 1
  let hi = count
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((timestamps[mid] ?? 0) <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

export type Action =
  | {
      kind: 'deploy'
      at: number
      service: string
      fp: string
      count: number
      creation: number[]
      blueGreen: boolean
    }
  | { kind: 'retire'; at: number; service: string }
  | { kind: 'scale'; at: number; fp: string; count: number }
  | { kind: 'touch'; at: number; fp: string }
  | { kind: 'provenance'; at: number; fp: string }

/** Apply a plan of actions snapshot by snapshot, filling quiet snapshots with restarts. */
export function runPlan(
  env: string,
  count: number,
  actions: Action[],
  random: Rng,
  fillQuiet = true,
): Run[] {
  const builder = new TimelineBuilder(env)
  const current = new Map<string, string>()
  const byIndex = new Map<number, Action[]>()
  for (const action of actions) {
    const list = byIndex.get(action.at) ?? []
    list.push(action)
    byIndex.set(action.at, list)
  }
  for (let i = 1; i <= count; i++) {
    builder.flush(i)
    for (const action of byIndex.get(i) ?? []) {
      switch (action.kind) {
        case 'deploy': {
          const old = current.get(action.service) ?? null
          builder.deploy(action.fp, old, i, action.count, action.creation, action.blueGreen)
          current.set(action.service, action.fp)
          break
        }
        case 'retire': {
          const old = current.get(action.service)
          if (old && builder.isRunning(old)) builder.exit(old, i)
          current.delete(action.service)
          break
        }
        case 'scale':
          builder.scale(action.fp, i, action.count)
          break
        case 'touch':
          builder.touch(action.fp, i)
          break
        case 'provenance':
          builder.provenance(action.fp, i)
          break
      }
    }
    if (fillQuiet && i > 1) builder.fill(i, random)
  }
  return builder.runs
}
