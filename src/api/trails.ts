import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import {
  complianceState,
  gitCommitInfo,
  stringTags,
  textOrNull,
  toSeconds,
  type ComplianceState,
  type GitCommitInfo,
} from './domain'
import {
  gitCommitInfoWire,
  optionalBoolean,
  optionalString,
  paginated,
  tags,
  timestamp,
} from './wire'

const attestationStatusWire = z.looseObject({
  attestation_name: optionalString,
  attestation_type: optionalString,
  attestation_id: optionalString,
  overridden_attestation_id: optionalString,
  status: optionalString,
  is_compliant: optionalBoolean,
  unexpected: optionalBoolean,
})

const artifactStatusWire = z.looseObject({
  artifact_fingerprint: optionalString,
  artifact_id: optionalString,
  status: optionalString,
  is_compliant: optionalBoolean,
  unexpected: optionalBoolean,
  attestations_statuses: z.optional(z.nullable(z.array(attestationStatusWire))),
})

const complianceStatusWire = z.looseObject({
  status: optionalString,
  is_compliant: optionalBoolean,
  evaluated_at: z.optional(z.nullable(timestamp)),
  attestations_statuses: z.optional(z.nullable(z.array(attestationStatusWire))),
  artifacts_statuses: z.optional(z.nullable(z.record(z.string(), artifactStatusWire))),
})

const trailEventWire = z.looseObject({
  type: z.string(),
  timestamp,
  git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
  attestation_type: optionalString,
  attestation_id: optionalString,
  is_compliant: optionalBoolean,
  template_reference_name: optionalString,
  target_artifact: optionalString,
  artifact_fingerprint: optionalString,
  artifact_name: optionalString,
  environment_name: optionalString,
  snapshot_index: z.optional(z.nullable(z.number())),
  approval_number: z.optional(z.nullable(z.number())),
  reviewer: optionalString,
  state: optionalString,
  changes: z.optional(z.nullable(z.array(z.unknown()))),
})

const trailWire = z.looseObject({
  name: z.string(),
  description: optionalString,
  git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
  origin_url: optionalString,
  user_data: z.optional(z.unknown()),
  created_at: z.optional(z.nullable(timestamp)),
  last_modified_at: z.optional(z.nullable(timestamp)),
  compliance_state: optionalString,
  is_compliant: optionalBoolean,
  compliance_status: z.optional(z.nullable(complianceStatusWire)),
  template: z.optional(z.nullable(z.looseObject({ content: optionalString }))),
  events: z.optional(z.nullable(z.array(trailEventWire))),
  created_by: optionalString,
  flow: z.optional(z.nullable(z.looseObject({ name: optionalString, tags }))),
  html_url: optionalString,
})

export interface AttestationStatus {
  name: string
  type: string | null
  attestationId: string | null
  overriddenAttestationId: string | null
  /** COMPLETE or MISSING. */
  status: string | null
  compliant: boolean | null
  unexpected: boolean
}

export interface ArtifactStatus {
  slot: string
  fingerprint: string | null
  state: ComplianceState
  compliant: boolean | null
  unexpected: boolean
  attestations: AttestationStatus[]
}

export interface ComplianceChecklist {
  state: ComplianceState
  compliant: boolean | null
  evaluatedAt: number | null
  attestations: AttestationStatus[]
  artifacts: ArtifactStatus[]
}

export interface TrailEvent {
  type: string
  timestamp: number
  gitCommit: string | null
  attestationType: string | null
  attestationId: string | null
  compliant: boolean | null
  templateReference: string | null
  targetArtifact: string | null
  fingerprint: string | null
  artifactName: string | null
  environment: string | null
  snapshotIndex: number | null
  approvalNumber: number | null
  reviewer: string | null
  /** Legacy approvals: APPROVED, PENDING, ... */
  approvalState: string | null
  /** trail_updated: which parts of the trail changed. */
  changes: string[]
}

export interface Trail {
  name: string
  flow: string
  flowTags: Record<string, string>
  description: string
  gitCommitInfo: GitCommitInfo | null
  originUrl: string | null
  userData: unknown
  createdAt: number | null
  lastModifiedAt: number | null
  state: ComplianceState
  checklist: ComplianceChecklist | null
  template: string | null
  events: TrailEvent[]
  createdBy: string | null
  htmlUrl: string | null
}

function toAttestationStatus(wire: z.infer<typeof attestationStatusWire>): AttestationStatus {
  return {
    name: wire.attestation_name ?? '',
    type: textOrNull(wire.attestation_type),
    attestationId: textOrNull(wire.attestation_id),
    overriddenAttestationId: textOrNull(wire.overridden_attestation_id),
    status: textOrNull(wire.status),
    compliant: wire.is_compliant ?? null,
    unexpected: wire.unexpected ?? false,
  }
}

