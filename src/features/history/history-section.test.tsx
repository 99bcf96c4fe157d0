import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { EnvironmentEvent } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { renderUi } from '@/test/render-ui'
import { artifactPath } from '@/lib/app-paths'
import { HistorySection } from './history-section'
import { buildHistory, type RunInterval } from './intervals'
import { parseHistoryRange } from './history-range'

const HOUR = 3600
const T0 = 1661155200 // 2022-08-22T08:00:00Z

function event(
  index: number,
  type: string,
  tag: string,
  description: string,
  extra: Partial<EnvironmentEvent> = {},
): EnvironmentEvent {
  return environmentEvent(
    'prod',
    index,
    type,
    T0 + index * HOUR,
    `registry.example.com/runner:${tag}`,
    {
      fingerprint: tag.repeat(10).slice(0, 64).padEnd(64, '0'),
      description,
      ...extra,
    },
  )
}

// runner:old runs from #1 to #3; runner:new starts at #2 (overlap) with 3, scales to 1 at #5,
// stops at #6; saver runs non-compliant from #1.
const EVENTS: EnvironmentEvent[] = [
  event(1, 'started-compliant', 'old', '1 instance started running (from 0 to 1)'),
  event(2, 'started-compliant', 'new', '3 instances started running (from 0 to 3)'),
  event(3, 'exited', 'old', '1 instance stopped running (from 1 to 0)'),
  event(5, 'changed', 'new', '2 instances stopped running (from 3 to 1)'),
  event(6, 'exited', 'new', '1 instance stopped running (from 1 to 0)'),
  event(1, 'started-non-compliant', 'bad', '2 instances started running (from 0 to 2)', {
    artifactName: 'registry.example.com/saver:bad',
    flow: 'saver',
    flows: ['saver'],
    artifactCompliant: false,
  }),
]

function Section() {
  const history = buildHistory(EVENTS, [], T0 + 8 * HOUR)
  return (
    <HistorySection
      history={history}
      loading={false}
      error={null}
      onRetry={() => undefined}
      empty="none"
      label="Runs in prod over time"
      subjectHeading="Artifact"
      hrefFor={(interval: RunInterval) =>
        interval.flow ? artifactPath('acme', interval.flow, interval.fingerprint) : null
      }
      snapshotHref={(_interval, index) => `/acme/environments/prod/snapshots/${index}`}
    />
  )
}

describe('HistorySection', () => {
  it('draws a bar per run, named with its snapshots, replicas and compliance', () => {
    renderUi(<Section />, '/?from=2022-08-22T08:00:00Z&to=2022-08-22T16:00:00Z')
    const chart = screen.getByRole('group', { name: 'Runs in prod over time' })
    const bars = within(chart).getAllByRole('link')
    expect(bars).toHaveLength(3)
    const seedBar = within(chart).getByRole('link', {
      name: /^runner:new: #2 .* to #6 .*replicas 3 → 1, compliant$/,
    })
    expect(seedBar).toHaveAttribute(
      'href',
      artifactPath('acme', 'runner', 'new'.repeat(10).slice(0, 64).padEnd(64, '0')),
    )
    expect(
      within(chart).getByRole('link', { name: /^saver:bad: .*2 replicas, non-compliant$/ }),
    ).toBeInTheDocument()
    // Not by colour alone: the non-compliant bar says so in text.
    expect(within(chart).getByText(/×2 (✕|non-compliant)/)).toBeInTheDocument()
    // The overlap stacks: runner's lane has two rows.
    const runnerLane = chart.querySelector('[data-lane="runner"]')
    expect(runnerLane).toHaveStyle({ height: `${2 * 22 + 6}px` })
  })

  it('moves between bars with the arrow keys, one bar in the tab order', async () => {
    const user = userEvent.setup()
    renderUi(<Section />, '/?from=2022-08-22T08:00:00Z&to=2022-08-22T16:00:00Z')
    const chart = screen.getByRole('group', { name: 'Runs in prod over time' })
    expect(chart.querySelectorAll('[data-bar][tabindex="0"]')).toHaveLength(1)
    // Tab from the last toolbar button lands on the chart's one tabbable bar.
    screen.getByRole('button', { name: 'Zoom in' }).focus()
    await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^runner:old/)
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^runner:new/)
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^saver:bad/)
    await user.keyboard('{ArrowUp}{Home}')
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^runner:old/)
  })

  it('keeps the time window in the URL and offers a table with the same runs', async () => {
    const user = userEvent.setup()
    const { router } = renderUi(<Section />, '/?from=2022-08-22T08:00:00Z&to=2022-08-22T16:00:00Z')
    await user.click(screen.getByRole('button', { name: 'Zoom in' }))
    await waitFor(() => {
      const range = parseHistoryRange(new URLSearchParams(router.state.location.search))
      expect(range).toEqual({ from: T0 + 2 * HOUR, to: T0 + 6 * HOUR })
    })
    await user.click(screen.getByRole('button', { name: 'Table' }))
    expect(router.state.location.search).toContain('history=table')
    const table = screen.getByRole('table', { name: /Runs in prod over time/ })
    const row = within(table).getByRole('row', { name: /runner:new/ })
    expect(within(row).getByText('3 → 1')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: '#2' })).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: '#6' })).toBeInTheDocument()
    expect(within(table).getByRole('row', { name: /saver:bad/ })).toHaveTextContent(/Non-compliant/)
  })
})
