import { useEffect, useState } from 'react'
import { REQUEST_TIMEOUT_MS } from '@/api/client'
import { PageProgress } from '@/components/page-progress'
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
      <PageProgress busy />
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
