import { useId, useState, type KeyboardEvent } from 'react'
import { OptionListbox, optionId } from '@/features/search/option-listbox'
import { useSearchOptions } from '@/features/search/use-search-options'

export const HEADER_SEARCH_ID = 'header-search'

/**
 * The header's search box, a combobox: as you type it says what Enter will do and suggests
 * names and matching artifacts. `/` focuses it (see GlobalShortcuts).
 */
export function HeaderSearch({ org }: { org: string }) {
  const [text, setText] = useState('')
  const [focused, setFocused] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const [active, setActive] = useState(-1)
  const listboxId = useId()
  const { options, submit, pending } = useSearchOptions(org, text, {
    enabled: focused,
    onDone: () => {
      setText('')
      setActive(-1)
    },
  })
  const open = focused && !dismissed && options.length > 0
  const activeIndex = open && active < options.length ? active : -1

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setDismissed(false)
      if (options.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + options.length) % options.length)
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        setDismissed(true)
      } else if (text) {
        event.preventDefault()
        setText('')
      }
    } else if (event.key === 'Enter' && activeIndex > 0) {
      event.preventDefault()
      options[activeIndex]?.onPick()
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
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listboxId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(listboxId, activeIndex) : undefined}
        aria-busy={pending}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setActive(-1)
          setDismissed(false)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        placeholder="Search: name, commit, aws-prod#65…  ( / )"
        className="w-72 rounded border border-line bg-canvas px-2 py-1 text-sm placeholder:text-muted"
        autoComplete="off"
        spellCheck={false}
      />
      {open ? (
        <OptionListbox
          id={listboxId}
          label="Search suggestions"
          options={options}
          activeIndex={activeIndex}
          onActivate={setActive}
          className="absolute right-0 z-30 mt-1 max-h-96 w-[28rem] max-w-[90vw] overflow-y-auto rounded border border-line bg-surface py-1 shadow-lg"
        />
      ) : null}
    </form>
  )
}
