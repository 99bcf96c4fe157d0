import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import flowsJson from '../../../fixtures/kosli/flows.json'
import { findHeading, renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

// The first render lazily imports the route module.
const LOAD = { timeout: 8000 }

function flowNames() {
  const table = screen.getByRole('table', { name: /Flows in/ })
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '')
}

describe('flows list', () => {
  it('lists the seed flows with a count, each linking to its page', async () => {
    renderRoute('/cyber-dojo/flows')
    await findHeading('Flows', LOAD)
    expect(screen.getByText(/^\d+ flows$/)).toBeInTheDocument()
    for (const name of ['creator', 'runner', 'saver', 'web']) {
      // The first screenful is drawn first, the rest of the page right after.
      expect(await screen.findByRole('link', { name }, LOAD)).toHaveAttribute(
        'href',
        `/cyber-dojo/flows/${name}`,
      )
    }
    expect(screen.getByRole('rowheader', { name: 'runner' }).closest('tr')).toHaveTextContent(
      'Test runner',
    )
  })

  it('opens a flow in the app from its row, and leaves a modified click to the browser', async () => {
    const { router } = renderRoute('/cyber-dojo/flows')
    const link = await screen.findByRole('link', { name: 'runner' }, LOAD)
    const user = userEvent.setup()
    await user.keyboard('{Control>}')
    await user.click(link)
    await user.keyboard('{/Control}')
    // An in-app navigation would have started: the flow page's loader runs first.
    expect(router.state.navigation.state).toBe('idle')
    expect(router.state.location.pathname).toBe('/cyber-dojo/flows')
    await userEvent.click(link)
    await waitFor(
      () => expect(router.state.location.pathname).toBe('/cyber-dojo/flows/runner'),
      LOAD,
    )
  })

  it('filters by name in the URL and says what was filtered out', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/flows')
    const input = await screen.findByLabelText('Filter flows', undefined, LOAD)
    await user.type(input, 'runner')
    await waitFor(() => expect(router.state.location.search).toBe('?q=runner'))
    await waitFor(
      () => expect(flowNames().every((name) => name.includes('runner'))).toBe(true),
      LOAD,
    )
    expect(await screen.findByText(/flows? matching “runner”/, undefined, LOAD)).toBeInTheDocument()
    await user.clear(input)
    await user.type(input, 'zzzz-nothing')
    expect(
      await screen.findByText('No flow matches “zzzz-nothing”', undefined, LOAD),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }))
    await waitFor(() => expect(router.state.location.search).toBe(''))
  })

  it('sorts by name both ways from the URL', async () => {
    renderRoute('/cyber-dojo/flows?dir=desc')
    await findHeading('Flows', LOAD)
    const names = flowNames()
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)))
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
  })

  it('pages an org with hundreds of flows', async () => {
    const flows = Array.from({ length: 250 }, (_, index) => ({
      name: `service-${String(index).padStart(3, '0')}`,
      description: '',
      tags: {},
    }))
    server.use(http.get('*/api/v2/flows/many', () => HttpResponse.json(flows)))
    const user = userEvent.setup()
    const { router } = renderRoute('/many/flows')
    await findHeading('Flows', LOAD)
    // 25 rows first, then the whole page of 100.
    await waitFor(() => expect(flowNames()).toHaveLength(100), LOAD)
    expect(screen.getByText('250 flows')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'))
    expect(await screen.findByText(/Page 2 of 3/, undefined, LOAD)).toBeInTheDocument()
    await waitFor(() => expect(flowNames()[0]).toBe('service-100'), LOAD)
  })
})

describe('flow page', () => {
  it('shows the flow with its artifacts newest first, linking to the artifact', async () => {
    renderRoute('/cyber-dojo/flows/runner')
    expect(await findHeading('runner', LOAD, 1)).toBeInTheDocument()
    expect(screen.getByText('Test runner')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: /Artifacts of flow runner/ })
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1)
    const times = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Date.parse(row.querySelector('time')?.getAttribute('datetime') ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('names an unknown flow and links back to the list', async () => {
    renderRoute('/cyber-dojo/flows/no-such-flow')
    expect(
      await findHeading("Flow 'no-such-flow' does not exist in org 'cyber-dojo'", LOAD),
    ).toBeInTheDocument()
    expectLink(/Back to the flows/, '/cyber-dojo/flows')
  })

  it("lists the secrets flow's daily trails and explains it by the newest one's failing check", async () => {
    const user = userEvent.setup()
    renderRoute('/cyber-dojo/flows/secrets')
    expect(
      await screen.findByRole('link', { name: 'secrets-check-2026-08-19' }, LOAD),
    ).toHaveAttribute('href', '/cyber-dojo/flows/secrets/trails/secrets-check-2026-08-19')
    expect(screen.queryByText(/lists no trails|have none/)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /Why is flow secrets non-compliant/ }))
    expect(
      await screen.findByText(/^A flow's state is that of its latest trail/, {}, LOAD),
    ).toBeVisible()
    const checklist = screen.getByRole('group', {
      name: 'Checklist of trail secrets-check-2026-08-19',
    })
    const failing = within(checklist)
      .getAllByRole('listitem')
      .find((item) => within(item).queryByText('expiring-secrets') !== null)
    expect(failing).toHaveTextContent('Non-compliant')
  })
})

describe('a flow Kosli lists no trails for', () => {
  /** The secrets flow with no trails, no artifacts, and its latest activity at `latest`. */
  function withoutTrails(latest: number) {
    server.use(
      http.get('*/api/v2/trails/cyber-dojo', () => HttpResponse.json([])),
      http.get('*/api/v2/artifacts/cyber-dojo/secrets', () => HttpResponse.json([])),
      http.get('*/api/v2/flows/cyber-dojo', () =>
        HttpResponse.json(
          flowsJson.map((flow) =>
            flow.name === 'secrets' ? { ...flow, latest_activity_at: latest } : flow,
          ),
        ),
      ),
    )
  }

  it('does not blame its age when its latest activity is recent, nor in the why', async () => {
    const user = userEvent.setup()
    withoutTrails(Date.UTC(2026, 7, 19) / 1000)
    renderRoute('/cyber-dojo/flows/secrets')
    expect(await screen.findByText('Kosli lists no trails for this flow.', {}, LOAD)).toBeVisible()
    expect(screen.queryByText(/before 2024/)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /Why is flow secrets non-compliant/ }))
    expect(
      await screen.findByText(
        'Kosli rates this flow non-compliant, but lists no trails and no artifacts that explain it.',
        {},
        LOAD,
      ),
    ).toBeVisible()
  })

  it('explains an empty list by its age when its latest activity is before 2024', async () => {
    withoutTrails(Date.UTC(2023, 5, 1) / 1000)
    renderRoute('/cyber-dojo/flows/secrets')
    expect(
      await screen.findByText(
        'This flow has no trails (flows from before 2024 have none).',
        {},
        LOAD,
      ),
    ).toBeVisible()
  })
})
