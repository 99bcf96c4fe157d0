import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { formatSnappish, snappishQueryValue, type Snappish } from '@/lib/snappish'
import { apiGet, apiPath } from './client'
import { textOrNull, toSeconds } from './domain'
import {
  fingerprintAliases,
  fingerprintOf,
  optionalNumber,
  optionalString,
  timestamp,
} from './wire'

const diffArtifactWire = z.looseObject({
  // The spec allows `""` (an artifact reported without one).
  ...fingerprintAliases,
  name: z.string(),
  most_recent_timestamp: z.optional(z.nullable(timestamp)),
  flow: optionalString,
  commit_url: optionalString,
  instance_count: optionalNumber,
  s1_instance_count: optionalNumber,
  s2_instance_count: optionalNumber,
  pods: z.optional(z.nullable(z.array(z.string()))),
})

const diffItemWire = z.looseObject({
  snapshot_id: optionalString,
  artifacts: z.array(diffArtifactWire),
})

const envDiffWire = z.looseObject({
  snappish1: diffItemWire,
  snappish2: diffItemWire,
  changed: z.optional(z.nullable(diffItemWire)),
  'not-changed': z.optional(z.nullable(diffItemWire)),
})

export interface DiffArtifact {
  /** `null` when the server sends none (or `""`). */
  fingerprint: string | null
  name: string
  /** Newest instance start. */
  mostRecentStart: number | null
  /** `null` when the artifact has no provenance. */
  flow: string | null
  commitUrl: string | null
  instances: number | null
  fromInstances: number | null
  toInstances: number | null
  pods: string[]
}

export interface SnapshotDiff {
  /** Resolved `env#N` of each side, when the server says. */
  fromSnapshot: string | null
  toSnapshot: string | null
  onlyInFrom: DiffArtifact[]
  onlyInTo: DiffArtifact[]
  /** Same fingerprint, different instance count. */
  scaled: DiffArtifact[]
  unchanged: DiffArtifact[]
}

function toDiffArtifact(wire: z.infer<typeof diffArtifactWire>): DiffArtifact {
  return {
    fingerprint: fingerprintOf(wire),
    name: wire.name,
    mostRecentStart: toSeconds(wire.most_recent_timestamp),
    flow: textOrNull(wire.flow),
    commitUrl: textOrNull(wire.commit_url),
    instances: wire.instance_count ?? null,
    fromInstances: wire.s1_instance_count ?? null,
    toInstances: wire.s2_instance_count ?? null,
    pods: wire.pods ?? [],
  }
}

/**
 * The pure wire → domain step of `/env-diff`, for callers holding a raw body (fixtures, tests).
 * Throws the schema's error when `wire` is not an env-diff response.
 */
export function toSnapshotDiff(wire: unknown): SnapshotDiff {
  return fromWire(envDiffWire.parse(wire))
}

export async function fetchSnapshotDiff(
  org: string,
  from: Snappish,
  to: Snappish,
  signal?: AbortSignal,
): Promise<SnapshotDiff> {
  const { data } = await apiGet(apiPath('env-diff', org), envDiffWire, {
    query: { snappish1: snappishQueryValue(from), snappish2: snappishQueryValue(to) },
    signal,
  })
  return fromWire(data)
}

function fromWire(data: z.infer<typeof envDiffWire>): SnapshotDiff {
  return {
    fromSnapshot: textOrNull(data.snappish1.snapshot_id),
    toSnapshot: textOrNull(data.snappish2.snapshot_id),
    onlyInFrom: data.snappish1.artifacts.map(toDiffArtifact),
    onlyInTo: data.snappish2.artifacts.map(toDiffArtifact),
    scaled: (data.changed?.artifacts ?? []).map(toDiffArtifact),
    unchanged: (data['not-changed']?.artifacts ?? []).map(toDiffArtifact),
  }
}

export const diffKeys = {
  all: (org: string) => ['env-diff', org] as const,
  pair: (org: string, from: Snappish, to: Snappish) =>
    [...diffKeys.all(org), formatSnappish(from), formatSnappish(to)] as const,
}

export const diffQueries = {
  pair: (org: string, from: Snappish, to: Snappish) =>
    queryOptions({
      queryKey: diffKeys.pair(org, from, to),
      queryFn: ({ signal }) => fetchSnapshotDiff(org, from, to, signal),
      // Omitted (not `undefined`) for moving expressions, so the client's default staleTime
      // applies; an explicit undefined would override it with 0 and refetch on every mount.
      ...(from.kind === 'index' && to.kind === 'index' ? { staleTime: Infinity } : {}),
    }),
}
