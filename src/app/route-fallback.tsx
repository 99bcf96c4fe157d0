import { useEffect, useState } from 'react'
import { REQUEST_TIMEOUT_MS } from '@/api/client'
import { Skeleton } from '@/components/skeleton'

const SLOW_AFTER_MS = 4_000

/** The first page's placeholder: progress at once, and a word when the API is slow to answer. */
export function RouteFallback() {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), SLOW_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [])
  return (
    <div className="mx-auto max-w-6xl p-6">
      <div className="fixed inset-x-0 top-0 z-40 h-0.5 overflow-hidden">
        <div
          role="progressbar"
          aria-label="Loading page"
          className="h-full w-2/5 bg-accent"
          style={{ animation: 'shiplog-progress 1s ease-in-out infinite' }}
        />
      </div>
      {slow ? (
        <p className="mb-2 text-sm text-muted">
          Still waiting for the Kosli API. Shiplog gives up after {REQUEST_TIMEOUT_MS / 1000}{' '}
          seconds and says what happened.
        </p>
      ) : null}
      <Skeleton label="Loading Shiplog" />
    </div>
  )
}
