import type { ReactNode } from 'react'
import { Link, useParams, useRouteError } from 'react-router'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { classifySnapshotProblem } from '@/components/snapshot-problem'
import { environmentPath, environmentsPath, snapshotPath } from '@/lib/app-paths'
import { pluralise } from '@/lib/format'

/** Clear words for a snapshot that cannot be shown; other failures get the app's error view. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { org = '', env = '', index = '' } = useParams()
  const problem = classifySnapshotProblem(error)
  if (problem.kind === 'other') return <RouteErrorBoundary />
  const link = 'text-accent hover:underline'
  const goToEnvironment = (
    <Link className={link} to={environmentPath(org, env)}>
      Go to {env}
    </Link>
  )
  let title: string
  let body: string
  let links: ReactNode
  switch (problem.kind) {
    case 'bad-index':
      title = `“${problem.raw}” is not a snapshot number`
      body = 'Snapshots are numbered from 1, e.g. …/snapshots/65.'
      links = goToEnvironment
      break
    case 'unknown-environment':
      title = `Environment “${env}” not found`
      body = problem.message
      links = (
        <Link className={link} to={environmentsPath(org)}>
          See all environments
        </Link>
      )
      break
    case 'no-snapshots':
      title = `${env} has no snapshots yet`
      body = `Nothing has been reported to ${env}, so there is no snapshot #${index} to show.`
      links = goToEnvironment
      break
    case 'out-of-range':
      title = `Snapshot ${env}#${index} does not exist`
      body =
        problem.count !== null
          ? `${env} has ${pluralise(problem.count, 'snapshot')}, numbered 1 to ${problem.count}.`
          : problem.message
      links = (
        <>
          {problem.count !== null ? (
            <Link className={link} to={snapshotPath(org, env, problem.count)}>
              Open the latest, #{problem.count}
            </Link>
          ) : null}
          <Link className={link} to={environmentPath(org, env, 'snapshots')}>
            All snapshots of {env}
          </Link>
        </>
      )
      break
  }
  return (
    <section role="alert" className="rounded border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">
        <span aria-hidden="true">? </span>
        {title}
      </h1>
      <p className="mt-2 break-words">{body}</p>
      <p className="mt-3 flex flex-wrap gap-4">{links}</p>
    </section>
  )
}
