import { usePreferences } from './preferences'
import { formatAbsolute, formatRelative } from '@/lib/time'
import { useNow } from './use-now'

interface TimeStampProps {
  /** Unix seconds. */
  value: number | null | undefined
  /**
   * `full` shows "absolute · relative", `absolute` or `relative` one of them, `stacked` the
   * relative time with the absolute one beneath it (table cells).
   */
  variant?: 'full' | 'absolute' | 'relative' | 'stacked'
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
  if (variant === 'stacked') {
    return (
      <span className={`flex flex-col ${className ?? ''}`}>
        <time dateTime={dateTime} title={absolute}>
          {relative}
        </time>
        <time dateTime={dateTime} title={relative} className="text-xs text-muted">
          {absolute}
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

/** Relative time with the absolute one beneath it, for table cells; `missing` when there is none. */
export function TimeCell({
  value,
  missing = 'unknown',
}: {
  value: number | null
  missing?: string
}) {
  if (value === null) return <span className="text-muted">{missing}</span>
  return <TimeStamp value={value} variant="stacked" />
}
