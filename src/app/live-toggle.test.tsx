import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LiveContext } from '@/components/live-context'
import { createLiveStore } from './live'
import { LiveToggle } from './live-toggle'

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'))
  })
}

function renderToggle() {
  const store = createLiveStore(30)
  render(
    <LiveContext value={store}>
      <LiveToggle />
    </LiveContext>,
  )
  return store
}

describe('LiveToggle', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    window.localStorage.clear()
  })

  it('says Offline while the browser is offline and Live again once it is back', () => {
    renderToggle()
    expect(screen.getByRole('button', { name: 'Live: pause live updates' })).toBeVisible()

    setOnline(false)
    const button = screen.getByRole('button', { name: 'Offline: pause live updates' })
    expect(button).toHaveAttribute('title', expect.stringMatching(/^Offline: .*back online/))
    expect(screen.queryByText('Live')).toBeNull()

    setOnline(true)
    expect(screen.getByRole('button', { name: 'Live: pause live updates' })).toBeVisible()
  })

  it('pauses from the offline state, and a paused toggle says Paused offline too', async () => {
    const store = renderToggle()
    setOnline(false)
    await userEvent.click(screen.getByRole('button', { name: 'Offline: pause live updates' }))
    expect(store.paused()).toBe(true)
    expect(screen.getByRole('button', { name: 'Paused: resume live updates' })).toBeVisible()
  })
})
