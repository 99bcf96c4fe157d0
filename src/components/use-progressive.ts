import { useDeferredValue, useMemo } from 'react'

/**
 * Draw a long list in two steps: `head(value)` on the first render, so the page paints what is
 * at the top straight away, then `value` in a deferred render that React can interrupt. Later
 * changes to `value` are deferred the same way, keeping input responsive while a list redraws.
 */
export function useProgressive<T>(value: T, head: (value: T) => T): T {
  // Only the first render uses the head; computing it later would be wasted work.
  const initial = useMemo(() => head(value), []) // eslint-disable-line react-hooks/exhaustive-deps
  return useDeferredValue(value, initial)
}
