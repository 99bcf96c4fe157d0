import type { CSSProperties } from 'react'
import { HeadedSection } from '@/components/headed-section'

/** Lanes the chart shows before it scrolls (history-chart.tsx: at most 520 px tall). */
const MOST_LANES_SHOWN = 17

/**
 * Stands in for an artifact's history chart while it loads: as tall as the chart's controls,
 * `lanes` lanes and its legend will be (28 px a lane; the controls and legend take more lines on
 * narrower screens), so the page under it does not move when the chart is drawn.
 */
export function ChartPlaceholder({ lanes, label }: { lanes: number; label: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      style={{ '--lanes': Math.min(Math.max(1, lanes), MOST_LANES_SHOWN) } as CSSProperties}
      className="h-[calc(234px+28px*var(--lanes))] animate-pulse rounded bg-raised sm:h-[calc(140px+28px*var(--lanes))] lg:h-[calc(92px+28px*var(--lanes))]"
    >
      <span className="sr-only">{label}…</span>
    </div>
  )
}

/** The line under an artifact's History heading (unless some of its logs are cut short). */
export const ARTIFACT_HISTORY_SUMMARY = 'Bars open the snapshot each run started in.'

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
      id="history-heading"
      title="History"
      align="center"
      className="space-y-2"
      beside={<p className="text-sm text-muted">{ARTIFACT_HISTORY_SUMMARY}</p>}
    >
      <ChartPlaceholder lanes={lanes} label="Loading where it ran" />
    </HeadedSection>
  )
}
