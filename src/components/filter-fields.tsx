import type { ReactNode } from 'react'

/** What a labelled field takes: its label, its value and what to do with a new one. */
export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
}

/** A field with its label in muted text, above it unless `className` lays them out otherwise. */
export function Labelled({
  label,
  className = 'flex flex-col text-sm',
  children,
}: {
  label: ReactNode
  className?: string
  children: ReactNode
}) {
  return (
    <label className={className}>
      <span className="text-muted">{label}</span>
      {children}
    </label>
  )
}

/** One choice of a filter: `[value, label]`, or a value that is its own label. */
export type FilterOption = string | readonly [value: string, label: string]

const control = 'rounded border border-line bg-surface px-2 py-1'

/** A labelled drop-down of a filter bar; `onChange` gets the chosen value. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
  className = '',
}: FieldProps & {
  options: ReadonlyArray<FilterOption>
  /** Extra classes for the select, e.g. a maximum width. */
  className?: string
}) {
  return (
    <Labelled label={label}>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={className ? `${className} ${control}` : control}
      >
        {options.map((option) => {
          const [optionValue, optionLabel] = typeof option === 'string' ? [option, option] : option
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          )
        })}
      </select>
    </Labelled>
  )
}

/** A labelled search box of a filter bar (no autocomplete or spell check on names). */
export function FilterText({
  label,
  value,
  onChange,
  width,
  placeholder,
}: FieldProps & {
  /** The box's width class, e.g. `w-56`. */
  width: string
  /** What can be typed, e.g. "name, description or tag". */
  placeholder?: string
}) {
  return (
    <Labelled label={label}>
      <input
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${width} max-w-full ${control}`}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
      />
    </Labelled>
  )
}

/** Filter by flow: every flow, the artifacts no flow reported (`noProvenance`), or one flow. */
export function FlowFilterSelect({
  value,
  flows,
  noProvenance,
  onChange,
}: {
  value: string
  flows: ReadonlyArray<FilterOption>
  noProvenance: string
  onChange: (flow: string) => void
}) {
  return (
    <FilterSelect
      label="Flow"
      value={value}
      options={[['', 'All flows'], [noProvenance, 'No provenance'], ...flows]}
      onChange={onChange}
      className="max-w-56"
    />
  )
}
