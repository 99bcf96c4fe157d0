import { toSnappishTime } from '@/lib/time'

/** The chart's time window, `?from=&to=` in the URL; `null` sides mean the whole history. */
export interface HistoryRange {
  from: number | null
  to: number | null
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z?$/
const UNIX = /^\d{9,11}(?:\.\d+)?$/

/** `2022-08-22T09:40:00Z` (or unix seconds) → seconds; anything else → null. */
function parseTime(value: string | null): number | null {
  if (value === null) return null
  const text = value.trim()
  if (UNIX.test(text)) return Number(text)
  if (!ISO.test(text)) return null
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`)
  return Number.isFinite(ms) ? ms / 1000 : null
}

/** Reads `?from=&to=`; an unreadable side, or a window that ends before it starts, is ignored. */
export function parseHistoryRange(search: URLSearchParams): HistoryRange {
  const from = parseTime(search.get('from'))
  const to = parseTime(search.get('to'))
  if (from !== null && to !== null && to <= from) return { from: null, to: null }
  return { from, to }
}

/** `search` with the window set (UTC, whole seconds), other parameters kept. */
export function withHistoryRange(search: URLSearchParams, range: HistoryRange): URLSearchParams {
  const next = new URLSearchParams(search)
  for (const side of ['from', 'to'] as const) {
    const value = range[side]
    const text = value === null ? '' : toSnappishTime(value)
    if (text) next.set(side, `${text}Z`)
    else next.delete(side)
  }
  return next
}
