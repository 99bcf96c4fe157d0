import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '@/test/render-route'
import { listenForEarlyPaletteKey } from './early-palette-key'

configure({ asyncUtilTimeout: 15000 })

// The layout loads shortcuts, search box and palette lazily: transform them once up front so
// the first Ctrl+K is not a cold import.
beforeAll(async () => {
  await Promise.all([
    import('./command-palette'),
    import('./global-shortcuts'),
    import('@/app/header-search'),
  ])
}, 60_000)

async function openPalette(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Control>}k{/Control}')
  return screen.findByRole('dialog', { name: 'Command palette' })
}

describe('the command palette', { timeout: 60000 }, () => {
  it('opens for a Ctrl+K pressed while the page was still starting', async () => {
    listenForEarlyPaletteKey()
    const press = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true })
    window.dispatchEvent(press)
    expect(press.defaultPrevented).toBe(true)
    renderRoute('/cyber-dojo/flows')
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' })
    expect(within(dialog).getByRole('combobox', { name: 'Search or type a command' })).toBeVisible()
  })

  it('opens with Ctrl+K, is keyboard operable, and Escape restores focus', async () => {
    const user = userEvent.setup()
    renderRoute('/cyber-dojo/flows')
    await screen.findByRole('combobox', { name: /Search flows, environments/ })
    const opener = await screen.findByRole('button', { name: /Times:/ })
    opener.focus()
    const dialog = await openPalette(user)
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    const input = within(dialog).getByRole('combobox', { name: 'Search or type a command' })
    expect(input).toHaveFocus()
    await user.type(input, 'dark')
    const option = within(dialog).getByRole('option', { name: /Use the dark theme/ })
    expect(input).toHaveAttribute('aria-activedescendant', option.id)
    await user.keyboard('{Enter}')
    expect(document.documentElement).toHaveClass('dark')
    await user.keyboard('{Tab}')
    expect(input).toHaveFocus()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(opener).toHaveFocus())
    document.documentElement.classList.remove('dark')
  })

  it('resolves typed text like the search box', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/flows')
    await screen.findByRole('combobox', { name: /Search flows, environments/ })
    const dialog = await openPalette(user)
    await user.type(within(dialog).getByRole('combobox'), 'aws-prod#64 aws-prod#65')
    expect(
      within(dialog).getByRole('option', { name: 'Compare snapshot aws-prod#64 with aws-prod#65' }),
    ).toBeVisible()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/diff'))
    expect(router.state.location.search).toBe('?from=aws-prod%2364&to=aws-prod%2365')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('offers switching org and shows recent visits when empty', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/environments/aws-prod/snapshots/65')
    await screen.findByRole('combobox', { name: /Search flows, environments/ })
    let dialog = await openPalette(user)
    expect(within(dialog).getByRole('option', { name: 'aws-prod#65, snapshot' })).toBeVisible()
    await user.type(within(dialog).getByRole('combobox'), 'acme')
    await user.click(within(dialog).getByRole('option', { name: 'Switch to organization acme' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/flows'))
    dialog = await openPalette(user)
    expect(within(dialog).getByRole('option', { name: /Show keyboard shortcuts/ })).toBeVisible()
  })
})

describe('global shortcuts', { timeout: 60000 }, () => {
  it('? shows the shortcuts, g e and g f jump, / focuses search', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/cyber-dojo/flows')
    const search = await screen.findByRole('combobox', { name: /Search flows, environments/ })
    await user.keyboard('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(within(help).getByRole('table', { name: 'Keyboard shortcuts' })).toHaveTextContent(
      'Go to environments',
    )
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await user.keyboard('ge')
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/environments'))
    await user.keyboard('gf')
    await waitFor(() => expect(router.state.location.pathname).toBe('/cyber-dojo/flows'))
    await user.keyboard('/')
    expect(search).toHaveFocus()
    // Typing in a field is never a shortcut.
    await user.keyboard('ge')
    expect(router.state.location.pathname).toBe('/cyber-dojo/flows')
  })

  it('j and k move through the table rows, focusing each row’s link', async () => {
    const user = userEvent.setup()
    renderRoute('/cyber-dojo/environments')
    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    const firstLink = within(rows[0] as HTMLElement).getAllByRole('link')[0]
    const secondLink = within(rows[1] as HTMLElement).getAllByRole('link')[0]
    // The shortcuts load once the page has painted; until then j does nothing.
    await vi.waitFor(async () => {
      await user.keyboard('j')
      expect(firstLink).toHaveFocus()
    })
    await user.keyboard('j')
    expect(secondLink).toHaveFocus()
    await user.keyboard('k')
    expect(firstLink).toHaveFocus()
  })
})
