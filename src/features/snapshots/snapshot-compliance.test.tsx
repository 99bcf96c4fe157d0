import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AUDIT } from '@mocks/world/facts'
import { findHeading, renderRoute } from '@/test/render-route'

const SLOW = { timeout: 15_000 }
const START = AUDIT.lateScan.betaStart
const PAGE = `/cyber-dojo/environments/aws-beta/snapshots/${START}`

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

describe('compliance on the snapshot page', { timeout: 40_000 }, () => {
  it('rolls up, lists the applied policies with versions, and explains its verdict', async () => {
    const user = userEvent.setup()
    renderRoute(PAGE)
    await findHeading(`aws-beta#${START}`, SLOW, 1)
    expect(screen.getByText('10 of 12 running artifacts compliant; 2 non-compliant')).toBeVisible()
    expect(
      screen.getByText(
        ': pull-request v3, provenance v3, snyk-scan-aws-beta v4, trail-compliance-aws-beta v2',
      ),
    ).toBeVisible()
    await user.click(screen.getByText('Policies applied (4)'))
    const policies = screen.getByRole('group', { name: `Policies applied to aws-beta#${START}` })
    expect(
      within(policies).getByText('Every artifact must have provenance (be reported by a flow).'),
    ).toBeVisible()

    const verdict = screen.getByRole('button', {
      name: `Non-compliant: Why is snapshot aws-beta#${START} non-compliant?`,
    })
    await user.click(verdict)
    const why = within(screen.getByRole('group', { name: `Compliance of aws-beta#${START}` }))
    expect(why.getByText('2 running artifacts are not compliant:')).toBeVisible()
    expect(why.getByRole('group', { name: 'Policy decisions for saver:e1f0c3a' })).toBeVisible()
    expect(why.getByRole('group', { name: 'Policy decisions for saver:36f0420' })).toBeVisible()
    await user.keyboard('{Escape}')
    expect(verdict).toHaveFocus()
    expect(screen.queryByRole('group', { name: `Compliance of aws-beta#${START}` })).toBeNull()
  })

  it("explains each row's compliance with its policy decisions", async () => {
    const user = userEvent.setup()
    renderRoute(PAGE)
    await findHeading(`aws-beta#${START}`, SLOW, 1)
    const row = rowOf('saver:36f0420')
    await user.click(
      within(row).getByRole('button', {
        name: `Non-compliant: Why is saver:36f0420 in aws-beta#${START} non-compliant?`,
      }),
    )
    const decisions = within(row).getByRole('group', { name: 'Policy decisions for saver:36f0420' })
    expect(
      within(decisions).getByText(
        /^Missing attestation: no decision attestation named "snyk-container-scan"/,
      ),
    ).toBeVisible()
    // The failing policy is open, and names the trail concerned as a link.
    expect(
      within(decisions).getAllByRole('link', {
        name: `saver-ci / ${AUDIT.lateScan.trail}`,
      })[0],
    ).toHaveAttribute('href', `/cyber-dojo/flows/saver-ci/trails/${AUDIT.lateScan.trail}`)
    // A compliant neighbour says so too.
    expect(
      within(rowOf('nginx:fb79174')).getByRole('button', {
        name: `Compliant: Why is nginx:fb79174 in aws-beta#${START} compliant?`,
      }),
    ).toBeVisible()
  })
})

describe('compliance on the environment pages', { timeout: 40_000 }, () => {
  it("explains aws-beta's verdict from its latest snapshot, with roll-up and policies", async () => {
    const user = userEvent.setup()
    renderRoute('/cyber-dojo/environments/aws-beta')
    const why = await screen.findByRole(
      'button',
      { name: 'Compliant: Why is environment aws-beta compliant?' },
      SLOW,
    )
    expect(
      await screen.findByText(/^(\d+) of \1 running artifacts compliant$/, undefined, SLOW),
    ).toBeVisible()
    expect(screen.getByText(/^Policies applied to the latest snapshot \(4\)/)).toBeVisible()
    await user.click(why)
    expect(
      screen.getByText(
        /^Kosli judges aws-beta by its latest snapshot, #8099, against the policies/,
      ),
    ).toBeVisible()
  })

  it('lists environments with a why for each verdict', async () => {
    const user = userEvent.setup()
    renderRoute('/cyber-dojo/environments')
    const staging = await screen.findByRole(
      'button',
      { name: /^(Compliant|Unknown \(no policy\)): Why is environment staging / },
      SLOW,
    )
    await user.click(staging)
    expect(screen.getByText(/^staging is a logical environment/)).toBeVisible()
  })
})
