import { useRef, useState, type KeyboardEvent } from 'react'
import { OptionListbox } from '@/features/search/option-listbox'
import { useOptionCombobox } from '@/features/search/use-option-combobox'
import { useSearchOptions } from '@/features/search/use-search-options'

export const HEADER_SEARCH_ID = 'header-search'

/**
 * The header's search box, a combobox: as you type it says what Enter will do and suggests
 * names and matching artifacts. `/` focuses it (see GlobalShortcuts); Escape, or opening what
 * was searched for, leaves it, so the page's own shortcuts work again.
 */
export function HeaderSearch({ org }: { org: string }) {
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [focused, setFocused] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const { options, submit, pending } = useSearchOptions(org, text, {
    enabled: focused,
    onDone: () => {
      setText('')
      combobox.reset()
      input.current?.blur()
    },
  })
  const open = focused && !dismissed && options.length > 0
  const combobox = useOptionCombobox({ options, open, busy: pending })

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (combobox.onArrowKey(event)) {
      setDismissed(false)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (open) {
        setDismissed(true)
      } else {
        setText('')
        event.currentTarget.blur()
      }
    } else if (event.key === 'Enter' && combobox.activeIndex > 0) {
      // Enter on the first option ("Enter will …") or on none submits the form.
      event.preventDefault()
      combobox.pickActive()
    }
  }

  return (
    <form
      role="search"
      aria-label="Search"
      className="relative"
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim()) submit()
      }}
    >
      <label htmlFor={HEADER_SEARCH_ID} className="sr-only">
        Search flows, environments, commits, fingerprints or snapshots
      </label>
      <input
        id={HEADER_SEARCH_ID}
        ref={input}
        {...combobox.inputProps}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          combobox.reset()
          setDismissed(false)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        placeholder="Search: name, commit, aws-prod#65…  ( / )"
        className="w-full rounded border border-line bg-canvas px-2 py-1 text-sm placeholder:text-muted sm:w-56"
      />
      {open ? (
        <OptionListbox
          {...combobox.listboxProps}
          label="Search suggestions"
          className="absolute right-0 z-30 mt-1 max-h-96 w-[28rem] max-w-[90vw] overflow-y-auto rounded border border-line bg-surface py-1 shadow-lg"
        />
      ) : null}
    </form>
  )
}
