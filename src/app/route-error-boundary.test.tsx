import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lazyRoute, PageCodeError } from '@/lib/route-module'
import { appPage } from './app-page'
import { RouteErrorBoundary } from './route-error-boundary'

const IMPORT_FAILED = new TypeError(
  'Failed to fetch dynamically imported module: /assets/diff-route-x1.js',
)

function renderPageWhoseCodeFails() {
  const reload = vi.spyOn(appPage, 'reload').mockImplementation(() => undefined)
  const queryClient = new QueryClient()
  const router = createMemoryRouter(
    [
      {
        path: '/:org/diff',
        lazy: lazyRoute(queryClient, () => Promise.reject(IMPORT_FAILED)),
        ErrorBoundary: RouteErrorBoundary,
        HydrateFallback: () => null,
      },
    ],
    { initialEntries: ['/cyber-dojo/diff'] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return reload
}

describe('RouteErrorBoundary, when a page’s code does not download', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('says so and offers to reload the page, not to retry in place', async () => {
    const reload = renderPageWhoseCodeFails()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Part of Shiplog could not be downloaded')
    expect(alert).toHaveTextContent('Failed to fetch dynamically imported module')
    expect(alert).toHaveTextContent('Reload the page to get the current version')
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Reload the page' }))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('offline, says the page loads when the connection is back, and does', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const reload = renderPageWhoseCodeFails()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Offline, and not opened before: it loads once back online',
    )
    expect(reload).not.toHaveBeenCalled()
    act(() => {
      window.dispatchEvent(new Event('online'))
    })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('wraps only a failed import: the error keeps the browser’s as its cause', async () => {
    const load = lazyRoute(new QueryClient(), () => Promise.reject(IMPORT_FAILED))
    const error: unknown = await load().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PageCodeError)
    expect(error).toMatchObject({ cause: IMPORT_FAILED })
  })
})
