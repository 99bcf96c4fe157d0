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
}: {
  label: string
  value: string
  options: ReadonlyArray<FilterOption>
  onChange: (value: string) => void
  /** Extra classes for the select, e.g. a maximum width. */
  className?: string
}) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-muted">{label}</span>
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
    </label>
  )
}

/** A labelled search box of a filter bar (no autocomplete or spell check on names). */
export function FilterText({
  label,
  value,
  onChange,
  width,
  placeholder,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  /** The box's width class, e.g. `w-56`. */
  width: string
  /** What can be typed, e.g. "name, description or tag". */
  placeholder?: string
}) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-muted">{label}</span>
      <input
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${width} max-w-full ${control}`}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
      />
    </label>
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
