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
