import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { findHeading, renderRoute } from '@/test/render-route'
import {
  parseEventsTabParams,
  tabFromPath,
  travelFromDateTime,
  travelSnappish,
} from './environment-params'
import { expectLink } from '@/test/expect-link'

// The first request builds the demo world, which takes a moment in jsdom.
const SLOW = { timeout: 10_000 }

const PROD = '/cyber-dojo/environments/aws-prod'

describe('environment params', () => {
  it('reads the tab from the path', () => {
    expect(tabFromPath(PROD)).toBe('snapshots')
    expect(tabFromPath(`${PROD}/snapshots`)).toBe('snapshots')
    expect(tabFromPath(`${PROD}/events`)).toBe('events')
    expect(tabFromPath('/o/environments/events')).toBe('snapshots')
    expect(tabFromPath('/o/environments/events/snapshots')).toBe('snapshots')
  })

  it('falls back to defaults for bad event params', () => {
    expect(
      parseEventsTabParams(
        new URLSearchParams('page=-2&order=sideways&from=yesterday&to=2026-13-40'),
      ),
    ).toEqual({
      page: 1,
      order: 'newest',
      type: '',
      flow: '',
      artifact: '',
      from: '',
      to: '',
    })
  })

  it('turns what people type into a snapshot expression', () => {
    expect(travelSnappish('aws-prod', '#65')).toEqual({
      ok: true,
      value: { kind: 'index', env: 'aws-prod', index: 65 },
    })
    expect(travelSnappish('aws-prod', '65')).toMatchObject({ ok: true, value: { index: 65 } })
    expect(travelSnappish('aws-prod', '{2022-08-22T09:40:00}')).toMatchObject({
      ok: true,
      value: { kind: 'time', at: '2022-08-22T09:40:00' },
    })
    expect(travelSnappish('aws-prod', '~1')).toMatchObject({ ok: true, value: { back: 1 } })
    expect(travelSnappish('aws-prod', 'yesterday')).toMatchObject({ ok: false })
  })

  it('reads a date and time in the chosen zone and sends it in UTC', () => {
    expect(travelFromDateTime('2022-08-22T11:40', 'Europe/Berlin')).toBe('@{2022-08-22T09:40:00}')
    expect(travelFromDateTime('2022-08-22T11:40', 'UTC')).toBe('@{2022-08-22T11:40:00}')
    expect(travelFromDateTime('', 'UTC')).toBeUndefined()
  })
})

