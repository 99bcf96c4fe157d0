import { createContext, useContext } from 'react'

/** How this page was started: the server says so in two meta tags. */
export type Mode = 'demo' | 'live'

export interface AppConfig {
  mode: Mode
  defaultOrg: string
  /** How often views of latest data refresh themselves; 0 never. */
  pollSeconds: number
}

/** What a page without the server's tags runs as (a static host, a test). */
const FALLBACK: AppConfig = { mode: 'live', defaultOrg: 'cyber-dojo', pollSeconds: 15 }

function meta(name: string): string | null {
  if (typeof document === 'undefined') return null
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null
}

/** Read once at start (main.tsx); components get it from `useAppConfig`. */
export function readConfig(): AppConfig {
  const mode = meta('shiplog-mode')
  const org = meta('shiplog-org')
  const poll = meta('shiplog-poll-seconds')
  return {
    // A static host that injects nothing serves real data behind its own /api/v2 proxy.
    mode: mode === 'demo' ? 'demo' : FALLBACK.mode,
    defaultOrg: org && org.trim() ? org.trim() : FALLBACK.defaultOrg,
    pollSeconds: poll !== null && /^[0-9]+$/.test(poll) ? Number(poll) : FALLBACK.pollSeconds,
  }
}

export const AppConfigContext = createContext<AppConfig>(FALLBACK)

export function useAppConfig(): AppConfig {
  return useContext(AppConfigContext)
}