function toChecklist(
  wire: z.infer<typeof complianceStatusWire> | null | undefined,
): ComplianceChecklist | null {
  if (!wire) return null
  return {
    state: complianceState(wire.status),
    compliant: wire.is_compliant ?? null,
    evaluatedAt: toSeconds(wire.evaluated_at),
    attestations: (wire.attestations_statuses ?? []).map(toAttestationStatus),
    artifacts: Object.entries(wire.artifacts_statuses ?? {}).map(([slot, item]) => ({
      slot,
      fingerprint: textOrNull(item.artifact_fingerprint),
      state: complianceState(item.status),
      compliant: item.is_compliant ?? null,
      unexpected: item.unexpected ?? false,
      attestations: (item.attestations_statuses ?? []).map(toAttestationStatus),
    })),
  }
}

export function toTrail(wire: z.infer<typeof trailWire>, flowHint: string): Trail {
  return {
    name: wire.name,
    flow: textOrNull(wire.flow?.name) ?? flowHint,
    flowTags: stringTags(wire.flow?.tags),
    description: wire.description ?? '',
    gitCommitInfo: gitCommitInfo(wire.git_commit_info),
    originUrl: textOrNull(wire.origin_url),
    userData: wire.user_data ?? null,
    createdAt: toSeconds(wire.created_at),
    lastModifiedAt: toSeconds(wire.last_modified_at),
    state: complianceState(wire.compliance_state ?? wire.is_compliant),
    checklist: toChecklist(wire.compliance_status),
    template: textOrNull(wire.template?.content),
    events: (wire.events ?? []).map((event) => ({
      type: event.type,
      timestamp: toSeconds(event.timestamp) ?? 0,
      gitCommit: event.git_commit_info?.sha1 ?? null,
      attestationType: textOrNull(event.attestation_type),
      attestationId: textOrNull(event.attestation_id),
      compliant: event.is_compliant ?? null,
      templateReference: textOrNull(event.template_reference_name),
      targetArtifact: textOrNull(event.target_artifact),
      fingerprint: textOrNull(event.artifact_fingerprint),
      artifactName: textOrNull(event.artifact_name),
      environment: textOrNull(event.environment_name),
      snapshotIndex: event.snapshot_index ?? null,
      approvalNumber: event.approval_number ?? null,
      reviewer: textOrNull(event.reviewer),
      approvalState: textOrNull(event.state),
      changes: (event.changes ?? []).filter(
        (change): change is string => typeof change === 'string',
      ),
    })),
    createdBy: textOrNull(wire.created_by),
    htmlUrl: textOrNull(wire.html_url),
  }
}

export interface TrailPage {
  trails: Trail[]
  page: number
  perPage: number
  total: number | null
  pageCount: number | null
}

/** The trail endpoints' paths: the fetchers' and every link or report that names them. */
export const trailEndpoints = {
  list: (org: string) => apiPath('trails', org),
  detail: (org: string, flow: string, trail: string) => apiPath('trails', org, flow, trail),
  /** Kosli's own audit PDF and package (downloads, served through the proxy in live mode). */
  auditPdf: (org: string, flow: string, trail: string) =>
    apiPath('trails', org, flow, trail, 'audit_pdf'),
  auditPackage: (org: string, flow: string, trail: string) =>
    apiPath('trails', org, flow, trail, 'audit_package'),
}

export async function fetchFlowTrails(
  org: string,
  flow: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<TrailPage> {
  const { data } = await apiGet(
    trailEndpoints.list(org),
    z.union([paginated(trailWire), z.array(trailWire)]),
    { query: { flow, page, per_page: perPage }, signal },
  )
  const items = Array.isArray(data) ? data : data.data
  const pagination = Array.isArray(data) ? null : data.pagination
  return {
    trails: items.map((wire) => toTrail(wire, flow)),
    page: pagination?.page ?? page,
    perPage: pagination?.per_page ?? perPage,
    total: pagination?.total ?? (Array.isArray(data) || !pagination ? items.length : null),
    pageCount: pagination?.page_count ?? (pagination ? null : 1),
  }
}

export async function fetchTrail(
  org: string,
  flow: string,
  trail: string,
  signal?: AbortSignal,
): Promise<Trail> {
  const { data } = await apiGet(trailEndpoints.detail(org, flow, trail), trailWire, { signal })
  return toTrail(data, flow)
}

export const trailKeys = {
  all: (org: string) => ['trails', org] as const,
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    [...trailKeys.all(org), 'flow', flow, { page, perPage }] as const,
  detail: (org: string, flow: string, trail: string) =>
    [...trailKeys.all(org), 'detail', flow, trail] as const,
}

export const trailQueries = {
  flowList: (org: string, flow: string, page: number, perPage: number) =>
    queryOptions({
      queryKey: trailKeys.flowList(org, flow, page, perPage),
      queryFn: ({ signal }) => fetchFlowTrails(org, flow, page, perPage, signal),
    }),
  detail: (org: string, flow: string, trail: string) =>
    queryOptions({
      queryKey: trailKeys.detail(org, flow, trail),
      queryFn: ({ signal }) => fetchTrail(org, flow, trail, signal),
    }),
}
