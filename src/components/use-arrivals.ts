import { useEffect, useMemo, useRef, useState } from 'react'
import { arrivedKeys } from '@/lib/live-policy'

/** How long a row that arrived with a refresh stays marked as new. */
export const NEW_FOR_MS = 60_000

const NONE: ReadonlySet<string> = new Set()

/**
 * The keys among `keys` that arrived after the first render of `scope` (an environment, a page,
 * a filter): rows a refresh brought. Each stays marked for NEW_FOR_MS. A new scope starts again
 * without marks, so paging or filtering never marks a whole table new.
 */
export function useArrivals(
  keys: ReadonlyArray<string>,
  scope: string,
  enabled = true,
): ReadonlySet<string> {
  const seen = useRef<{ scope: string; keys: Set<string> } | null>(null)
  const [marked, setMarked] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: NONE,
  })
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())
  // A page that keeps its key list between renders (thousands of cells) joins it once.
  const joined = useMemo(() => keys.join('\n'), [keys])

  useEffect(() => {
    const list = joined ? joined.split('\n') : []
    const before = seen.current
    if (!enabled || !before || before.scope !== scope) {
      seen.current = { scope, keys: new Set(list) }
      return
    }
    const arrived = arrivedKeys(before.keys, list)
    for (const key of list) before.keys.add(key)
    if (arrived.length === 0) return
    setMarked((current) => ({
      scope,
      keys: new Set([...(current.scope === scope ? current.keys : []), ...arrived]),
    }))
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setMarked((current) => {
        const next = new Set(current.keys)
        for (const key of arrived) next.delete(key)
        return { scope: current.scope, keys: next }
      })
    }, NEW_FOR_MS)
    timers.current.add(timer)
  }, [joined, scope, enabled])

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending) clearTimeout(timer)
    }
  }, [])

  return enabled && marked.scope === scope ? marked.keys : NONE
}
