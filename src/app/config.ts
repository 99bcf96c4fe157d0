/** How this page was started: the server says so in two meta tags. */
export type Mode = 'demo' | 'live'

export interface AppConfig {
  mode: Mode
  defaultOrg: string
}

function meta(name: string): string | null {
  if (typeof document === 'undefined') return null
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null
}

export function readConfig(): AppConfig {
  const mode = meta('shiplog-mode')
  const org = meta('shiplog-org')
  return {
    // A static host that injects nothing serves real data behind its own /api/v2 proxy.
    mode: mode === 'demo' ? 'demo' : 'live',
    defaultOrg: org && org.trim() ? org.trim() : 'cyber-dojo',
  }
}
