/** Recent searches and visited pages, remembered in this browser only. */

export const RECENT_LIMIT = 20
const SEARCHES_KEY = 'shiplog.recentSearches'
const VISITS_KEY = 'shiplog.recentVisits'
const MAX_TEXT = 300

export interface RecentSearch {
  org: string
  query: string
  at: number
}

export interface RecentVisit {
  org: string
  kind: 'artifact' | 'snapshot'
  /** e.g. `runner@9af401c4350b` or `aws-prod#65`. */
  label: string
  /** An in-app path without query string. */
  path: string
  at: number
}

function readList(key: string): unknown[] {
  try {
    const raw = window.localStorage.getItem(key)
    if (!raw) return []
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) ? parsed : []
  } catch {
    // Corrupt JSON or no storage: start afresh rather than break the palette.
    return []
  }
}

function writeList(key: string, items: unknown[]) {
  try {
    window.localStorage.setItem(key, JSON.stringify(items))
  } catch {
    // Private mode or a full quota: recents last for this page only.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= MAX_TEXT

function isRecentSearch(value: unknown): value is RecentSearch {
  return isRecord(value) && isText(value.org) && isText(value.query) && typeof value.at === 'number'
}

function isRecentVisit(value: unknown): value is RecentVisit {
  return (
    isRecord(value) &&
    isText(value.org) &&
    (value.kind === 'artifact' || value.kind === 'snapshot') &&
    isText(value.label) &&
    isText(value.path) &&
    value.path.startsWith('/') &&
    !value.path.startsWith('//') &&
    typeof value.at === 'number'
  )
}

export function readRecentSearches(org: string): RecentSearch[] {
  return readList(SEARCHES_KEY)
    .filter(isRecentSearch)
    .filter((item) => item.org === org)
}

export function readRecentVisits(org: string): RecentVisit[] {
  return readList(VISITS_KEY)
    .filter(isRecentVisit)
    .filter((item) => item.org === org)
}

/**
 * Links can carry credentials (`https://user:token@host`) or one-off query strings; only the
 * parts that say where to go are kept.
 */
export function withoutSecrets(query: string): string | undefined {
  const text = query.trim()
  if (text === '' || text.length > MAX_TEXT) return undefined
  if (!/^https?:\/\//i.test(text)) return text
  try {
    const url = new URL(text)
    return `${url.origin}${url.pathname}`
  } catch {
    return undefined
  }
}

export function rememberSearch(org: string, query: string, now = Date.now()) {
  const clean = withoutSecrets(query)
  if (clean === undefined) return
  const rest = readList(SEARCHES_KEY)
    .filter(isRecentSearch)
    .filter((item) => !(item.org === org && item.query === clean))
  writeList(SEARCHES_KEY, [{ org, query: clean, at: now }, ...rest].slice(0, RECENT_LIMIT))
}

export function rememberVisit(visit: Omit<RecentVisit, 'at'>, now = Date.now()) {
  const item = { ...visit, at: now }
  if (!isRecentVisit(item)) return
  const rest = readList(VISITS_KEY)
    .filter(isRecentVisit)
    .filter((entry) => entry.path !== item.path)
  writeList(VISITS_KEY, [item, ...rest].slice(0, RECENT_LIMIT))
}

const ARTIFACT_PATH = /^\/([^/]+)\/flows\/([^/]+)\/artifacts\/([^/]+)\/?$/
const SNAPSHOT_PATH = /^\/([^/]+)\/environments\/([^/]+)\/snapshots\/([0-9]+)\/?$/

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** The visit a pathname stands for, or `undefined` when it is not an artifact or snapshot page. */
export function visitForPath(pathname: string): Omit<RecentVisit, 'at'> | undefined {
  const artifact = ARTIFACT_PATH.exec(pathname)
  if (artifact) {
    const [, org, flow, fingerprint] = artifact.map((part) => decode(part ?? ''))
    if (!org || !flow || !fingerprint) return undefined
    return {
      org,
      kind: 'artifact',
      label: `${flow}@${fingerprint.slice(0, 12)}`,
      path: pathname.replace(/\/$/, ''),
    }
  }
  const snapshot = SNAPSHOT_PATH.exec(pathname)
  if (snapshot) {
    const [, org, env, index] = snapshot.map((part) => decode(part ?? ''))
    if (!org || !env || !index) return undefined
    return { org, kind: 'snapshot', label: `${env}#${index}`, path: pathname.replace(/\/$/, '') }
  }
  return undefined
}
