import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { ENVIRONMENT_TYPES, environmentQueries, type Environment } from '@/api/environments'
import { requireParam } from '@/app/params'
import { EnvironmentComplianceWhy } from '@/features/compliance/environment-why'
import { EmptyState } from '@/components/empty-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { formatCount, pluralise } from '@/lib/format'
import { EnvironmentType } from '@/components/environment-type'
import {
  environmentListSearch,
  filterEnvironments,
  parseEnvironmentListParams,
  type EnvironmentListParams,
} from './environments-params'
import { environmentPath } from '@/lib/app-paths'
import { TimeCell } from '@/components/time-stamp'

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(environmentQueries.list(requireParam(params, 'org')))
    return null
  }
}

function iso(seconds: number | null): string {
  return seconds === null ? '' : new Date(seconds * 1000).toISOString()
}

function complianceWord(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'compliant' : 'non-compliant'
}

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Environment>> = [
  { header: 'name', value: (env) => env.name },
  { header: 'type', value: (env) => env.type },
  { header: 'description', value: (env) => env.description },
  { header: 'compliance', value: (env) => complianceWord(env.compliant) },
  { header: 'last_reported_at', value: (env) => iso(env.lastReportedAt) },
  { header: 'last_changed_at', value: (env) => iso(env.lastChangedAt) },
  { header: 'policies', value: (env) => env.policies.join(' ') },
  {
    header: 'tags',
    value: (env) =>
      Object.entries(env.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join(' '),
  },
  { header: 'included_environments', value: (env) => env.includedEnvironments.join(' ') },
]

export function Component() {
  const org = requireParam(useParams(), 'org')
  const { data: environments } = useSuspenseQuery(environmentQueries.list(org))
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseEnvironmentListParams(searchParams), [searchParams])
  const rows = useMemo(() => filterEnvironments(environments, params), [environments, params])
  // Types offered: the known ones plus any new type the server reports.
  const types = useMemo(
    () => [...new Set([...ENVIRONMENT_TYPES, ...environments.map((env) => env.type)])],
    [environments],
  )

  const update = (change: Partial<EnvironmentListParams>, replace = false) =>
    setSearchParams(environmentListSearch({ ...params, ...change }), { replace })

  return (
    <section aria-labelledby="environments-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="environments-heading" className="text-xl font-semibold">
          Environments
        </h1>
        <ExportMenu
          filename={`${org}-environments`}
          rows={rows}
          columns={EXPORT_COLUMNS}
          label="environments"
        />
      </div>
      <form
        role="search"
        aria-label="Filter environments"
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="flex flex-col text-sm">
          <span className="text-muted">Name contains</span>
          <input
            type="search"
            value={params.q}
            onChange={(event) => update({ q: event.target.value }, true)}
            className="w-56 rounded border border-line bg-surface px-2 py-1"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-muted">Type</span>
          <select
            value={params.type}
            onChange={(event) => update({ type: event.target.value })}
            className="rounded border border-line bg-surface px-2 py-1"
          >
            <option value="">All types</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-muted">Sort by</span>
          <select
            value={params.sort}
            onChange={(event) =>
              update({ sort: event.target.value === 'changed' ? 'changed' : 'name' })
            }
            className="rounded border border-line bg-surface px-2 py-1"
          >
            <option value="name">Name</option>
            <option value="changed">Last change (newest first)</option>
          </select>
        </label>
      </form>
      <p className="mt-2 text-sm text-muted" role="status">
        {rows.length === environments.length
          ? pluralise(environments.length, 'environment')
          : `${pluralise(rows.length, 'environment')} of ${formatCount(environments.length)} match`}
      </p>
      {rows.length === 0 ? (
        <div className="mt-3">
          <EmptyState
            title={environments.length === 0 ? 'No environments yet' : 'No environment matches'}
          >
            {environments.length === 0
              ? `${org} has not created any environments.`
              : 'Change the name or type filter to see more.'}
          </EmptyState>
        </div>
      ) : (
        <div className="mt-3 overflow-x-auto rounded border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Environments of {org}</caption>
            <thead className="bg-raised text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Type
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Compliance
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Last reported
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Last changed
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Policies
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Tags
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((env) => (
                <EnvironmentRow key={env.name} org={org} env={env} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function EnvironmentRow({ org, env }: { org: string; env: Environment }) {
  const tags = Object.entries(env.tags)
  return (
    <tr className="align-top">
      <th scope="row" className="px-3 py-2 font-normal">
        <Link
          to={environmentPath(org, env.name)}
          className="font-medium text-accent hover:underline"
        >
          {env.name}
        </Link>
        {env.description ? (
          <p className="max-w-md text-xs break-words text-muted">{env.description}</p>
        ) : null}
        {env.includedEnvironments.length > 0 ? (
          <p className="mt-1 text-xs text-muted">
            Includes{' '}
            {env.includedEnvironments.map((name, position) => (
              <span key={name}>
                {position > 0 ? ', ' : null}
                <Link to={environmentPath(org, name)} className="text-accent hover:underline">
                  {name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </th>
      <td className="px-3 py-2">
        <EnvironmentType type={env.type} />
      </td>
      <td className="px-3 py-2">
        <EnvironmentComplianceWhy org={org} environment={env} />
      </td>
      <td className="px-3 py-2">
        <TimeCell value={env.lastReportedAt} missing="never" />
      </td>
      <td className="px-3 py-2">
        <TimeCell value={env.lastChangedAt} missing="never" />
      </td>
      <td className="px-3 py-2">
        {env.policies.length ? env.policies.join(', ') : <span className="text-muted">none</span>}
      </td>
      <td className="px-3 py-2">
        {tags.length ? (
          <ul className="flex flex-wrap gap-1">
            {tags.map(([key, value]) => (
              <li key={key} className="rounded bg-raised px-1.5 text-xs break-all">
                {key}={value}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-muted">none</span>
        )}
      </td>
    </tr>
  )
}
