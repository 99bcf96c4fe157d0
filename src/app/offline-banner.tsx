import { useOnline } from './use-online'

/** Queries pause while the browser is offline and resume by themselves; this says so. */
export function OfflineBanner() {
  if (useOnline()) return null
  return (
    <div
      role="status"
      className="border-b border-warn/50 bg-warn-soft px-4 py-2 text-center text-warn"
    >
      <span aria-hidden="true">⚠ </span>
      You are offline. Shiplog will load fresh data as soon as the connection is back.
    </div>
  )
}
