import { usePreferences } from './preferences'
import { formatAbsolute, formatCompactAbsolute, formatRelative } from '@/lib/time'
import { useNow } from './use-now'

interface TimeStampProps {
  /** Unix seconds. */
  value: number | null | undefined
  /**
   * `full` shows "absolute · relative", `absolute` or `relative` one of them, `line` the
   * relative time then a shorter absolute one on a single line (table cells).
   */
  variant?: 'full' | 'absolute' | 'relative' | 'line'
  className?: string
}

/** A point in time, in the user's chosen zone, with the other form on hover. */
export function TimeStamp({ value, variant = 'full', className }: TimeStampProps) {
  const { timeZone } = usePreferences()
  const now = useNow()
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return <span className={className ?? 'text-muted'}>unknown</span>
  }
  const absolute = formatAbsolute(value, { timeZone })
  const relative = formatRelative(value, now)
  const dateTime = new Date(value * 1000).toISOString()
  if (variant === 'line') {
    return (
      <span
        className={`flex min-w-0 flex-wrap items-baseline whitespace-nowrap sm:flex-nowrap ${className ?? ''}`}
      >
        <time dateTime={dateTime} title={absolute} className="shrink-0">
          {relative}
        </time>
        <span aria-hidden="true" className="shrink-0 text-muted">
          {'\u00a0·\u00a0'}
        </span>
        <time dateTime={dateTime} title={absolute} className="truncate text-xs text-muted">
          {formatCompactAbsolute(value, { timeZone })}
        </time>
      </span>
    )
  }
  const text =
    variant === 'absolute'
      ? absolute
      : variant === 'relative'
        ? relative
        : `${absolute} · ${relative}`
  return (
    <time
      dateTime={dateTime}
      title={variant === 'relative' ? absolute : relative}
      className={className}
    >
      {text}
    </time>
  )
}

/** Relative and absolute time on one line, for table cells; `missing` when there is none. */
export function TimeCell({
  value,
  missing = 'unknown',
}: {
  value: number | null
  missing?: string
}) {
  if (value === null) return <span className="text-muted">{missing}</span>
  return <TimeStamp value={value} variant="line" />
}
