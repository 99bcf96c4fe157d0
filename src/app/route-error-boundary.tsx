import { useQueryClient } from '@tanstack/react-query'
import { useLayoutEffect } from 'react'
import { Link, isRouteErrorResponse, useParams, useRevalidator, useRouteError } from 'react-router'
import { ErrorState } from '@/components/error-state'
import { NotFoundPage } from './not-found-page'
import { flowsPath } from '@/lib/app-paths'
import { PageCodeError } from '@/lib/route-module'
import { appPage } from './app-page'

/** What a route shows when its loader or page failed: the cause, a retry and a way out. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const queryClient = useQueryClient()
  const { org } = useParams()
  const codeMissing = error instanceof PageCodeError
  useLayoutEffect(() => {
    // Offline, the page loads itself once the connection is back, as the offline banner says.
    // Listening from the commit that shows the message, so no 'online' falls between the two.
    if (!codeMissing) return
    const reload = () => appPage.reload()
    window.addEventListener('online', reload)
    return () => window.removeEventListener('online', reload)
  }, [codeMissing])
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const home = org ? flowsPath(org) : '/'
  return (
    <div className="mx-auto max-w-6xl p-4">
      <ErrorState
        error={
          isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error
        }
        retryLabel={codeMissing ? 'Reload the page' : 'Try again'}
        onRetry={() => {
          if (codeMissing) {
            appPage.reload()
            return
          }
          // Failed queries start afresh: a request still in flight from before the fault cleared
          // is cancelled rather than joined, so the retry really asks the API again.
          void queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' })
          void revalidator.revalidate()
        }}
        actions={
          <Link className="self-center text-accent hover:underline" to={home}>
            Go to flows
          </Link>
        }
      />
    </div>
  )
}
