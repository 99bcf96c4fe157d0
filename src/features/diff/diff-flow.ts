import type { DiffArtifact, SnapshotDiff } from '@/api/diff'

/** The diff narrowed to one flow's artifacts: every category, both sides. */
export function diffForFlow(diff: SnapshotDiff, flow: string): SnapshotDiff {
  if (flow === '') return diff
  const keep = (artifacts: DiffArtifact[]) => artifacts.filter((artifact) => artifact.flow === flow)
  return {
    ...diff,
    onlyInFrom: keep(diff.onlyInFrom),
    onlyInTo: keep(diff.onlyInTo),
    scaled: keep(diff.scaled),
    unchanged: keep(diff.unchanged),
  }
}
