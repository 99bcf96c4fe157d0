import type { QueryKey } from '@tanstack/react-query'

/**
 * Which answers Shiplog keeps across visits (src/app/persist-store.ts): only those that can never
 * change, so a restored copy is never stale data passed off as current. Pure and in the entry
 * chunk, so a query that is not kept never waits for the store's code.
 *
 * Kept: a numbered snapshot (`env#N`), the diff of two numbered snapshots, an attestation by id.
 * Not kept: "latest" and every other moving expression, lists, an artifact's page (where it runs
 * moves with every snapshot).
 */

// The same shape server/proxy.ts marks immutable: `env#N`, N a positive whole number.
const NUMBERED = /^[^#~@]+#[1-9]\d{0,9}$/

function isNumbered(value: unknown): boolean {
  return typeof value === 'string' && NUMBERED.test(value)
}

/** The org a kept key belongs to (its second part), or null when the key is not kept. */
export function persistedOrg(queryKey: QueryKey): string | null {
  const [resource, org] = queryKey
  if (typeof org !== 'string') return null
  const kept =
    (resource === 'snapshots' &&
      queryKey.length === 5 &&
      queryKey[3] === 'detail' &&
      isNumbered(queryKey[4])) ||
    (resource === 'env-diff' &&
      queryKey.length === 4 &&
      isNumbered(queryKey[2]) &&
      isNumbered(queryKey[3])) ||
    (resource === 'attestations' &&
      queryKey.length === 4 &&
      queryKey[2] === 'id' &&
      typeof queryKey[3] === 'string')
  return kept ? org : null
}

/**
 * Whether an answer for a kept key may be stored. A numbered snapshot read while it was the
 * latest still gains a successor (`isLatest`, its end time), so it is kept only once it has one.
 */
export function isSettledAnswer(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return false
  return (data as { isLatest?: unknown }).isLatest !== true
}
