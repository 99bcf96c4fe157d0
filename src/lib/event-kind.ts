/** What an environment log event says happened, by its `type`, in the words pages group by. */
export type EventKind = 'started' | 'scaled' | 'stopped' | 'changed' | 'compliance' | 'other'

export function eventKind(type: string): EventKind {
  if (type.startsWith('started')) return 'started'
  if (type === 'exited') return 'stopped'
  if (type === 'scaled') return 'scaled'
  if (type === 'changed') return 'changed'
  if (type.startsWith('became-')) return 'compliance'
  return 'other'
}

/** The mark shown beside each kind of change. */
export const EVENT_KIND_ICON: Record<EventKind, string> = {
  started: '▶',
  scaled: '⇅',
  stopped: '■',
  changed: '↻',
  compliance: '✓',
  other: '•',
}

const TYPE_ICON: Record<string, string> = {
  started: '▶',
  'started-compliant': '▶',
  'started-non-compliant': '▶',
  'started-unknown': '▶',
  exited: '■',
  changed: '↻',
  scaled: '⇅',
  unchanged: '·',
  'updated-provenance': '✎',
  'became-compliant': '✓',
  'became-non-compliant': '✕',
}

/** The mark shown beside a log event's `type`, which is also its snapshot's annotation. */
export function eventTypeIcon(type: string): string {
  return TYPE_ICON[type] ?? EVENT_KIND_ICON.other
}
