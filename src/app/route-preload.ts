/**
 * What the server can start loading for an address before the app's JavaScript runs: the lazy
 * route module of the page (with the chunks it imports) and, in live mode, the page's main API
 * requests. The server turns these into `<link rel="modulepreload">` and `<link rel="preload"
 * as="fetch">` tags, so the first page's code and data download while the entry script loads,
 * instead of one after the other.
 *
 * The pages are `APP_ROUTES`, the router's table; each API URL is the exact URL that page's
 * loader requests (a test renders each page and compares). Relative imports only: the server
 * loads this file too.
 */
import { apiPath, withQuery } from '../api/client'
import { RECENT_TRAILS } from '../features/compliance/recent-trails'
import { parseDiffSearch, validPair } from '../features/diff/diff-search'
import {
  parseSnapshotsTabParams,
  SNAPSHOTS_PER_PAGE,
  type EnvironmentTab,
} from '../features/environments/environment-params'
import { ARTIFACTS_PER_PAGE, parseArtifactPage } from '../features/flows/flow-params'
import { APP_ROUTES, type AppRoute, type RoutePattern } from '../lib/app-paths'
import { snapshotPathSegment, snappishQueryValue } from '../lib/snappish'

type Params = Readonly<Record<string, string>>

/** API URLs a page's loader requests for these params (only ones it always requests). */
type ApiHint = (params: Params, search: URLSearchParams) => string[]

export interface RouteHint extends AppRoute {
  api?: ApiHint
}

const FULL_FINGERPRINT = /^[0-9a-f]{64}$/
const SNAPSHOT_INDEX = /^[1-9]\d{0,9}$/

function snapshotHint({ org = '', env = '', index = '' }: Params): string[] {
  return SNAPSHOT_INDEX.test(index)
    ? [apiPath('environments', org, env), `${apiPath('snapshots', org, env)}/${index}`]
    : []
}

/** The flow, the flows (its summary), its page of artifacts and the next one, its trails. */
function flowHint({ org = '', flow = '' }: Params, search: URLSearchParams): string[] {
  const page = parseArtifactPage(search)
  const artifacts = (target: number) =>
    withQuery(apiPath('artifacts', org), {
      flow_name: flow,
      page: target,
      per_page: ARTIFACTS_PER_PAGE,
    })
  return [
    apiPath('flows', org, flow),
    apiPath('flows', org),
    artifacts(page),
    artifacts(page + 1),
    withQuery(apiPath('trails', org), { flow, page: 1, per_page: RECENT_TRAILS }),
  ]
}

/**
 * The environment, its latest snapshot and, on the snapshots tab, its page of snapshots. The
 * log's first page waits for where its range starts, so only the first two start early there;
 * `?at=` opens a snapshot first (and usually redirects), so nothing does.
 */
function environmentHint(tab: EnvironmentTab): ApiHint {
  return ({ org = '', env = '' }, search) => {
    if (search.has('at')) return []
    const snapshots = apiPath('snapshots', org, env)
    const page =
      tab === 'snapshots'
        ? [
            withQuery(snapshots, {
              page: parseSnapshotsTabParams(search).page,
              per_page: SNAPSHOTS_PER_PAGE,
            }),
          ]
        : []
    return [
      ...page,
      `${snapshots}/${snapshotPathSegment({ kind: 'latest', env })}`,
      apiPath('environments', org, env),
    ]
  }
}

/** Every page says what it preloads; `null` when its loader has no request it always makes. */
const API_HINTS: Record<RoutePattern, ApiHint | null> = {
  // The columns' snapshots depend on this list, so only it can start early.
  overview: ({ org = '' }) => [apiPath('environments', org)],
  flows: ({ org = '' }) => [apiPath('flows', org)],
  'flows/:flow': flowHint,
  'flows/:flow/artifacts/:fingerprint': ({ org = '', flow = '', fingerprint = '' }) =>
    FULL_FINGERPRINT.test(fingerprint)
      ? [apiPath('artifacts', org, flow, 'fingerprint', fingerprint)]
      : [],
  'flows/:flow/trails/:trail': ({ org = '', flow = '', trail = '' }) => [
    apiPath('trails', org, flow, trail),
  ],
  environments: ({ org = '' }) => [apiPath('environments', org)],
  'environments/:env': environmentHint('snapshots'),
  'environments/:env/snapshots': environmentHint('snapshots'),
  'environments/:env/events': environmentHint('events'),
  'flows/:flow/trails': null,
  'environments/:env/snapshots/:index': snapshotHint,
  // Redirects to the snapshot page, whose requests can start at once.
  'environments/:env/:index': snapshotHint,
  // The environment list for the pickers, and the diff when both sides parse.
  diff: ({ org = '' }, search) => {
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
  search: null,
  audit: null,
}

export const ROUTE_HINTS: ReadonlyArray<RouteHint> = APP_ROUTES.map((route) => {
  const api = API_HINTS[route.pattern]
  return api ? { ...route, api } : { ...route }
})

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