// Route tests wait for the demo world, which is slow on a busy machine.
describe('environment page', { timeout: 40_000 }, () => {
  it('summarises the latest snapshot and lists snapshots with diff links', async () => {
    const { router } = renderRoute(PROD)
    const summary = (await findHeading(/Latest snapshot/, SLOW)).closest('section')
    if (!summary) throw new Error('no summary')
    const latest = within(summary).getByRole('link', { name: /^#\d+$/ })
    const index = Number(latest.textContent?.slice(1))
    expect(index).toBeGreaterThan(65)
    // Under the first screen: drawn one render after the summary on the page the browser opened.
    const table = await screen.findByRole('table', { name: /Snapshots of aws-prod/ }, SLOW)
    const first = within(table).getAllByRole('row')[1]
    if (!first) throw new Error('no rows')
    expect(within(first).getByText('now')).toBeVisible()
    expectLink(
      /Diff with previous/,
      `/cyber-dojo/diff?from=aws-prod%23${index - 1}&to=aws-prod%23${index}`,
      first,
    )
    expect(screen.getByRole('link', { name: 'Snapshots' })).toHaveAttribute('aria-current', 'page')
    // The changes column, from the log of the page's snapshots (the captured #5253 event).
    expect(await within(first).findByText('1 scaled: runner:85cac88', {}, SLOW)).toBeInTheDocument()
    expect(within(first).getByText('⇅1 scaled')).toBeVisible()
    // The row's links are plain anchors the table opens in the app.
    await userEvent.click(within(first).getByRole('link', { name: /Diff with previous/ }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/diff'), SLOW)
    expect(router.state.location.search).toBe(
      `?from=aws-prod%23${index - 1}&to=aws-prod%23${index}`,
    )
  })

  it('lists what runs there now, from the latest snapshot', async () => {
    renderRoute(PROD)
    const running = (await findHeading(/^Running now/, SLOW)).closest('section')
    if (!running) throw new Error('no running section')
    // The captured aws-prod#5253: 11 artifacts, runner:85cac88 with 3 instances.
    expect(within(running).getByRole('heading', { name: 'Running now (11)' })).toBeVisible()
    const runner = within(running).getByRole('link', { name: 'runner:85cac88' }).closest('tr')
    if (!runner) throw new Error('no runner row')
    expect(within(runner).getByText('3')).toBeVisible()
    expect(within(runner).getByText('Compliant')).toBeVisible()
    expectLink('snapshot #5253', '/cyber-dojo/environments/aws-prod/snapshots/5253', running)
  })

  it('time travels to the snapshot current at a moment, by its number', async () => {
    const { router } = renderRoute(PROD)
    // Tests run in UTC: 09:40 UTC is 11:40 in Berlin, just after runner:16d9990 started in #65.
    await userEvent.type(
      await screen.findByLabelText(/Date and time/, {}, SLOW),
      '2022-08-22T09:40',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Open at this time' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`${PROD}/snapshots/65`), SLOW)
    expect(await findHeading('aws-prod#65', SLOW, 1)).toBeVisible()
  })

  it('says when a time-travel expression finds no snapshot', async () => {
    renderRoute(`${PROD}?at=%23999999`)
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(/No such snapshot/)
  })

  it('opens a running artifact and its flow in the app, and leaves a modified click to the browser', async () => {
    const { router } = renderRoute(PROD)
    const running = (await findHeading(/^Running now/, SLOW)).closest('section')
    if (!running) throw new Error('no running section')
    const artifact = within(running).getByRole('link', { name: 'runner:85cac88' })
    const row = artifact.closest('tr')
    if (!row) throw new Error('no runner row')
    const user = userEvent.setup()
    await user.keyboard('{Control>}')
    await user.click(artifact)
    await user.keyboard('{/Control}')
    expect(router.state.navigation.state).toBe('idle')
    expect(router.state.location.pathname).toBe(PROD)
    const flow = within(row)
      .getAllByRole('link')
      .find((link) => /^\/cyber-dojo\/flows\/[^/]+$/.test(link.getAttribute('href') ?? ''))
    if (!flow) throw new Error('no flow link in the runner row')
    const flowPath = flow.getAttribute('href')
    await user.click(flow)
    await waitFor(() => expect(router.state.location.pathname).toBe(flowPath), SLOW)
    await act(() => router.navigate(-1))
    const again = (await findHeading(/^Running now/, SLOW)).closest('section')
    if (!again) throw new Error('no running section')
    await user.click(within(again).getByRole('link', { name: 'runner:85cac88' }))
    await waitFor(
      () =>
        expect(router.state.location.pathname).toMatch(/^\/cyber-dojo\/flows\/[^/]+\/artifacts\//),
      SLOW,
    )
  })

  it('opens the snapshot of a log row in the app', async () => {
    const { router } = renderRoute(`${PROD}/events`)
    const table = await screen.findByRole('table', { name: /Change log of aws-prod/ }, SLOW)
    const link = within(table).getAllByRole('link', { name: /^#\d+$/ })[0]
    if (!link) throw new Error('no snapshot link in the log')
    const href = link.getAttribute('href')
    await userEvent.click(link)
    await waitFor(() => expect(router.state.location.pathname).toBe(href), SLOW)
  })

  it('shows the log with newest first and an order toggle in the URL', async () => {
    const { router } = renderRoute(`${PROD}/events`)
    const table = await screen.findByRole('table', { name: /Change log of aws-prod/ }, SLOW)
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1)
    expect(screen.getByRole('link', { name: 'Log' })).toHaveAttribute('aria-current', 'page')
    await userEvent.click(screen.getByRole('button', { name: 'Oldest first' }))
    await waitFor(() => expect(router.state.location.search).toBe('?order=oldest'), SLOW)
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
          'aria-pressed',
          'true',
        ),
      SLOW,
    )
  })

  it('says an environment without snapshots has none', async () => {
    renderRoute('/cyber-dojo/environments/empty-env')
    expect(
      await screen.findAllByRole('heading', { name: 'No snapshots yet' }, SLOW),
    ).not.toHaveLength(0)
  })

  it('names an unknown environment', async () => {
    renderRoute('/cyber-dojo/environments/no-such-env')
    expect(await findHeading('Environment “no-such-env” not found', SLOW)).toBeVisible()
  })
})

describe('a logical environment', () => {
  it("lists what runs in its members' latest snapshots, combined, naming each member", async () => {
    const { router } = renderRoute('/cyber-dojo/environments/production')
    expect(await findHeading('A logical environment', SLOW)).toBeVisible()
    const table = await screen.findByRole(
      'table',
      { name: /Artifacts running in the members of production/ },
      SLOW,
    )
    const memberLinks = within(table).getAllByRole('link', { name: /^aws-prod#\d+$/ })
    expect(memberLinks.length).toBeGreaterThan(0)
    expect(memberLinks[0]).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/cyber-dojo\/environments\/aws-prod\/snapshots\/\d+\?fingerprint=/),
    )
    expect(screen.queryByRole('heading', { name: 'No snapshots yet' })).toBeNull()
    expect(
      screen.getByRole('heading', { name: /^Running now \(\d+\) across 2 members$/ }),
    ).toBeVisible()
    // The member cell is a plain anchor; the table navigates in the app.
    const first = memberLinks[0]
    if (!first) throw new Error('no member link')
    const [path, search] = (first.getAttribute('href') ?? '').split('?')
    await userEvent.click(first)
    await waitFor(() => expect(router.state.location.pathname).toBe(path), SLOW)
    expect(router.state.location.search).toBe(`?${search}`)
  })
})
