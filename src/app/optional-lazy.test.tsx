import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { optionalLazy } from './optional-lazy'

const IMPORT_FAILED = new TypeError('Failed to fetch dynamically imported module: /assets/x.js')

function Loaded({ org }: { org: string }) {
  return <p>search for {org}</p>
}

function Fallback() {
  return <p>search unavailable</p>
}

function goOnline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  act(() => {
    window.dispatchEvent(new Event('online'))
  })
}

describe('optionalLazy', () => {
  afterEach(() => vi.restoreAllMocks())

  it('offline, a failed import shows the waiting state, then the piece once back online', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const load = vi
      .fn<() => Promise<typeof Loaded>>()
      .mockRejectedValueOnce(IMPORT_FAILED)
      .mockResolvedValue(Loaded)
    const Piece = optionalLazy(load, Fallback)
    render(
      <Suspense fallback={<p>waiting</p>}>
        <Piece org="cyber-dojo" />
      </Suspense>,
    )
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1))
    expect(screen.getByText('waiting')).toBeVisible()
    goOnline()
    expect(await screen.findByText('search for cyber-dojo')).toBeVisible()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('renders its fallback, not an error, when every attempt fails', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const load = vi.fn<() => Promise<typeof Loaded>>().mockRejectedValue(IMPORT_FAILED)
    const Piece = optionalLazy(load, Fallback)
    render(
      <Suspense fallback={<p>waiting</p>}>
        <Piece org="cyber-dojo" />
      </Suspense>,
    )
    for (let attempt = 1; attempt < 3; attempt++) {
      await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(attempt))
      act(() => {
        window.dispatchEvent(new Event('online'))
      })
    }
    expect(await screen.findByText('search unavailable')).toBeVisible()
    expect(load).toHaveBeenCalledTimes(3)
  })
})
