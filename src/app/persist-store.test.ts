import { IDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { describe, expect, it, vi } from 'vitest'
import { snapshotKeys } from '@/api/snapshots'
import { keptHint } from './kept-hint'
import { openPersistStore, type PersistStoreOptions } from './persist-store'

function opener(factory = new IDBFactory()) {
  let clock = 0
  return (options: Partial<PersistStoreOptions> = {}) =>
    openPersistStore({ buster: 'build-1', indexedDB: factory, now: () => ++clock, ...options })
}

/** A body of about `chars` characters once written as JSON. */
const sized = (chars: number) => ({ text: 'x'.repeat(chars - 20) })

async function openOrFail(open: ReturnType<typeof opener>, options?: Partial<PersistStoreOptions>) {
  const store = await open(options)
  if (!store) throw new Error('the store did not open')
  return store
}

describe('kept answers in IndexedDB', () => {
  it('gives an answer back on a later visit', async () => {
    const open = opener()
    const first = await openOrFail(open)
    await first.write('["snapshots","acme","prod","detail","prod#3"]', 'acme', { index: 3 })
    const later = await openOrFail(open)
    expect(await later.read('["snapshots","acme","prod","detail","prod#3"]', 'acme')).toEqual({
      index: 3,
    })
    expect(await later.read('["snapshots","acme","prod","detail","prod#4"]', 'acme')).toBe(
      undefined,
    )
  })

  it('drops everything when the build changes', async () => {
    const open = opener()
    await (await openOrFail(open)).write('a', 'acme', { kept: true })
    const newBuild = await openOrFail(open, { buster: 'build-2' })
    expect(await newBuild.read('a', 'acme')).toBe(undefined)
    // And the old build's answers do not come back with the old build either.
    expect(await (await openOrFail(open)).read('a', 'acme')).toBe(undefined)
  })

  it('drops the previous org’s answers when another org is read', async () => {
    const open = opener()
    const store = await openOrFail(open)
    await store.write('a', 'acme', { org: 'acme' })
    expect(await store.read('b', 'other')).toBe(undefined)
    expect(await store.read('a', 'acme')).toBe(undefined)
    expect(await (await openOrFail(open)).read('a', 'acme')).toBe(undefined)
  })

  it('stays under its size cap by dropping the least recently used answer', async () => {
    const open = opener()
    const store = await openOrFail(open, { maxTotalChars: 2_500 })
    await store.write('a', 'acme', sized(1_000))
    await store.write('b', 'acme', sized(1_000))
    // Reading `a` makes `b` the least recently used.
    expect(await store.read('a', 'acme')).toEqual(sized(1_000))
    await store.write('c', 'acme', sized(1_000))
    expect(await store.read('b', 'acme')).toBe(undefined)
    expect(await store.read('a', 'acme')).toEqual(sized(1_000))
    expect(await store.read('c', 'acme')).toEqual(sized(1_000))
  })

  it('does not keep an answer larger than the cap for one', async () => {
    const store = await openOrFail(opener(), { maxEntryChars: 500 })
    await store.write('big', 'acme', sized(1_000))
    await store.write('small', 'acme', sized(200))
    expect(await store.read('big', 'acme')).toBe(undefined)
    expect(await store.read('small', 'acme')).toEqual(sized(200))
  })

  it('treats a corrupt body as not kept, and removes it', async () => {
    const factory = new IDBFactory()
    const store = await openOrFail(opener(factory))
    await store.write('a', 'acme', { fine: true })
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('shiplog-queries', 1)
      request.onsuccess = () => resolve(request.result)
    })
    await new Promise<void>((resolve) => {
      const tx = db.transaction('bodies', 'readwrite')
      tx.objectStore('bodies').put('{"data": trunc', 'a')
      tx.oncomplete = () => resolve()
    })
    db.close()
    expect(await store.read('a', 'acme')).toBe(undefined)
    await store.write('b', 'acme', { fine: true })
    expect(await store.read('b', 'acme')).toEqual({ fine: true })
  })

  it('is absent, not broken, when IndexedDB cannot open', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The user denied permission', 'SecurityError')
      },
    } as unknown as IDBFactory
    expect(await openPersistStore({ buster: 'b', indexedDB: refusing })).toBe(null)
  })

  it('resolves a write it cannot store (quota exceeded) without throwing', async () => {
    const store = await openOrFail(opener())
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    })
    try {
      await expect(store.write('a', 'acme', { any: 1 })).resolves.toBe(undefined)
    } finally {
      put.mockRestore()
    }
    expect(await store.read('a', 'acme')).toBe(undefined)
  })

  describe('hints for the server (the cookie)', () => {
    const URL_A = '/api/v2/snapshots/acme/prod/3'
    const URL_B = '/api/v2/snapshots/acme/prod/4'
    const KEY_A = snapshotKeys.detail('acme', { kind: 'index', env: 'prod', index: 3 })
    const KEY_B = snapshotKeys.detail('acme', { kind: 'index', env: 'prod', index: 4 })

    /** A store that reports its hints to `seen` (the last report is the current cookie). */
    async function hinting(
      open: ReturnType<typeof opener>,
      options: Partial<PersistStoreOptions> = {},
    ) {
      const seen: string[][] = []
      const store = await openOrFail(open, {
        minHintChars: 1_000,
        onHints: (hints) => seen.push([...hints]),
        ...options,
      })
      // Settles the report every opening makes.
      await store.read('nothing', 'acme')
      return { store, current: () => seen.at(-1) }
    }

    it('names large kept answers by their URL, most recently used first, and not small ones', async () => {
      const { store, current } = await hinting(opener())
      await store.write('a', 'acme', sized(2_000), KEY_A)
      expect(current()).toEqual([keptHint(URL_A)])
      await store.write(
        'small',
        'acme',
        sized(500),
        snapshotKeys.detail('acme', { kind: 'index', env: 'prod', index: 5 }),
      )
      await store.write('no-url', 'acme', sized(2_000))
      await store.write('b', 'acme', sized(2_000), KEY_B)
      expect(current()).toEqual([keptHint(URL_B), keptHint(URL_A)])
      // Reading `a` keeps its hint and makes it the most recent.
      await store.read('a', 'acme')
      await store.write('c', 'acme', sized(500))
      expect(current()).toEqual([keptHint(URL_A), keptHint(URL_B)])
    })

    it('drops the hint of an answer it evicts or finds corrupt', async () => {
      const { store, current } = await hinting(opener(), { maxTotalChars: 4_500 })
      await store.write('a', 'acme', sized(2_000), KEY_A)
      await store.write('b', 'acme', sized(2_000), KEY_B)
      await store.write('c', 'acme', sized(2_000))
      expect(current()).toEqual([keptHint(URL_B)])
    })

    it('reports none after an org switch or a new build, and the kept ones on every opening', async () => {
      const open = opener()
      const first = await hinting(open)
      await first.store.write('a', 'acme', sized(2_000), KEY_A)
      const again = await hinting(open)
      expect(again.current()).toEqual([keptHint(URL_A)])
      await again.store.read('x', 'other')
      expect(again.current()).toEqual([])
      await again.store.write('a', 'other', sized(2_000), KEY_A)
      const newBuild = await hinting(open, { buster: 'build-2' })
      expect(newBuild.current()).toEqual([])
    })

    it('reports none when IndexedDB cannot open, so the server preloads as before', async () => {
      const onHints = vi.fn()
      const refusing = {
        open: () => {
          throw new DOMException('The user denied permission', 'SecurityError')
        },
      } as unknown as IDBFactory
      expect(await openPersistStore({ buster: 'b', indexedDB: refusing, onHints })).toBe(null)
      expect(onHints).toHaveBeenCalledWith([])
    })
  })
})
