import { useEffect, useState } from 'react'

/**
 * `value`, changing at most once every `waitMs` while that is above zero; at zero it follows at
 * once. While the overview's columns arrive, the matrix is rebuilt a few times rather than once
 * per column: each rebuild walks every row, and the main thread it takes is the one the next
 * column's answer waits for.
 */
export function useThrottled<T>(value: T, waitMs: number): T {
  const [shown, setShown] = useState({ value, at: -Infinity })
  const following = waitMs <= 0
  useEffect(() => {
    if (following || Object.is(shown.value, value)) return
    const delay = Math.max(0, shown.at + waitMs - performance.now())
    const timer = setTimeout(() => setShown({ value, at: performance.now() }), delay)
    return () => clearTimeout(timer)
  }, [following, shown, value, waitMs])
  return following ? value : shown.value
}
