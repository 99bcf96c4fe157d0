/**
 * What the server can start loading for an address before the app's JavaScript runs: the lazy
 * route module of the page (with the chunks it imports) and, in live mode, the page's main API
 * requests. The server turns these into `<link rel="modulepreload">` and `<link rel="preload"
 * as="fetch">` tags, so the first page's code and data download while the entry script loads,
 * instead of one after the other.
 *
 * The patterns mirror `router.tsx`, and each API URL is the exact URL that page's loader
 * requests (a test renders each page and compares). Relative imports only: the server loads
 * this file too.
 */
import { apiPath, withQuery } from '../api/client'
import { parseDiffSearch, validPair } from '../features/diff/diff-search'
import { snappishQueryValue } from '../lib/snappish'

type Params = Readonly<Record<string, string>>

export interface RouteHint {
  /** Path segments after `/:org`; `:name` captures a segment. */
  pattern: string
  /** The route module as the build manifest names it. */
  module: string
  /** API URLs the page's loader requests for these params (only ones it always requests). */
  api?: (params: Params, search: URLSearchParams) => string[]
}

const FULL_FINGERPRINT = /^[0-9a-f]{64}$/
const SNAPSHOT_INDEX = /^[1-9]\d{0,9}$/

export const ROUTE_HINTS: ReadonlyArray<RouteHint> = [
  {
    pattern: 'overview',
    module: 'src/features/overview/overview-route.tsx',
    // The columns' snapshots depend on this list, so only it can start early.
    api: ({ org = '' }) => [apiPath('environments', org)],
  },
  {
    pattern: 'flows',
    module: 'src/features/flows/flows-route.tsx',
    api: ({ org = '' }) => [apiPath('flows', org)],
  },
  { pattern: 'flows/:flow', module: 'src/features/flows/flow-route.tsx' },
  {
    pattern: 'flows/:flow/artifacts/:fingerprint',
    module: 'src/features/artifacts/artifact-route.tsx',
    api: ({ org = '', flow = '', fingerprint = '' }) =>
      FULL_FINGERPRINT.test(fingerprint)
        ? [apiPath('artifacts', org, flow, 'fingerprint', fingerprint)]
        : [],
  },
  {
    pattern: 'flows/:flow/trails/:trail',
    module: 'src/features/trails/trail-route.tsx',
    api: ({ org = '', flow = '', trail = '' }) => [apiPath('trails', org, flow, trail)],
  },
  {
    pattern: 'environments',
    module: 'src/features/environments/environments-route.tsx',
    api: ({ org = '' }) => [apiPath('environments', org)],
  },
  { pattern: 'environments/:env', module: 'src/features/environments/environment-route.tsx' },
  {
    pattern: 'environments/:env/snapshots',
    module: 'src/features/environments/environment-route.tsx',
  },
  {
    pattern: 'environments/:env/events',
    module: 'src/features/environments/environment-route.tsx',
  },
  {
    pattern: 'environments/:env/snapshots/:index',
    module: 'src/features/snapshots/snapshot-route.tsx',
    api: ({ org = '', env = '', index = '' }) =>
      SNAPSHOT_INDEX.test(index)
        ? [apiPath('environments', org, env), `${apiPath('snapshots', org, env)}/${index}`]
        : [],
  },
  {
    pattern: 'diff',
    module: 'src/features/diff/diff-route.tsx',
    // The environment list for the pickers, and the diff when both sides parse.
    api: ({ org = '' }, search) => {
      const pair = validPair(parseDiffSearch(search))
      const diff = pair
        ? [
            withQuery(apiPath('env-diff', org), {
              snappish1: snappishQueryValue(pair[0]),
              snappish2: snappishQueryValue(pair[1]),
            }),
          ]
        : []
      return [...diff, apiPath('environments', org)]
    },
  },
  { pattern: 'search', module: 'src/features/search/search-route.tsx' },
  { pattern: 'audit', module: 'src/features/audit/audit-route.tsx' },
]

export interface PreloadPlan {
  module: string
  api: string[]
}

/**
 * The hint for an address (`/cyber-dojo/flows`; `search` is its query string, `?from=...`), or
 * null when no page matches.
 */
export function preloadPlan(pathname: string, search = ''): PreloadPlan | null {
  const raw = pathname.split('/').filter(Boolean)
  let segments: string[]
  try {
    segments = raw.map((segment) => decodeURIComponent(segment))
  } catch {
    return null
  }
  const [org, ...rest] = segments
  if (org === undefined) return null
  for (const hint of ROUTE_HINTS) {
    const parts = hint.pattern.split('/')
    if (parts.length !== rest.length) continue
    const params: Record<string, string> = { org }
    const matches = parts.every((part, index) => {
      const value = rest[index] ?? ''
      if (part.startsWith(':')) {
        params[part.slice(1)] = value
        return true
      }
      return part === value
    })
    if (matches) {
      return {
        module: hint.module,
        api: hint.api ? hint.api(params, new URLSearchParams(search)) : [],
      }
    }
  }
  return null
}
