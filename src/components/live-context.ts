import { createContext, useContext, useSyncExternalStore } from 'react'

/** Whether views of latest data refresh themselves (src/app/live.ts makes and applies it). */
export interface LiveStore {
  /** The poll interval; 0 when polling is off. */
  readonly pollMs: number
  paused: () => boolean
  setPaused: (paused: boolean) => void
  subscribe: (listener: () => void) => () => void
}

export const LiveContext = createContext<LiveStore | null>(null)

export interface LiveState {
  pollSeconds: number
  paused: boolean
  setPaused: (paused: boolean) => void
}

const noSubscribe = () => () => undefined
const alwaysPaused = () => true

/** Live state for the header toggle, notices and watchers; null when the page has no store. */
export function useLive(): LiveState | null {
  const live = useContext(LiveContext)
  const paused = useSyncExternalStore(
    live?.subscribe ?? noSubscribe,
    live?.paused ?? alwaysPaused,
    live?.paused ?? alwaysPaused,
  )
  if (!live) return null
  return { pollSeconds: live.pollMs / 1000, paused, setPaused: live.setPaused }
}
