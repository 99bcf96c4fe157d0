import { onlineManager, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { attestationKeys } from '@/api/attestations'
import { diffKeys } from '@/api/diff'
import { environmentKeys } from '@/api/environments'
import { snapshotKeys } from '@/api/snapshots'
import { persistedOrg } from './persist-policy'
import { keptAnswerUrl, openPersistStore, type PersistStore } from './persist-store'
import { createQueryClient } from './query-client'

const numbered = snapshotKeys.detail('acme', { kind: 'index', env: 'prod', index: 64 })
const latest = snapshotKeys.detail('acme', { kind: 'latest', env: 'prod' })

describe('which answers are kept', () => {
  it.each<[string, QueryKey]>([
    ['a numbered snapshot', numbered],
    [
      'the diff of two numbered snapshots',
      diffKeys.pair(
        'acme',
        { kind: 'index', env: 'prod', index: 64 },
        { kind: 'index', env: 'prod', index: 65 },
      ),
    ],
    ['an attestation by id', attestationKeys.byId('acme', 'a1b2')],
  ])('keeps %s', (_, key) => {
    expect(persistedOrg(key)).toBe('acme')
  })

  it.each<[string, QueryKey]>([
    ['the latest snapshot', latest],
    [
      'a snapshot counted from the end',
      snapshotKeys.detail('acme', { kind: 'fromEnd', env: 'prod', position: 1 }),
    ],
    [
      'a snapshot some time ago',
      snapshotKeys.detail('acme', { kind: 'ago', env: 'prod', amount: 2, unit: 'days' }),
    ],
    [
      'a snapshot at a time',
      snapshotKeys.detail('acme', { kind: 'time', env: 'prod', at: '2026-01-01' }),
    ],
    ['the newest snapshot', snapshotKeys.newest('acme', 'prod')],
    ['a snapshot summary', snapshotKeys.summary('acme', 'prod', 64)],
    ['the snapshot list', snapshotKeys.list('acme', 'prod', 1, 20)],
    [
      'a diff against latest',
      diffKeys.pair(
        'acme',
        { kind: 'index', env: 'prod', index: 64 },
        { kind: 'latest', env: 'prod' },
      ),
    ],
    ['an environment', environmentKeys.detail('acme', 'prod')],
  ])('does not keep %s', (_, key) => {
    expect(persistedOrg(key)).toBe(null)
  })
})

describe('a query client that keeps immutable answers', () => {
  const clients: QueryClient[] = []
  afterEach(() => {
    clients.splice(0).forEach((client) => client.clear())
    onlineManager.setOnline(true)
  })

  function visit(keptAnswers: () => Promise<PersistStore | null>) {
    const client = createQueryClient(undefined, { keptAnswers })
    clients.push(client)
    return client
  }

  function browser() {
    const factory = new IDBFactory()
    return () => openPersistStore({ buster: 'test', indexedDB: factory })
  }

  /** Fetches `key` in a fresh visit; how often the network was asked, and what came back. */
  async function fetchIn(
    keptAnswers: () => Promise<PersistStore | null>,
    key: QueryKey,
    answer: unknown,
  ) {
    const network = vi.fn(async () => answer)
    const data = await visit(keptAnswers).fetchQuery({ queryKey: key, queryFn: network })
    return { calls: network.mock.calls.length, data }
  }

  async function keptIn(keptAnswers: () => Promise<PersistStore | null>, key: QueryKey) {
    const store = await keptAnswers()
    return store?.read(JSON.stringify(key), 'acme')
  }

  it('answers a numbered snapshot from the store on the next visit, without the network', async () => {
    const store = browser()
    const snapshot = { index: 64, isLatest: false, artifacts: [{ name: 'runner' }] }
    expect((await fetchIn(store, numbered, snapshot)).calls).toBe(1)
    await vi.waitFor(async () => expect(await keptIn(store, numbered)).toEqual(snapshot))
    expect(await fetchIn(store, numbered, { wrong: true })).toEqual({ calls: 0, data: snapshot })
  })

  it('opens a kept snapshot while offline', async () => {
    const store = browser()
    const snapshot = { index: 64, isLatest: false }
    await fetchIn(store, numbered, snapshot)
    await vi.waitFor(async () => expect(await keptIn(store, numbered)).toEqual(snapshot))
    onlineManager.setOnline(false)
    expect(await fetchIn(store, numbered, { wrong: true })).toEqual({ calls: 0, data: snapshot })
  })

  it('never keeps latest data, nor a numbered snapshot read while it was the latest', async () => {
    const store = browser()
    await fetchIn(store, latest, { index: 65, isLatest: true })
    await fetchIn(store, numbered, { index: 64, isLatest: true })
    // A kept answer written after these proves the writes have run.
    const attestation = attestationKeys.byId('acme', 'a1')
    await fetchIn(store, attestation, { id: 'a1' })
    await vi.waitFor(async () => expect(await keptIn(store, attestation)).toEqual({ id: 'a1' }))
    expect(await keptIn(store, latest)).toBe(undefined)
    expect(await keptIn(store, numbered)).toBe(undefined)
    expect((await fetchIn(store, latest, { index: 66 })).calls).toBe(1)
  })

  it('writes a kept answer with the API URL its page requests, for the kept cookie', async () => {
    const writes: Array<string | null> = []
    const recording = async (): Promise<PersistStore> => ({
      read: async () => undefined,
      write: async (_hash, _org, _data, queryKey) => {
        writes.push(queryKey ? keptAnswerUrl(queryKey) : null)
      },
    })
    await fetchIn(recording, numbered, { index: 64, isLatest: false })
    await fetchIn(recording, attestationKeys.byId('acme', 'a1'), { id: 'a1' })
    await vi.waitFor(() => expect(writes).toEqual(['/api/v2/snapshots/acme/prod/64', null]))
  })

  it('reads the network when the store is unusable or its read fails', async () => {
    const missing = async () => null
    expect(await fetchIn(missing, numbered, { index: 64 })).toEqual({
      calls: 1,
      data: { index: 64 },
    })
    const failing = async (): Promise<PersistStore> => ({
      read: () => Promise.reject(new Error('corrupt')),
      write: () => Promise.reject(new Error('full')),
    })
    expect(await fetchIn(failing, numbered, { index: 64 })).toEqual({
      calls: 1,
      data: { index: 64 },
    })
  })
})
