import type { z } from 'zod/mini'
import type { ReadObserver } from '@/api/fast-parse'

/**
 * parseResponse must read every response as zod does: the same data when both accept, and a
 * refusal exactly when zod refuses (or, left to zod, for a `__proto__` key). Installed for the
 * whole unit suite, so every response a test serves is checked both ways.
 */
export const crossCheckWithZod: ReadObserver = (schema: z.ZodMiniType, input, read) => {
  const parsed = schema.safeParse(input)
  if (!read) {
    if (parsed.success && !containsProtoKey(input)) {
      throw new Error('parseResponse refused a value zod accepts')
    }
    return
  }
  if (!parsed.success) throw new Error('parseResponse accepted a value zod refuses')
  const difference = firstDifference(read.data, parsed.data, '$')
  if (difference) throw new Error(`parseResponse read ${difference} differently from zod`)
}

function containsProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    return true
  }
  return Object.values(value).some(containsProtoKey)
}

/** The path of the first place two JSON-like values differ (key order aside), else null. */
export function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Object.is(a, b)) return null
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path
  if (Array.isArray(a) !== Array.isArray(b)) return path
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    )
    if (found) return found
  }
  return Object.keys(a).length === Object.keys(b).length ? null : path
}
