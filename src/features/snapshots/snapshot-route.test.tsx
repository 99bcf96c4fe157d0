import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { findHeading, renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

// The first request builds the demo world, which takes a moment in jsdom.
const SLOW = { timeout: 10_000 }

const PROD = '/cyber-dojo/environments/aws-prod'

function rowOf(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(name) })
  const row = header.closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

function replicasOf(name: string): string | null | undefined {
  return rowOf(name).querySelector('td[data-label="replicas"]')?.textContent
}

// Route tests wait for the demo world, which is slow on a busy machine.
describe('snapshot page', { timeout: 40_000 }, () => {
  it('shows aws-prod#65 as the seed does: four artifacts, replicas and the blue-green pair', async () => {
    renderRoute(`${PROD}/snapshots/65`)
    expect(await findHeading('aws-prod#65', SLOW, 1)).toBeVisible()
    expect(replicasOf('runner:16d9990')).toBe('3')
    expect(replicasOf('shas:7c45272')).toBe('1')
    expect(replicasOf('runner:85d83c6')).toBe('1')
    expect(replicasOf('differ:1a2b170')).toBe('1')
    const group = screen.getByRole('cell', { name: /Blue-green: 2 versions of runner/ })
    expect(group).toHaveTextContent('runner:16d9990 (3) + runner:85d83c6 (1)')
    // The fingerprint is short with a copy button for the full value.
    expect(
      screen.getByRole('button', {
        name: 'Copy full fingerprint 9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
      }),
    ).toBeInTheDocument()
    expect(within(rowOf('runner:16d9990')).getByRole('link', { name: 'runner' })).toHaveAttribute(
      'href',
      '/cyber-dojo/flows/runner',
    )
  })

  it("opens a row's artifact and flow in the app", async () => {
    const { router } = renderRoute(`${PROD}/snapshots/65`)
    await findHeading('aws-prod#65', SLOW, 1)
    await userEvent.click(within(rowOf('runner:16d9990')).getByRole('link', { name: 'runner' }))
    await waitFor(
      () => expect(router.state.location.pathname).toBe('/cyber-dojo/flows/runner'),
      SLOW,
    )
    await act(() => router.navigate(-1))
    await findHeading('aws-prod#65', SLOW, 1)
    await userEvent.click(
      within(rowOf('runner:16d9990')).getByRole('link', { name: 'runner:16d9990' }),
    )
    await waitFor(
      () =>
        expect(router.state.location.pathname).toBe(
          '/cyber-dojo/flows/runner/artifacts/9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
        ),
      SLOW,
    )
  })

  it('links to the neighbours and the diff with the previous snapshot', async () => {
    renderRoute(`${PROD}/snapshots/65`)
    const nav = await screen.findByRole('navigation', { name: 'Snapshot navigation' }, SLOW)
    expectLink(/Previous: #64/, `${PROD}/snapshots/64`, nav)
    expectLink(/Next: #66/, `${PROD}/snapshots/66`, nav)
    expectLink(/Diff with previous/, '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365', nav)
  })

  it('filters by name from the URL and writes filter changes back to it', async () => {
    const { router } = renderRoute(`${PROD}/snapshots/65?q=runner`)
    await findHeading('aws-prod#65', SLOW, 1)
    expect(screen.queryByRole('rowheader', { name: /shas:7c45272/ })).not.toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: /runner:16d9990/ })).toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'replicas')
    await waitFor(() => expect(router.state.location.search).toContain('sort=replicas'), SLOW)
    expect(router.state.location.search).toContain('q=runner')
  })

  it('opens the details of a row on demand', async () => {
    renderRoute(`${PROD}/snapshots/65`)
    await findHeading('aws-prod#65', SLOW, 1)
    // Scoped to the row: role queries over the whole table are slow in jsdom.
    const button = within(rowOf('runner:16d9990')).getByRole('button', {
      name: 'Details for runner:16d9990',
    })
    expect(screen.queryByRole('heading', { name: /Instance starts/ })).not.toBeInTheDocument()
    await userEvent.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('heading', { name: 'Instance starts (3)' })).toBeVisible()
    expect(screen.getByRole('heading', { name: 'Deployment diff' })).toBeVisible()
    // The 2022 snapshot names one flow per artifact and no list of reporting flows.
    expect(screen.getByRole('heading', { name: 'Reported by flows (1)' })).toBeVisible()
  })

  it('hides artifacts that exited until asked, and marks them', async () => {
    const { router } = renderRoute(`${PROD}/snapshots/66`)
    await findHeading('aws-prod#66', SLOW, 1)
    expect(screen.queryByRole('rowheader', { name: /runner:85d83c6/ })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('checkbox', { name: /Show exited/ }))
    await waitFor(() => expect(router.state.location.search).toContain('exited=show'), SLOW)
    expect(
      await screen.findByRole('rowheader', { name: /runner:85d83c6.*exited/ }, SLOW),
    ).toBeVisible()
  })

  it('says when a snapshot number is out of range, and how many there are', async () => {
    renderRoute(`${PROD}/snapshots/999999`)
    expect(await findHeading('Snapshot aws-prod#999999 does not exist', SLOW)).toBeVisible()
    expect(screen.getByText(/aws-prod has [\d,]+ snapshots, numbered 1 to \d+/)).toBeVisible()
  })

  it('tells an unknown environment, an empty one and a bad number apart', async () => {
    renderRoute('/cyber-dojo/environments/no-such-env/snapshots/1')
    expect(await findHeading('Environment “no-such-env” not found', SLOW)).toBeVisible()
  })

  it('says an environment has no snapshots yet', async () => {
    renderRoute('/cyber-dojo/environments/empty-env/snapshots/1')
    expect(await findHeading('empty-env has no snapshots yet', SLOW)).toBeVisible()
  })

  it('says a non-number is not a snapshot number', async () => {
    renderRoute(`${PROD}/snapshots/latest`)
    expect(await findHeading('“latest” is not a snapshot number', SLOW)).toBeVisible()
  })
})
