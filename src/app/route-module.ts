import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { LoaderFunction, ShouldRevalidateFunction } from 'react-router'

/**
 * What every lazy route module exports: a loader factory over the query client
 * (so loaders and components share one cache) and the page component.
 */
export interface RouteModule {
  loader?: (queryClient: QueryClient) => LoaderFunction
  Component: ComponentType
  ErrorBoundary?: ComponentType
  shouldRevalidate?: ShouldRevalidateFunction
}

/**
 * For pages whose loader reads only the path: a change of the search params alone (typing a
 * filter, sorting) does not rerun it, so each keystroke is one render, not a router navigation
 * through a loading state. "Try again" (revalidate, same URL) and path changes still run it.
 */
export const pathOnlyRevalidation: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search
    ? false
    : defaultShouldRevalidate

export function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const module = await load()
    return {
      Component: module.Component,
      ...(module.loader ? { loader: module.loader(queryClient) } : {}),
      ...(module.ErrorBoundary ? { ErrorBoundary: module.ErrorBoundary } : {}),
      ...(module.shouldRevalidate ? { shouldRevalidate: module.shouldRevalidate } : {}),
    }
  }
}
