import { usePreferences } from '@/app/preferences'
import { formatAbsolute, formatRelative } from '@/lib/time'
import { useNow } from './use-now'

interface TimeStampProps {
  /** Unix seconds. */
  value: number | null | undefined
  /** `full` shows "absolute · relative", `absolute` or `relative` one of them. */
  variant?: 'full' | 'absolute' | 'relative'
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
  const text =
    variant === 'absolute'
      ? absolute
      : variant === 'relative'
        ? relative
        : `${absolute} · ${relative}`
  return (
    <time
      dateTime={new Date(value * 1000).toISOString()}
      title={variant === 'relative' ? absolute : relative}
      className={className}
    >
      {text}
    </time>
  )
}
