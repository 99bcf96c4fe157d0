import type { DataRouter } from 'react-router'
import { formatCount } from '@/lib/format'
import { formatAbsolute, formatRelative } from '@/lib/time'

/**
 * How long the first render waits for the first page's code and data. The header index.html
 * painted stays up meanwhile; a page that is ready by then renders in one go, without the
 * loading page drawn and laid out first; a slower one gets the loading page after this long.
 */
export const FIRST_PAGE_WAIT_MS = 250

/** Resolves once the router has loaded its first page, or after `waitMs`, whichever is first. */
export function firstPageReady(router: DataRouter, waitMs: number): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer)
      unsubscribe()
      resolve()
    }
    const timer = window.setTimeout(done, waitMs)
    const unsubscribe = router.subscribe((state) => {
      if (state.initialized) done()
    })
  })
}

/**
 * Makes the formatters most first pages use (counts, absolute and relative times) once the
 * browser is idle, which at start-up is while the page waits for its data: the first Intl object
 * a page makes also sets up the browser's locale data (10–20 ms), and the first render would
 * otherwise pay for it. A page whose data is already here renders first, and makes them then.
 */
export function prepareFormattersWhenIdle(): void {
  const make = () => {
    formatCount(0)
    // An hour apart: under 45 seconds it says 'just now' without the formatter.
    formatRelative(0, 3_600_000)
    formatAbsolute(0, { timeZone: 'local' })
  }
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(make)
  else window.setTimeout(make, 0)
}
