import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { advanceWorld, resetWorld } from '@mocks/world/advance'
import { snapshotKeys } from '@/api/snapshots'
import { renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

// The first request builds the demo world, which takes a while in jsdom on a busy machine.
configure({ asyncUtilTimeout: 15_000 })

const AT = '2022-08-22T10:00:00Z'
const TWO = 'envs=aws-beta,aws-prod'

/** Waits until the matrix shows a column's snapshot, e.g. `aws-prod#65`. */
async function columnShows(snapshot: string) {
  const table = await screen.findByRole('region', { name: /Flows by environment/ })
  await within(table).findByRole('link', { name: snapshot })
  await within(table).findByRole('rowheader', { name: /^runner\b/ })
}

function rowOf(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) })
  const row = header.closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

/** The cells of a row in column order (after the row header). */
function cellsOf(name: string): HTMLElement[] {
  return within(rowOf(name)).getAllByRole('cell')
}

/** What the live watch does when aws-prod's snapshot list names a newer one. */
async function refreshLatest(
  queryClient: ReturnType<typeof renderRoute>['queryClient'],
  env = 'aws-prod',
) {
  await queryClient.invalidateQueries({
    queryKey: snapshotKeys.detail('cyber-dojo', { kind: 'latest', env }),
    exact: true,
  })
}

