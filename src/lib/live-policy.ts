/**
 * When a view of latest data asks the API again. Pure, so the rules are tested on their own;
 * src/app/live.ts applies them to the query client.
 */

/** Marks a query whose data moves (the latest snapshot, lists, logs): only these are polled. */
export const LIVE_META: Readonly<Record<string, unknown>> = { live: true }

/** The longest wait between two polls, however often they failed. */
export const MAX_POLL_MS = 5 * 60_000

export function isLiveMeta(meta: Readonly<Record<string, unknown>> | undefined): boolean {
  return meta?.live === true
}

export interface PollInput {
  /** The configured interval; 0 or less means no polling. */
  pollMs: number
  /** The person has paused live updates. */
  paused: boolean
  /** Polls in a row that failed (0 after a success). */
  failures: number
  /** What the last failure's `Retry-After` asked for, in ms. */
  retryAfterMs?: number | undefined
}

/**
 * Milliseconds until the next poll, or false for none: the interval, doubled for each failure
 * in a row up to MAX_POLL_MS, and never sooner than the server's `Retry-After`.
 */
export function nextPollDelay({
  pollMs,
  paused,
  failures,
  retryAfterMs,
}: PollInput): number | false {
  if (paused || !(pollMs > 0)) return false
  const backedOff = Math.min(pollMs * 2 ** Math.min(failures, 16), Math.max(MAX_POLL_MS, pollMs))
  return Math.max(backedOff, retryAfterMs ?? 0)
}

/** The keys that were not there before: rows that arrived with the last refresh. */
export function arrivedKeys(
  before: ReadonlySet<string> | null,
  now: ReadonlyArray<string>,
): string[] {
  if (before === null) return []
  return now.filter((key) => !before.has(key))
}
