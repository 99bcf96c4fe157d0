import { TimeStamp } from '@/components/time-stamp'

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