describe('overview page', { timeout: 60_000 }, () => {
  afterEach(() => resetWorld())

  it('/ and /:org open the overview', async () => {
    const { router } = renderRoute('/')
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/overview'))
    expect(await screen.findByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
    const other = renderRoute('/cyber-dojo')
    await waitFor(() => expect(other.router.state.location.pathname).toBe('/cyber-dojo/overview'))
  })

  it('?at= shows each environment’s snapshot then: the aws-prod#65 blue-green pair, drift and its diff link', async () => {
    renderRoute(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    await columnShows('aws-prod#65')
    await columnShows('aws-beta#85')
    const [beta, prod] = cellsOf('runner')
    if (!beta || !prod) throw new Error('runner has two cells')
    // Newest first: 16d9990 started in #65 with 3 replicas beside 85d83c6.
    const prodVersions = within(prod).getAllByRole('listitem')
    expect(prodVersions.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^16d9990.*replicas: 3/),
      expect.stringMatching(/^85d83c6.*replicas: 1/),
    ])
    expect(within(prod).getAllByRole('tooltip')[0]).toHaveTextContent(
      '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
    )
    expect(within(beta).getAllByRole('listitem')).toHaveLength(1)
    expect(within(prod).getByText('differs')).toBeVisible()
    expect(within(prod).getByRole('link', { name: 'diff vs aws-beta' })).toHaveAttribute(
      'href',
      `/cyber-dojo/diff?${new URLSearchParams({
        from: 'aws-beta@{2022-08-22T10:00:00}',
        to: 'aws-prod@{2022-08-22T10:00:00}',
        flow: 'runner',
      }).toString()}`,
    )
    expectLink(
      '16d9990',
      '/cyber-dojo/flows/runner/artifacts/9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
      prod,
    )
    // Same versions in both: no drift mark.
    expect(within(rowOf('differ')).queryByText('differs')).not.toBeInTheDocument()
  })

  it('filters in the URL: name, only differing, only non-compliant', async () => {
    const { router } = renderRoute(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    await columnShows('aws-prod#65')
    await userEvent.type(screen.getByRole('searchbox', { name: /Filter by flow/ }), 'runn')
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe('runn'),
    )
    await waitFor(() =>
      expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
        expect.stringMatching(/^runner/),
      ]),
    )
    await userEvent.clear(screen.getByRole('searchbox', { name: /Filter by flow/ }))
    await userEvent.click(screen.getByRole('checkbox', { name: /Only where environments differ/ }))
    expect(new URLSearchParams(router.state.location.search).get('drift')).toBe('1')
    await waitFor(() =>
      expect(
        screen.getAllByRole('rowheader').every((h) => /versions differ/.test(h.textContent ?? '')),
      ).toBe(true),
    )
    expect(screen.getByText(/^Showing 1 of 13 rows/)).toBeVisible()
    // The cleared filter reaches the URL after a pause, without undoing the switch made meanwhile.
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).has('q')).toBe(false),
    )
    expect(new URLSearchParams(router.state.location.search).get('drift')).toBe('1')
    await userEvent.click(screen.getByRole('checkbox', { name: /Only non-compliant/ }))
    expect(new URLSearchParams(router.state.location.search).get('noncompliant')).toBe('1')
    expect(await screen.findByText('No rows match these filters')).toBeVisible()
  })

  it('one failing environment shows its error and a retry in its column; the rest works', async () => {
    let failing = true
    server.use(
      http.get('*/api/v2/snapshots/cyber-dojo/aws-beta/:segment', () =>
        failing
          ? HttpResponse.json({ message: 'database unavailable' }, { status: 500 })
          : undefined,
      ),
    )
    renderRoute(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    const retry = await screen.findByRole('button', { name: 'Retry aws-beta' })
    await columnShows('aws-prod#65')
    expect(screen.getByText(/aws-beta: The Kosli API failed \(HTTP 500\)/)).toBeVisible()
    const [beta, prod] = cellsOf('runner')
    expect(beta).toHaveTextContent('unavailable')
    expect(prod).toHaveTextContent('16d9990')
    failing = false
    await userEvent.click(retry)
    await columnShows('aws-beta#85')
  })

  it('reads the activity logs only once every column has its snapshot', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const logs: string[] = []
    server.use(
      http.get('*/api/v2/snapshots/cyber-dojo/aws-beta/:segment', async () => {
        await held
        return undefined
      }),
      http.get('*/api/v2/environments/cyber-dojo/:env/events', ({ params }) => {
        logs.push(String(params.env))
        return undefined
      }),
    )
    renderRoute(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    await columnShows('aws-prod#65')
    expect(screen.getByRole('status', { name: 'Loading activity' })).toBeVisible()
    expect(logs).toEqual([])
    release()
    await columnShows('aws-beta#85')
    await waitFor(() => expect([...new Set(logs)].sort()).toEqual(['aws-beta', 'aws-prod']))
  })

  it('an environment with no snapshot at that time says so in its column', async () => {
    renderRoute(`/cyber-dojo/overview?envs=aws-prod,k8s-scale&at=${AT}`)
    expect(
      await screen.findByText('k8s-scale has no snapshot at this time: its first one is later.'),
    ).toBeVisible()
    expect(cellsOf('runner')[1]).toHaveTextContent('no snapshot')
  })

  it('remembers the column choice per org', async () => {
    const { router } = renderRoute(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    await columnShows('aws-prod#65')
    await userEvent.click(screen.getByText(/^Columns: 2 of/))
    await userEvent.click(screen.getByRole('button', { name: 'Move aws-prod left' }))
    expect(new URLSearchParams(router.state.location.search).get('envs')).toBe('aws-prod,aws-beta')
    expect(
      JSON.parse(window.localStorage.getItem('shiplog.overview.columns.cyber-dojo') ?? ''),
    ).toEqual(['aws-prod', 'aws-beta'])
    await waitFor(() =>
      expect(
        screen.getAllByRole('columnheader').map((h) => h.textContent?.split(/ECS/)[0]),
      ).toEqual(['Flow', 'aws-prod', 'aws-beta']),
    )
  })

  it('a snapshot that arrives while the page is open updates the activity and marks what changed', async () => {
    const { queryClient } = renderRoute(`/cyber-dojo/overview?${TWO}`)
    const table = await screen.findByRole('region', { name: /Flows by environment/ })
    await within(table).findByRole('link', { name: 'aws-prod#5253' })
    const activity = await screen.findByRole('region', { name: 'Activity' })
    expect(await within(activity).findByText(/No changes in these environments/)).toBeVisible()
    expect(screen.queryByText('new')).not.toBeInTheDocument()

    const advanced = advanceWorld('cyber-dojo', 'aws-prod')
    expect(advanced.changes[0]).toMatch(/^started .*dashboard:2987287/)
    const asked: URL[] = []
    const listen = ({ request }: { request: Request }) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/aws-prod/events')) asked.push(url)
    }
    server.events.on('request:start', listen)
    await refreshLatest(queryClient)

    await within(table).findByRole('link', { name: 'aws-prod#5254' })
    // The new version's activity row, marked, with one polite summary for the list.
    const changes = await within(activity).findByRole('list', { name: 'Changes, newest first' })
    const started = within(changes).getByRole('link', { name: 'aws-prod#5254' }).closest('li')
    expect(started).toHaveTextContent(/started.*dashboard.*new$/)
    expect(within(activity).getByRole('status')).toHaveTextContent(
      '1 new change at the top of the activity.',
    )
    // Only the cell whose versions changed is marked, and the matrix's status says so once
    // (the cells are compared a render after the table draws the new snapshot).
    await waitFor(() =>
      expect(cellsOf('dashboard-ci')[1]).toHaveTextContent(/2 versions, newest first\s*new/),
    )
    const [beta] = cellsOf('dashboard-ci')
    expect(beta).not.toHaveTextContent('new')
    expect(cellsOf('runner-ci')[1]).not.toHaveTextContent('new')
    expect(screen.getByText(/^1 cell changed/)).toBeVisible()
    // Only the new snapshot's events were read; the rest of the window was read before.
    server.events.removeListener('request:start', listen)
    expect(
      asked.map((url) => [url.searchParams.get('start'), url.searchParams.get('end')]),
    ).toEqual([['5254', '5254']])
  })

  it('another column loads in its own column and behind the activity, which stays as it was', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const added = 'aws-beta-terraform-drift-detection'
    server.use(
      http.get(`*/api/v2/environments/cyber-dojo/${added}/events`, async () => {
        await held
        return undefined
      }),
    )
    const { router } = renderRoute(`/cyber-dojo/overview?${TWO}`)
    const activity = await screen.findByRole('region', { name: 'Activity' })
    expect(await within(activity).findByText(/No changes in these environments/)).toBeVisible()
    await userEvent.click(screen.getByText(/^Columns: 2 of/))
    await userEvent.click(screen.getByRole('checkbox', { name: added }))
    expect(new URLSearchParams(router.state.location.search).get('envs')).toBe(
      `aws-beta,aws-prod,${added}`,
    )
    await screen.findByRole('link', { name: new RegExp(`^${added}#\\d+$`) })
    await within(activity).findByText(/reading 1 more log/)
    // What was shown stays: the rows, and the activity without placeholders.
    expect(cellsOf('runner-ci')[1]).toHaveTextContent(/runner:85cac88/)
    expect(within(activity).queryByRole('status', { name: 'Loading activity' })).toBeNull()
    expect(within(activity).getByText(/No changes in these environments/)).toBeVisible()
    release()
    await waitFor(() => expect(within(activity).queryByText(/reading/)).toBeNull())
  })

  it('an unknown org is a not-found page that names it', async () => {
    renderRoute('/no-such-org/overview')
    expect(await screen.findByText(/Organization 'no-such-org' does not exist/)).toBeVisible()
  })
})
