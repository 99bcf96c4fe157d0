import { useDeferredValue, useEffect, useState, type ReactNode } from 'react'
import { useLocation } from 'react-router'

/** Until content under the fold has been drawn once: later pages draw theirs at once. */
let openingPage = true

/** React Router's key for the history entry the browser opened, before any navigation in the app. */
const OPENING_ENTRY = 'default'

/**
 * Content under the first screen of the page the browser opened: drawn one render after the
 * rest, in a render React can interrupt, so the first screen paints without waiting for it. A
 * page reached inside the app draws it at once, so going back finds the page as tall as it was
 * and its scroll position with it; so does an address with a `#fragment`, which may point under
 * the fold.
 */
export function BelowTheFold({ children }: { children: ReactNode }) {
  const { key, hash } = useLocation()
  const [deferred] = useState(() => openingPage && key === OPENING_ENTRY && hash === '')
  const shown = useDeferredValue(true, !deferred)
  useEffect(() => {
    if (shown) openingPage = false
  }, [shown])
  return shown ? children : <div aria-busy="true" className="min-h-40" />
}
