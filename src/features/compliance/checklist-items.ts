import type { ArtifactStatus, AttestationStatus, ComplianceChecklist } from '@/api/trails'
import {
  failureFinding,
  findingClause,
  type AttestationRead,
  type AttestationReads,
  type FailingAttestation,
} from './attestation-failures'

/** A trail's template checklist (its `compliance_status`), flattened into rows a person reads. */

export type ChecklistStatus =
  'complete' | 'missing' | 'non-compliant' | 'incomplete' | 'unexpected' | 'overridden'

export interface ChecklistItem {
  key: string
  /** 'pull-request' for trail attestations, 'runner' for a slot, 'runner.unit-test' inside it. */
  label: string
  kind: 'attestation' | 'artifact'
  /** Attestation type, e.g. junit; null for artifact slots. */
  type: string | null
  /** The attestation's own name ('unit-test' inside slot 'runner'); null for artifact slots. */
  attestationName: string | null
  status: ChecklistStatus
  /** Why, in words. */
  detail: string
  attestationId: string | null
  fingerprint: string | null
  /** Nesting: attestations of an artifact slot have depth 1. */
  depth: 0 | 1
}

export const CHECKLIST_LOOK: Record<
  ChecklistStatus,
  { label: string; icon: string; tone: string }
> = {
  complete: { label: 'Complete', icon: '✓', tone: 'text-ok' },
  missing: { label: 'Missing', icon: '!', tone: 'text-warn' },
  'non-compliant': { label: 'Non-compliant', icon: '✕', tone: 'text-bad' },
  incomplete: { label: 'Incomplete', icon: '◐', tone: 'text-warn' },
  unexpected: { label: 'Unexpected', icon: '+', tone: 'text-info' },
  overridden: { label: 'Overridden', icon: '↺', tone: 'text-info' },
}

function attestationStatus(status: AttestationStatus): { status: ChecklistStatus; detail: string } {
  if ((status.status ?? '').toUpperCase() === 'MISSING') {
    return { status: 'missing', detail: 'Required by the template but not reported.' }
  }
  if (status.compliant === false) {
    return {
      status: 'non-compliant',
      detail: status.unexpected
        ? 'Reported (not required by the template) and not compliant.'
        : 'Reported, but not compliant.',
    }
  }
  if (status.overriddenAttestationId) {
    return {
      status: 'overridden',
      detail: `An override replaced attestation ${status.overriddenAttestationId}.`,
    }
  }
  if (status.unexpected) {
    return {
      status: 'unexpected',
      detail: 'Reported and compliant, but not required by the template.',
    }
  }
  return { status: 'complete', detail: 'Reported and compliant.' }
}

function artifactStatus(slot: ArtifactStatus): { status: ChecklistStatus; detail: string } {
  if (slot.state === 'MISSING') {
    return { status: 'missing', detail: 'Required by the template but no artifact was reported.' }
  }
  if (slot.state === 'NON-COMPLIANT' || slot.compliant === false) {
    return { status: 'non-compliant', detail: 'Reported, but not compliant.' }
  }
  if (slot.state === 'INCOMPLETE') {
    return { status: 'incomplete', detail: 'Reported, but some of its evidence is missing.' }
  }
  if (slot.unexpected) {
    return { status: 'unexpected', detail: 'Reported, but not named in the template.' }
  }
  return { status: 'complete', detail: 'Reported with all its evidence.' }
}

export function checklistItems(checklist: ComplianceChecklist): ChecklistItem[] {
  const items: ChecklistItem[] = checklist.attestations.map((status, index) => ({
    key: `trail:${status.name}:${index}`,
    label: status.name || 'unnamed attestation',
    kind: 'attestation',
    type: status.type,
    attestationName: status.name || null,
    ...attestationStatus(status),
    attestationId: status.attestationId,
    fingerprint: null,
    depth: 0,
  }))
  for (const slot of checklist.artifacts) {
    items.push({
      key: `artifact:${slot.slot}`,
      label: slot.slot,
      kind: 'artifact',
      type: null,
      attestationName: null,
      ...artifactStatus(slot),
      attestationId: null,
      fingerprint: slot.fingerprint,
      depth: 0,
    })
    slot.attestations.forEach((status, index) => {
      items.push({
        key: `artifact:${slot.slot}:${status.name}:${index}`,
        label: `${slot.slot}.${status.name || 'unnamed attestation'}`,
        kind: 'attestation',
        type: status.type,
        attestationName: status.name || null,
        ...attestationStatus(status),
        attestationId: status.attestationId,
        fingerprint: slot.fingerprint,
        depth: 1,
      })
    })
  }
  return items
}

/** Counts per status, for a one-line summary ("12 complete, 1 missing"). */
export function checklistSummary(items: ReadonlyArray<ChecklistItem>): string {
  if (!items.length) return 'The template requires nothing and nothing was reported.'
  const order: ChecklistStatus[] = [
    'non-compliant',
    'missing',
    'incomplete',
    'overridden',
    'unexpected',
    'complete',
  ]
  return order
    .map((status) => [status, items.filter((item) => item.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${CHECKLIST_LOOK[status].label.toLowerCase()}`)
    .join(', ')
}

const PROBLEMS: ReadonlySet<ChecklistStatus> = new Set(['non-compliant', 'missing', 'incomplete'])

/** The reported, non-compliant attestations of a trail's checklist: what names their failures. */
export function failingChecklistAttestations(
  flow: string,
  trail: string,
  items: ReadonlyArray<ChecklistItem>,
): FailingAttestation[] {
  return items.flatMap((item) =>
    item.status === 'non-compliant' && item.attestationName && item.attestationId
      ? [{ flow, trail, name: item.attestationName }]
      : [],
  )
}

/** The item's "why", naming its specific failure when the attestation was read. */
export function checklistDetail(item: ChecklistItem, read?: AttestationRead): string {
  if (item.status !== 'non-compliant' || item.kind !== 'attestation') return item.detail
  const finding = failureFinding(read, item.attestationId)
  return finding ? `${item.detail.replace(/\.$/, '')}${findingClause(finding)}` : item.detail
}

/** A lookup from checklist items of one trail to the reads of their attestations. */
export function checklistReads(
  flow: string,
  trail: string,
  reads: AttestationReads,
): (item: ChecklistItem) => AttestationRead | undefined {
  return (item) =>
    item.attestationName ? reads({ flow, trail, name: item.attestationName }) : undefined
}

/** The rows that explain a failure (non-compliant, missing, incomplete), as sentences. */
export function checklistProblems(
  items: ReadonlyArray<ChecklistItem>,
  readOf: (item: ChecklistItem) => AttestationRead | undefined = () => undefined,
): string[] {
  return items
    .filter((item) => PROBLEMS.has(item.status))
    .map(
      (item) =>
        `${item.label}${item.type ? ` (${item.type})` : ''}: ${checklistDetail(item, readOf(item))}`,
    )
}
