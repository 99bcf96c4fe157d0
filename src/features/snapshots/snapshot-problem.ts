import { isApiError } from '@/api/client'

/** A snapshot page address whose index is not a snapshot number at all (`/snapshots/abc`). */
export class SnapshotIndexError extends Error {
  readonly raw: string
  constructor(raw: string) {
    super(`'${raw}' is not a snapshot number`)
    this.name = 'SnapshotIndexError'
    this.raw = raw
  }
}

/** Parses the `:index` path segment: a whole number from 1. */
export function parseSnapshotIndex(raw: string): number | undefined {
  if (!/^[0-9]+$/.test(raw)) return undefined
  const index = Number(raw)
  return Number.isSafeInteger(index) && index >= 1 ? index : undefined
}

export type SnapshotProblem =
  | { kind: 'bad-index'; raw: string }
  | { kind: 'unknown-environment'; message: string }
  | { kind: 'no-snapshots'; message: string }
  | { kind: 'out-of-range'; message: string; count: number | null }
  | { kind: 'other' }

const SNAPSHOT_COUNT = /len\(snapshots\)\s*==\s*(\d+)/

/**
 * What a failed snapshot or environment request means for a person. The server says how many
 * snapshots exist in its out-of-range message (API.md §10); the status code is not documented.
 */
export function classifySnapshotProblem(error: unknown): SnapshotProblem {
  if (error instanceof SnapshotIndexError) return { kind: 'bad-index', raw: error.raw }
  if (!isApiError(error) || error.kind !== 'http') return { kind: 'other' }
  const count = SNAPSHOT_COUNT.exec(error.message)
  if (count) {
    const total = Number(count[1])
    return total === 0
      ? { kind: 'no-snapshots', message: error.message }
      : { kind: 'out-of-range', message: error.message, count: total }
  }
  if (error.status === 404 && /^GET \/environments\//.test(error.endpoint)) {
    return { kind: 'unknown-environment', message: error.message }
  }
  if (
    error.status === 404 &&
    /does not exist/i.test(error.message) &&
    /environment/i.test(error.message)
  ) {
    return { kind: 'unknown-environment', message: error.message }
  }
  if (error.status === 404 && /^GET \/snapshots\//.test(error.endpoint)) {
    return { kind: 'out-of-range', message: error.message, count: null }
  }
  return { kind: 'other' }
}
