import { useState } from 'react'

/**
 * Tags as `key=value` chips; values are untrusted text, shown as text. With `fold`, only the
 * first few show and a "+N" button opens the rest, so a row with many tags stays one line high.
 */
export function TagList({ tags, fold }: { tags: Record<string, string>; fold?: number }) {
  const [open, setOpen] = useState(false)
  const entries = Object.entries(tags)
  if (!entries.length) return <span className="text-muted">none</span>
  const folded = fold !== undefined && !open && entries.length > fold + 1
  const shown = folded ? entries.slice(0, fold) : entries
  const hidden = entries.slice(shown.length)
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {shown.map(([key, value]) => (
        <li
          key={key}
          className="max-w-full truncate rounded border border-line bg-raised px-1.5 text-xs"
          title={`${key}=${value}`}
        >
          <span className="text-muted">{key}=</span>
          {value}
        </li>
      ))}
      {folded ? (
        <li>
          <button
            type="button"
            onClick={() => setOpen(true)}
            className="rounded border border-line px-1.5 text-xs text-accent hover:bg-raised"
            title={hidden.map(([key, value]) => `${key}=${value}`).join('\n')}
          >
            +{hidden.length}
            <span className="sr-only"> more tags</span>
          </button>
        </li>
      ) : null}
    </ul>
  )
}
