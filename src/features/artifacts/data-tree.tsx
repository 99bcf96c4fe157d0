/** Arbitrary JSON (custom attestation data, user data) as a nested list; text only, never HTML. */
export function DataTree({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined) return <span className="text-muted">none</span>
  if (typeof value !== 'object') {
    return <span className="font-mono break-all">{String(value)}</span>
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) {
    return <span className="text-muted">{Array.isArray(value) ? 'empty list' : 'empty'}</span>
  }
  // Deep or huge blobs stay readable by stopping at a sane depth.
  if (depth > 6) return <span className="font-mono break-all">{JSON.stringify(value)}</span>
  return (
    <ul className={depth === 0 ? 'space-y-0.5' : 'ml-4 space-y-0.5 border-l border-line pl-2'}>
      {entries.map(([key, item]) => (
        <li key={key}>
          <span className="text-muted">{Array.isArray(value) ? `[${key}]` : key}:</span>{' '}
          <DataTree value={item} depth={depth + 1} />
        </li>
      ))}
    </ul>
  )
}
