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
  return (
    <span className="flex flex-col">
      <TimeStamp value={value} variant="relative" />
      <TimeStamp value={value} variant="absolute" className="text-xs text-muted" />
    </span>
  )
}
