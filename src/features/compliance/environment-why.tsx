/**
 * Environment compliance (`state`), explained: Kosli judges an environment by its latest
 * snapshot against the policies attached to it; with no policy its compliance is unknown; a
 * logical environment is as compliant as the environments it includes. The latest snapshot is
 * fetched when the explanation is opened (the environment page has it already, under the same
 * query).
 */
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { Environment } from '@/api/environments'
import { snapshotQueries } from '@/api/snapshots'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { classifySnapshotProblem } from '@/components/snapshot-problem'
import { ComplianceWhy } from './compliance-why'
import { environmentPath } from '@/lib/app-paths'
import { SnapshotExplanation } from './snapshot-why'

type EnvironmentFacts = Pick<
  Environment,
  'name' | 'type' | 'compliant' | 'policies' | 'includedEnvironments'
>

function LogicalExplanation({ org, environment }: { org: string; environment: EnvironmentFacts }) {
  const included = environment.includedEnvironments
  return (
    <div className="space-y-1">
      <p>
        {environment.name} is a logical environment: it has no snapshots of its own, so its
        compliance is that of the environments it includes
        {included.length ? ':' : ', and it includes none.'}
      </p>
      {included.length ? (
        <ul className="list-disc pl-5">
          {included.map((name) => (
            <li key={name}>
              <Link className="text-accent hover:underline" to={environmentPath(org, name)}>
                {name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function EnvironmentExplanation({
  org,
  environment,
}: {
  org: string
  environment: EnvironmentFacts
}) {
  const { name } = environment
  const logical = environment.type === 'logical'
  const judged = environment.compliant !== null || environment.policies.length > 0
  const latest = useQuery({
    ...snapshotQueries.detail(org, { kind: 'latest', env: name }),
    enabled: judged && !logical,
  })
  if (logical) return <LogicalExplanation org={org} environment={environment} />
  if (!judged) {
    return (
      <p>
        No policy is attached to {name}, so Kosli does not judge what runs there: its compliance is
        unknown.
      </p>
    )
  }
  if (latest.isPending) {
    return <Skeleton rows={3} label={`Loading the latest snapshot of ${name}`} />
  }
  if (latest.isError) {
    if (classifySnapshotProblem(latest.error).kind === 'no-snapshots') {
      return <p>{name} has no snapshots yet, so there is nothing to judge.</p>
    }
    return <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
  }
  return (
    <div className="space-y-2">
      <p>
        Kosli judges {name} by its latest snapshot, #{latest.data.index}
        {environment.policies.length
          ? `, against the policies attached to it: ${environment.policies.join(', ')}.`
          : '.'}
      </p>
      <SnapshotExplanation org={org} snapshot={latest.data} />
    </div>
  )
}

export function EnvironmentComplianceWhy({
  org,
  environment,
}: {
  org: string
  environment: EnvironmentFacts
}) {
  return (
    <ComplianceWhy
      value={environment.compliant}
      subject={`environment ${environment.name}`}
      label={
        environment.compliant === null && environment.policies.length === 0
          ? 'Unknown (no policy)'
          : undefined
      }
    >
      <EnvironmentExplanation org={org} environment={environment} />
    </ComplianceWhy>
  )
}
