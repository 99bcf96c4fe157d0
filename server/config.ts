/**
 * Shiplog's runtime configuration, read once at server start from the same environment variables
 * the `kosli` CLI uses. Shared by the production server (serve.ts) and the dev server plugin.
 */

export type ShiplogMode = 'demo' | 'live'

export interface ShiplogConfig {
  mode: ShiplogMode
  /** The org `/` opens. */
  org: string
  /** Origin (plus optional base path, no trailing slash) of the Kosli API; live mode only. */
  kosliHost?: string
  /** Sent upstream as a Bearer token; never sent to the browser. */
  token?: string
  upstreamTimeoutMs: number
}

export type Env = Record<string, string | undefined>

export const DEFAULT_ORG = 'cyber-dojo'
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000
export const CONFIG_PLACEHOLDER = '<!--shiplog-config-->'

export function readShiplogConfig(env: Env = process.env): ShiplogConfig {
  const org = env.KOSLI_ORG?.trim() || DEFAULT_ORG
  const upstreamTimeoutMs = parseTimeout(env.SHIPLOG_UPSTREAM_TIMEOUT_MS)
  const rawHost = env.KOSLI_HOST?.trim()
  if (!rawHost) return { mode: 'demo', org, upstreamTimeoutMs }
  const token = env.KOSLI_API_TOKEN?.trim()
  if (token && /[\r\n\0]/.test(token)) {
    throw new Error('KOSLI_API_TOKEN contains a line break or NUL character')
  }
  return {
    mode: 'live',
    org,
    kosliHost: normaliseKosliHost(rawHost),
    ...(token ? { token } : {}),
    upstreamTimeoutMs,
  }
}

/**
 * Accepts what people type for KOSLI_HOST (`https://app.kosli.com`, with a trailing slash, or even
 * with `/api/v2` on the end) and returns `scheme://host[:port][/base]` without credentials.
 */
export function normaliseKosliHost(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(
      `KOSLI_HOST must be an http(s) URL such as https://app.kosli.com (got "${raw}")`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `KOSLI_HOST must be an http(s) URL such as https://app.kosli.com (got "${raw}")`,
    )
  }
  const base = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '')
  return `${url.origin}${base}`
}

function parseTimeout(raw: string | undefined): number {
  const value = Number(raw)
  return raw && Number.isFinite(value) && value > 0 ? value : DEFAULT_UPSTREAM_TIMEOUT_MS
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

export function configMetaTags(config: ShiplogConfig): string {
  return (
    `<meta name="shiplog-mode" content="${config.mode}" />` +
    `<meta name="shiplog-org" content="${escapeHtml(config.org)}" />`
  )
}

export function injectConfig(html: string, config: ShiplogConfig): string {
  return html.replace(CONFIG_PLACEHOLDER, () => configMetaTags(config))
}

/** One line for the start-up log. Says whether a token is set, never what it is. */
export function describeMode(config: ShiplogConfig): string {
  if (config.mode === 'demo') {
    return `demo mode (org ${config.org}; data from the in-browser mock service worker)`
  }
  return `live mode → ${config.kosliHost ?? ''} (org ${config.org}, token: ${config.token ? 'set' : 'not set'})`
}
