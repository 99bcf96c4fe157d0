import type { EventHistory } from '@/api/events'
import { describeError } from '@/components/describe-error'
import { formatCount, pluralise } from '@/lib/format'

/**
 * How far reading the whole log has got, with a way to stop and to go on. `matches` is how many
 * events passed the filters so far (`null` when reading only for an export).
 */
export function HistoryProgress({
  history,
  reading,
  error,
  matches,
  onStop,
  onContinue,
}: {
  history: EventHistory | undefined
  reading: boolean
  error: Error | null
  matches: number | null
  onStop: () => void
  onContinue: () => void
}) {
  const read = history?.events.length ?? 0
  const total = history?.totalCount ?? null
  const of = total !== null ? ` of ${formatCount(total)}` : ''
  const pages =
    history && history.totalPages !== null
      ? ` (page ${formatCount(history.pagesRead)} of ${formatCount(history.totalPages)})`
      : ''
  const soFar = matches !== null ? ` ${pluralise(matches, 'match', 'matches')} so far.` : ''
  const button = 'rounded border border-line px-2 py-1 hover:bg-raised'

  if (history?.done) return null
  return (
    <div
      className="mt-2 flex flex-wrap items-center gap-3 rounded border border-line bg-surface px-3 py-2 text-sm"
      data-testid="history-progress"
    >
      {reading ? (
        <>
          <progress
            className="h-2 w-40"
            max={total ?? undefined}
            value={total !== null ? read : undefined}
            aria-label="Reading the whole log"
          />
          <span>
            Reading the whole log: {formatCount(read)}
            {of} events{pages}.{soFar}
          </span>
          <button type="button" className={button} onClick={onStop}>
            Stop
          </button>
        </>
      ) : error ? (
        <>
          <span className="text-bad" role="alert">
            <span aria-hidden="true">✕ </span>
            Reading the log stopped after {formatCount(read)}
            {of} events: {describeError(error).detail}
          </span>
          <button type="button" className={button} onClick={onContinue}>
            Try again
          </button>
        </>
      ) : (
        <>
          <span>
            Stopped after {formatCount(read)}
            {of} events: {matches !== null ? 'the matches below come from those only.' : ''}
          </span>
          <button type="button" className={button} onClick={onContinue}>
            Continue reading
          </button>
        </>
      )}
    </div>
  )
}
