import { useDeferredValue, useState } from 'react'

/**
 * Draw a long list in two steps: `head(value)` on the first render, so the page paints what is
 * at the top straight away, then `value` in a deferred render that React can interrupt. Later
 * changes to `value` are deferred the same way, keeping input responsive while a list redraws.
 */
export function useProgressive<T>(value: T, head: (value: T) => T): T {
  // Only the first render uses the head, so it is computed once.
  const [initial] = useState(() => head(value))
  return useDeferredValue(value, initial)
}
