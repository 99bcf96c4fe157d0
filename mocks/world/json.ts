import type { Json, JsonObject } from './model'

/** Narrow readers for captured JSON: fail loudly if a capture does not have the expected shape. */

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asObject(value: Json | undefined, what = 'value'): JsonObject {
  if (!isObject(value)) throw new Error(`capture: ${what} is not an object`)
  return value
}

export function asArray(value: Json | undefined, what = 'value'): Json[] {
  if (!Array.isArray(value)) throw new Error(`capture: ${what} is not an array`)
  return value
}

export function objects(value: Json | undefined, what = 'value'): JsonObject[] {
  return asArray(value, what).map((item, i) => asObject(item, `${what}[${i}]`))
}

export function str(o: JsonObject, key: string): string {
  const value = o[key]
  if (typeof value !== 'string') throw new Error(`capture: ${key} is not a string`)
  return value
}

export function optStr(o: JsonObject, key: string): string | null {
  const value = o[key]
  return typeof value === 'string' ? value : null
}

export function num(o: JsonObject, key: string): number {
  const value = o[key]
  if (typeof value !== 'number') throw new Error(`capture: ${key} is not a number`)
  return value
}

export function nums(o: JsonObject, key: string): number[] {
  return asArray(o[key], key).map((v) => {
    if (typeof v !== 'number') throw new Error(`capture: ${key} holds a non-number`)
    return v
  })
}

/** A deep copy, so handlers can never mutate the world. */
export function clone<T extends Json>(value: T): T {
  return structuredClone(value)
}
