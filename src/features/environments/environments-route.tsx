import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { ENVIRONMENT_TYPES, environmentQueries, type Environment } from '@/api/environments'
import { requireParam } from '@/app/params'
import { EnvironmentComplianceWhy } from '@/features/compliance/environment-why'
import { EmptyState } from '@/components/empty-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { complianceText, formatCount, pluralise } from '@/lib/format'
import { EnvironmentType } from '@/components/environment-type'
import {
  environmentListSearch,
  filterEnvironments,
  parseEnvironmentListParams,
  type EnvironmentListParams,
} from './environments-params'
import { environmentPath } from '@/lib/app-paths'
import { TimeCell } from '@/components/time-stamp'
import { isoTime } from '@/lib/time'
import { FilterSelect, FilterText } from '@/components/filter-fields'
import { Table } from '@/components/table'

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(environmentQueries.list(requireParam(params, 'org')))
    return null
  }
}

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Environment>> = [
  { header: 'name', value: (env) => env.name },
  { header: 'type', value: (env) => env.type },
  { header: 'description', value: (env) => env.description },
  { header: 'compliance', value: (env) => complianceText(env.compliant) },
  { header: 'last_reported_at', value: (env) => isoTime(env.lastReportedAt) },
  { header: 'last_changed_at', value: (env) => isoTime(env.lastChangedAt) },
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
        <FilterText
          label="Name contains"
          value={params.q}
          onChange={(q) => update({ q }, true)}
          width="w-56"
        />
        <FilterSelect
          label="Type"
          value={params.type}
          options={[['', 'All types'], ...types]}
          onChange={(type) => update({ type })}
        />
        <FilterSelect
          label="Sort by"
          value={params.sort}
          options={[
            ['name', 'Name'],
            ['changed', 'Last change (newest first)'],
          ]}
          onChange={(sort) => update({ sort: sort === 'changed' ? 'changed' : 'name' })}
        />
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
        <Table
          compact
          className="mt-3"
          caption={<>Environments of {org}</>}
          columns={[
            'Name',
            'Type',
            'Compliance',
            'Last reported',
            'Last changed',
            'Policies',
            'Tags',
          ]}
        >
          {rows.map((env) => (
            <EnvironmentRow key={env.name} org={org} env={env} />
          ))}
        </Table>
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
