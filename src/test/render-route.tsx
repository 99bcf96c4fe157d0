import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
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

/** The heading called `name` (at `level`, when given), once the route has drawn it. */
export function findHeading(
  name: string | RegExp,
  wait: { timeout: number },
  level?: number,
): Promise<HTMLElement> {
  return screen.findByRole('heading', { name, level }, wait)
}
