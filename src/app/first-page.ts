import type { DataRouter } from 'react-router'

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
