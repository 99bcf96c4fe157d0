import { useEffect, useLayoutEffect, useRef } from 'react'
import { Link } from 'react-router'
import { TimeStamp } from '@/components/time-stamp'
import { formatSnappish, type Snappish } from '@/lib/snappish'
import type { NumberedSnapshot } from './diff-search'
import { snapshotPath } from '@/lib/app-paths'

const buttonClass =
  'rounded border border-line bg-surface px-2 py-1 text-sm hover:bg-raised disabled:cursor-not-allowed disabled:opacity-60'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

/** `[` and `]` step the pair, except while the user types in a field. */
export function usePairShortcuts(onPrevious: (() => void) | null, onNext: (() => void) | null) {
  const handlers = useRef({ onPrevious, onNext })
  // Layout effect: a key pressed right after a step must act on the pair now on screen.
  useLayoutEffect(() => {
    handlers.current = { onPrevious, onNext }
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      if (isTyping(event.target)) return
      const action =
        event.key === '['
          ? handlers.current.onPrevious
          : event.key === ']'
            ? handlers.current.onNext
            : null
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

/** What the header shows of a side beyond its number. */
export interface SideFacts {
  isLatest: boolean
  /** When the snapshot was taken (unix seconds). */
  timestamp: number | null
}

/** One side of the comparison, resolved to `env#N` with its time and a link to it. */
export function SideSummary({
  label,
  org,
  snappish,
  resolved,
  detail,
}: {
  label: string
  org: string
  snappish: Snappish
  resolved: NumberedSnapshot | null
  detail: SideFacts | undefined
}) {
  const written = formatSnappish(snappish)
  const resolvedText = resolved ? `${resolved.env}#${resolved.index}` : written
  return (
    <div className="min-w-0 flex-1 rounded border border-line bg-surface p-3">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
      <p className="font-mono text-lg font-semibold">
        {resolved ? (
          <Link
            className="text-accent hover:underline"
            to={snapshotPath(org, resolved.env, resolved.index)}
          >
            {resolvedText}
          </Link>
        ) : (
          resolvedText
        )}
        {detail?.isLatest ? (
          <span className="ml-2 rounded border border-info/40 bg-info-soft px-1 font-sans text-xs font-medium text-info">
            latest
          </span>
        ) : null}
      </p>
      {written !== resolvedText ? (
        <p className="text-sm text-muted">
          as written: <span className="font-mono">{written}</span>
        </p>
      ) : null}
      <p className="text-sm">
        <span className="text-muted">Taken </span>
        <TimeStamp value={detail?.timestamp ?? null} />
      </p>
    </div>
  )
}

export interface StepTarget {
  label: string
  go: () => void
}

export function PairStepper({
  previous,
  next,
  previousBlocked,
  nextBlocked,
}: {
  previous: StepTarget | null
  next: StepTarget | null
  previousBlocked: string
  nextBlocked: string
}) {
  return (
    <div className="flex gap-2" role="group" aria-label="Step through history">
      <button
        type="button"
        className={buttonClass}
        disabled={!previous}
        aria-keyshortcuts="["
        title={previous ? `Previous pair: ${previous.label} (shortcut [)` : previousBlocked}
        onClick={previous?.go}
      >
        <span aria-hidden="true">← </span>Previous pair
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={!next}
        aria-keyshortcuts="]"
        title={next ? `Next pair: ${next.label} (shortcut ])` : nextBlocked}
        onClick={next?.go}
      >
        Next pair<span aria-hidden="true"> →</span>
      </button>
    </div>
  )
}

export { buttonClass }
