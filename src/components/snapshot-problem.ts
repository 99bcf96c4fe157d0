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

/** What a failed snapshot or environment request means for a person. */
export function classifySnapshotProblem(error: unknown): SnapshotProblem {
  if (error instanceof SnapshotIndexError) return { kind: 'bad-index', raw: error.raw }
  if (!isApiError(error)) return { kind: 'other' }
  const { reason, message } = error
  switch (reason.kind) {
    case 'no-snapshots':
      return { kind: 'no-snapshots', message }
    case 'snapshot-out-of-range':
      return { kind: 'out-of-range', message, count: reason.count }
    case 'unknown-environment':
      return { kind: 'unknown-environment', message }
    case 'other':
      return { kind: 'other' }
  }
}
