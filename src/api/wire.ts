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
