import { useState } from 'react'
import { Labelled, type FieldProps } from '@/components/filter-fields'
import type { EventsTabParams } from './environment-params'

const control = 'rounded border border-line bg-surface px-2 py-1'

/**
 * The artifact filter: a name, commit tag or fingerprint prefix. It applies on Enter or when the
 * box loses focus, not per key, since each change may start reading the whole log.
 */
export function ArtifactFilter({
  value,
  onChange,
}: {
  value: string
  onChange: (value: string) => void
}) {
  const [draft, setDraft] = useState(value)
  const apply = () => {
    if (draft.trim() !== value) onChange(draft.trim())
  }
  return (
    <form
      role="search"
      aria-label="Filter the log by artifact"
      onSubmit={(event) => {
        event.preventDefault()
        apply()
      }}
    >
      <Labelled label="Artifact">
        <input
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={apply}
          placeholder="name, runner:16d9990 or fingerprint"
          className={`w-56 ${control}`}
          autoComplete="off"
          spellCheck={false}
        />
      </Labelled>
    </form>
  )
}

/** One end of the date range, a UTC day. */
export function DateFilter({ label, value, onChange }: FieldProps) {
  return (
    <Labelled label={label}>
      <input
        type="date"
        value={value.slice(0, 10)}
        onChange={(event) => onChange(event.target.value)}
        className={control}
      />
    </Labelled>
  )
}

/** The range in words, for the status line and the table caption ("from 2026-07-01 to …"). */
export function rangeWords(params: Pick<EventsTabParams, 'from' | 'to'>): string {
  if (params.from && params.to) return `from ${params.from} to ${params.to} (UTC)`
  if (params.from) return `from ${params.from} (UTC)`
  if (params.to) return `until ${params.to} (UTC)`
  return ''
}
