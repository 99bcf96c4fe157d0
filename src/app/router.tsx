import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect, type RouteObject } from 'react-router'
import { APP_ROUTES, overviewPath } from '@/lib/app-paths'
import { AppLayout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteErrorBoundary } from './route-error-boundary'
import { lazyRoute, type RouteModule } from '@/lib/route-module'
import { RouteFallback } from './route-fallback'

// Each page is its own chunk, loaded when first visited; APP_ROUTES names which.
const PAGE_MODULES = import.meta.glob<RouteModule>([
  '/src/features/*/*-route.tsx',
  '!/src/features/**/*.test.tsx',
])

function pageModule(module: string): () => Promise<RouteModule> {
  const load = PAGE_MODULES[`/${module}`]
  if (!load) throw new Error(`No route module ${module}`)
  return load
}

// A redirect's route still needs something to render, or React Router warns on every load of `/`.
const Redirecting = () => null

/** The router's routes: the pages of `APP_ROUTES` under `/:org`, plus redirects and a 404. */
export function createRoutes(queryClient: QueryClient, defaultOrg: string): RouteObject[] {
  const pages: RouteObject[] = APP_ROUTES.map((route) => ({
    path: route.pattern,
    lazy: lazyRoute(queryClient, pageModule(route.module)),
  }))
  return [
    {
      path: '/',
      HydrateFallback: RouteFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        { index: true, loader: () => redirect(overviewPath(defaultOrg)), Component: Redirecting },
        {
          path: ':org',
          Component: AppLayout,
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              ErrorBoundary: RouteErrorBoundary,
              children: [
                {
                  index: true,
                  loader: ({ params }) => redirect(overviewPath(params.org ?? defaultOrg)),
                  Component: Redirecting,
                },
                ...pages,
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]
}

export function createAppRouter(queryClient: QueryClient, defaultOrg: string) {
  return createBrowserRouter(createRoutes(queryClient, defaultOrg))
}
