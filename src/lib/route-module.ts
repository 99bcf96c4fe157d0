import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { LoaderFunctionArgs, ShouldRevalidateFunction } from 'react-router'

/** A page's loader: made once per query client, so loaders and components share one cache. */
export type LoaderFactory<Data> = (
  queryClient: QueryClient,
) => (args: LoaderFunctionArgs) => Promise<Data> | Data

/**
 * What a loader hands its page: what the factory's loader resolves to, without the redirects
 * (`Response`s) the router follows instead. `useLoaderData<LoaderData<typeof loader>>()`.
 */
export type LoaderData<Factory extends LoaderFactory<unknown>> = Exclude<
  Awaited<ReturnType<ReturnType<Factory>>>,
  Response
>

/** What every lazy route module exports: a loader factory and the page component. */
export interface RouteModule<Data = unknown> {
  loader?: LoaderFactory<Data>
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

/**
 * A page's code did not download: offline before the page was ever opened, or a tab older than
 * the build the server now has. Retrying in place cannot help (the router keeps the failed
 * import); loading the app's page again can.
 */
export class PageCodeError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
  }
}

export function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const module = await load().catch((cause: unknown) => {
      throw new PageCodeError(cause)
    })
    return {
      Component: module.Component,
      ...(module.loader ? { loader: module.loader(queryClient) } : {}),
      ...(module.ErrorBoundary ? { ErrorBoundary: module.ErrorBoundary } : {}),
      ...(module.shouldRevalidate ? { shouldRevalidate: module.shouldRevalidate } : {}),
    }
  }
}
