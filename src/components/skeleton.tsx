/** Placeholder rows that keep the page's layout while data loads. */
export function Skeleton({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="space-y-2 py-2">
      <span className="sr-only">{label}…</span>
      <div className="h-7 w-1/3 animate-pulse rounded bg-raised" />
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-9 animate-pulse rounded bg-raised" />
      ))}
    </div>
  )
}
