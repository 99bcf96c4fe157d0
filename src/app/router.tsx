import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect, type RouteObject } from 'react-router'
import { AppLayout } from './layout'
import { NotFoundPage } from './not-found-page'
import { RouteErrorBoundary } from './route-error-boundary'
import { lazyRoute } from './route-module'
import { RouteFallback } from './route-fallback'

/** Every path Shiplog answers, in one table. Paths follow the Kosli web app's shapes. */
export function createRoutes(queryClient: QueryClient, defaultOrg: string): RouteObject[] {
  const lazy = (load: Parameters<typeof lazyRoute>[1]) => lazyRoute(queryClient, load)
  return [
    {
      path: '/',
      HydrateFallback: RouteFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        { index: true, loader: () => redirect(`/${encodeURIComponent(defaultOrg)}/overview`) },
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
                  loader: ({ params }) =>
                    redirect(`/${encodeURIComponent(params.org ?? defaultOrg)}/overview`),
                },
                {
                  path: 'overview',
                  lazy: lazy(() => import('@/features/overview/overview-route')),
                },
                { path: 'flows', lazy: lazy(() => import('@/features/flows/flows-route')) },
                { path: 'flows/:flow', lazy: lazy(() => import('@/features/flows/flow-route')) },
                {
                  path: 'flows/:flow/artifacts/:fingerprint',
                  lazy: lazy(() => import('@/features/artifacts/artifact-route')),
                },
                {
                  path: 'flows/:flow/trails/:trail',
                  lazy: lazy(() => import('@/features/trails/trail-route')),
                },
                {
                  path: 'environments',
                  lazy: lazy(() => import('@/features/environments/environments-route')),
                },
                {
                  path: 'environments/:env',
                  lazy: lazy(() => import('@/features/environments/environment-route')),
                },
                {
                  path: 'environments/:env/snapshots',
                  lazy: lazy(() => import('@/features/environments/environment-route')),
                },
                {
                  path: 'environments/:env/events',
                  lazy: lazy(() => import('@/features/environments/environment-route')),
                },
                {
                  path: 'environments/:env/snapshots/:index',
                  lazy: lazy(() => import('@/features/snapshots/snapshot-route')),
                },
                { path: 'diff', lazy: lazy(() => import('@/features/diff/diff-route')) },
                { path: 'search', lazy: lazy(() => import('@/features/search/search-route')) },
                { path: 'audit', lazy: lazy(() => import('@/features/audit/audit-route')) },
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
