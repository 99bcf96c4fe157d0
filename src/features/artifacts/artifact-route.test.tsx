import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { ACME, BUSY_FLOW, BUSY_FP } from '@mocks/world/acme'
import { findHeading, renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

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
    expect(await findHeading('cyberdojo/runner:16d9990', LOAD, 1)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: `Copy full fingerprint ${FP}` })).toBeInTheDocument()
    expectLink(
      '16d9990',
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
    expectLink('aws-prod#65', '/cyber-dojo/environments/aws-prod/snapshots/65', timeline)
    expectLink('aws-beta#119', '/cyber-dojo/environments/aws-beta/snapshots/119', timeline)
  })

  it('counts a long history with grouped thousands', async () => {
    renderRoute(`/${ACME}/flows/${BUSY_FLOW}/artifacts/${BUSY_FP}`)
    await screen.findByRole('region', { name: 'Lifecycle' }, LOAD)
    expect(await screen.findByText(/^[\d,]+ events$/)).toHaveTextContent(
      /^\d{1,3}(,\d{3})+ events$/,
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
    await findHeading('cyberdojo/runner:16d9990', LOAD, 1)
    expect(router.state.location.pathname).toBe(PAGE)
    expect(router.state.historyAction).toBe('REPLACE')
  })

  it('says so when no artifact has the prefix', async () => {
    renderRoute('/cyber-dojo/flows/runner/artifacts/fffff0')
    expect(
      await findHeading(
        "No artifact in flow 'runner' has a fingerprint starting with 'fffff0'",
        LOAD,
      ),
    ).toBeInTheDocument()
    expectLink('Go to the artifacts of runner', '/cyber-dojo/flows/runner')
  })

  it('explains a fingerprint that is not hex', async () => {
    renderRoute('/cyber-dojo/flows/runner/artifacts/not-a-fp')
    expect(await findHeading("'not-a-fp' is not a fingerprint", LOAD)).toBeInTheDocument()
  })

  it('names an unknown full fingerprint with a way back', async () => {
    const missing = 'ab'.repeat(32)
    renderRoute(`/cyber-dojo/flows/runner/artifacts/${missing}`)
    expect(
      await findHeading(`Artifact '${missing}' was not found in flow 'runner'`, LOAD),
    ).toBeInTheDocument()
  })
})

describe('commit search', () => {
  it('opens the one artifact built from runner:16d9990', async () => {
    const { router } = renderRoute('/cyber-dojo/search?q=runner:16d9990')
    await findHeading('cyberdojo/runner:16d9990', LOAD, 1)
    expect(router.state.location.pathname).toBe(PAGE)
  })
})

describe('choices and evidence (API answers overridden)', () => {
  const other = 'c'.repeat(64)

  it('lists the candidates of an ambiguous prefix, and matches in other flows apart', async () => {
    server.use(
      http.get('*/api/v2/search/cyber-dojo/sha/:value', () =>
        HttpResponse.json({
          resolved_to: { type: 'multiple' },
          artifacts: [
            { fingerprint: `abcde1${'0'.repeat(58)}`, name: 'runner:one', flow: 'runner' },
            { fingerprint: `abcde2${'0'.repeat(58)}`, name: 'runner:two', flow: 'runner' },
            { fingerprint: `abcde3${'0'.repeat(58)}`, name: 'saver:three', flow: 'saver' },
          ],
        }),
      ),
    )
    renderRoute('/cyber-dojo/flows/runner/artifacts/abcde')
    expect(await findHeading(/2 artifacts in runner start with/, LOAD)).toBeInTheDocument()
    expectLink('runner:one', `/cyber-dojo/flows/runner/artifacts/abcde1${'0'.repeat(58)}`)
    expect(screen.getByRole('heading', { name: 'Matches in other flows' })).toBeInTheDocument()
    expectLink('saver:three', `/cyber-dojo/flows/saver/artifacts/abcde3${'0'.repeat(58)}`)
  })

  it('shows trail attestations as evidence, expanding to junit counts and a trail link', async () => {
    const user = userEvent.setup()
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/runner-ci/fingerprint/:fp', () =>
        HttpResponse.json({
          fingerprint: other,
          filename: 'runner:a2ffba5',
          flow_name: 'runner-ci',
          trail_name: 'a2ffba5',
          template_reference_name: 'runner',
          state: 'COMPLIANT',
          history: [
            { event: 'runner reported', type: 'artifact_creation_reported', timestamp: 1777547700 },
          ],
        }),
      ),
      http.get('*/api/v2/trails/cyber-dojo/runner-ci/a2ffba5', () =>
        HttpResponse.json({
          name: 'a2ffba5',
          compliance_status: {
            status: 'COMPLIANT',
            attestations_statuses: [],
            artifacts_statuses: {
              runner: {
                artifact_fingerprint: other,
                status: 'COMPLIANT',
                attestations_statuses: [
                  {
                    attestation_name: 'unit-test',
                    attestation_type: 'junit',
                    attestation_id: 'att-1',
                    status: 'COMPLETE',
                    is_compliant: true,
                  },
                ],
              },
            },
          },
          events: [
            {
              type: 'artifact_attestation_reported',
              timestamp: 1777547736,
              attestation_id: 'att-1',
            },
          ],
        }),
      ),
      http.get('*/api/v2/attestations/cyber-dojo', () =>
        HttpResponse.json({
          data: [
            {
              attestation_id: 'att-1',
              attestation_name: 'unit-test',
              attestation_type: 'junit',
              is_compliant: true,
              created_at: 1777547736,
              junit_results: [{ name: 's', total: 42, failures: 0, errors: 0, skipped: 1 }],
            },
          ],
        }),
      ),
    )
    renderRoute(`/cyber-dojo/flows/runner-ci/artifacts/${other}`)
    const evidence = await screen.findByRole('region', { name: 'Evidence' }, LOAD)
    const summary = await within(evidence).findByText('unit-test', undefined, LOAD)
    await user.click(summary)
    expect(
      await within(evidence).findByText(
        /42 tests, 0 failures, 0 errors, 1 skipped/,
        undefined,
        LOAD,
      ),
    ).toBeInTheDocument()
    expectLink(
      'Open on trail a2ffba5',
      '/cyber-dojo/flows/runner-ci/trails/a2ffba5?attestation_id=att-1',
      evidence,
    )
  })
})
