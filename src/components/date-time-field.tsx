import { timeZoneLabel } from '@/lib/time'
import { Labelled } from './filter-fields'
import { usePreferences } from './preferences'

/** A date and time typed in the zone times are shown in, which its label names. */
export function DateTimeField({
  value,
  onChange,
  className,
}: {
  value: string
  onChange: (value: string) => void
  className: string
}) {
  const { timeZone } = usePreferences()
  return (
    <Labelled label={`Date and time (${timeZoneLabel(timeZone)})`} className="flex flex-col">
      <input
        type="datetime-local"
        step={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={className}
      />
    </Labelled>
  )
}
