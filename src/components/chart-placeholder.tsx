import type { CSSProperties } from 'react'

/**
 * The line under an artifact's History heading (unless some of its logs are cut short): the
 * artifact page's placeholder shows it before the history's chunk has loaded.
 */
export const ARTIFACT_HISTORY_SUMMARY = 'Bars open the snapshot each run started in.'

/** The History section's heading row: the section and its placeholder look the same. */
export const HISTORY_SECTION = {
  id: 'history-heading',
  title: 'History',
  align: 'center',
  className: 'space-y-2',
} as const

/** Lanes the chart shows before it scrolls (the history chart is at most 520 px tall). */
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
