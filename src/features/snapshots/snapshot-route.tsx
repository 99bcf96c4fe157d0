import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import {
  Link,
  useParams,
  useRouteError,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router'
import { environmentQueries } from '@/api/environments'
import { snapshotQueries, type Snapshot } from '@/api/snapshots'
import { requireParam } from '@/app/params'
import { pathOnlyRevalidation } from '@/lib/route-module'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { CopyButton } from '@/components/copy-button'
import { EmptyState } from '@/components/empty-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { TimeStamp } from '@/components/time-stamp'
import { pluralise } from '@/lib/format'

const count = new Intl.NumberFormat('en-US')
import { AppliedPolicies } from '@/features/compliance/applied-policies'
import { policyTitle } from '@/features/compliance/applied-policy-text'
import { ComplianceRollup } from '@/features/compliance/compliance-rollup-view'
import { SnapshotComplianceWhy } from '@/features/compliance/snapshot-why'
import { EnvironmentType } from '@/components/environment-type'
import {
  diffWithPreviousPath,
  environmentPath,
  environmentsPath,
  snapshotPath,
} from '@/lib/app-paths'
import {
  NO_PROVENANCE_FILTER,
  parseSnapshotParams,
  snapshotSearch,
  type SnapshotParams,
} from './snapshot-params'
import {
  classifySnapshotProblem,
  parseSnapshotIndex,
  SnapshotIndexError,
} from '@/components/snapshot-problem'
import {
  displayItems,
  matchesFilters,
  rowsOf,
  sortRows,
  toSnapshotRows,
  type SnapshotRow,
} from './snapshot-rows'
import { SnapshotTable, VIRTUALISE_ABOVE } from './snapshot-table'

function snapshotParams(params: LoaderFunctionArgs['params']) {
  const org = requireParam(params, 'org')
  const env = requireParam(params, 'env')
  const raw = requireParam(params, 'index')
  const index = parseSnapshotIndex(raw)
  if (index === undefined) throw new SnapshotIndexError(raw)
  return { org, env, index }
}

/** Filters and sorts live in the search params; the loader reads only the path. */
export const shouldRevalidate = pathOnlyRevalidation

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const { org, env, index } = snapshotParams(params)
    const [environment, snapshot] = await Promise.allSettled([
      queryClient.ensureQueryData(environmentQueries.detail(org, env)),
      queryClient.ensureQueryData(snapshotQueries.detail(org, { kind: 'index', env, index })),
    ])
    // An unknown environment explains a failed snapshot too, so it is reported first.
    if (environment.status === 'rejected') throw environment.reason
    if (snapshot.status === 'rejected') throw snapshot.reason
    return null
  }
}

function iso(seconds: number | null): string {
  return seconds === null ? '' : new Date(seconds * 1000).toISOString()
}

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<SnapshotRow>> = [
  { header: 'commit', value: (row) => row.artifact.gitCommit ?? '' },
  { header: 'name', value: (row) => row.artifact.name },
  { header: 'fingerprint', value: (row) => row.artifact.fingerprint },
  { header: 'flow', value: (row) => row.artifact.flow ?? '' },
  { header: 'compliance', value: (row) => row.compliance },
  { header: 'reason', value: (row) => row.reason ?? '' },
  { header: 'running_since', value: (row) => iso(row.artifact.runningSince) },
  { header: 'replicas', value: (row) => row.artifact.replicas },
  { header: 'annotation', value: (row) => row.artifact.annotation ?? '' },
  { header: 'exited', value: (row) => row.artifact.exited },
  { header: 'blue_green_group', value: (row) => row.group?.label ?? '' },
]

export function Component() {
  const { org, env, index } = snapshotParams(useParams())
  const { data: environment } = useSuspenseQuery(environmentQueries.detail(org, env))
  const { data: snapshot } = useSuspenseQuery(
    snapshotQueries.detail(org, { kind: 'index', env, index }),
  )
  return (
    <SnapshotPage
      key={`${env}#${index}`}
      org={org}
      env={env}
      environmentType={environment.type}
      snapshot={snapshot}
    />
  )
}

