import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { flowQueries, type Flow } from '@/api/flows'
import { requireParam } from '@/app/params'
import { pathOnlyRevalidation } from '@/lib/route-module'
import { EmptyState } from '@/components/empty-state'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { FilterSelect, FilterText, type FilterOption } from '@/components/filter-fields'
import { Table, type TableColumn } from '@/components/table'
import { TimeStamp } from '@/components/time-stamp'
import { useProgressive } from '@/components/use-progressive'
import { pluralise } from '@/lib/format'
import { flowPath } from '@/lib/app-paths'
import { FlowComplianceWhy } from '@/features/compliance/flow-why'
import {
  DEFAULT_DIRECTION,
  FLOWS_PER_PAGE,
  filterAndSortFlows,
  normaliseQuery,
  parseFlowsParams,
  writeFlowsParams,
  type FlowSort,
  type FlowsParams,
} from './flows-list'
import { TagList } from './tag-list'
import { useUrlDraft } from '@/components/use-url-draft'
import { HeadedSection } from '@/components/headed-section'

/** Filters and sorts live in the search params; the loader reads only the path. */
export const shouldRevalidate = pathOnlyRevalidation

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(flowQueries.list(requireParam(params, 'org')))
    return null
  }
}

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Flow>> = [
  { header: 'name', value: (flow) => flow.name },
  { header: 'description', value: (flow) => flow.description },
  { header: 'visibility', value: (flow) => flow.visibility },
  {
    header: 'tags',
    value: (flow) =>
      Object.entries(flow.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join(' '),
  },
  { header: 'latest_state', value: (flow) => flow.latestState },
  {
    header: 'latest_activity_at',
    value: (flow) =>
      flow.latestActivityAt === null ? null : new Date(flow.latestActivityAt * 1000).toISOString(),
  },
  { header: 'repo_url', value: (flow) => flow.repoUrl },
]

const SORT_OPTIONS: ReadonlyArray<FilterOption> = [
  ['name:asc', 'Name A–Z'],
  ['name:desc', 'Name Z–A'],
  ['activity:desc', 'Latest activity, newest first'],
  ['activity:asc', 'Latest activity, oldest first'],
]

export function Component() {
  const org = requireParam(useParams(), 'org')
  const { data: flows } = useSuspenseQuery(flowQueries.list(org))
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseFlowsParams(searchParams), [searchParams])
  const rows = useMemo(() => filterAndSortFlows(flows, params), [flows, params])
  const pageCount = Math.max(1, Math.ceil(rows.length / FLOWS_PER_PAGE))
  const page = Math.min(params.page, pageCount)
  const pageRows = rows.slice((page - 1) * FLOWS_PER_PAGE, page * FLOWS_PER_PAGE)
  const update = (next: Partial<FlowsParams>, replace = false) =>
    setSearchParams((current) => writeFlowsParams(current, next), { replace })
  const [filterText, setFilterText] = useUrlDraft(
    params.q,
    (q) => update({ q, page: 1 }, true),
    normaliseQuery,
  )

  return (
    <HeadedSection
      id="flows-heading"
      title="Flows"
      level={1}
      className="space-y-3"
      beside={
        <p className="text-muted" aria-live="polite">
          {params.q
            ? `${pluralise(rows.length, 'flow')} matching “${params.q}” · ${pluralise(flows.length, 'flow')} in total`
            : pluralise(flows.length, 'flow')}
        </p>
      }
    >
      <div className="flex flex-wrap items-end gap-3">
        <FilterText
          label="Filter flows"
          value={filterText}
          onChange={setFilterText}
          placeholder="name, description or tag"
          width="w-72"
        />
        <FilterSelect
          label="Sort by"
          value={`${params.sort}:${params.dir}`}
          options={SORT_OPTIONS}
          onChange={(value) => {
            const [sort, dir] = value.split(':')
            update({
              sort: sort === 'activity' ? 'activity' : 'name',
              dir: dir === 'desc' ? 'desc' : 'asc',
              page: 1,
            })
          }}
        />
        <div className="ml-auto">
          <ExportMenu
            filename={`${org}-flows`}
            rows={rows}
            columns={EXPORT_COLUMNS}
            label="flows"
          />
        </div>
      </div>

      {rows.length === 0 ? (
        <EmptyState
          title={params.q ? `No flow matches “${params.q}”` : `Org '${org}' has no flows yet`}
        >
          {params.q ? (
            <p>
              The filter hides all {pluralise(flows.length, 'flow')}.{' '}
              <button
                type="button"
                className="text-accent underline-offset-2 hover:underline"
                onClick={() => update({ q: '', page: 1 })}
              >
                Clear the filter
              </button>
            </p>
          ) : (
            <p>Flows appear here once a CI pipeline reports to Kosli.</p>
          )}
        </EmptyState>
      ) : (
        <FlowsTable org={org} flows={pageRows} params={params} onSort={update} />
      )}

      {pageCount > 1 ? (
        <nav aria-label="Flow pages" className="flex items-center gap-3">
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => update({ page: page - 1 })}
            className="rounded border border-line px-2 py-1 hover:bg-raised disabled:opacity-50"
          >
            Previous
          </button>
          <span>
            Page {page} of {pageCount} · flows {(page - 1) * FLOWS_PER_PAGE + 1}–
            {Math.min(page * FLOWS_PER_PAGE, rows.length)}
          </span>
          <button
            type="button"
            disabled={page >= pageCount}
            onClick={() => update({ page: page + 1 })}
            className="rounded border border-line px-2 py-1 hover:bg-raised disabled:opacity-50"
          >
            Next
          </button>
        </nav>
      ) : null}
    </HeadedSection>
  )
}

