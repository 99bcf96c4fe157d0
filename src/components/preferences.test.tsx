import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PreferencesProvider, usePreferences, type Theme } from './preferences'

function ThemeButtons() {
  const { setTheme } = usePreferences()
  return (
    <>
      {(['light', 'dark', 'system'] as Theme[]).map((theme) => (
        <button key={theme} type="button" onClick={() => setTheme(theme)}>
          {theme}
        </button>
      ))}
    </>
  )
}

/** A system that prefers dark, with a way to flip it as the operating system would. */
function darkSystem() {
  let dark = true
  const listeners = new Set<() => void>()
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query.includes('dark') && dark
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }))
  return (next: boolean) => {
    dark = next
    for (const listener of listeners) listener()
  }
}

const root = document.documentElement

describe('the theme on <html>', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
    root.classList.remove('light', 'dark')
  })

  it('marks the chosen theme with exactly one class, so the stylesheet stops following the system', async () => {
    darkSystem()
    window.localStorage.setItem('shiplog.theme', 'light')
    const user = userEvent.setup()
    render(
      <PreferencesProvider>
        <ThemeButtons />
      </PreferencesProvider>,
    )
    expect(root).toHaveClass('light')
    expect(root).not.toHaveClass('dark')
    await user.click(screen.getByRole('button', { name: 'dark' }))
    expect(root).toHaveClass('dark')
    expect(root).not.toHaveClass('light')
    expect(window.localStorage.getItem('shiplog.theme')).toBe('dark')
  })

  it('follows the system when the choice is system, and keeps following it', () => {
    const setSystemDark = darkSystem()
    render(
      <PreferencesProvider>
        <ThemeButtons />
      </PreferencesProvider>,
    )
    expect(root).toHaveClass('dark')
    act(() => setSystemDark(false))
    expect(root).toHaveClass('light')
    expect(root).not.toHaveClass('dark')
  })
})

describe('row density', () => {
  afterEach(() => {
    window.localStorage.clear()
    delete root.dataset.density
  })

  function DensityButton() {
    const { density, setDensity } = usePreferences()
    return (
      <button
        type="button"
        onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
      >
        {density}
      </button>
    )
  }

  it('is comfortable until chosen, then marks <html> and is remembered', async () => {
    const user = userEvent.setup()
    const first = render(
      <PreferencesProvider>
        <DensityButton />
      </PreferencesProvider>,
    )
    expect(root).toHaveAttribute('data-density', 'comfortable')
    await user.click(screen.getByRole('button', { name: 'comfortable' }))
    expect(root).toHaveAttribute('data-density', 'compact')
    expect(window.localStorage.getItem('shiplog.density')).toBe('compact')
    first.unmount()
    render(
      <PreferencesProvider>
        <DensityButton />
      </PreferencesProvider>,
    )
    expect(screen.getByRole('button', { name: 'compact' })).toBeInTheDocument()
  })
})
