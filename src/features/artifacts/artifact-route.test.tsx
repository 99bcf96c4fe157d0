import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '@/test/render-route'

// The first render lazily imports the route module.
const LOAD = { timeout: 8000 }

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const PAGE = `/cyber-dojo/flows/runner/artifacts/${FP}`

const SEED_ROWS = [
  'Artifact created',
  'branch-coverage evidence received',
  'Deployment #18 to aws-beta environment',
  'Deployment #19 to aws-prod environment',
  'Started running in aws-beta#84 environment',
  'Started running in aws-prod#65 environment',
  'Scaled down from 3 to 2 in aws-beta#117 environment',
  'No longer running in aws-beta#119 environment',
  'Scaled down from 3 to 1 in aws-prod#94 environment',
  'No longer running in aws-prod#96 environment',
]

function timelineRows() {
  const timeline = screen.getByRole('region', { name: 'Lifecycle' })
  return within(timeline)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '')
}

describe('artifact page', () => {
  it('shows the seed artifact: identity, state and all ten history rows with links', async () => {
    renderRoute(PAGE)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'cyberdojo/runner:16d9990' }, LOAD),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: `Copy full fingerprint ${FP}` })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '16d9990' })).toHaveAttribute(
      'href',
      'https://github.com/cyber-dojo/runner/commit/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
    )
    expect(screen.getAllByText('Compliant').length).toBeGreaterThan(0)

    const rows = timelineRows()
    expect(rows).toHaveLength(10)
    SEED_ROWS.forEach((text, index) => expect(rows[index]).toContain(text))
    // Tests run in UTC: 11:35:00 CEST is 09:35:00 UTC.
    expect(rows[0]).toContain('Mon, 22 Aug 2022 09:35:00 UTC')
    expect(rows[1]).toContain('+1m 2s')
    expect(screen.getByRole('heading', { name: 'Mon, 22 Aug 2022' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Wed, 24 Aug 2022' })).toBeInTheDocument()

    const timeline = screen.getByRole('region', { name: 'Lifecycle' })
    expect(within(timeline).getByRole('link', { name: 'aws-prod#65' })).toHaveAttribute(
      'href',
      '/cyber-dojo/environments/aws-prod/snapshots/65',
    )
    expect(within(timeline).getByRole('link', { name: 'aws-beta#119' })).toHaveAttribute(
      'href',
      '/cyber-dojo/environments/aws-beta/snapshots/119',
    )
  })

  it('filters the timeline by kind and environment through the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(PAGE)
    await screen.findByRole('region', { name: 'Lifecycle' }, LOAD)
    await user.click(screen.getByRole('button', { name: /Started running/ }))
    await waitFor(() => expect(timelineRows()).toHaveLength(2))
    expect(router.state.location.search).toBe('?kind=started')
    await user.click(screen.getByRole('button', { name: 'aws-prod' }))
    await waitFor(() => expect(timelineRows()).toHaveLength(1))
    expect(timelineRows()[0]).toContain('Started running in aws-prod#65 environment')
    expect(screen.getByText('1 of 10 events shown')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show all events' }))
    await waitFor(() => expect(timelineRows()).toHaveLength(10))
  })

  it('reads the filter from a shared link', async () => {
    renderRoute(`${PAGE}?kind=stopped,bogus&env=aws-beta`)
    await screen.findByRole('region', { name: 'Lifecycle' }, LOAD)
    expect(timelineRows()).toEqual([expect.stringContaining('No longer running in aws-beta#119')])
  })

  it('resolves a unique fingerprint prefix to the full fingerprint, replacing the URL', async () => {
    const { router } = renderRoute('/cyber-dojo/flows/runner/artifacts/9af401c4')
    await screen.findByRole('heading', { level: 1, name: 'cyberdojo/runner:16d9990' }, LOAD)
    expect(router.state.location.pathname).toBe(PAGE)
    expect(router.state.historyAction).toBe('REPLACE')
  })

  it('says so when no artifact has the prefix', async () => {
    renderRoute('/cyber-dojo/flows/runner/artifacts/fffff0')
    expect(
      await screen.findByRole(
        'heading',
        {
          name: "No artifact in flow 'runner' has a fingerprint starting with 'fffff0'",
        },
        LOAD,
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the artifacts of runner' })).toHaveAttribute(
      'href',
      '/cyber-dojo/flows/runner',
    )
  })

  it('explains a fingerprint that is not hex', async () => {
    renderRoute('/cyber-dojo/flows/runner/artifacts/not-a-fp')
    expect(
      await screen.findByRole('heading', { name: "'not-a-fp' is not a fingerprint" }, LOAD),
    ).toBeInTheDocument()
  })

  it('names an unknown full fingerprint with a way back', async () => {
    const missing = 'ab'.repeat(32)
    renderRoute(`/cyber-dojo/flows/runner/artifacts/${missing}`)
    expect(
      await screen.findByRole(
        'heading',
        {
          name: `Artifact '${missing}' was not found in flow 'runner'`,
        },
        LOAD,
      ),
    ).toBeInTheDocument()
  })
})

describe('commit search', () => {
  it('opens the one artifact built from runner:16d9990', async () => {
    const { router } = renderRoute('/cyber-dojo/search?q=runner:16d9990')
    await screen.findByRole('heading', { level: 1, name: 'cyberdojo/runner:16d9990' }, LOAD)
    expect(router.state.location.pathname).toBe(PAGE)
  })

  it('says when no artifact was built from a commit', async () => {
    renderRoute('/cyber-dojo/search?q=runner:0000000')
    expect(
      await screen.findByText(
        "No artifact in flow 'runner' was built from commit '0000000'.",
        undefined,
        LOAD,
      ),
    ).toBeInTheDocument()
  })
})
