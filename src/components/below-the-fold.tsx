import { useDeferredValue, useEffect, useState, type ReactNode } from 'react'

/** Whether the page being drawn is the one the browser opened, before any in-app navigation. */
let openingPage = true

/**
 * Content under the first screen of the page the browser opened: drawn one render after the
 * rest, in a render React can interrupt, so the first screen paints without waiting for it. A
 * page reached inside the app draws it at once, so going back finds the page as tall as it was
 * and its scroll position with it; so does an address with a `#fragment`, which may point under
 * the fold.
 */
export function BelowTheFold({ children }: { children: ReactNode }) {
  const [deferred] = useState(() => openingPage && window.location.hash === '')
  const shown = useDeferredValue(true, !deferred)
  useEffect(() => {
    if (shown) openingPage = false
  }, [shown])
  return shown ? children : <div aria-busy="true" className="min-h-40" />
}
