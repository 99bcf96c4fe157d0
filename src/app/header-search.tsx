import { useState } from 'react'
import { useNavigate } from 'react-router'

/** The header's search box: anything the CLI accepts goes to the search page, which resolves it. */
export function HeaderSearch({ org }: { org: string }) {
  const navigate = useNavigate()
  const [text, setText] = useState('')
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault()
        const query = text.trim()
        if (!query) return
        navigate(`/${encodeURIComponent(org)}/search?q=${encodeURIComponent(query)}`)
      }}
    >
      <label htmlFor="header-search" className="sr-only">
        Search flows, environments, commits, fingerprints or snapshots
      </label>
      <input
        id="header-search"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="runner:16d9990, aws-prod#65, 9af401c4…"
        className="w-64 rounded border border-line bg-canvas px-2 py-1 text-sm placeholder:text-muted"
        autoComplete="off"
        spellCheck={false}
      />
    </form>
  )
}
