import { useSyncExternalStore } from 'react'

function subscribe(notify: () => void) {
  window.addEventListener('online', notify)
  window.addEventListener('offline', notify)
  return () => {
    window.removeEventListener('online', notify)
    window.removeEventListener('offline', notify)
  }
}

/** Queries pause while the browser is offline and resume by themselves; this says so. */
export function OfflineBanner() {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )
  if (online) return null
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
