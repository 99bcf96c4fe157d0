import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentProps } from 'react'
import { describe, expect, it } from 'vitest'
import { AUDIT } from '@mocks/world/facts'
import { renderUi } from '@/test/render-ui'
import { ArtifactComplianceWhy, ArtifactExplanation } from './artifact-why'
import { EnvironmentComplianceWhy, EnvironmentExplanation } from './environment-why'
import { FlowExplanation } from './flow-why'
import { expectLink } from '@/test/expect-link'

const LOAD = { timeout: 15_000 }

type ExplainedArtifact = ComponentProps<typeof ArtifactExplanation>['artifact']

/** A runner artifact with no trail, explained by what it has on record. */
function renderLegacyRunner(record: Omit<ExplainedArtifact, 'fingerprint' | 'trail'>) {
  renderUi(
    <ArtifactExplanation
      org="cyber-dojo"
      flow="runner"
      artifact={{ fingerprint: 'ab'.repeat(32), trail: null, ...record }}
    />,
  )
}

describe('artifact compliance, explained', () => {
  it("opens the hotfix's trail checklist from a badge that knows only the fingerprint", async () => {
    const user = userEvent.setup()
    const { fingerprint, commit } = AUDIT.saverHotfix
    renderUi(
      <ArtifactComplianceWhy
        org="cyber-dojo"
        flow="saver-ci"
        fingerprint={fingerprint}
        state="NON-COMPLIANT"
        subject="saver:e1f0c3a"
      />,
    )
    await user.click(
      screen.getByRole('button', { name: 'Non-compliant: Why is saver:e1f0c3a non-compliant?' }),
    )
    const checklist = await screen.findByRole(
      'group',
      { name: `Checklist of trail ${commit}` },
      LOAD,
    )
    // Kosli's own words come first.
    expect(screen.getByText(/^Missing attestation 'pull_request' required by policy/)).toBeVisible()
    const rows = within(checklist).getAllByRole('listitem')
    const row = (label: string) => rows.find((item) => within(item).queryByText(label) !== null)
    expect(row('pull-request')).toHaveTextContent('Missing')
    expect(row('saver.unit-test')).toHaveTextContent('Non-compliant')
    expect(row('saver.snyk-container-scan')).toHaveTextContent('Non-compliant')
    expect(row('saver')).toHaveTextContent('this artifact')
    expect(within(checklist).getByRole('link', { name: 'saver.unit-test' })).toHaveAttribute(
      'href',
      expect.stringMatching(
        new RegExp(`^/cyber-dojo/flows/saver-ci/trails/${commit}\\?attestation_id=`),
      ),
    )
    expect(screen.getByRole('link', { name: `Open trail ${commit}` })).toBeVisible()
  })

  it('explains a legacy artifact by its evidence, as text', () => {
    renderLegacyRunner({
      state: 'NON-COMPLIANT',
      stateInfo: '<b>coverage</b> below 80%',
      evidence: [
        { name: 'branch-coverage', type: 'generic', isCompliant: false, createdAt: 1 },
        { name: 'approval', type: null, isCompliant: null, createdAt: null },
      ],
    })
    expect(screen.getByText('<b>coverage</b> below 80%')).toBeVisible()
    const evidence = within(screen.getByRole('group', { name: 'Evidence' }))
    expect(evidence.getByText('branch-coverage').closest('li')).toHaveTextContent('Non-compliant')
    expect(evidence.getByText('approval').closest('li')).toHaveTextContent('unknown type')
    expect(evidence.getByText('approval').closest('li')).toHaveTextContent('Unknown')
  })

  it('says so when there is nothing on record', () => {
    renderLegacyRunner({ state: 'UNKNOWN', stateInfo: null, evidence: [] })
    expect(screen.getByText(/no trail and no evidence on record/)).toBeVisible()
  })
})

describe('flow compliance, explained', () => {
  it("is the latest trail's checklist", async () => {
    renderUi(<FlowExplanation org="cyber-dojo" flow="saver-ci" />)
    expect(
      await screen.findByText(/^A flow's state is that of its latest trail/, {}, LOAD),
    ).toBeVisible()
    const link = screen.getByRole('link', { name: /^[0-9a-f]{40}$/ })
    expect(
      screen.getByRole('group', { name: `Checklist of trail ${link.textContent}` }),
    ).toBeVisible()
  })

  it('falls back to the latest artifact for a flow from before trails', async () => {
    renderUi(<FlowExplanation org="cyber-dojo" flow="runner" />)
    expect(
      await screen.findByText(
        /^The flow has no trails; its state is that of its latest artifact/,
        {},
        LOAD,
      ),
    ).toBeVisible()
    expect(
      within(screen.getByRole('group', { name: 'Evidence' })).getByText('branch-coverage'),
    ).toBeVisible()
  })
})

describe('environment compliance, explained', () => {
  const STAGING_BOX = {
    name: 'staging-box',
    type: 'server',
    compliant: null,
    policies: [],
    includedEnvironments: [],
  } satisfies ComponentProps<typeof EnvironmentExplanation>['environment']

  it('is the latest snapshot judged by the attached policies', async () => {
    const user = userEvent.setup()
    renderUi(
      <EnvironmentComplianceWhy
        org="cyber-dojo"
        environment={{
          name: 'aws-beta',
          type: 'ECS',
          compliant: true,
          policies: ['provenance', 'pull-request'],
          includedEnvironments: [],
        }}
      />,
    )
    await user.click(
      screen.getByRole('button', { name: 'Compliant: Why is environment aws-beta compliant?' }),
    )
    expect(
      await screen.findByText(
        /^Kosli judges aws-beta by its latest snapshot, #8099, against the policies attached to it: provenance, pull-request\.$/,
        {},
        LOAD,
      ),
    ).toBeVisible()
    const snapshot = screen.getByRole('group', { name: 'Compliance of aws-beta#8099' })
    expect(within(snapshot).getByText(/^\d+ of \d+ running artifacts? compliant/)).toBeVisible()
    expect(
      within(snapshot).getByText('Every running artifact satisfied every applied policy.'),
    ).toBeVisible()
  })

  it('has nothing to judge without a policy, and defers to included environments when logical', () => {
    const { unmount } = renderUi(
      <EnvironmentComplianceWhy org="cyber-dojo" environment={STAGING_BOX} />,
    )
    expect(
      screen.getByRole('button', {
        name: 'Unknown (no policy): Why is environment staging-box of unknown compliance?',
      }),
    ).toBeVisible()
    unmount()
    renderUi(
      <EnvironmentExplanation
        org="cyber-dojo"
        environment={{
          name: 'production',
          type: 'logical',
          compliant: true,
          policies: [],
          includedEnvironments: ['aws-prod'],
        }}
      />,
    )
    expect(screen.getByText(/^production is a logical environment/)).toBeVisible()
    expectLink('aws-prod', '/cyber-dojo/environments/aws-prod')
  })

  it('says why an environment without policies is of unknown compliance', () => {
    renderUi(<EnvironmentExplanation org="cyber-dojo" environment={STAGING_BOX} />)
    expect(screen.getByText(/^No policy is attached to staging-box/)).toBeVisible()
  })
})
