/**
 * The kept answers (src/app/persist-policy.ts says which) in IndexedDB, so a numbered snapshot
 * opened yesterday opens at once today, and offline.
 *
 * - Bounded: at most MAX_TOTAL_CHARS of JSON in all, the least recently used dropped first; an
 *   answer over MAX_ENTRY_CHARS is not kept (the 5,111-artifact snapshot is 11 M).
 * - Versioned: everything is dropped when the build or PERSIST_SCHEMA changes (a kept answer is
 *   a domain object of src/api, whose shape is the build's).
 * - One org at a time: an answer for another org drops what the previous one left.
 * - Never in the way: a store that cannot open, is corrupt or full answers "not kept", and the
 *   page reads the network as it would without it.
 *
 * Metadata (size, last use) and bodies are separate object stores, so eviction reads no bodies.
 * The large answers kept are named to the server in a cookie (src/app/kept-hint.ts), so a page's
 * HTML does not preload what this store will answer.
 */

import type { QueryKey } from '@tanstack/react-query'
import { apiPath, withQuery } from '@/api/client'
import { KEPT_COOKIE, KEPT_HINT_MIN_CHARS, keptCookieValue, keptHint } from './kept-hint'
import { readConfig } from './config'
import { persistedOrg } from './persist-policy'

/** Bump when a kept domain type changes shape without the build changing (never, in practice). */
export const PERSIST_SCHEMA = 1
export const MAX_TOTAL_CHARS = 40_000_000
export const MAX_ENTRY_CHARS = 20_000_000

const DB_NAME = 'shiplog-queries'
const ENTRIES = 'entries'
const BODIES = 'bodies'
const META = 'meta'
const STATE_KEY = 'state'
/** A store another tab holds open in an old version can block opening; the network waits no longer. */
const OPEN_TIMEOUT_MS = 1500

interface EntryMeta {
  hash: string
  chars: number
  usedAt: number
  /** The digest of the API URL a large answer is read from (src/app/kept-hint.ts). */
  hint?: string
}

interface StoreState {
  buster: string
  org: string | null
}

/**
 * What the kept answers are valid for: this schema, this mode (demo data is not the org's real
 * data) and this build, named by its entry script's hashed URL.
 */
export function persistBuster(): string {
  const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? ''
  return `${PERSIST_SCHEMA}|${readConfig().mode}|${entry}`
}

export interface PersistStore {
  /** The kept answer for this query hash, or undefined. */
  read(hash: string, org: string): Promise<unknown>
  /**
   * Keeps an answer; resolves when stored or given up (never rejects). Its `queryKey` names the
   * URL the page requests it by (keptAnswerUrl), which lets the server leave a large kept answer
   * out of the page's preloads.
   */
  write(hash: string, org: string, data: unknown, queryKey?: QueryKey): Promise<void>
}

export interface PersistStoreOptions {
  buster: string
  indexedDB?: IDBFactory | undefined
  maxTotalChars?: number
  maxEntryChars?: number
  /** Answers this long or longer are named in the hints. */
  minHintChars?: number
  /** Told the kept answers' hints, most recently used first, after each change. */
  onHints?: (hints: ReadonlyArray<string>) => void
  now?: () => number
}

/** The hints as the `shiplog-kept` cookie, for every page of this origin; removed when empty. */
export function writeKeptCookie(hints: ReadonlyArray<string>): void {
  if (typeof document === 'undefined') return
  const value = keptCookieValue(hints)
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  const life = value ? 'Max-Age=31536000' : 'Max-Age=0'
  document.cookie = `${KEPT_COOKIE}=${value}; Path=/; ${life}; SameSite=Lax${secure}`
}

function hintsOf(entries: ReadonlyArray<EntryMeta>): string[] {
  return [...entries]
    .sort((a, b) => b.usedAt - a.usedAt)
    .flatMap((entry) => (typeof entry.hint === 'string' ? [entry.hint] : []))
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB open timed out')), OPEN_TIMEOUT_MS)
    const request = factory.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      const db = request.result
      for (const name of [ENTRIES, BODIES, META]) {
        if (!db.objectStoreNames.contains(name)) {
          db.createObjectStore(name, name === ENTRIES ? { keyPath: 'hash' } : undefined)
        }
      }
    }
    request.onsuccess = () => {
      clearTimeout(timer)
      const db = request.result
      // Another tab upgrading the database must not wait on this one.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    request.onerror = () => {
      clearTimeout(timer)
      reject(request.error ?? new Error('IndexedDB open failed'))
    }
    request.onblocked = () => {
      clearTimeout(timer)
      reject(new Error('IndexedDB open blocked'))
    }
  })
}

function isStoreState(value: unknown): value is StoreState {
  if (value === null || typeof value !== 'object') return false
  const state = value as Record<string, unknown>
  return typeof state.buster === 'string' && (state.org === null || typeof state.org === 'string')
}

/** Empties the answers and records who they now belong to, in one transaction. */
async function reset(db: IDBDatabase, state: StoreState): Promise<void> {
  const tx = db.transaction([ENTRIES, BODIES, META], 'readwrite')
  tx.objectStore(ENTRIES).clear()
  tx.objectStore(BODIES).clear()
  tx.objectStore(META).put(state, STATE_KEY)
  await finished(tx)
}

