import { render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { getOrg } from '@mocks/world/world'
import { renderSnapshot } from '@mocks/world/render'
import { fetchSnapshot } from '@/api/snapshots'
import type { PolicyDecision } from '@/api/policy-decisions'
import { MISSING_PULL_REQUEST } from '@/test/policy-decision'
import { PolicyDecisions } from './policy-decisions'
import { expectLink } from '@/test/expect-link'

function renderWithRouter(ui: React.ReactNode) {
  const router = createMemoryRouter([{ path: '*', element: ui }])
  return render(<RouterProvider router={router} />)
}

/** The demo world's non-compliant artifact in aws-beta, served the way the API serves it. */
async function demoNonCompliant() {
  const org = getOrg('cyber-dojo')
  const env = org?.envs.get('aws-beta')
  if (!org || !env) throw new Error('demo world has no aws-beta')
  // busybox runs in aws-beta#7920..7922 without provenance.
  server.use(
    http.get('*/api/v2/snapshots/cyber-dojo/aws-beta/:expr', ({ params }) =>
      HttpResponse.json(renderSnapshot(org, env, Number(params['expr']))),
    ),
  )
  const snapshot = await fetchSnapshot('cyber-dojo', {
    kind: 'index',
    env: 'aws-beta',
    index: 7921,
  })
  const artifact = snapshot.artifacts.find((item) => item.compliant === false && !item.exited)
  if (!artifact) throw new Error('no non-compliant artifact in aws-beta#7921')
  return { snapshot, artifact }
}

describe('PolicyDecisions', () => {
  it("shows the demo world's non-compliant artifact's reason in words", async () => {
    const { artifact } = await demoNonCompliant()
    expect(artifact.reasonsForIncompliance.length).toBeGreaterThan(0)
    renderWithRouter(
      <PolicyDecisions
        decisions={artifact.policyDecisions}
        reasons={artifact.reasonsForIncompliance}
        org="cyber-dojo"
      />,
    )
    // Kosli's own reason, verbatim.
    expect(
      screen.getByText("Artifact has no provenance (policy 'provenance' requires it)"),
    ).toBeVisible()
    // The failing policy is open and explains the provenance rule and its resolution.
    const provenance = artifact.policyDecisions.find((decision) => decision.policy === 'provenance')
    expect(provenance?.compliant).toBe(false)
    const group = screen.getByText('provenance').closest('details')
    expect(group).toHaveAttribute('open')
    const box = within(group as HTMLElement)
    expect(box.getByText('Provenance')).toBeVisible()
    expect(box.getByText('Not satisfied')).toBeVisible()
    expect(box.getByText(/^No provenance: no flow reported this artifact/)).toBeVisible()
  })

  it('links each resolution to the trail concerned and collapses compliant policies', () => {
    const decisions: PolicyDecision[] = [
      MISSING_PULL_REQUEST,
      { policy: 'snyk', version: 1, compliant: true, rules: [] },
    ]
    renderWithRouter(<PolicyDecisions decisions={decisions} org="cyber-dojo" />)
    expect(
      screen.getByText(
        'Missing attestation: no pull_request attestation was reported, and the policy requires one.',
      ),
    ).toBeVisible()
    expectLink('saver-ci / e1f0c3a', '/cyber-dojo/flows/saver-ci/trails/e1f0c3a')
    expect(screen.getByText('version 3')).toBeVisible()
    expect(screen.getByText('snyk').closest('details')).not.toHaveAttribute('open')
  })
})
