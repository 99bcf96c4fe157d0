import { useEffect, useState } from 'react'
import { REQUEST_TIMEOUT_MS } from '@/api/client'
import { PageProgress } from '@/components/page-progress'
import { Skeleton } from '@/components/skeleton'
import { OfflineBanner } from './offline-banner'
import { ShiplogMark } from '@/components/shiplog-mark'

const SLOW_AFTER_MS = 4_000

/** The first page's placeholder: progress at once, and a word when the API is slow to answer. */
export function RouteFallback() {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), SLOW_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [])
  // The header matches the one index.html paints before any JavaScript runs.
  return (
    <div className="min-h-screen bg-canvas text-ink">
      <PageProgress busy />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex min-h-[46px] max-w-7xl items-center px-4 py-2">
          <span className="flex items-center gap-2 text-base font-semibold">
            <ShiplogMark />
            Shiplog
          </span>
        </div>
      </header>
      {/* A link opened offline waits here for data that was not kept: say why. */}
      <OfflineBanner />
      <main className="mx-auto max-w-7xl px-4 py-4">
        {slow ? (
          <p className="mb-2 text-sm text-muted">
            Still waiting for the Kosli API. Shiplog gives up after {REQUEST_TIMEOUT_MS / 1000}{' '}
            seconds and says what happened.
          </p>
        ) : null}
        <Skeleton label="Loading Shiplog" />
      </main>
    </div>
  )
}
