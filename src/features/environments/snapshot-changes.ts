import type { EnvironmentEvent } from '@/api/events'
import { eventKind, type EventKind } from '@/lib/event-kind'
import { shortArtifactName } from '@/lib/format'

/** What changed in one snapshot, by kind of change, with the artifacts' short names. */
export interface SnapshotChanges {
  started: string[]
  stopped: string[]
  /** Instance counts changed (scaled up or down, or replaced instances). */
  scaled: string[]
  /** Anything else the log reports: provenance or compliance updates. */
  other: string[]
}

// The snapshots list folds the log's kinds into four: instance changes count as scaling.
const COLUMN: Record<EventKind, keyof SnapshotChanges> = {
  started: 'started',
  stopped: 'stopped',
  scaled: 'scaled',
  changed: 'scaled',
  compliance: 'other',
  other: 'other',
}

/** The environment log grouped by the snapshot each event produced. */
export function changesBySnapshot(
  events: ReadonlyArray<EnvironmentEvent>,
): Map<number, SnapshotChanges> {
  const bySnapshot = new Map<number, SnapshotChanges>()
  for (const event of events) {
    // An event the server could not place in a snapshot belongs to no row.
    if (event.snapshotIndex === null) continue
    let changes = bySnapshot.get(event.snapshotIndex)
    if (changes === undefined) {
      changes = { started: [], stopped: [], scaled: [], other: [] }
      bySnapshot.set(event.snapshotIndex, changes)
    }
    changes[COLUMN[eventKind(event.type)]].push(shortArtifactName(event.artifactName) || 'unknown')
  }
  return bySnapshot
}

const WORDS: ReadonlyArray<[keyof SnapshotChanges, string, string]> = [
  ['started', '+', 'started'],
  ['stopped', '−', 'stopped'],
  ['scaled', '⇅', 'scaled'],
  ['other', '✎', 'updated'],
]

/** Short marks for the table (`+1 started · −1 stopped`) and the sentence with the names. */
export function describeChanges(changes: SnapshotChanges): { marks: string; sentence: string } {
  const marks: string[] = []
  const parts: string[] = []
  for (const [kind, mark, word] of WORDS) {
    const names = changes[kind]
    if (names.length === 0) continue
    marks.push(`${mark}${names.length} ${word}`)
    parts.push(`${names.length} ${word}: ${names.join(', ')}`)
  }
  return { marks: marks.join(' · '), sentence: parts.join('; ') }
}
