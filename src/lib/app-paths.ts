/**
 * Every page Shiplog answers, and the one way to build a link to each. The router
 * (app/router.tsx) and the server's preload hints (app/route-preload.ts) are derived from
 * `APP_ROUTES`; every in-app link comes from a builder below. Paths follow the Kosli web app's
 * shapes, so a Kosli link opens in Shiplog after swapping the host.
 *
 * Relative imports only: the Node server loads this file through route-preload.ts.
 */
import { formatSnappish, type Snappish } from './snappish'

export interface AppRoute {
  /** Path segments after `/:org`; `:name` captures a segment. */
  readonly pattern: string
  /** The lazy route module, as the build manifest names it. */
  readonly module: string
}

export const APP_ROUTES = [
  { pattern: 'overview', module: 'src/features/overview/overview-route.tsx' },
  { pattern: 'flows', module: 'src/features/flows/flows-route.tsx' },
  { pattern: 'flows/:flow', module: 'src/features/flows/flow-route.tsx' },
  {
    pattern: 'flows/:flow/artifacts/:fingerprint',
    module: 'src/features/artifacts/artifact-route.tsx',
  },
  { pattern: 'flows/:flow/trails/:trail', module: 'src/features/trails/trail-route.tsx' },
  // Kosli's trail-list link (`/{org}/flows/{flow}/trails/`): the flow page at its trails.
  { pattern: 'flows/:flow/trails', module: 'src/features/flows/trails-link-route.tsx' },
  { pattern: 'environments', module: 'src/features/environments/environments-route.tsx' },
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
  },
  // Kosli's short snapshot link (the CLI's trail markdown): `/{org}/environments/{env}/{index}`.
  // `snapshots` and `events` are fixed segments, which the router ranks above this one.
  {
    pattern: 'environments/:env/:index',
    module: 'src/features/snapshots/snapshot-link-route.tsx',
  },
  { pattern: 'diff', module: 'src/features/diff/diff-route.tsx' },
  { pattern: 'search', module: 'src/features/search/search-route.tsx' },
  { pattern: 'audit', module: 'src/features/audit/audit-route.tsx' },
] as const satisfies ReadonlyArray<AppRoute>

export type RoutePattern = (typeof APP_ROUTES)[number]['pattern']

const seg = encodeURIComponent

function withSearch(path: string, params: URLSearchParams): string {
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export function orgPath(org: string): string {
  return `/${seg(org)}`
}

/** What runs where; `search` is the overview's own query string (see overview-search.ts). */
export function overviewPath(org: string, search = ''): string {
  return `${orgPath(org)}/overview${search}`
}

export function flowsPath(org: string): string {
  return `${orgPath(org)}/flows`
}

export function flowPath(org: string, flow: string): string {
  return `${flowsPath(org)}/${seg(flow)}`
}

export function artifactPath(org: string, flow: string, fingerprint: string): string {
  return `${flowPath(org, flow)}/artifacts/${seg(fingerprint)}`
}

/** A trail; with `attestationId`, that attestation opened. */
export function trailPath(
  org: string,
  flow: string,
  trail: string,
  attestationId?: string,
): string {
  const base = `${flowPath(org, flow)}/trails/${seg(trail)}`
  return attestationId ? `${base}?attestation_id=${seg(attestationId)}` : base
}

/** The id of the flow page's trails section, so a link can open the page there. */
export const TRAILS_SECTION_ID = 'trails'

/** The flow page at its trails. */
export function flowTrailsPath(org: string, flow: string): string {
  return `${flowPath(org, flow)}#${TRAILS_SECTION_ID}`
}

export function environmentsPath(org: string): string {
  return `${orgPath(org)}/environments`
}

export function environmentPath(org: string, env: string, tab?: 'snapshots' | 'events'): string {
  const base = `${environmentsPath(org)}/${seg(env)}`
  return tab ? `${base}/${tab}` : base
}

/** A snapshot; with `fingerprint`, that artifact highlighted (Kosli's `?fingerprint=`). */
export function snapshotPath(
  org: string,
  env: string,
  index: number,
  fingerprint?: string,
): string {
  const base = `${environmentPath(org, env, 'snapshots')}/${index}`
  return fingerprint ? `${base}?fingerprint=${seg(fingerprint)}` : base
}

/**
 * The diff page's search string for a pair, e.g. `?from=aws-prod%2364&to=aws-prod%2365`; with
 * `flow`, only that flow's artifacts.
 */
export function diffSearchString(
  from: Snappish | string,
  to: Snappish | string,
  showUnchanged = false,
  flow = '',
): string {
  const params = new URLSearchParams()
  params.set('from', typeof from === 'string' ? from : formatSnappish(from))
  params.set('to', typeof to === 'string' ? to : formatSnappish(to))
  if (showUnchanged) params.set('unchanged', 'show')
  if (flow) params.set('flow', flow)
  return `?${params.toString()}`
}

/**
 * The diff page: without a pair, its pickers; with one, e.g. `aws-prod#64` → `aws-prod#65`;
 * with `flow`, only that flow's artifacts.
 */
export function diffPath(
  org: string,
  from?: Snappish | string,
  to?: Snappish | string,
  flow = '',
): string {
  const base = `${orgPath(org)}/diff`
  return from === undefined || to === undefined
    ? base
    : `${base}${diffSearchString(from, to, false, flow)}`
}

/** Diff of snapshot N against N-1 of the same environment; undefined for the first one. */
export function diffWithPreviousPath(org: string, env: string, index: number): string | undefined {
  if (!Number.isInteger(index) || index < 2) return undefined
  return diffPath(org, `${env}#${index - 1}`, `${env}#${index}`)
}

/** The search page for typed text: a shareable link that resolves again when opened. */
export function searchPath(org: string, query: string): string {
  return withSearch(`${orgPath(org)}/search`, new URLSearchParams({ q: query.trim() }))
}

/** What an audit report is about, as the audit page reads it from its query string. */
export type AuditSubject =
  | { artifact: string }
  | { trail: string }
  | { snapshot: string }
  | { env: string; from: string; to: string }

/** The audit page: the form without a subject, the report with one. */
export function auditPath(org: string, subject?: AuditSubject): string {
  return withSearch(`${orgPath(org)}/audit`, new URLSearchParams(subject))
}

/** Unix seconds → the UTC day, `YYYY-MM-DD`. */
function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10)
}

