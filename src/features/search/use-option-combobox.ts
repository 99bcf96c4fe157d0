import { useId, useState, type KeyboardEvent } from 'react'
import { optionId } from './option-listbox'
import type { PickOption } from './pick-option'

/**
 * The wiring between a text input with the combobox role and its OptionListbox: focus stays in
 * the input, the arrow keys move the active option (aria-activedescendant), Enter picks it.
 * Spread `inputProps` on the input and `listboxProps` on the OptionListbox; Escape, Tab and form
 * submission stay with the caller, which differ between the header box and the palette.
 *
 * `autoActivate`: until the arrow keys move, the first option that is not a warning is active
 * (the palette). Without it nothing is active until they do (the header box, where Enter on
 * nothing submits the form).
 */
export function useOptionCombobox({
  options,
  open,
  busy,
  autoActivate = false,
}: {
  options: ReadonlyArray<PickOption>
  /** Whether the listbox is shown. */
  open: boolean
  busy: boolean
  autoActivate?: boolean
}) {
  const listboxId = useId()
  // `null` until the arrow keys or the mouse choose an option.
  const [active, setActive] = useState<number | null>(null)
  const count = options.length

  let activeIndex = -1
  if (open && count > 0) {
    if (autoActivate) {
      const firstUseful = Math.max(
        0,
        options.findIndex((option) => option.tone !== 'warn'),
      )
      activeIndex = Math.min(active ?? firstUseful, count - 1)
    } else if (active !== null && active < count) {
      activeIndex = active
    }
  }

  /** Handles ArrowDown and ArrowUp (wrapping around); says whether the key was one of them. */
  const onArrowKey = (event: KeyboardEvent): boolean => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false
    event.preventDefault()
    if (count === 0) return true
    const step = event.key === 'ArrowDown' ? 1 : -1
    const from = autoActivate ? activeIndex : (active ?? -1)
    setActive((from + step + count) % count)
    return true
  }

  return {
    activeIndex,
    onArrowKey,
    /** Picks the active option, if any. */
    pickActive: () => options[activeIndex]?.onPick(),
    /** Forgets the chosen option, e.g. when the text changes. */
    reset: () => setActive(null),
    inputProps: {
      type: 'text',
      role: 'combobox',
      'aria-expanded': open,
      'aria-controls': open ? listboxId : undefined,
      'aria-autocomplete': 'list',
      'aria-activedescendant': activeIndex >= 0 ? optionId(listboxId, activeIndex) : undefined,
      'aria-busy': busy,
      autoComplete: 'off',
      spellCheck: false,
    } as const,
    listboxProps: { id: listboxId, options, activeIndex, onActivate: setActive },
  }
}
