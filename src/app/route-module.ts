import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { LoaderFunction } from 'react-router'

/**
 * What every lazy route module exports: a loader factory over the query client
 * (so loaders and components share one cache) and the page component.
 */
export interface RouteModule {
  loader?: (queryClient: QueryClient) => LoaderFunction
  Component: ComponentType
  ErrorBoundary?: ComponentType
}

export function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const module = await load()
    return {
      Component: module.Component,
      ...(module.loader ? { loader: module.loader(queryClient) } : {}),
      ...(module.ErrorBoundary ? { ErrorBoundary: module.ErrorBoundary } : {}),
    }
  }
}
