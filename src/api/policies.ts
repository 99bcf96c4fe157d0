import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import { textOrNull, toSeconds } from './domain'
import { optionalBoolean, optionalString, timestamp } from './wire'

const policyWire = z.looseObject({
  name: z.string(),
  description: optionalString,
  created_by: optionalString,
  created_at: z.optional(z.nullable(timestamp)),
  last_modified_at: z.optional(z.nullable(timestamp)),
  archived: optionalBoolean,
  versions: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          version: z.number(),
          comment: optionalString,
          timestamp: z.optional(z.nullable(timestamp)),
          created_by: optionalString,
          policy_yaml: optionalString,
        }),
      ),
    ),
  ),
  consuming_envs: z.optional(z.nullable(z.array(z.string()))),
})

export interface PolicyVersion {
  version: number
  comment: string
  timestamp: number | null
  createdBy: string | null
  yaml: string
}

export interface Policy {
  name: string
  description: string
  createdBy: string | null
  createdAt: number | null
  lastModifiedAt: number | null
  archived: boolean
  versions: PolicyVersion[]
  /** The last version is the current one. */
  current: PolicyVersion | null
  environments: string[]
}

function toPolicy(wire: z.infer<typeof policyWire>): Policy {
  const versions = (wire.versions ?? [])
    .map((version) => ({
      version: version.version,
      comment: version.comment ?? '',
      timestamp: toSeconds(version.timestamp),
      createdBy: textOrNull(version.created_by),
      yaml: version.policy_yaml ?? '',
    }))
    .sort((a, b) => a.version - b.version)
  return {
    name: wire.name,
    description: wire.description ?? '',
    createdBy: textOrNull(wire.created_by),
    createdAt: toSeconds(wire.created_at),
    lastModifiedAt: toSeconds(wire.last_modified_at),
    archived: wire.archived ?? false,
    versions,
    current: versions.at(-1) ?? null,
    environments: wire.consuming_envs ?? [],
  }
}

export async function fetchPolicies(org: string, signal?: AbortSignal): Promise<Policy[]> {
  const { data } = await apiGet(apiPath('policies', org), z.array(policyWire), { signal })
  return data.map(toPolicy)
}

export async function fetchPolicy(
  org: string,
  name: string,
  signal?: AbortSignal,
): Promise<Policy> {
  const { data } = await apiGet(apiPath('policies', org, name), policyWire, { signal })
  return toPolicy(data)
}

export const policyKeys = {
  all: (org: string) => ['policies', org] as const,
  list: (org: string) => [...policyKeys.all(org), 'list'] as const,
  detail: (org: string, name: string) => [...policyKeys.all(org), 'detail', name] as const,
}

export const policyQueries = {
  list: (org: string) =>
    queryOptions({
      queryKey: policyKeys.list(org),
      queryFn: ({ signal }) => fetchPolicies(org, signal),
    }),
  detail: (org: string, name: string) =>
    queryOptions({
      queryKey: policyKeys.detail(org, name),
      queryFn: ({ signal }) => fetchPolicy(org, name, signal),
    }),
}