function SnapshotPage({
  org,
  env,
  environmentType,
  snapshot,
}: {
  org: string
  env: string
  environmentType: string
  snapshot: Snapshot
}) {
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseSnapshotParams(searchParams), [searchParams])
  // The name box keeps its own text so typing never waits for the URL to update.
  const [nameText, setNameText] = useState(params.q)
  const deferredParams = useDeferredValue(params)

  const rows = useMemo(() => toSnapshotRows(snapshot.artifacts), [snapshot])
  // Sorted once per order: typing a filter then only filters (sorting 5,000 names takes longer).
  const { sort, dir } = deferredParams
  const sorted = useMemo(() => sortRows(rows, sort, dir), [rows, sort, dir])
  const items = useMemo(
    () => displayItems(sorted.filter((row) => matchesFilters(row, deferredParams))),
    [sorted, deferredParams],
  )
  const shownRows = useMemo(() => rowsOf(items), [items])
  const flows = useMemo(
    () => [...new Set(rows.map((row) => row.artifact.flow).filter((flow) => flow !== null))].sort(),
    [rows],
  )
  const running = useMemo(() => rows.filter((row) => !row.artifact.exited).length, [rows])
  const exited = rows.length - running
  const groups = useMemo(
    () => new Set(rows.map((row) => row.group).filter((group) => group !== null)),
    [rows],
  )
  const update = (change: Partial<SnapshotParams>, replace = false) =>
    setSearchParams(snapshotSearch({ ...params, ...change }), { replace })

  const { index } = snapshot
  const previous = index > 1 ? snapshotPath(org, env, index - 1) : undefined
  const next = snapshot.isLatest ? undefined : snapshotPath(org, env, index + 1)
  const diff = diffWithPreviousPath(org, env, index)
  const expression = `${env}#${index}`
  const counts = snapshot.complianceCount
  const stale = deferredParams !== params

  return (
    <section aria-labelledby="snapshot-heading" className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link to={environmentsPath(org)} className="text-accent hover:underline">
          Environments
        </Link>
        <span aria-hidden="true"> / </span>
        <Link to={environmentPath(org, env)} className="text-accent hover:underline">
          {env}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Snapshot #{index}</span>
      </nav>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="snapshot-heading" className="font-mono text-xl font-semibold">
            {expression}
          </h1>
          <CopyButton value={expression} label={`Copy snapshot expression ${expression}`} />
          <SnapshotComplianceWhy org={org} snapshot={snapshot} />
          {snapshot.isLatest ? (
            <span className="rounded bg-info-soft px-1.5 text-xs text-info">latest</span>
          ) : null}
          <EnvironmentType type={snapshot.type ?? environmentType} />
        </div>
        <p className="text-sm">
          Taken <TimeStamp value={snapshot.timestamp} />
          {snapshot.isLatest ? (
            <span className="text-muted"> · still current</span>
          ) : snapshot.nextSnapshotTimestamp !== null ? (
            <>
              {' '}
              · replaced <TimeStamp value={snapshot.nextSnapshotTimestamp} variant="relative" />
            </>
          ) : null}
        </p>
        <nav aria-label="Snapshot navigation" className="flex flex-wrap gap-2 text-sm">
          {previous ? (
            <Link
              to={previous}
              className="rounded border border-line px-2 py-1 hover:bg-raised"
              rel="prev"
            >
              <span aria-hidden="true">← </span>Previous: #{index - 1}
            </Link>
          ) : (
            <span className="rounded border border-line px-2 py-1 text-muted">First snapshot</span>
          )}
          {next ? (
            <Link
              to={next}
              className="rounded border border-line px-2 py-1 hover:bg-raised"
              rel="next"
            >
              Next: #{index + 1}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : (
            <span className="rounded border border-line px-2 py-1 text-muted">Latest snapshot</span>
          )}
          {diff ? (
            <Link to={diff} className="rounded border border-line px-2 py-1 hover:bg-raised">
              Diff with previous (#{index - 1} → #{index})
            </Link>
          ) : null}
        </nav>
      </header>

      <dl
        aria-label="Snapshot summary"
        className="grid grid-cols-2 gap-3 rounded border border-line bg-surface p-3 text-sm sm:grid-cols-5"
      >
        <div>
          <dt className="text-muted">Running</dt>
          <dd className="text-lg font-semibold">{pluralise(running, 'artifact')}</dd>
        </div>
        <div>
          <dt className="text-muted">
            <span aria-hidden="true">✓ </span>Compliant
          </dt>
          <dd className="text-lg font-semibold text-ok">{count.format(counts.compliant)}</dd>
        </div>
        <div>
          <dt className="text-muted">
            <span aria-hidden="true">✕ </span>Non-compliant
          </dt>
          <dd className="text-lg font-semibold text-bad">{count.format(counts.nonCompliant)}</dd>
        </div>
        <div>
          <dt className="text-muted">
            <span aria-hidden="true">? </span>Unknown
          </dt>
          <dd className="text-lg font-semibold">{count.format(counts.unknown)}</dd>
        </div>
        <div>
          <dt className="text-muted">Blue-green overlaps</dt>
          <dd className="text-lg font-semibold">{groups.size}</dd>
        </div>
      </dl>

      <section aria-labelledby="snapshot-compliance-heading" className="space-y-2 text-sm">
        <h2 id="snapshot-compliance-heading" className="sr-only">
          Compliance
        </h2>
        <ComplianceRollup artifacts={snapshot.artifacts} />
        <details className="rounded border border-line bg-surface">
          <summary className="cursor-pointer px-3 py-2">
            <span className="font-medium">
              Policies applied ({snapshot.appliedPolicies.length})
            </span>
            {snapshot.appliedPolicies.length ? (
              <span className="text-muted">
                : {snapshot.appliedPolicies.map(policyTitle).join(', ')}
              </span>
            ) : (
              <span className="text-muted">: none, so compliance is not judged by policy</span>
            )}
          </summary>
          <div className="border-t border-line p-3">
            <AppliedPolicies
              policies={snapshot.appliedPolicies}
              heading={`Policies applied to ${expression}`}
            />
          </div>
        </details>
      </section>

      {rows.length === 0 ? (
        <EmptyState title="No running artifacts were reported">
          This snapshot of {env} lists nothing running.
        </EmptyState>
      ) : (
        <>
          <form
            role="search"
            aria-label="Filter artifacts"
            className="flex flex-wrap items-end gap-3 text-sm"
            onSubmit={(event) => event.preventDefault()}
          >
            <label className="flex flex-col">
              <span className="text-muted">Name, fingerprint or commit</span>
              <input
                type="search"
                value={nameText}
                onChange={(event) => {
                  setNameText(event.target.value)
                  update({ q: event.target.value }, true)
                }}
                className="w-64 rounded border border-line bg-surface px-2 py-1"
                autoComplete="off"
                spellCheck={false}
              />
            </label>
            <label className="flex flex-col">
              <span className="text-muted">Flow</span>
              <select
                value={params.flow}
                onChange={(event) => update({ flow: event.target.value })}
                className="max-w-56 rounded border border-line bg-surface px-2 py-1"
              >
                <option value="">All flows</option>
                <option value={NO_PROVENANCE_FILTER}>No provenance</option>
                {flows.map((flow) => (
                  <option key={flow} value={flow}>
                    {flow}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              <span className="text-muted">Compliance</span>
              <select
                value={params.compliance}
                onChange={(event) =>
                  update({
                    compliance: parseSnapshotParams(
                      new URLSearchParams({ compliance: event.target.value }),
                    ).compliance,
                  })
                }
                className="rounded border border-line bg-surface px-2 py-1"
              >
                <option value="">Any</option>
                <option value="compliant">Compliant</option>
                <option value="non-compliant">Non-compliant</option>
                <option value="unknown">Unknown</option>
              </select>
            </label>
            <label className="flex flex-col">
              <span className="text-muted">Sort by</span>
              <select
                value={params.sort}
                onChange={(event) =>
                  update({
                    sort: parseSnapshotParams(new URLSearchParams({ sort: event.target.value }))
                      .sort,
                  })
                }
                className="rounded border border-line bg-surface px-2 py-1"
              >
                <option value="name">Name</option>
                <option value="flow">Flow</option>
                <option value="compliance">Compliance</option>
                <option value="since">Running since</option>
                <option value="replicas">Replicas</option>
              </select>
            </label>
            <label className="flex flex-col">
              <span className="text-muted">Order</span>
              <select
                value={params.dir}
                onChange={(event) =>
                  update({ dir: event.target.value === 'desc' ? 'desc' : 'asc' })
                }
                className="rounded border border-line bg-surface px-2 py-1"
              >
                <option value="asc">Ascending</option>
                <option value="desc">Descending</option>
              </select>
            </label>
            <label className="flex items-center gap-2 py-1">
              <input
                type="checkbox"
                checked={params.exited}
                onChange={(event) => update({ exited: event.target.checked })}
              />
              Show exited ({exited})
            </label>
            <div className="ml-auto">
              <ExportMenu
                filename={`${org}-${env}-${index}`}
                rows={shownRows}
                columns={EXPORT_COLUMNS}
                label="artifacts"
              />
            </div>
          </form>
          {params.fingerprint &&
          !rows.some((row) => row.artifact.fingerprint === params.fingerprint) ? (
            <p role="alert" className="rounded border border-warn bg-warn-soft px-3 py-2 text-sm">
              The link asks for artifact{' '}
              <code className="font-mono break-all">{params.fingerprint}</code>, which {expression}{' '}
              does not list.
            </p>
          ) : null}
          <p role="status" className={`text-sm text-muted ${stale ? 'opacity-60' : ''}`}>
            Showing {pluralise(shownRows.length, 'artifact')} of {count.format(rows.length)}
            {!params.exited && exited > 0 ? ` (${exited} exited hidden)` : ''}
          </p>
          {items.length === 0 ? (
            <EmptyState title="No artifact matches">
              Change the filters, or show exited artifacts.
            </EmptyState>
          ) : (
            <div className={stale ? 'opacity-60' : undefined}>
              <SnapshotTable
                org={org}
                where={expression}
                items={items}
                caption={`Artifacts in ${expression}`}
                highlight={params.fingerprint}
                virtualise={rows.length > VIRTUALISE_ABOVE}
              />
            </div>
          )}
        </>
      )}
    </section>
  )
}

/** Clear words for a snapshot that cannot be shown; other failures get the app's error view. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { org = '', env = '', index = '' } = useParams()
  const problem = classifySnapshotProblem(error)
  if (problem.kind === 'other') return <RouteErrorBoundary />
  const link = 'text-accent hover:underline'
  let title: string
  let body: string
  let links: ReactNode
  switch (problem.kind) {
    case 'bad-index':
      title = `“${problem.raw}” is not a snapshot number`
      body = 'Snapshots are numbered from 1, e.g. …/snapshots/65.'
      links = (
        <Link className={link} to={environmentPath(org, env)}>
          Go to {env}
        </Link>
      )
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
      links = (
        <Link className={link} to={environmentPath(org, env)}>
          Go to {env}
        </Link>
      )
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
