/** What happened to an artifact, as far as an icon and a colour care. */
export type TimelineKind =
  'created' | 'evidence' | 'approval' | 'deployment' | 'started' | 'scaled' | 'stopped' | 'other'

export const TIMELINE_KINDS: ReadonlyArray<TimelineKind> = [
  'created',
  'evidence',
  'approval',
  'deployment',
  'started',
  'scaled',
  'stopped',
  'other',
]

export const KIND_LABELS: Record<TimelineKind, string> = {
  created: 'Created',
  evidence: 'Evidence',
  approval: 'Approval',
  deployment: 'Deployment',
  started: 'Started running',
  scaled: 'Scaled',
  stopped: 'Stopped',
  other: 'Other',
}

const KIND_BY_TYPE: Record<string, TimelineKind> = {
  artifact_creation_reported: 'created',
  artifact_attestation_reported: 'evidence',
  artifact_approval_reported: 'approval',
  artifact_started_running: 'started',
  artifact_stopped_running: 'stopped',
}

// The server's sentences, legacy and current. Only used when `type` is absent or
// unknown: the wording is not a stable contract, `type` is.
const KIND_BY_WORDING: ReadonlyArray<[RegExp, TimelineKind]> = [
  [/^artifact created\b/i, 'created'],
  [/\bevidence received$/i, 'evidence'],
  [/^deployment #\d+ to\b/i, 'deployment'],
  [/^approval #\d+\b/i, 'approval'],
  [/^scaled (?:up|down) from \d+ to \d+\b/i, 'scaled'],
  [/^started running in\b/i, 'started'],
  [/^no longer running in\b/i, 'stopped'],
  [/^artifact \S+ started running in\b/i, 'started'],
  [/^artifact \S+ exited from\b/i, 'stopped'],
  [/\sattested \([^)]*\)$/i, 'evidence'],
  [/\sreported$/i, 'created'],
]

export function kindFromWording(text: string): TimelineKind {
  const trimmed = text.trim()
  for (const [pattern, kind] of KIND_BY_WORDING) {
    if (pattern.test(trimmed)) return kind
  }
  return 'other'
}

/** A history row's kind: from its `type`, else (legacy rows) from its wording. */
export function timelineKind(event: { event: string; type: string | null }): TimelineKind {
  const byType = event.type ? KIND_BY_TYPE[event.type] : undefined
  return byType ?? kindFromWording(event.event)
}
