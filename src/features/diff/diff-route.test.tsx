import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import blueGreenProd from '../../../fixtures/kosli/env-diff/blue-green-aws-prod.json'
import identical from '../../../fixtures/kosli/env-diff/0.json'
import { renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

// The first render imports the lazy route module, which can take over a second on a busy machine.
configure({ asyncUtilTimeout: 5000 })

const RUNNER_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
/** A route's loader runs before its page shows. */
const WAIT = { timeout: 10_000 }
const OLD_RUNNER_FP = 'eeb0cfc9ee7f69fbd9531d5b8c1e8d22a8de119e2a422344a714a868e9a8bfec'
const LATEST = 66

function item(name: string, fingerprint: string, flow: string, instances: number) {
  return {
    fingerprint,
    name: `274425519734.dkr.ecr.eu-central-1.amazonaws.com/${name}`,
    most_recent_timestamp: 1661161157,
    flow,
    commit_url: `https://github.com/cyber-dojo/${flow}/commit/${fingerprint.slice(0, 40)}`,
    instance_count: instances,
  }
}

/** A small aws-prod history: #N → #N+1 adds one runner; the latest is #66. */
function seedDiff(from: string, to: string) {
  const index = (text: string) => Number(/#(\d+)$/.exec(text)?.[1] ?? LATEST)
  return {
    snappish1: { snapshot_id: `aws-prod#${index(from)}`, artifacts: [] },
    snappish2: {
      snapshot_id: `aws-prod#${index(to)}`,
      artifacts: [item('runner:16d9990', RUNNER_FP, 'runner', 3)],
    },
    changed: { artifacts: [] },
    'not-changed': { artifacts: [item('runner:85d83c6', OLD_RUNNER_FP, 'runner', 1)] },
  }
}

interface Requests {
  diffs: string[]
  /** Full snapshots read (thousands of artifacts on a large environment). */
  snapshots: string[]
  /** `interval=N..N` list entries read for the header. */
  summaries: string[]
}

function useApi(diffBody: (from: string, to: string) => object = seedDiff): Requests {
  const requests: Requests = { diffs: [], snapshots: [], summaries: [] }
  server.use(
    http.get('*/api/v2/snapshots/:org/:env', ({ params, request }) => {
      const interval = new URL(request.url).searchParams.get('interval') ?? ''
      requests.summaries.push(`${String(params['env'])} ${interval}`)
      const index = Number(interval.split('..')[0])
      return HttpResponse.json([
        {
          index,
          from: 1661161162 + index,
          to: index === LATEST ? 0 : 1661161162 + index + 60,
          compliant: true,
          duration: 60,
        },
      ])
    }),
    http.get('*/api/v2/environments/:org', () =>
      HttpResponse.json([
        { name: 'aws-beta', type: 'ECS' },
        { name: 'aws-prod', type: 'ECS' },
        { name: 'empty-env', type: 'K8S' },
      ]),
    ),
    http.get('*/api/v2/snapshots/:org/:env/:segment', ({ params }) => {
      const segment = String(params['segment'])
      requests.snapshots.push(segment)
      const index = segment === '-1' ? LATEST : Number(segment)
      return HttpResponse.json({
        index,
        is_latest: index === LATEST,
        timestamp: 1661161162 + index,
        artifacts: [],
      })
    }),
    http.get('*/api/v2/env-diff/:org', ({ request }) => {
      const url = new URL(request.url)
      const from = url.searchParams.get('snappish1') ?? ''
      const to = url.searchParams.get('snappish2') ?? ''
      requests.diffs.push(`${from} ${to}`)
      if (from.startsWith('empty-env') || to.startsWith('empty-env')) {
        return HttpResponse.json(
          {
            message:
              "Org: 'cyber-dojo'. Snapshot 'empty-env#-1' resolves to 'empty-env#0'. len(snapshots) == 0. Indexes are 1-based",
          },
          { status: 400 },
        )
      }
      return HttpResponse.json(diffBody(from, to))
    }),
  )
  return requests
}

const search = (router: ReturnType<typeof renderRoute>['router']) =>
  new URLSearchParams(router.state.location.search)

describe('diff page', () => {
  it('heads each side from a small list entry, never the full snapshots', async () => {
    const requests = useApi()
    renderRoute('/cyber-dojo/diff?from=aws-prod%2365&to=aws-prod')
    expect(await screen.findByText('1 added, 0 removed, 0 scaled, 1 unchanged')).toBeVisible()
    // The diff says it compared #65 with #66; the header shows #66 as the latest.
    expect(await screen.findByText('latest')).toBeVisible()
    expect(requests.summaries.sort()).toEqual(['aws-prod 65..65', 'aws-prod 66..66'])
    expect(requests.snapshots).toEqual([])
  })

  it("opens a row's artifact and flow in the app", async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    const row = (await screen.findByRole('rowheader', { name: 'runner' }, WAIT)).closest('tr')
    if (!row) throw new Error('no runner row')
    await userEvent.click(within(row).getByRole('link', { name: 'runner' }))
    await waitFor(
      () => expect(router.state.location.pathname).toBe('/cyber-dojo/flows/runner'),
      WAIT,
    )
    await act(() => router.navigate(-1))
    await userEvent.click(await screen.findByRole('link', { name: 'runner:16d9990' }, WAIT))
    await waitFor(
      () =>
        expect(router.state.location.pathname).toBe(
          `/cyber-dojo/flows/runner/artifacts/${RUNNER_FP}`,
        ),
      WAIT,
    )
  })

  it('aws-prod#64 → #65 shows exactly the one added runner, unchanged collapsed', async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    expect(await screen.findByText('1 added, 0 removed, 0 scaled, 1 unchanged')).toBeVisible()
    const table = screen.getByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(within(rows[0] as HTMLElement).getByText('Added')).toBeVisible()
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: 'runner:16d9990' }),
    ).toBeVisible()
    expect(within(rows[0] as HTMLElement).getByText('Not in aws-prod#64')).toBeVisible()
    expect(
      within(rows[0] as HTMLElement).getByRole('button', {
        name: `Copy full fingerprint ${RUNNER_FP}`,
      }),
    ).toBeVisible()
    expect(screen.queryByText('runner:85d83c6')).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Show 1 unchanged artifact' }))
    expect(search(router).get('unchanged')).toBe('show')
    // An unchanged artifact runs on both sides, so it shows in both columns.
    expect(await screen.findAllByRole('link', { name: 'runner:85d83c6' })).toHaveLength(2)
    expect(within(screen.getByRole('table')).getByText('Unchanged')).toBeVisible()
  })

  // Hundreds of rows with their copy buttons. A role query by name computes every button's
  // accessible name and visibility through jsdom's style cascade (about 20 s of CPU for this
  // test), so buttons are found by their text and rows counted without visibility checks.
  // Rendering the rows is still ~3 s of CPU per pass in React's development build, so the
  // waits allow for a busy machine.
  const rowsDrawn = { timeout: 30_000 }
  it(
    'draws the first 200 unchanged rows, and 500 more per click, with every change',
    {
      timeout: 90_000,
    },
    async () => {
      const unchanged = Array.from({ length: 250 }, (_, n) =>
        item(`svc-${n}:1a2b3c4`, n.toString(16).padStart(64, '0'), `svc-${n}`, 1),
      )
      useApi((from, to) => ({
        ...seedDiff(from, to),
        'not-changed': { artifacts: unchanged },
      }))
      renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365&unchanged=show')
      expect(
        await screen.findByText('1 added, 0 removed, 0 scaled, 250 unchanged', {}, rowsDrawn),
      ).toBeVisible()
      const bodyRows = () =>
        within(screen.getByRole('table')).getAllByRole('row', { hidden: true }).slice(1)
      const button = (text: string | RegExp) => screen.queryByText(text, { selector: 'button' })
      // The first screenful paints first; the rest follow one render later.
      await waitFor(() => expect(bodyRows()).toHaveLength(201), rowsDrawn)
      expect(within(screen.getByRole('table')).getByText('Added')).toBeVisible()
      expect(
        screen.getByText('Showing the first 200 of 250 unchanged rows; every change is listed.'),
      ).toBeVisible()

      await userEvent.click(screen.getByText('Show 50 more unchanged', { selector: 'button' }))
      await waitFor(() => expect(bodyRows()).toHaveLength(251), rowsDrawn)
      expect(button(/more unchanged/)).not.toBeInTheDocument()
      expect(button('Hide unchanged')).toBeVisible()
    },
  )

  it('resolves both sides with links to their snapshot pages', async () => {
    useApi()
    renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod')
    const to = await screen.findByRole('link', { name: 'aws-prod#66' })
    expect(to).toHaveAttribute('href', '/cyber-dojo/environments/aws-prod/snapshots/66')
    expectLink('aws-prod#64', '/cyber-dojo/environments/aws-prod/snapshots/64')
    expect(screen.getByText('as written:', { exact: false })).toHaveTextContent('aws-prod')
  })

  it('previous / next pair buttons and [ ] keys move both sides one snapshot', async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    const next = await screen.findByRole('button', { name: /Next pair/ })
    expect(next).toHaveAttribute('title', 'Next pair: aws-prod#65 → aws-prod#66 (shortcut ])')
    await userEvent.click(next)
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#65'))
    expect(search(router).get('to')).toBe('aws-prod#66')
    // #66 is the latest: no next pair.
    await waitFor(() => expect(screen.getByRole('button', { name: /Next pair/ })).toBeDisabled())

    fireEvent.keyDown(window, { key: '[' })
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#64'))
    expect(search(router).get('to')).toBe('aws-prod#65')
    await screen.findByRole('heading', { name: 'Diff aws-prod#64 → aws-prod#65' })
    fireEvent.keyDown(window, { key: ']' })
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#65'))
  })

  it('ignores the shortcuts while typing in a field', async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    await screen.findByRole('button', { name: /Next pair/ })
    const box = within(screen.getByRole('group', { name: 'From' })).getByLabelText(
      'Snapshot number',
    )
    fireEvent.keyDown(box, { key: ']' })
    expect(search(router).get('from')).toBe('aws-prod#64')
  })

  it('resolves "latest" to its number before stepping back', async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2365&to=aws-prod')
    const previous = await screen.findByRole('button', { name: /Previous pair/ })
    await waitFor(() => expect(previous).toBeEnabled())
    await userEvent.click(previous)
    await waitFor(() => expect(search(router).get('to')).toBe('aws-prod#65'))
    expect(search(router).get('from')).toBe('aws-prod#64')
  })

  it('swaps the sides in the URL', async () => {
    useApi()
    const { router } = renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    await userEvent.click(await screen.findByRole('button', { name: /Swap/ }))
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#65'))
    expect(search(router).get('to')).toBe('aws-prod#64')
  })

  it('?flow= compares only that flow, as a removable filter kept while the pair changes', async () => {
    useApi((from, to) => {
      const body = seedDiff(from, to)
      return {
        ...body,
        snappish2: {
          ...body.snappish2,
          artifacts: [
            ...body.snappish2.artifacts,
            item('saver:5911f9c', 'f'.repeat(64), 'saver', 1),
          ],
        },
      }
    })
    const { router } = renderRoute(
      '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365&flow=saver',
    )
    expect(await screen.findByText('1 added, 0 removed, 0 scaled, 0 unchanged')).toBeVisible()
    expect(screen.getByRole('link', { name: 'saver:5911f9c' })).toBeVisible()
    expect(screen.queryByRole('link', { name: 'runner:16d9990' })).not.toBeInTheDocument()
    expect(screen.getByText('saver', { selector: '.font-mono' })).toBeVisible()

    await userEvent.click(screen.getByRole('button', { name: /Swap/ }))
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#65'))
    expect(search(router).get('flow')).toBe('saver')

    await userEvent.click(screen.getByRole('button', { name: 'Show all flows' }))
    await waitFor(() => expect(search(router).get('flow')).toBeNull())
    expect(await screen.findByText('2 added, 0 removed, 0 scaled, 1 unchanged')).toBeVisible()
  })

  it('identical snapshots say "No differences"', async () => {
    useApi(() => identical)
    renderRoute('/cyber-dojo/diff?from=aws-beta&to=aws-prod')
    expect(await screen.findByText('No differences')).toBeVisible()
    expect(screen.getByText('0 added, 0 removed, 0 scaled, 10 unchanged')).toBeVisible()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('a fingerprint listed twice has one row that shows both entries', async () => {
    useApi(() => blueGreenProd)
    renderRoute('/cyber-dojo/diff?from=aws-beta%233548&to=aws-prod%234754')
    expect(await screen.findByText('listed 2×')).toBeVisible()
    expect(screen.getAllByRole('link', { name: 'nginx:fa32058' })).toHaveLength(1)
    const entries = screen.getByRole('list', { name: 'The 2 entries Kosli lists' })
    expect(
      within(entries)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Entry 1: 1 instance/),
      expect.stringMatching(/^Entry 2: 1 instance/),
    ])
    expect(screen.getByText('4 added, 4 removed, 0 scaled, 6 unchanged')).toBeVisible()
    expect(screen.getAllByText('Replaced')).toHaveLength(4)
  })

  it('an environment without snapshots says so and keeps the pickers', async () => {
    useApi()
    renderRoute('/cyber-dojo/diff?from=empty-env&to=aws-prod')
    expect(await screen.findByText('empty-env has no snapshots yet')).toBeVisible()
    expect(screen.getByRole('form', { name: 'Choose snapshots to compare' })).toBeVisible()
  })

  it('a bad expression shows the parser’s message and the form, without fetching', async () => {
    const requests = useApi()
    renderRoute('/cyber-dojo/diff?from=aws-prod%23x&to=aws-prod')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Snapshot number must be a positive whole number, e.g. aws-prod#42',
    )
    expect(screen.getByRole('form', { name: 'Choose snapshots to compare' })).toBeVisible()
    expect(requests.diffs).toEqual([])
  })

  it('without a pair, the form picks both sides and puts them in the URL', async () => {
    const requests = useApi()
    const { router } = renderRoute('/cyber-dojo/diff')
    const from = await screen.findByRole('group', { name: 'From' })
    const to = screen.getByRole('group', { name: 'To' })
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }))
    expect(within(from).getByText('Choose an environment')).toBeVisible()

    await userEvent.selectOptions(await within(from).findByLabelText('Environment'), 'aws-prod')
    await userEvent.selectOptions(within(from).getByLabelText('Snapshot'), 'index')
    await userEvent.type(within(from).getByLabelText('Snapshot number'), '64')
    await userEvent.selectOptions(within(to).getByLabelText('Environment'), 'aws-prod')
    await userEvent.selectOptions(within(to).getByLabelText('Snapshot'), 'time')
    fireEvent.change(within(to).getByLabelText('Time (UTC)'), {
      target: { value: '2022-08-22T10:00:00' },
    })
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }))
    await waitFor(() => expect(search(router).get('from')).toBe('aws-prod#64'))
    expect(search(router).get('to')).toBe('aws-prod@{2022-08-22T10:00:00}')
    await screen.findByText('1 added, 0 removed, 0 scaled, 1 unchanged')
    expect(requests.diffs).toEqual(['aws-prod#64 aws-prod@{2022-08-22T10:00:00}'])
  })
})

describe('diff page against the demo world', () => {
  it('aws-prod#64 → #65: only runner:16d9990 is new, at the seed’s start time', async () => {
    renderRoute('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365')
    expect(
      await screen.findByText(/^1 added, 0 removed, 0 scaled, \d+ unchanged$/, undefined, {
        timeout: 10000,
      }),
    ).toBeVisible()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    const row = rows[0] as HTMLElement
    expect(within(row).getByRole('link', { name: 'runner:16d9990' })).toBeVisible()
    expect(
      within(row).getByRole('button', { name: `Copy full fingerprint ${RUNNER_FP}` }),
    ).toBeVisible()
    // Tests run in UTC: 11:39:17 CEST is 09:39:17 UTC.
    expect(within(row).getByText(/Mon, 22 Aug 2022 09:39:17 UTC/)).toBeVisible()
  })
})
