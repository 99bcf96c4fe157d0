import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createMemoryRouter } from 'react-router'
import { App } from '@/app/app'
import { createRoutes } from '@/app/router'

/** Renders the real route table at `path`, so loaders run against the mock API. */
export function renderRoute(path: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  const router = createMemoryRouter(createRoutes(queryClient, 'cyber-dojo'), {
    initialEntries: [path],
  })
  const view = render(<App queryClient={queryClient} router={router} />)
  return { ...view, router, queryClient }
}
