import type { z } from 'zod/mini'
import type { $ZodIssue } from 'zod/v4/core'

/**
 * Reads a response through its zod schema in one pass of plain checks. zod's own parser
 * interprets the schema per value and copies every object it checks; on a 15 MB snapshot that
 * is most of the time between the body's arrival and the first rows. The reader built here
 * accepts exactly what the schema accepts, for the schema kinds the API layer uses (loose
 * objects, arrays, records, optional, nullable, unions, strings with pattern checks, numbers,
 * whole numbers, booleans, unknown, pipes into transforms); any other kind, and every value it
 * does not accept, goes to zod itself, which also words the error.
 */
export function parseResponse<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { success: true; data: z.output<S> } | { success: false; issues: readonly $ZodIssue[] } {
  const read = readerOf(schema)(input)
  observer?.(schema, input, read === REFUSED ? undefined : { data: read })
  if (read !== REFUSED) return { success: true, data: read as z.output<S> }
  const parsed = schema.safeParse(input)
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: parsed.error.issues }
}

/** Sees every response read and what the reader made of it (`undefined`: refused). */
export type ReadObserver = (
  schema: z.ZodMiniType,
  input: unknown,
  read: { data: unknown } | undefined,
) => void

let observer: ReadObserver | null = null

/** The unit tests compare every reading with zod's (src/test/read-check.ts). */
export function observeReads(next: ReadObserver | null) {
  observer = next
}

const REFUSED: unique symbol = Symbol('refused')
type Reader = (value: unknown) => unknown

/** What parseResponse reads with, for tests: REFUSED is `undefined` here. */
export function readFast(schema: z.ZodMiniType, input: unknown): { data: unknown } | undefined {
  const read = readerOf(schema)(input)
  return read === REFUSED ? undefined : { data: read }
}

/** The parts of zod's definitions read here (zod/v4/core's `_zod.def`). */
interface Def {
  type: string
  checks?: unknown[]
  coerce?: boolean
  format?: string
  shape?: Record<string, z.ZodMiniType>
  catchall?: z.ZodMiniType
  element?: z.ZodMiniType
  keyType?: z.ZodMiniType
  valueType?: z.ZodMiniType
  innerType?: z.ZodMiniType
  options?: readonly z.ZodMiniType[]
  in?: z.ZodMiniType
  out?: z.ZodMiniType
  transform?: (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown
}

interface Internals {
  def: Def
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
}

function internals(schema: z.ZodMiniType): Internals {
  return (schema as unknown as { _zod: Internals })._zod
}

const readers = new WeakMap<z.ZodMiniType, Reader>()

function readerOf(schema: z.ZodMiniType): Reader {
  let reader = readers.get(schema)
  if (!reader) {
    // Placeholder first, so a schema that contains itself does not recurse while it is built.
    readers.set(schema, (value) => readerOf(schema)(value))
    try {
      reader = build(schema)
    } catch {
      // A definition shaped unlike zod 4's: zod reads it.
      reader = byZod(schema)
    }
    readers.set(schema, reader)
  }
  return reader
}

/** zod itself, for a kind or a check this module does not read. */
function byZod(schema: z.ZodMiniType): Reader {
  return (value) => {
    const parsed = schema.safeParse(value)
    return parsed.success ? parsed.data : REFUSED
  }
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** zod leaves `__proto__` keys out of what it returns; such objects go to zod. */
function hasProtoKey(value: object): boolean {
  return Object.prototype.hasOwnProperty.call(value, '__proto__')
}

function build(schema: z.ZodMiniType): Reader {
  const { def } = internals(schema)
  if (def.coerce) return byZod(schema)
  const checks = def.checks ?? []
  switch (def.type) {
    case 'unknown':
    case 'any':
      return checks.length ? byZod(schema) : (value) => value
    case 'string':
      return stringReader(schema, checks)
    case 'number':
      if (def.format === undefined && checks.length === 0) {
        return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : REFUSED)
      }
      // z.int(): a whole number within ±2^53 - 1, its format its only check.
      return def.format === 'safeint' && checks.every((check) => check === schema)
        ? (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : REFUSED)
        : byZod(schema)
    case 'boolean':
      return checks.length
        ? byZod(schema)
        : (value) => (typeof value === 'boolean' ? value : REFUSED)
    case 'optional': {
      if (!def.innerType || internals(def.innerType).optin === 'defaulted') return byZod(schema)
      const inner = readerOf(def.innerType)
      return (value) => (value === undefined ? undefined : inner(value))
    }
    case 'nullable': {
      if (!def.innerType) return byZod(schema)
      const inner = readerOf(def.innerType)
      return (value) => (value === null ? null : inner(value))
    }
    case 'union': {
      if (checks.length || !def.options) return byZod(schema)
      const options = def.options.map(readerOf)
      return (value) => {
        for (const option of options) {
          const read = option(value)
          if (read !== REFUSED) return read
        }
        return REFUSED
      }
    }
    case 'array': {
      if (checks.length || !def.element) return byZod(schema)
      const element = readerOf(def.element)
      return (value) => {
        if (!Array.isArray(value)) return REFUSED
        let out: unknown[] | undefined
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i]
          const read = element(item)
          if (read === REFUSED) return REFUSED
          if (read !== item) {
            out ??= value.slice()
            out[i] = read
          }
        }
        return out ?? value
      }
    }
    case 'record':
      return recordReader(schema, def, checks)
    case 'object':
      return objectReader(schema, def, checks)
    case 'pipe': {
      if (checks.length || !def.in || !def.out) return byZod(schema)
      const first = readerOf(def.in)
      const then = readerOf(def.out)
      return (value) => {
        const read = first(value)
        return read === REFUSED ? REFUSED : then(read)
      }
    }
    case 'transform': {
      const transform = def.transform
      if (checks.length || !transform) return byZod(schema)
      return (value) => {
        const payload = { value, issues: [] as unknown[] }
        const out = transform(value, payload)
        return payload.issues.length || out instanceof Promise ? REFUSED : out
      }
    }
    default:
      return byZod(schema)
  }
}

