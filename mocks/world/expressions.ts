import type { EnvRec } from './model'
import { indexAtTime } from './timeline'
import { WORLD_NOW } from './time'

export type Resolution =
  { ok: true; index: number } | { ok: false; status: number; message: string }

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  seconds: 1,
  minute: 60,
  minutes: 60,
  hour: 3600,
  hours: 3600,
  day: 86400,
  days: 86400,
  week: 604800,
  weeks: 604800,
  month: 2592000,
  months: 2592000,
}

/**
 * Resolve a snapshot expression (the part after the environment name): `N`, `-N`, `#N`, `~N`,
 * `@{YYYY-MM-DDTHH:MM:SS}`, `@{N.unit.ago}`, `@{now}`, or '' for the latest.
 */
export function resolveSnapshot(org: string, env: EnvRec, expr: string, shown: string): Resolution {
  const count = env.count
  const outOfRange = (n: number): Resolution => ({
    ok: false,
    status: 404,
    message: `Org: '${org}'. Snapshot '${shown}' resolves to '${env.name}#${n}'. len(snapshots) == ${count}. Indexes are 1-based`,
  })
  const check = (n: number): Resolution =>
    n >= 1 && n <= count ? { ok: true, index: n } : outOfRange(Math.max(n, 0))
  let m: RegExpExecArray | null
  if (expr === '' || expr === '@{now}') return check(count)
  if ((m = /^#?(-?\d+)$/.exec(expr))) {
    const n = Number(m[1])
    return n < 0 ? check(count + 1 + n) : check(n)
  }
  if ((m = /^~(\d+)$/.exec(expr))) return check(count - Number(m[1]))
  // A UTC date, or date and time with optional fractional seconds and `Z`.
  if ((m = /^@\{(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?)?\}$/.exec(expr))) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = m
    const t =
      Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) / 1000 + Number(s)
    if (Number.isNaN(t)) return invalid(expr)
    return check(indexAtTime(env.timestamps, count, t))
  }
  if ((m = /^@\{(\d+)\.(\w+)\.ago\}$/.exec(expr))) {
    const unit = UNIT_SECONDS[m[2] ?? '']
    if (unit === undefined) return invalid(expr)
    return check(indexAtTime(env.timestamps, count, WORLD_NOW - Number(m[1]) * unit))
  }
  return invalid(expr)
}

/**
 * The two sides of an `interval=A..B` (list snapshots, events), as the CLI means them: an omitted
 * side is `NOW`, and a single value `A` is `A..NOW`.
 */
export function intervalSides(interval: string): [string, string] {
  const [a = '', b = ''] = interval.split('..', 2)
  return [a.trim() || 'NOW', b.trim() || 'NOW']
}

function invalid(expr: string): Resolution {
  return {
    ok: false,
    status: 400,
    message: `Invalid snapshot expression '${expr}'. Use N, -N, #N, ~N, @{YYYY-MM-DDTHH:MM:SS}, @{N.<unit>.ago} or @{now}`,
  }
}

/** Split a snappish (`aws-prod#65`, `aws-prod~1`, `aws-prod@{now}`, `aws-prod`) into env and expression. */
export function splitSnappish(snappish: string): { env: string; expr: string } {
  const i = snappish.search(/[#~@]/)
  if (i < 0) return { env: snappish, expr: '' }
  return { env: snappish.slice(0, i), expr: snappish.slice(i) }
}
