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
  /** How long the upstream may stay silent (before the headers and between body chunks). */
  upstreamTimeoutMs: number
  /** How long one proxied request may take in all, body included. */
  upstreamDeadlineMs: number
  /** How often pages of latest data refresh themselves; 0 turns it off. */
  pollSeconds: number
}

export type Env = Record<string, string | undefined>

export const DEFAULT_ORG = 'cyber-dojo'
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000
export const DEFAULT_UPSTREAM_DEADLINE_MS = 60_000
export const DEFAULT_POLL_SECONDS = 15
export const CONFIG_PLACEHOLDER = '<!--shiplog-config-->'

export function readShiplogConfig(env: Env = process.env): ShiplogConfig {
  const org = env.KOSLI_ORG?.trim() || DEFAULT_ORG
  const upstreamTimeoutMs = parseTimeout(
    env.SHIPLOG_UPSTREAM_TIMEOUT_MS,
    DEFAULT_UPSTREAM_TIMEOUT_MS,
  )
  const upstreamDeadlineMs = parseTimeout(
    env.SHIPLOG_UPSTREAM_DEADLINE_MS,
    DEFAULT_UPSTREAM_DEADLINE_MS,
  )
  const timeouts = {
    upstreamTimeoutMs,
    upstreamDeadlineMs,
    pollSeconds: parsePollSeconds(env.SHIPLOG_POLL_SECONDS),
  }
  const rawHost = env.KOSLI_HOST?.trim()
  if (!rawHost) return { mode: 'demo', org, ...timeouts }
  const token = env.KOSLI_API_TOKEN?.trim()
  const problem = token ? checkTokenValue(token) : undefined
  if (problem) throw new Error(`KOSLI_API_TOKEN ${problem}`)
  return {
    mode: 'live',
    org,
    kosliHost: normaliseKosliHost(rawHost),
    ...(token ? { token } : {}),
    ...timeouts,
  }
}

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x09: 'a tab',
  0x0a: 'a line break (LF)',
  0x0d: 'a carriage return (CR)',
  0x1b: 'an escape (ESC)',
  0x7f: 'DEL',
}

/**
 * Why `token` cannot be sent as `Authorization: Bearer <token>`, or undefined when it can. HTTP
 * header values allow visible characters, spaces and tabs (RFC 9110 §5.5) and Node refuses
 * anything outside Latin-1; a token is one word, so spaces and tabs are refused too. The message
 * names the character and its position, never the token.
 */
export function checkTokenValue(token: string): string | undefined {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i)
    if ((code > 0x20 && code < 0x7f) || (code >= 0x80 && code <= 0xff)) continue
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    const what =
      code === 0x20
        ? 'a space'
        : code > 0xff
          ? `the character ${hex}, which an HTTP header cannot carry`
          : `${CHARACTER_NAMES[code] ?? 'a control character'} (${hex})`
    return (
      `contains ${what} at position ${i + 1} of ${token.length}: an HTTP header value allows ` +
      'only visible characters. Copy the API key again without surrounding quotes or line breaks.'
    )
  }
  return undefined
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

function parseTimeout(raw: string | undefined, fallback: number): number {
  const value = Number(raw)
  return raw && Number.isFinite(value) && value > 0 ? value : fallback
}

/** `SHIPLOG_POLL_SECONDS`: a whole number of seconds, 0 for off; anything else the default. */
export function parsePollSeconds(raw: string | undefined): number {
  const text = raw?.trim()
  if (!text || !/^[0-9]+$/.test(text)) return DEFAULT_POLL_SECONDS
  return Math.min(Number(text), 86_400)
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

export function configMetaTags(config: ShiplogConfig): string {
  return (
    `<meta name="shiplog-mode" content="${config.mode}" />` +
    `<meta name="shiplog-org" content="${escapeHtml(config.org)}" />` +
    `<meta name="shiplog-poll-seconds" content="${config.pollSeconds}" />`
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
