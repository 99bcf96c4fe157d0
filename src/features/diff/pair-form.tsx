import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { environmentQueries } from '@/api/environments'
import { usePreferences } from '@/components/preferences'
import { parseDateTimeInput, timeZoneLabel, toDateTimeInput, toSnappishTime } from '@/lib/time'
import { draftExpression, type SideDraft, type SideMode } from './side-draft'

const inputClass =
  'rounded border border-line bg-canvas px-2 py-1 text-sm text-ink aria-[invalid=true]:border-bad'

function SidePicker({
  legend,
  draft,
  onChange,
  environments,
  error,
}: {
  legend: string
  draft: SideDraft
  onChange: (draft: SideDraft) => void
  environments: string[] | null
  error: string | null
}) {
  const id = useId()
  // The draft holds UTC, as `env@{…}` does; the input shows and reads the chosen time zone,
  // the same rule as the environment page's time travel.
  const { timeZone } = usePreferences()
  const zone = timeZoneLabel(timeZone)
  const utcSeconds = parseDateTimeInput(draft.time, 'UTC')
  const shownTime = utcSeconds === undefined ? draft.time : toDateTimeInput(utcSeconds, timeZone)
  const errorId = `${id}-error`
  const described = error ? errorId : undefined
  // Keep an environment from the URL selectable even when the list does not have it.
  const options =
    environments && draft.env && !environments.includes(draft.env)
      ? [draft.env, ...environments]
      : environments
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded border border-line p-2">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="flex flex-col">
        <label htmlFor={`${id}-env`} className="text-xs text-muted">
          Environment
        </label>
        {options ? (
          <select
            id={`${id}-env`}
            className={inputClass}
            value={draft.env}
            aria-invalid={error !== null && draft.env === ''}
            aria-describedby={described}
            onChange={(event) => onChange({ ...draft, env: event.target.value })}
          >
            <option value="">Choose…</option>
            {options.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-env`}
            className={inputClass}
            value={draft.env}
            aria-describedby={described}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange({ ...draft, env: event.target.value })}
          />
        )}
      </div>
      <div className="flex flex-col">
        <label htmlFor={`${id}-mode`} className="text-xs text-muted">
          Snapshot
        </label>
        <select
          id={`${id}-mode`}
          className={inputClass}
          value={draft.mode}
          onChange={(event) => onChange({ ...draft, mode: event.target.value as SideMode })}
        >
          <option value="latest">Latest</option>
          <option value="index">Number</option>
          <option value="time">At a time ({zone})</option>
        </select>
      </div>
      {draft.mode === 'index' ? (
        <div className="flex flex-col">
          <label htmlFor={`${id}-index`} className="text-xs text-muted">
            Snapshot number
          </label>
          <input
            id={`${id}-index`}
            className={`${inputClass} w-28`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={draft.index}
            aria-invalid={error !== null}
            aria-describedby={described}
            onChange={(event) => onChange({ ...draft, index: event.target.value })}
          />
        </div>
      ) : null}
      {draft.mode === 'time' ? (
        <div className="flex flex-col">
          <label htmlFor={`${id}-time`} className="text-xs text-muted">
            Time ({zone})
          </label>
          <input
            id={`${id}-time`}
            className={inputClass}
            type="datetime-local"
            step={1}
            value={shownTime}
            aria-invalid={error !== null}
            aria-describedby={described}
            onChange={(event) => {
              const seconds = parseDateTimeInput(event.target.value, timeZone)
              onChange({
                ...draft,
                time: seconds === undefined ? event.target.value : toSnappishTime(seconds),
              })
            }}
          />
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="w-full text-sm text-bad">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** Pick both sides of a comparison; submitting puts the pair in the URL. */
export function PairForm({
  org,
  initialFrom,
  initialTo,
  onSubmit,
  submitLabel = 'Compare',
}: {
  org: string
  initialFrom: SideDraft
  initialTo: SideDraft
  onSubmit: (from: string, to: string) => void
  submitLabel?: string
}) {
  const environments = useQuery({
    ...environmentQueries.list(org),
    select: (list) => list.map((environment) => environment.name),
  })
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const [errors, setErrors] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const a = draftExpression(from)
    const b = draftExpression(to)
    setErrors({ from: a.ok ? null : a.error, to: b.ok ? null : b.error })
    if (a.ok && b.ok) onSubmit(a.value, b.value)
  }

  const names = environments.data ?? null
  return (
    <form
      aria-label="Choose snapshots to compare"
      className="flex flex-wrap items-end gap-3"
      onSubmit={submit}
      noValidate
    >
      <SidePicker
        legend="From"
        draft={from}
        onChange={setFrom}
        environments={names}
        error={errors.from}
      />
      <SidePicker legend="To" draft={to} onChange={setTo} environments={names} error={errors.to} />
      <button
        type="submit"
        className="mb-2 rounded bg-accent px-3 py-1 font-medium text-accent-ink hover:opacity-90"
      >
        {submitLabel}
      </button>
    </form>
  )
}
