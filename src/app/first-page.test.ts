import { createMemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { firstPageReady } from './first-page'

/** A router whose first page loads when `load` is called. */
function routerWithPendingPage() {
  let load = () => {}
  const loaded = new Promise<null>((resolve) => {
    load = () => resolve(null)
  })
  const router = createMemoryRouter(
    [{ path: '/', loader: () => loaded, Component: () => null, HydrateFallback: () => null }],
    { initialEntries: ['/'] },
  )
  return { router, load }
}

describe('firstPageReady', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves as soon as the first page has loaded, before the wait is over', async () => {
    vi.useFakeTimers()
    const { router, load } = routerWithPendingPage()
    let ready = false
    void firstPageReady(router, 10_000).then(() => (ready = true))
    await vi.advanceTimersByTimeAsync(50)
    expect(ready).toBe(false)
    load()
    await vi.advanceTimersByTimeAsync(0)
    expect(router.state.initialized).toBe(true)
    expect(ready).toBe(true)
    router.dispose()
  })

  it('gives up waiting after the wait, so a slow page still gets its loading page', async () => {
    vi.useFakeTimers()
    const { router } = routerWithPendingPage()
    let ready = false
    void firstPageReady(router, 250).then(() => (ready = true))
    await vi.advanceTimersByTimeAsync(249)
    expect(ready).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(ready).toBe(true)
    expect(router.state.initialized).toBe(false)
    router.dispose()
  })

  it('resolves at once for a router that has already loaded its page', async () => {
    const router = createMemoryRouter([{ path: '/', Component: () => null }])
    expect(router.state.initialized).toBe(true)
    await expect(firstPageReady(router, 10_000)).resolves.toBeUndefined()
    router.dispose()
  })
})
