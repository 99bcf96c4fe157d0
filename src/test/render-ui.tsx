import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter } from 'react-router'
import { App } from '@/app/app'

/** Renders one component with the app's providers (queries, preferences, a router). */
export function renderUi(ui: ReactNode, path = '/') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] })
  const view = render(<App queryClient={queryClient} router={router} />)
  return { ...view, router, queryClient }
}
