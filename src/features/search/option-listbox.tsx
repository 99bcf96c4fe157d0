import type { PickOption } from './pick-option'

export function optionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`
}

/**
 * A listbox for a combobox that keeps focus in its input (aria-activedescendant), grouped by
 * `option.group`. Mouse down does not steal focus from the input.
 */
export function OptionListbox({
  id,
  label,
  options,
  activeIndex,
  onActivate,
  className,
}: {
  id: string
  label: string
  options: ReadonlyArray<PickOption>
  activeIndex: number
  onActivate: (index: number) => void
  className?: string
}) {
  const groups: Array<{ name: string; items: Array<{ option: PickOption; index: number }> }> = []
  options.forEach((option, index) => {
    const last = groups[groups.length - 1]
    if (last && last.name === option.group) last.items.push({ option, index })
    else groups.push({ name: option.group, items: [{ option, index }] })
  })
  return (
    <div id={id} role="listbox" aria-label={label} className={className}>
      {groups.map((group, groupIndex) => {
        const headingId = `${id}-group-${groupIndex}`
        return (
          <div key={`${group.name}-${groupIndex}`} role="group" aria-labelledby={headingId}>
            <div
              id={headingId}
              role="presentation"
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase"
            >
              {group.name}
            </div>
            {group.items.map(({ option, index }) => {
              const active = index === activeIndex
              return (
                <div
                  key={option.key}
                  id={optionId(id, index)}
                  role="option"
                  aria-selected={active}
                  aria-label={[option.label, option.tag, option.detail].filter(Boolean).join(', ')}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => {
                    if (!active) onActivate(index)
                  }}
                  onClick={() => option.onPick()}
                  className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm ${
                    active ? 'bg-raised shadow-[inset_3px_0_0_var(--accent)]' : ''
                  } ${option.tone === 'warn' ? 'text-warn' : 'text-ink'}`}
                >
                  {option.tone === 'warn' ? <span aria-hidden="true">!</span> : null}
                  <span className="min-w-0 break-words">{option.label}</span>
                  {option.tag ? (
                    <span className="shrink-0 rounded border border-line px-1 text-xs text-muted">
                      {option.tag}
                    </span>
                  ) : null}
                  {option.detail ? (
                    <span className="ml-auto shrink-0 text-xs text-muted">{option.detail}</span>
                  ) : null}
                </div>
              )
            })}
          </div>
        )
      })}
    </div>
  )
}
