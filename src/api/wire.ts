import { z } from 'zod/mini'

/**
 * Pieces of the wire format shared by several resources. Objects are loose: unknown
 * fields pass through untouched, only the fields Shiplog reads are checked.
 */

export const timestamp = z.union([z.number(), z.string()])
export const optionalString = z.optional(z.nullable(z.string()))
export const optionalNumber = z.optional(z.nullable(z.number()))
export const optionalBoolean = z.optional(z.nullable(z.boolean()))
export const tags = z.optional(z.nullable(z.record(z.string(), z.unknown())))

/** A number, or the same number as a string (some payloads quote durations and indexes). */
export const numeric = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(?:\.\d+)?\s*$/))]),
  z.transform(Number),
)
/** A whole number, or the same number as a string. */
export const integer = z.pipe(
  z.union([z.int(), z.string().check(z.regex(/^\s*-?\d+\s*$/))]),
  z.transform(Number),
)
export const optionalNumeric = z.optional(z.nullable(numeric))

/** The fingerprint's two names: `fingerprint` (most resources) and `sha256` (events, older payloads). */
export const fingerprintAliases = { fingerprint: optionalString, sha256: optionalString }

interface FingerprintAliases {
  fingerprint?: string | null
  sha256?: string | null
}

/**
 * An object that must name its artifact: `fingerprint`, else `sha256`, becomes `fingerprint`.
 * Neither (or only empty ones) is a wrong-shaped response, never an empty fingerprint.
 */
export function withFingerprint<T extends FingerprintAliases>(schema: z.ZodMiniType<T>) {
  return z.pipe(
    schema,
    z.transform((value: T, ctx): T & { fingerprint: string } => {
      const fingerprint = fingerprintOf(value)
      if (fingerprint === null) {
        ctx.issues.push({
          code: 'custom',
          message: 'expected a fingerprint (or sha256)',
          input: value,
          path: ['fingerprint'],
        })
        return z.NEVER
      }
      return { ...value, fingerprint }
    }),
  )
}

/** `fingerprint`, else `sha256`; null when neither is a non-empty string. */
export function fingerprintOf(value: FingerprintAliases): string | null {
  if (typeof value.fingerprint === 'string' && value.fingerprint !== '') return value.fingerprint
  if (typeof value.sha256 === 'string' && value.sha256 !== '') return value.sha256
  return null
}

export const gitCommitInfoWire = z.looseObject({
  sha1: z.string(),
  message: optionalString,
  author: optionalString,
  author_username: optionalString,
  branch: optionalString,
  timestamp: z.optional(z.nullable(timestamp)),
  url: optionalString,
})

/** `{data, pagination}`: flows (when paginated), trails and attestations. */
export const paginated = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({
    data: z.array(item),
    pagination: z.optional(
      z.nullable(
        z.looseObject({
          page: z.optional(z.number()),
          page_count: z.optional(z.number()),
          total: z.optional(z.number()),
          per_page: z.optional(z.number()),
        }),
      ),
    ),
  })

export type GitCommitInfoWire = z.infer<typeof gitCommitInfoWire>