/** A sortable column's heading: a button that sorts by it, or flips the direction. */
function sortColumn(
  name: string,
  sort: FlowSort,
  params: FlowsParams,
  onSort: (next: Partial<FlowsParams>) => void,
  width: string,
): TableColumn {
  const active = params.sort === sort
  const nextDir = active ? (params.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[sort]
  return {
    name,
    width,
    sort: active ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    heading: (
      <button
        type="button"
        className="inline-flex items-center gap-1 font-semibold hover:text-accent"
        onClick={() => onSort({ sort, dir: nextDir, page: 1 })}
      >
        {name}
        <span aria-hidden="true" className="text-muted">
          {active ? (params.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    ),
  }
}

const firstScreenful = (flows: ReadonlyArray<Flow>) => flows.slice(0, 25)

function FlowsTable({
  org,
  flows,
  params,
  onSort,
}: {
  org: string
  flows: ReadonlyArray<Flow>
  params: FlowsParams
  onSort: (next: Partial<FlowsParams>) => void
}) {
  // A page of 100 flows paints its first screenful, then the rest one render later.
  const shown = useProgressive(flows, firstScreenful)
  // Plain anchors in the rows (see useInAppAnchors): a router <Link> a row redraws with every
  // navigation, and the name filter writes the URL as it is typed.
  const onAnchorClick = useInAppAnchors()
  return (
    // Wide screens fix the column widths, so the rows that arrive after the first screenful
    // cannot move them; narrow ones let the columns share what room there is.
    <Table
      onClick={onAnchorClick}
      caption={<>Flows in {org}</>}
      tableClassName="xl:table-fixed"
      columns={[
        sortColumn('Name', 'name', params, onSort, 'xl:w-52'),
        'Description',
        { name: 'Visibility', width: 'xl:w-24' },
        { name: 'Tags', width: 'xl:w-64' },
        { name: 'Latest state', width: 'xl:w-44' },
        sortColumn('Latest activity', 'activity', params, onSort, 'xl:w-40'),
      ]}
    >
      {shown.map((flow) => (
        <tr key={flow.name} className="align-top hover:bg-raised/50">
          <th scope="row" className="min-w-32 px-3 py-2 font-medium break-words">
            <a
              className="text-accent underline-offset-2 hover:underline"
              href={flowPath(org, flow.name)}
            >
              {flow.name}
            </a>
          </th>
          <td className="px-3 py-2 break-words">
            {flow.description || <span className="text-muted">none</span>}
          </td>
          <td className="px-3 py-2">
            {flow.visibility ?? <span className="text-muted">unknown</span>}
          </td>
          <td className="min-w-44 px-3 py-2">
            <TagList tags={flow.tags} fold={2} />
          </td>
          <td className="px-3 py-2">
            {flow.latestState ? (
              <FlowComplianceWhy org={org} flow={flow.name} state={flow.latestState} />
            ) : (
              <span className="text-muted">unknown</span>
            )}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            {flow.latestActivityAt === null ? (
              <span className="text-muted">unknown</span>
            ) : (
              <TimeStamp value={flow.latestActivityAt} variant="relative" />
            )}
          </td>
        </tr>
      ))}
    </Table>
  )
}
