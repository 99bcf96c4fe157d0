import {
  ARTIFACT_HISTORY_SUMMARY,
  ChartPlaceholder,
  HISTORY_SECTION,
} from '@/components/chart-placeholder'
import { HeadedSection } from '@/components/headed-section'

/** The environments an artifact's chart has a lane for: where it runs and where it ran. */
export function artifactLanes(artifact: {
  running: ReadonlyArray<{ environment: string }>
  exited: ReadonlyArray<{ environment: string }>
}): number {
  return new Set([...artifact.running, ...artifact.exited].map((ref) => ref.environment)).size
}

/**
 * An artifact's History section before its chunk has loaded: the heading, the line under it and
 * the chart's placeholder, where the section will be.
 */
export function HistoryPlaceholder({ lanes }: { lanes: number }) {
  return (
    <HeadedSection
      {...HISTORY_SECTION}
      beside={<p className="text-sm text-muted">{ARTIFACT_HISTORY_SUMMARY}</p>}
    >
      <ChartPlaceholder lanes={lanes} label="Loading where it ran" />
    </HeadedSection>
  )
}