/** A string check zod words as `string_format` with a regex: the one kind the API layer uses. */
function patternOf(check: unknown): RegExp | null {
  const def = (check as { _zod?: { def?: { check?: string; format?: string; pattern?: unknown } } })
    ._zod?.def
  if (def?.check !== 'string_format' || def.format !== 'regex') return null
  return def.pattern instanceof RegExp ? def.pattern : null
}

function stringReader(schema: z.ZodMiniType, checks: unknown[]): Reader {
  if (checks.length === 0) return (value) => (typeof value === 'string' ? value : REFUSED)
  const patterns = checks.map(patternOf)
  if (patterns.some((pattern) => pattern === null)) return byZod(schema)
  const tests = patterns as RegExp[]
  return (value) => {
    if (typeof value !== 'string') return REFUSED
    for (const pattern of tests) {
      pattern.lastIndex = 0
      if (!pattern.test(value)) return REFUSED
    }
    return value
  }
}

function recordReader(schema: z.ZodMiniType, def: Def, checks: unknown[]): Reader {
  if (checks.length || !def.keyType || !def.valueType) return byZod(schema)
  const key = internals(def.keyType).def
  // Plain string keys only: enum or literal keys make zod check that every one is present.
  if (key.type !== 'string' || key.checks?.length || key.coerce) return byZod(schema)
  const element = readerOf(def.valueType)
  return (value) => {
    if (!isRecordLike(value) || hasProtoKey(value)) return REFUSED
    let out: Record<string, unknown> | undefined
    for (const name of Object.keys(value)) {
      const item = value[name]
      const read = element(item)
      if (read === REFUSED) return REFUSED
      if (read !== item) {
        out ??= { ...value }
        out[name] = read
      }
    }
    return out ?? value
  }
}

function objectReader(schema: z.ZodMiniType, def: Def, checks: unknown[]): Reader {
  // Loose objects only: zod copies the unknown keys through, so the value read is the value
  // given. Stripping or strict objects go to zod.
  const catchall = def.catchall ? internals(def.catchall).def : null
  if (checks.length || !def.shape || catchall?.type !== 'unknown' || catchall.checks?.length) {
    return byZod(schema)
  }
  const fields = Object.entries(def.shape).map(([name, field]) => {
    const { optin, optout } = internals(field)
    return { name, optin, optout, read: readerOf(field) }
  })
  // A field that is required, or optional both ways (left out when absent): others, such as
  // defaults, make zod put something in an absent key's place.
  const plain = fields.every(
    (field) =>
      field.name !== '__proto__' &&
      (field.optin === undefined || (field.optin === 'optional' && field.optout === 'optional')),
  )
  if (!plain) return byZod(schema)
  return (value) => {
    if (!isRecordLike(value) || hasProtoKey(value)) return REFUSED
    let out: Record<string, unknown> | undefined
    for (const field of fields) {
      if (!(field.name in value)) {
        if (field.optin === undefined) return REFUSED
        continue
      }
      const item = value[field.name]
      const read = field.read(item)
      if (read === REFUSED) return REFUSED
      if (read !== item) {
        out ??= { ...value }
        out[field.name] = read
      }
    }
    return out ?? value
  }
}
