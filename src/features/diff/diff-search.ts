// Relative: the server's preload hints (app/route-preload.ts) read the same search params.
import { parseSnappish, type Snappish } from '../../lib/snappish'

/** One side of the pair as the URL states it. */
export type DiffSide =
  | { state: 'missing' }
  | { state: 'invalid'; text: string; error: string }
  | { state: 'valid'; text: string; snappish: Snappish }

export interface DiffSearch {
  from: DiffSide
  to: DiffSide
  showUnchanged: boolean
  /** Only this flow's artifacts; '' for all of them. */
  flow: string
}

function side(value: string | null): DiffSide {
  if (value === null || value.trim() === '') return { state: 'missing' }
  const parsed = parseSnappish(value)
  return parsed.ok
    ? { state: 'valid', text: value.trim(), snappish: parsed.value }
    : { state: 'invalid', text: value, error: parsed.error }
}

/** `?from=&to=&unchanged=show&flow=`; anything unexpected falls back (never throws). */
export function parseDiffSearch(params: URLSearchParams): DiffSearch {
  return {
    from: side(params.get('from')),
    to: side(params.get('to')),
    showUnchanged: params.get('unchanged') === 'show',
    flow: (params.get('flow') ?? '').trim(),
  }
}

/** Both sides, when both parse. */
export function validPair(search: DiffSearch): [Snappish, Snappish] | null {
  return search.from.state === 'valid' && search.to.state === 'valid'
    ? [search.from.snappish, search.to.snappish]
    : null
}

export interface NumberedSnapshot {
  env: string
  index: number
}

/**
 * The numbered snapshot a side resolved to: the server's `env#N` when it said, else the
 * expression itself when it is already numbered, else the index the snapshot query returned.
 */
export function resolvedSnapshot(
  snappish: Snappish,
  serverId: string | null,
  detailIndex: number | null,
): NumberedSnapshot | null {
  if (serverId !== null) {
    const parsed = parseSnappish(serverId)
    if (parsed.ok && parsed.value.kind === 'index') {
      return { env: parsed.value.env, index: parsed.value.index }
    }
  }
  if (snappish.kind === 'index') return { env: snappish.env, index: snappish.index }
  if (detailIndex !== null && detailIndex >= 1) return { env: snappish.env, index: detailIndex }
  return null
}

/** Both sides moved by `delta` snapshots; null when either would fall before #1. */
export function stepPair(
  from: NumberedSnapshot,
  to: NumberedSnapshot,
  delta: number,
): [Snappish, Snappish] | null {
  const fromIndex = from.index + delta
  const toIndex = to.index + delta
  if (fromIndex < 1 || toIndex < 1) return null
  return [
    { kind: 'index', env: from.env, index: fromIndex },
    { kind: 'index', env: to.env, index: toIndex },
  ]
}
