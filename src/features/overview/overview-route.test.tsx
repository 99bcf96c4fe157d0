import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { renderRoute } from '@/test/render-route'

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

describe('overview page', { timeout: 60_000 }, () => {
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
    expect(within(prod).getByRole('link', { name: '16d9990' })).toHaveAttribute(
      'href',
      '/cyber-dojo/flows/runner/artifacts/9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
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

  it('an unknown org is a not-found page that names it', async () => {
    renderRoute('/no-such-org/overview')
    expect(await screen.findByText(/Organization 'no-such-org' does not exist/)).toBeVisible()
  })
})
