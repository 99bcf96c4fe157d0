import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import { gitCommitInfo, textOrNull, toSeconds, type GitCommitInfo } from './domain'
import { followPages, type ListPage } from './pages'
import { gitCommitInfoWire, optionalBoolean, optionalString, paginated, timestamp } from './wire'

const attestationWire = z.looseObject({
  attestation_id: optionalString,
  attestation_name: z.string(),
  attestation_type: optionalString,
  is_compliant: optionalBoolean,
  origin_url: optionalString,
  artifact_fingerprint: optionalString,
  target_artifacts: z.optional(z.nullable(z.array(z.string()))),
  git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
  evidence_archive_fingerprint: optionalString,
  user_data: z.optional(z.unknown()),
  created_at: z.optional(z.nullable(timestamp)),
  html_url: optionalString,
  flow_name: optionalString,
  trail_name: optionalString,
  reported_by: optionalString,
  description: optionalString,
  _links: z.optional(
    z.nullable(
      z.looseObject({
        evidence: z.optional(z.nullable(z.looseObject({ href: optionalString }))),
      }),
    ),
  ),
})

const attestationListWire = z.union([z.array(attestationWire), paginated(attestationWire)])

/** Every attestation of a list the server may page (`{data, pagination}`). */
async function fetchAllAttestations(path: string, signal?: AbortSignal): Promise<Attestation[]> {
  const { data } = await apiGet(path, attestationListWire, { signal })
  const items = await followPages(path, attestationListPage(data), async (page, perPage) => {
    const next = await apiGet(path, attestationListWire, {
      query: { page, per_page: perPage ?? undefined },
      signal,
    })
    return attestationListPage(next.data)
  })
  return items.map(toAttestation)
}

function attestationListPage(
  data: z.infer<typeof attestationListWire>,
): ListPage<z.infer<typeof attestationWire>> {
  if (Array.isArray(data)) return { items: data, pageCount: null, perPage: null }
  return {
    items: data.data,
    pageCount: data.pagination?.page_count ?? null,
    perPage: data.pagination?.per_page ?? null,
  }
}

export interface Attestation {
  id: string | null
  name: string
  type: string
  compliant: boolean | null
  originUrl: string | null
  fingerprint: string | null
  targetArtifacts: string[]
  gitCommitInfo: GitCommitInfo | null
  evidenceFingerprint: string | null
  evidenceUrl: string | null
  userData: unknown
  createdAt: number | null
  htmlUrl: string | null
  flow: string | null
  trail: string | null
  reportedBy: string | null
  description: string | null
  /** The whole object, for type-aware rendering (junit totals, snyk counts, pull requests...). */
  raw: Record<string, unknown>
}

function toAttestation(wire: z.infer<typeof attestationWire>): Attestation {
  return {
    id: textOrNull(wire.attestation_id),
    name: wire.attestation_name,
    type: wire.attestation_type ?? 'generic',
    compliant: wire.is_compliant ?? null,
    originUrl: textOrNull(wire.origin_url),
    fingerprint: textOrNull(wire.artifact_fingerprint),
    targetArtifacts: wire.target_artifacts ?? [],
    gitCommitInfo: gitCommitInfo(wire.git_commit_info),
    evidenceFingerprint: textOrNull(wire.evidence_archive_fingerprint),
    evidenceUrl: textOrNull(wire._links?.evidence?.href),
    userData: wire.user_data ?? null,
    createdAt: toSeconds(wire.created_at),
    htmlUrl: textOrNull(wire.html_url),
    flow: textOrNull(wire.flow_name),
    trail: textOrNull(wire.trail_name),
    reportedBy: textOrNull(wire.reported_by),
    description: textOrNull(wire.description),
    raw: wire,
  }
}

function toList(data: z.infer<typeof attestationListWire>): Attestation[] {
  return (Array.isArray(data) ? data : data.data).map(toAttestation)
}

/** The attestation endpoints' paths: the fetchers' and every report that names them. */
export const attestationEndpoints = {
  /** By `attestation_id`, or the org's paged list. */
  list: (org: string) => apiPath('attestations', org),
  ofFlow: (org: string, flow: string) => apiPath('attestations', org, flow),
  onTrail: (org: string, flow: string, trail: string, name: string) =>
    apiPath('attestations', org, flow, 'trail', trail, name),
  onArtifact: (org: string, flow: string, fingerprint: string, name: string) =>
    apiPath('attestations', org, flow, 'artifact', fingerprint, name),
  /** The evidence file (a download through the proxy in live mode). */
  evidence: (org: string, flow: string, trail: string, id: string) =>
    apiPath('attestations', org, flow, 'trail', trail, 'attestation', id, 'evidence'),
}

export async function fetchAttestationById(
  org: string,
  id: string,
  signal?: AbortSignal,
): Promise<Attestation | null> {
  const { data } = await apiGet(attestationEndpoints.list(org), attestationListWire, {
    query: { attestation_id: id },
    signal,
  })
  return toList(data)[0] ?? null
}

export async function fetchTrailAttestations(
  org: string,
  flow: string,
  trail: string,
  name: string,
  signal?: AbortSignal,
): Promise<Attestation[]> {
  return fetchAllAttestations(attestationEndpoints.onTrail(org, flow, trail, name), signal)
}

export async function fetchArtifactAttestations(
  org: string,
  flow: string,
  fingerprint: string,
  name: string,
  signal?: AbortSignal,
): Promise<Attestation[]> {
  return fetchAllAttestations(attestationEndpoints.onArtifact(org, flow, fingerprint, name), signal)
}

export async function fetchFlowAttestations(
  org: string,
  flow: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<Attestation[]> {
  const { data } = await apiGet(attestationEndpoints.ofFlow(org, flow), attestationListWire, {
    query: { page, per_page: perPage },
    signal,
  })
  return toList(data)
}

export const attestationKeys = {
  all: (org: string) => ['attestations', org] as const,
  byId: (org: string, id: string) => [...attestationKeys.all(org), 'id', id] as const,
  onTrail: (org: string, flow: string, trail: string, name: string) =>
    [...attestationKeys.all(org), 'trail', flow, trail, name] as const,
  onArtifact: (org: string, flow: string, fingerprint: string, name: string) =>
    [...attestationKeys.all(org), 'artifact', flow, fingerprint, name] as const,
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    [...attestationKeys.all(org), 'flow', flow, { page, perPage }] as const,
}

export const attestationQueries = {
  byId: (org: string, id: string) =>
    queryOptions({
      queryKey: attestationKeys.byId(org, id),
      queryFn: ({ signal }) => fetchAttestationById(org, id, signal),
      staleTime: Infinity,
    }),
  onTrail: (org: string, flow: string, trail: string, name: string) =>
    queryOptions({
      queryKey: attestationKeys.onTrail(org, flow, trail, name),
      queryFn: ({ signal }) => fetchTrailAttestations(org, flow, trail, name, signal),
    }),
  onArtifact: (org: string, flow: string, fingerprint: string, name: string) =>
    queryOptions({
      queryKey: attestationKeys.onArtifact(org, flow, fingerprint, name),
      queryFn: ({ signal }) => fetchArtifactAttestations(org, flow, fingerprint, name, signal),
    }),
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    queryOptions({
      queryKey: attestationKeys.flowList(org, flow, page, perPage),
      queryFn: ({ signal }) => fetchFlowAttestations(org, flow, page, perPage, signal),
    }),
}