/** Opens the store, emptied if it was written by another build; null when IndexedDB is unusable. */
export async function openPersistStore(options: PersistStoreOptions): Promise<PersistStore | null> {
  const onHints = options.onHints ?? writeKeptCookie
  const factory = options.indexedDB ?? globalThis.indexedDB
  if (!factory) {
    onHints([])
    return null
  }
  const maxTotal = options.maxTotalChars ?? MAX_TOTAL_CHARS
  const maxEntry = options.maxEntryChars ?? MAX_ENTRY_CHARS
  const minHint = options.minHintChars ?? KEPT_HINT_MIN_CHARS
  const now = options.now ?? Date.now
  let db: IDBDatabase
  let state: StoreState
  try {
    db = await openDatabase(factory)
    const stored: unknown = await done(db.transaction(META).objectStore(META).get(STATE_KEY))
    if (isStoreState(stored) && stored.buster === options.buster) {
      state = stored
    } else {
      state = { buster: options.buster, org: null }
      await reset(db, state)
    }
  } catch {
    onHints([])
    return null
  }

  // Writes and org switches run one after another, so eviction sees every earlier write.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function publishHints(): Promise<void> {
    const all = await done(db.transaction(ENTRIES).objectStore(ENTRIES).getAll())
    onHints(hintsOf(all as EntryMeta[]))
  }
  // The cookie follows the store, whatever became of either since the last visit.
  void serial(publishHints).catch(() => undefined)

  const forOrg = (org: string) =>
    serial(async () => {
      if (state.org === org) return
      const next = { buster: state.buster, org }
      await reset(db, next)
      state = next
      onHints([])
    })

  async function drop(hash: string): Promise<void> {
    const tx = db.transaction([ENTRIES, BODIES], 'readwrite')
    tx.objectStore(ENTRIES).delete(hash)
    tx.objectStore(BODIES).delete(hash)
    await finished(tx)
    await publishHints()
  }

  async function read(hash: string, org: string): Promise<unknown> {
    try {
      await forOrg(org)
      const body: unknown = await done(db.transaction(BODIES).objectStore(BODIES).get(hash))
      if (typeof body !== 'string') return undefined
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        await drop(hash)
        return undefined
      }
      if (parsed === null || typeof parsed !== 'object' || !('data' in parsed)) {
        await drop(hash)
        return undefined
      }
      void serial(async () => {
        const tx = db.transaction(ENTRIES, 'readwrite')
        const entries = tx.objectStore(ENTRIES)
        const meta = (await done(entries.get(hash))) as EntryMeta | undefined
        entries.put({ ...meta, hash, chars: body.length, usedAt: now() } satisfies EntryMeta)
        await finished(tx)
      }).catch(() => undefined)
      return parsed.data
    } catch {
      return undefined
    }
  }

  async function write(
    hash: string,
    org: string,
    data: unknown,
    queryKey?: QueryKey,
  ): Promise<void> {
    try {
      await forOrg(org)
      const body = JSON.stringify({ data })
      if (body.length > maxEntry) return
      await serial(async () => {
        const tx = db.transaction([ENTRIES, BODIES], 'readwrite')
        const entries = tx.objectStore(ENTRIES)
        const bodies = tx.objectStore(BODIES)
        const all = (await done(entries.getAll())) as EntryMeta[]
        const others = all.filter((entry) => entry.hash !== hash)
        let total = body.length + others.reduce((sum, entry) => sum + entry.chars, 0)
        for (const oldest of others.sort((a, b) => a.usedAt - b.usedAt)) {
          if (total <= maxTotal) break
          entries.delete(oldest.hash)
          bodies.delete(oldest.hash)
          total -= oldest.chars
        }
        const apiUrl = queryKey && body.length >= minHint ? keptAnswerUrl(queryKey) : null
        const hint = apiUrl ? { hint: keptHint(apiUrl) } : {}
        entries.put({ hash, chars: body.length, usedAt: now(), ...hint } satisfies EntryMeta)
        bodies.put(body, hash)
        await finished(tx)
        await publishHints()
      })
    } catch {
      // Full (QuotaExceededError), closed or corrupt: the answer is simply not kept.
    }
  }

  return { read, write }
}

/**
 * The API URL a kept answer is read from, exactly as the page requests it and the server
 * preloads it (src/app/route-preload.ts), or null for kept answers no page preloads.
 */
export function keptAnswerUrl(queryKey: QueryKey): string | null {
  if (persistedOrg(queryKey) === null) return null
  const [resource, org] = queryKey as ReadonlyArray<string>
  if (resource === 'snapshots') {
    const [, , env = '', , snappish = ''] = queryKey as ReadonlyArray<string>
    return `${apiPath('snapshots', org ?? '', env)}/${snappish.slice(snappish.lastIndexOf('#') + 1)}`
  }
  if (resource === 'env-diff') {
    const [, , from, to] = queryKey as ReadonlyArray<string>
    return withQuery(apiPath('env-diff', org ?? ''), { snappish1: from, snappish2: to })
  }
  return null
}
