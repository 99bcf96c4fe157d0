import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

const TRAIL = 'a2ffba5a5debbc8f4f199cf5a88e5899c7d6547e'
const PATH = `/cyber-dojo/flows/runner-ci/trails/${TRAIL}`

// Route tests build the demo world on first use; give them room on a busy machine.
describe('trail page', { timeout: 40_000 }, () => {
  it('shows the commit, origin, checklist, artifacts and events in CLI wording', async () => {
    renderRoute(PATH)
    expect(
      await screen.findByRole('heading', { level: 1, name: `Trail ${TRAIL}` }, { timeout: 10_000 }),
    ).toBeVisible()
    const commit = screen.getByRole('region', { name: 'Git commit' })
    expect(within(commit).getByText(/Merge pull request #227/)).toBeVisible()
    expect(within(commit).getByText('Jon Jagger <jon@kosli.com>')).toBeVisible()
    expect(within(commit).getByText('main')).toBeVisible()
    expectLink('a2ffba5', `https://github.com/cyber-dojo/runner/commit/${TRAIL}`, commit)
    expect(
      screen.getByRole('link', {
        name: 'https://github.com/cyber-dojo/runner/actions/runs/25162274003',
      }),
    ).toBeVisible()
    const events = screen.getByRole('region', { name: 'Events' })
    expect(within(events).getByText('trail started')).toBeVisible()
    expect(
      within(events).getByRole('link', {
        name: "'junit' attestation reported for runner.unit-test",
      }),
    ).toHaveAttribute('href', `${PATH}?attestation_id=295f7331-29b3-4152-ad9a-1ff93628`)
    expect(
      within(events).getByRole('link', { name: "artifact 'runner' started running in 'aws-prod'" }),
    ).toHaveAttribute('href', '/cyber-dojo/environments/aws-prod/snapshots/4341')
    const artifacts = screen.getByRole('region', { name: 'Artifacts produced' })
    expect(
      within(artifacts).getByRole('link', {
        name: '244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:a2ffba5',
      }),
    ).toHaveAttribute(
      'href',
      '/cyber-dojo/flows/runner-ci/artifacts/b6df6b1da5f73049085d9e04549f9674f0e54e9f0273467db9d7b46e3e9ad039',
    )
    const checklist = screen.getByRole('group', { name: 'Compliance checklist' })
    expect(within(checklist).getByRole('link', { name: 'runner.unit-test' })).toBeVisible()
  })

  it('opens an attestation by ?attestation_id= and closes it with Escape', async () => {
    const { router } = renderRoute(`${PATH}?attestation_id=295f7331-29b3-4152-ad9a-1ff93628`)
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    await waitFor(() => expect(within(dialog).getByText('Reported by')).toBeVisible(), {
      timeout: 10_000,
    })
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveFocus()
    expect(within(dialog).getByText('junit', { selector: 'dd' })).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 })
    expect(router.state.location.search).toBe('')
  })

  it('says when an attestation id matches nothing', async () => {
    renderRoute(`${PATH}?attestation_id=does-not-exist`)
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    expect(
      await within(dialog).findByText(
        /No attestation with id does-not-exist/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close attestation details' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 })
  })
})