/** An environment's report over whole UTC days, the last one included. */
export function environmentAuditSubject(env: string, fromDay: string, toDay: string): AuditSubject {
  return { env, from: `${fromDay}T00:00:00Z`, to: `${toDay}T23:59:59Z` }
}

/** The 30 days up to `endSeconds` (an environment's last report, say), as UTC days. */
export function recentAuditDays(endSeconds: number): { from: string; to: string } {
  return { from: utcDay(endSeconds - 29 * 86_400), to: utcDay(endSeconds) }
}

const DAY_OR_MOMENT = /^\d{4}-\d{2}-\d{2}/

/**
 * The audit report that belongs to a page of Shiplog, from its address: an artifact, a trail, a
 * snapshot, or an environment over the log's date range (or the 30 days up to `nowSeconds`).
 * `undefined` for pages that have no report of their own.
 */
export function auditSubjectForPage(
  pathname: string,
  search: string,
  nowSeconds: number,
): AuditSubject | undefined {
  let parts: string[]
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return undefined
  }
  const [, section, name, kind, item, rest] = parts
  if (section === 'flows' && name && item && rest === undefined) {
    if (kind === 'artifacts') return { artifact: `${name}@${item}` }
    if (kind === 'trails') return { trail: `${name}/${item}` }
  }
  if (section !== 'environments' || !name) return undefined
  if (kind === 'snapshots' && item && /^\d+$/.test(item)) return { snapshot: `${name}#${item}` }
  if (kind && /^\d+$/.test(kind) && item === undefined) return { snapshot: `${name}#${kind}` }
  if (kind !== undefined && kind !== 'snapshots' && kind !== 'events') return undefined
  if (item !== undefined) return undefined
  const params = new URLSearchParams(search)
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const toDay = DAY_OR_MOMENT.test(to) ? to.slice(0, 10) : recentAuditDays(nowSeconds).to
  const fromDay = DAY_OR_MOMENT.test(from)
    ? from.slice(0, 10)
    : recentAuditDays(Date.parse(`${toDay}T00:00:00Z`) / 1000).from
  return environmentAuditSubject(name, fromDay, toDay)
}

/**
 * `?history=chart` or `?history=table` on an environment page: the History section is drawn,
 * as that view (the environment page draws it only when asked).
 */
export const HISTORY_VIEW_PARAM = 'history'
