import { Link, useLocation, useParams } from 'react-router'
import { environmentsPath, flowsPath } from '@/lib/app-paths'

export function NotFoundPage() {
  const location = useLocation()
  const { org } = useParams()
  return (
    <section role="alert" className="rounded border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2">
        Shiplog has no page at <code className="font-mono break-all">{location.pathname}</code>.
      </p>
      <p className="mt-3 flex gap-4">
        <Link className="text-accent hover:underline" to={org ? flowsPath(org) : '/'}>
          Go to flows
        </Link>
        {org ? (
          <Link className="text-accent hover:underline" to={environmentsPath(org)}>
            Go to environments
          </Link>
        ) : null}
      </p>
    </section>
  )
}
