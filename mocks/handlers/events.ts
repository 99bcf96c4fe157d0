import { envEventIndexes } from '../world/derive'
import { intervalSides } from '../world/expressions'
import type { EnvRec } from '../world/model'
import { renderEventsPage } from '../world/render'
import { indexAtTime } from '../world/timeline'
import { WORLD_NOW } from '../world/time'
import { boolParam, envGet, fail, isResponse, json, pageParams } from './common'

const WORD_SECONDS: [RegExp, number][] = [
  [/^(\d+)\s*(s|sec|secs|second|seconds)$/, 1],
  [/^(\d+)\s*(m|min|mins|minute|minutes)$/, 60],
  [/^(\d+)\s*(h|hour|hours)$/, 3600],
  [/^(\d+)\s*(d|day|days)$/, 86400],
  [/^(\d+)\s*(w|week|weeks)$/, 604800],
]

/** A `start`/`end` bound: index, negative index, ~N, NOW, a time word, or a unix timestamp. */
function bound(env: EnvRec, raw: string): number | null {
  const value = raw.trim()
  if (/^now$/i.test(value)) return env.count
  if (/^~\d+$/.test(value)) return env.count - Number(value.slice(1))
  if (/^-\d+$/.test(value)) return env.count + 1 + Number(value)
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value)
    return n > 100_000_000 ? indexAtTime(env.timestamps, env.count, n) : Math.floor(n)
  }
  for (const [pattern, unit] of WORD_SECONDS) {
    const m = pattern.exec(value.toLowerCase())
    if (m) return indexAtTime(env.timestamps, env.count, WORLD_NOW - Number(m[1]) * unit)
  }
  return null
}

function linkHeader(url: URL, page: number, perPage: number, totalPages: number): string | null {
  if (totalPages <= 1) return null
  const at = (p: number) => {
    const u = new URL(url)
    u.searchParams.set('page', String(p))
    u.searchParams.set('per_page', String(perPage))
    return `<${u.toString()}>`
  }
  const links = [`${at(1)}; rel="first"`]
  if (page > 1) links.push(`${at(Math.min(page - 1, totalPages))}; rel="prev"`)
  if (page < totalPages) links.push(`${at(page + 1)}; rel="next"`)
  links.push(`${at(totalPages)}; rel="last"`)
  return links.join(', ')
}

export const eventHandlers = [
  envGet('*/api/v2/environments/:org/:env/events', ({ url, org, env }) => {
    const params = pageParams(url, 15, 100)
    if (isResponse(params)) return params
    const reverse = boolParam(url, 'reverse', false)
    if (isResponse(reverse)) return reverse
    const { page, perPage } = params

    let lo = 1
    let hi = env.count
    const interval = url.searchParams.get('interval')
    const [startRaw, endRaw] = interval
      ? intervalSides(interval)
      : [url.searchParams.get('start'), url.searchParams.get('end')]
    for (const [raw, set] of [
      [startRaw, (n: number) => (lo = n)],
      [endRaw, (n: number) => (hi = n)],
    ] as const) {
      if (raw === null || raw === undefined || raw === '') continue
      const n = bound(env, raw)
      if (n === null) return fail(400, `Invalid snapshot expression '${raw}'`)
      set(n)
    }
    const startTs = url.searchParams.get('start_ts')
    const endTs = url.searchParams.get('end_ts')
    if (startTs !== null && startTs !== '')
      lo = Math.max(lo, indexAtTime(env.timestamps, env.count, Number(startTs) - 1e-6) + 1)
    if (endTs !== null && endTs !== '')
      hi = Math.min(hi, indexAtTime(env.timestamps, env.count, Number(endTs)))

    const indexes = envEventIndexes(org, env)
    let first = 0
    while (first < indexes.length && (indexes[first] ?? 0) > hi) first++
    let last = first
    while (last < indexes.length && (indexes[last] ?? 0) >= lo) last++
    const total = last - first
    const totalPages = Math.ceil(total / perPage)
    const offset = (page - 1) * perPage
    const items =
      offset >= total
        ? []
        : reverse
          ? renderEventsPage(
              org,
              env,
              indexes.length - last + offset,
              Math.min(perPage, total - offset),
              true,
            )
          : renderEventsPage(org, env, first + offset, Math.min(perPage, total - offset), false)
    const headers: Record<string, string> = {
      'X-Total-Count': String(total),
      'X-Per-Page': String(perPage),
      'X-Current-Page': String(page),
      'X-Total-Pages': String(totalPages),
    }
    const link = linkHeader(url, page, perPage, totalPages)
    if (link) headers['Link'] = link
    return json(items, { headers })
  }),
]
