import type { TrailEvent } from '@/api/trails'

type EventInput = Pick<
  TrailEvent,
  | 'type'
  | 'attestationType'
  | 'templateReference'
  | 'targetArtifact'
  | 'artifactName'
  | 'environment'
  | 'approvalNumber'
  | 'reviewer'
  | 'approvalState'
>

// The CLI prints Go's "%!s(<nil>)"-free text for present fields; a missing one reads "unknown".
const or = (value: string | null) => value ?? 'unknown'

/**
 * A trail event as a sentence, exactly as `kosli get trail` writes it: the API
 * sends only the type and fields, the client writes the words. Unknown types show the raw type.
 */
export function trailEventSentence(event: EventInput): string {
  switch (event.type) {
    case 'trail_reported':
      return 'trail started'
    case 'trail_updated':
      return 'trail updated'
    case 'trail_attestation_reported':
      return `'${or(event.attestationType)}' attestation reported for ${or(event.templateReference)} on the trail`
    case 'artifact_creation_reported':
      return `artifact '${or(event.artifactName)}' created for template name '${or(event.templateReference)}'`
    case 'artifact_attestation_reported':
    case 'trail_attestation_for_artifact_reported':
      return `'${or(event.attestationType)}' attestation reported for ${or(event.targetArtifact)}.${or(event.templateReference)}`
    case 'artifact_approval_reported': {
      const number = event.approvalNumber !== null ? String(event.approvalNumber) : 'unknown'
      return (event.approvalState ?? '').toUpperCase() === 'PENDING'
        ? `approval #${number} requested`
        : `approval #${number} created by '${or(event.reviewer)}'`
    }
    case 'artifact_started_running':
      return `artifact '${or(event.templateReference)}' started running in '${or(event.environment)}'`
    case 'artifact_stopped_running':
      return `artifact '${or(event.templateReference)}' stopped running in '${or(event.environment)}'`
    default:
      return event.type
  }
}

/** The CLI's compliance column: from `is_compliant`, blank when absent. */
export function trailEventCompliance(event: Pick<TrailEvent, 'compliant'>): string {
  if (event.compliant === true) return 'compliant'
  if (event.compliant === false) return 'non-compliant'
  return ''
}

export interface ProducedArtifact {
  fingerprint: string
  name: string | null
  slot: string | null
  reportedAt: number | null
}

/**
 * The artifacts a trail produced: from creation events (newest report wins) and from the
 * checklist's artifact slots, one row per fingerprint.
 */
export function producedArtifacts(
  events: ReadonlyArray<TrailEvent>,
  slots: ReadonlyArray<{ slot: string; fingerprint: string | null }>,
): ProducedArtifact[] {
  const byFingerprint = new Map<string, ProducedArtifact>()
  for (const event of events) {
    if (event.type !== 'artifact_creation_reported' || !event.fingerprint) continue
    const previous = byFingerprint.get(event.fingerprint)
    byFingerprint.set(event.fingerprint, {
      fingerprint: event.fingerprint,
      name: event.artifactName ?? previous?.name ?? null,
      slot: event.templateReference ?? previous?.slot ?? null,
      reportedAt: previous?.reportedAt ?? event.timestamp,
    })
  }
  for (const slot of slots) {
    if (!slot.fingerprint || byFingerprint.has(slot.fingerprint)) continue
    byFingerprint.set(slot.fingerprint, {
      fingerprint: slot.fingerprint,
      name: null,
      slot: slot.slot,
      reportedAt: null,
    })
  }
  return [...byFingerprint.values()]
}
