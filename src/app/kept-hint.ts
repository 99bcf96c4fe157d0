/**
 * The browser tells Shiplog's server which large answers it keeps across visits
 * (src/app/persist-store.ts), in one cookie, so a page's HTML does not preload them again: a kept
 * 15 MB snapshot preloaded from the HTTP cache costs its revisit a few hundred milliseconds of
 * work on an answer the page then reads from IndexedDB instead.
 *
 * The cookie holds short digests of API URLs, nothing else. A stale or colliding digest costs a
 * preload (the page fetches a little later), never wrong data. Small answers are not listed: a
 * wasted preload of a few kilobytes costs nothing worth a cookie.
 *
 * Relative imports only: the server reads this file too.
 */

export const KEPT_COOKIE = 'shiplog-kept'
/** Answers this size or more (JSON characters) are listed. */
export const KEPT_HINT_MIN_CHARS = 1_000_000
/** At most this many digests (9 bytes each), most recently used first. */
export const MAX_KEPT_HINTS = 48

const HINT = /^[0-9a-f]{8}$/

/** The digest of an API URL as the page requests it (path and query): FNV-1a, 32 bits, hex. */
export function keptHint(apiUrl: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < apiUrl.length; i += 1) {
    hash ^= apiUrl.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** The cookie's value for these digests ('' for none). */
export function keptCookieValue(hints: ReadonlyArray<string>): string {
  return [...new Set(hints.filter((hint) => HINT.test(hint)))].slice(0, MAX_KEPT_HINTS).join('.')
}

/** The digests a request's Cookie header lists; none when absent or malformed. */
export function parseKeptCookie(header: string | undefined): ReadonlySet<string> {
  const hints = new Set<string>()
  if (!header) return hints
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split(/=(.*)/s, 2)
    if (name !== KEPT_COOKIE || value === undefined) continue
    for (const hint of value.split('.').slice(0, MAX_KEPT_HINTS)) {
      if (HINT.test(hint)) hints.add(hint)
    }
  }
  return hints
}
