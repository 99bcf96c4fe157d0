import { act, configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '@/test/render-route'
import { answerShaSearch, searchedArtifact } from '@/test/sha-search'

// The first render imports lazy route modules, which can take a while on a busy machine.
configure({ asyncUtilTimeout: 15000 })

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const ARTIFACT = `/cyber-dojo/flows/runner/artifacts/${FP}`

describe('the search page', () => {
  it('replaces a search link with the one page it names', async () => {
    const { router } = renderRoute('/cyber-dojo/search?q=runner%3A16d9990')
    await waitFor(() => expect(router.state.location.pathname).toBe(ARTIFACT))
    expect(router.state.historyAction).toBe('REPLACE')
  })

  it('says when no artifact or commit starts with a prefix, with the input prefilled', async () => {
    renderRoute('/cyber-dojo/search?q=abc12')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Nothing found: No artifact or commit starts with 'abc12'",
    )
    expect(screen.getByLabelText(/Flow or environment name, expression/)).toHaveValue('abc12')
  })

  it('explains the accepted forms for nonsense', async () => {
    renderRoute('/cyber-dojo/search?q=%21%21nonsense%21%21')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Not understood:')
    expect(within(alert).getByText('runner:16d9990')).toBeInTheDocument()
    expect(within(alert).getByText('aws-prod#64 aws-prod#65')).toBeInTheDocument()
  })

  it('lists several matches with flow, name and where they run', async () => {
    answerShaSearch({ type: 'multiple' }, [
      searchedArtifact('a'.repeat(64), 'runner', ['aws-prod'], 'NON-COMPLIANT'),
      searchedArtifact('b'.repeat(64), 'saver', [], 'NON-COMPLIANT'),
    ])
    renderRoute('/cyber-dojo/search?q=abc1234')
    const table = await screen.findByRole('table', { name: '2 artifacts match abc1234' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: 'cyberdojo/runner:abc1234' }),
    ).toHaveAttribute('href', `/cyber-dojo/flows/runner/artifacts/${'a'.repeat(64)}`)
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'aws-prod' })).toBeVisible()
    expect(within(rows[0] as HTMLElement).getByText('Non-compliant')).toBeVisible()
    expect(within(rows[1] as HTMLElement).getByText('none')).toBeVisible()
  })

  it('searches again from the page, pushing the page it finds', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/search?q=abc12')
    const input = await screen.findByLabelText(/Flow or environment name, expression/)
    await user.clear(input)
    await user.type(input, 'aws-prod#65')
    expect(screen.getByText('Enter will: Open snapshot aws-prod#65')).toBeVisible()
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/cyber-dojo/environments/aws-prod/snapshots/65'),
    )
    expect(router.state.historyAction).toBe('PUSH')
  })
})

describe('the header search box', () => {
  it('says what Enter will do, then opens it, and Back returns to the page before', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/environments')
    const box = await screen.findByRole('combobox', { name: /Search flows, environments/ })
    await user.type(box, 'runner:16d9990')
    expect(
      await screen.findByRole('option', {
        name: /Open the artifact of flow runner built from commit 16d9990/,
      }),
    ).toBeVisible()
    expect(box).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe(ARTIFACT))
    expect(router.state.historyAction).toBe('PUSH')
    await act(() => router.navigate(-1))
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/environments'))
  })

  it('suggests names with their type and opens one with the arrow keys', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/flows')
    const box = await screen.findByRole('combobox', { name: /Search flows, environments/ })
    await user.type(box, 'aws-b')
    const option = await screen.findByRole('option', { name: 'aws-beta, environment' })
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(box).toHaveAttribute('aria-activedescendant', option.id)
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/cyber-dojo/environments/aws-beta'),
    )
  })

  it('opens the search page with the message for a prefix that matches nothing', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/flows')
    const box = await screen.findByRole('combobox', { name: /Search flows, environments/ })
    await user.type(box, 'abc12{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/search'))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "No artifact or commit starts with 'abc12'",
    )
  })
})
