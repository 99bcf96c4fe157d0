import { memo } from 'react'

const button =
  'rounded border border-line bg-raised px-1.5 text-xs font-medium hover:bg-surface disabled:opacity-40'

/**
 * Which environments are columns and in what order; every change goes to the URL. Memoised:
 * its props stay while the filter is typed into.
 */
export const ColumnPicker = memo(function ColumnPicker({
  available,
  shown,
  onChange,
}: {
  available: ReadonlyArray<string>
  shown: ReadonlyArray<string>
  /** The new choice; null means every environment, in the list's order. */
  onChange: (names: string[] | null) => void
}) {
  const shownSet = new Set(shown)
  const hidden = available.filter((name) => !shownSet.has(name))
  const set = (names: string[]) => onChange(names.length ? names : null)
  const move = (name: string, delta: number) => {
    const names = [...shown]
    const from = names.indexOf(name)
    const to = from + delta
    if (from === -1 || to < 0 || to >= names.length) return
    names.splice(from, 1)
    names.splice(to, 0, name)
    set(names)
  }
  return (
    <details className="relative rounded border border-line bg-surface text-sm">
      <summary className="cursor-pointer px-2 py-1 font-medium">
        Columns: {shown.length} of {available.length}
      </summary>
      <div className="absolute z-30 mt-1 w-80 max-w-[90vw] rounded border border-line bg-surface p-2 shadow-lg">
        <fieldset>
          <legend className="text-xs text-muted">Shown, in order</legend>
          <ul className="mt-1 space-y-1">
            {shown.map((name, position) => (
              <li key={name} className="flex items-center gap-2">
                <label className="flex min-w-0 flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked
                    disabled={shown.length === 1}
                    onChange={() => set(shown.filter((other) => other !== name))}
                  />
                  <span className="truncate">{name}</span>
                </label>
                <button
                  type="button"
                  className={button}
                  disabled={position === 0}
                  aria-label={`Move ${name} left`}
                  onClick={() => move(name, -1)}
                >
                  <span aria-hidden="true">←</span>
                </button>
                <button
                  type="button"
                  className={button}
                  disabled={position === shown.length - 1}
                  aria-label={`Move ${name} right`}
                  onClick={() => move(name, 1)}
                >
                  <span aria-hidden="true">→</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        {hidden.length ? (
          <fieldset className="mt-2 border-t border-line pt-2">
            <legend className="text-xs text-muted">Hidden</legend>
            <ul className="mt-1 space-y-1">
              {hidden.map((name) => (
                <li key={name}>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={false} onChange={() => set([...shown, name])} />
                    <span className="truncate">{name}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <button type="button" className={`${button} mt-2 py-0.5`} onClick={() => onChange(null)}>
          Show every environment
        </button>
      </div>
    </details>
  )
})
