import { useQueryClient } from '@tanstack/react-query'
import { Link, isRouteErrorResponse, useParams, useRevalidator, useRouteError } from 'react-router'
import { ErrorState } from '@/components/error-state'
import { NotFoundPage } from './not-found-page'
import { flowsPath } from '@/lib/app-paths'

/** What a route shows when its loader or page failed: the cause, a retry and a way out. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const queryClient = useQueryClient()
  const { org } = useParams()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const home = org ? flowsPath(org) : '/'
  return (
    <div className="mx-auto max-w-6xl p-4">
      <ErrorState
        error={
          isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error
        }
        onRetry={() => {
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
