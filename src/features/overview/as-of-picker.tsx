import { memo, useState } from 'react'
import { DateTimeField } from '@/components/date-time-field'
import { usePreferences } from '@/components/preferences'
import { TimeStamp } from '@/components/time-stamp'
import { parseDateTimeInput } from '@/lib/time'
import type { AsOf } from './overview-search'

const input = 'rounded border border-line bg-canvas px-2 py-1'
const button = 'rounded border border-line bg-raised px-3 py-1 font-medium hover:bg-surface'

/**
 * "As of" a moment, with the environment page's time-travel input: a date and time in the
 * chosen zone. The page then shows each environment's snapshot current at that time.
 */
export const AsOfPicker = memo(function AsOfPicker({
  at,
  badAt,
  onChange,
}: {
  at: AsOf | null
  badAt: string | null
  onChange: (seconds: number | null) => void
}) {
  const { timeZone } = usePreferences()
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <section aria-labelledby="as-of-heading" className="rounded border border-line bg-surface p-3">
      <h2 id="as-of-heading" className="text-sm font-semibold">
        As of{' '}
        {at ? (
          <TimeStamp value={at.seconds} variant="full" className="font-normal" />
        ) : (
          <span className="font-normal">now (each environment’s latest snapshot)</span>
        )}
      </h2>
      <form
        className="mt-2 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(event) => {
          event.preventDefault()
          const seconds = parseDateTimeInput(value, timeZone)
          if (seconds === undefined) {
            setProblem('Pick a date and a time.')
            return
          }
          setProblem(null)
          onChange(Math.floor(seconds))
        }}
      >
        <DateTimeField value={value} onChange={setValue} className={input} />
        <button type="submit" className={button}>
          Show at this time
        </button>
        {at ? (
          <button type="button" className={button} onClick={() => onChange(null)}>
            Back to now
          </button>
        ) : null}
      </form>
      {problem || badAt ? (
        <p role="alert" className="mt-2 text-sm text-bad">
          <span aria-hidden="true">✕ </span>
          {problem ??
            `“${badAt ?? ''}” is not a time Shiplog can read (use e.g. 2022-08-22T09:40:00Z); showing now.`}
        </p>
      ) : null}
    </section>
  )
})
