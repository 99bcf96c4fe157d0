/** Tags as `key=value` chips; values are untrusted text, shown as text. */
export function TagList({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags)
  if (!entries.length) return <span className="text-muted">none</span>
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {entries.map(([key, value]) => (
        <li
          key={key}
          className="rounded border border-line bg-raised px-1.5 text-xs break-all"
          title={`${key}=${value}`}
        >
          <span className="text-muted">{key}=</span>
          {value}
        </li>
      ))}
    </ul>
  )
}
