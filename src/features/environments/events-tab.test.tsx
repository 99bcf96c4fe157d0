import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { renderRoute } from '@/test/render-route'

const SLOW = { timeout: 15_000 }
const LOG = '/cyber-dojo/environments/aws-prod/events'
const TOTAL = 250
const DAY = 86_400
const FIRST = Date.UTC(2026, 0, 1) / 1000

/** Event n (1 = oldest) of a small log: snapshot n, one a day from 1 Jan 2026; 3 exits. */
function wireEvent(n: number) {
  const exited = n === 5 || n === 130 || n === 249
  return {
    environment_name: 'aws-prod',
    snapshot_index: n,
    artifact_name: `runner:${String(n).padStart(7, '0')}`,
    sha256: n.toString(16).padEnd(64, 'a'),
    description: exited ? '1 instance stopped running (from 1 to 0)' : '1 instance changed',
    reported_at: FIRST + (n - 1) * DAY,
    pipeline: n % 2 ? 'runner-ci' : 'saver-ci',
    flows: [],
    artifact_compliance: true,
    snapshot_compliance: true,
    type: exited ? 'exited' : 'changed',
    code_diff: null,
  }
}

/** The API's paging and its `start` (snapshot index) and `end` (unix time) bounds, newest first. */
function useSmallLog(requests: URL[]) {
  server.use(
    http.get('*/api/v2/environments/cyber-dojo/aws-prod/events', ({ request }) => {
      const url = new URL(request.url)
      requests.push(url)
      const page = Number(url.searchParams.get('page') ?? 1)
      const perPage = Number(url.searchParams.get('per_page') ?? 15)
      const start = Number(url.searchParams.get('start') ?? 1)
      const endParam = url.searchParams.get('end')
      const endValue = endParam === null ? TOTAL : Number(endParam)
      // A time names the snapshot current then; small numbers are indexes.
      const end =
        endValue > 100_000_000
          ? Math.floor((endValue - FIRST) / DAY) + 1
          : Math.min(endValue, TOTAL)
      const indexes: number[] = []
      for (let n = end; n >= start; n--) indexes.push(n)
      const slice = indexes.slice((page - 1) * perPage, page * perPage)
      return HttpResponse.json(slice.map(wireEvent), {
        headers: {
          'X-Total-Count': String(indexes.length),
          'X-Total-Pages': String(Math.ceil(indexes.length / perPage)),
          'X-Current-Page': String(page),
          'X-Per-Page': String(perPage),
        },
      })
    }),
  )
}

const shownArtifacts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('link', { name: /^runner:/ })
    .map((link) => link.textContent)

describe('the change log, filtered over its whole history', { timeout: 40_000 }, () => {
  it('finds every exit on every page, newest first, and pages the matches', async () => {
    const requests: URL[] = []
    useSmallLog(requests)
    renderRoute(`${LOG}?type=exited`)
    expect(await screen.findByText('3 of 250 events match the filters.', {}, SLOW)).toBeVisible()
    const table = screen.getByRole('table', { name: /events matching the filters/ })
    expect(shownArtifacts(table)).toEqual(['runner:0000249', 'runner:0000130', 'runner:0000005'])
    // Pages 1 to 3 of 100, the later ones pinned to the newest snapshot of the first.
    const reads = requests.filter((url) => url.searchParams.get('per_page') === '100')
    expect(reads.map((url) => url.searchParams.get('page')).sort()).toEqual(['1', '2', '3'])
    expect(reads.filter((url) => url.searchParams.get('end') === '250')).toHaveLength(2)
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeVisible()
  })

  it('narrows to a date range through the API and filters the flow in the page', async () => {
    const requests: URL[] = []
    useSmallLog(requests)
    // 1 to 31 May 2026 are events 121 to 151; the one exit in it, 130, is saver-ci's.
    const { router } = renderRoute(`${LOG}?from=2026-05-01&to=2026-05-31`)
    expect(
      await screen.findByText(
        '31 events from 2026-05-01 to 2026-05-31 (UTC); 31 on this page.',
        {},
        SLOW,
      ),
    ).toBeVisible()
    // `start` is one past the newest snapshot before the range, `end` the range's last second.
    const paged = requests.find((url) => url.searchParams.get('per_page') === '50')
    expect(paged?.searchParams.get('start')).toBe('121')
    expect(paged?.searchParams.get('end')).toBe(String(Date.UTC(2026, 5, 1) / 1000 - 1))

    await userEvent.selectOptions(screen.getByLabelText('Event type'), 'exited')
    await waitFor(
      () => expect(router.state.location.search).toBe('?type=exited&from=2026-05-01&to=2026-05-31'),
      SLOW,
    )
    expect(
      await screen.findByText(
        '1 of 31 events from 2026-05-01 to 2026-05-31 (UTC) match the filters.',
        {},
        SLOW,
      ),
    ).toBeVisible()
    expect(
      shownArtifacts(screen.getByRole('table', { name: /events matching the filters/ })),
    ).toEqual(['runner:0000130'])
    await userEvent.selectOptions(screen.getByLabelText('Flow'), 'runner-ci')
    expect(await screen.findByText('No event matches', {}, SLOW)).toBeVisible()
  })

  it('finds an artifact by fingerprint prefix, oldest first', async () => {
    useSmallLog([])
    renderRoute(`${LOG}?artifact=${(130).toString(16).padEnd(64, 'a').slice(0, 12)}&order=oldest`)
    expect(await screen.findByText('1 of 250 events match the filters.', {}, SLOW)).toBeVisible()
    expect(
      shownArtifacts(screen.getByRole('table', { name: /events matching the filters/ })),
    ).toEqual(['runner:0000130'])
  })
})
