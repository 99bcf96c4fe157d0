import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { findHeading, renderRoute } from '@/test/render-route'

/** Links Kosli itself writes open in Shiplog once the host is swapped. */

// The first request builds the demo world, which takes a moment in jsdom.
const SLOW = { timeout: 15_000 }
const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

describe('Kosli link shapes', { timeout: 40_000 }, () => {
  it('/{org}/environments/{env}/{index} (the CLI trail markdown) opens that snapshot', async () => {
    const { router } = renderRoute('/cyber-dojo/environments/aws-prod/65')
    expect(await findHeading('aws-prod#65', SLOW, 1)).toBeVisible()
    expect(router.state.location.pathname).toBe('/cyber-dojo/environments/aws-prod/snapshots/65')
  })

  it('does not shadow the snapshots and events tabs, and is only a snapshot number', async () => {
    const { router } = renderRoute('/cyber-dojo/environments/aws-prod/events')
    await waitFor(() => expect(router.state.navigation.state).toBe('idle'), SLOW)
    expect(router.state.location.pathname).toBe('/cyber-dojo/environments/aws-prod/events')
    expect(screen.queryByText(/page not found/i)).not.toBeInTheDocument()

    renderRoute('/cyber-dojo/environments/aws-prod/not-a-number')
    expect(await screen.findByText(/not found/i, {}, SLOW)).toBeVisible()
  })

  it('/{org}/flows/{flow}/trails/ opens the flow page at its trails', async () => {
    const { router } = renderRoute('/cyber-dojo/flows/runner-ci/trails/')
    expect(await findHeading('Trails', SLOW)).toBeVisible()
    expect(router.state.location.pathname).toBe('/cyber-dojo/flows/runner-ci')
    expect(router.state.location.hash).toBe('#trails')
    expect(document.getElementById('trails')).toContainElement(
      screen.getByRole('heading', { name: 'Trails' }),
    )
  })

  it('…/snapshots/{n}?fingerprint= highlights that artifact, through the short link too', async () => {
    const { router } = renderRoute(`/cyber-dojo/environments/aws-prod/65?fingerprint=${SEED_FP}`)
    await findHeading('aws-prod#65', SLOW, 1)
    expect(router.state.location.search).toBe(`?fingerprint=${SEED_FP}`)
    const highlighted = document.querySelectorAll('tr[aria-current="true"]')
    expect(highlighted).toHaveLength(1)
    expect(highlighted[0]).toHaveTextContent('runner:16d9990')
  })

  it('says so when the highlighted fingerprint is not in the snapshot', async () => {
    renderRoute(`/cyber-dojo/environments/aws-prod/snapshots/65?fingerprint=${'0'.repeat(64)}`)
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      'which aws-prod#65 does not list',
    )
  })

  it('…/artifacts/{fp}?artifact_id= says when the link names another reporting', async () => {
    renderRoute(`/cyber-dojo/flows/runner/artifacts/${SEED_FP}?artifact_id=someone-else`)
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      'The link names artifact id someone-else',
    )
  })
})
