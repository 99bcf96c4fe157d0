import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo } from 'react'
import { Breadcrumb } from '@/components/breadcrumb'
import { AuditReportLink } from '@/components/audit-report-link'
import { Link, useParams, useSearchParams } from 'react-router'
import { environmentQueries } from '@/api/environments'
import { snapshotQueries, type Snapshot } from '@/api/snapshots'
import { CopyButton } from '@/components/copy-button'
import { EmptyState } from '@/components/empty-state'
import { EnvironmentType } from '@/components/environment-type'
import { TimeStamp } from '@/components/time-stamp'
import { AppliedPolicies } from '@/features/compliance/applied-policies'
import { policyTitle } from '@/features/compliance/applied-policy-text'
import { ComplianceRollup } from '@/features/compliance/compliance-rollup-view'
import { SnapshotComplianceWhy } from '@/features/compliance/snapshot-why'
import {
  diffWithPreviousPath,
  environmentPath,
  environmentsPath,
  snapshotPath,
} from '@/lib/app-paths'
import { formatCount, pluralise } from '@/lib/format'
import { SnapshotFilters } from './snapshot-filters'
import { snapshotParams } from './snapshot-loader'
import { parseSnapshotParams, snapshotSearch, type SnapshotParams } from './snapshot-params'
import { displayItems, matchesFilters, rowsOf, sortRows, toSnapshotRows } from './snapshot-rows'
import { SnapshotTable, VIRTUALISE_ABOVE } from './snapshot-table'

export { loader, shouldRevalidate } from './snapshot-loader'
export { ErrorBoundary } from './snapshot-error'

export function Component() {
  const { org, env, index } = snapshotParams(useParams())
  const { data: environment } = useQuery(environmentQueries.detail(org, env))
  const { data: snapshot } = useSuspenseQuery(
    snapshotQueries.detail(org, { kind: 'index', env, index }),
  )
  return (
    <SnapshotPage
      key={`${env}#${index}`}
      org={org}
      env={env}
      environmentType={environment?.type ?? ''}
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
      <Breadcrumb
        links={[
          { label: 'Environments', to: environmentsPath(org) },
          { label: env, to: environmentPath(org, env) },
        ]}
        current={`Snapshot #${index}`}
      />

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
          <AuditReportLink org={org} subject={{ snapshot: expression }} />
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
          <dd className="text-lg font-semibold text-ok">{formatCount(counts.compliant)}</dd>
        </div>
        <div>
          <dt className="text-muted">
            <span aria-hidden="true">✕ </span>Non-compliant
          </dt>
          <dd className="text-lg font-semibold text-bad">{formatCount(counts.nonCompliant)}</dd>
        </div>
        <div>
          <dt className="text-muted">
            <span aria-hidden="true">? </span>Unknown
          </dt>
          <dd className="text-lg font-semibold">{formatCount(counts.unknown)}</dd>
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
          <SnapshotFilters
            params={params}
            update={update}
            flows={flows}
            exited={exited}
            exportName={`${org}-${env}-${index}`}
            shownRows={shownRows}
          />
          {params.fingerprint &&
          !rows.some((row) => row.artifact.fingerprint === params.fingerprint) ? (
            <p role="alert" className="rounded border border-warn bg-warn-soft px-3 py-2 text-sm">
              The link asks for artifact{' '}
              <code className="font-mono break-all">{params.fingerprint}</code>, which {expression}{' '}
              does not list.
            </p>
          ) : null}
          <p role="status" className={`text-sm text-muted ${stale ? 'opacity-60' : ''}`}>
            Showing {pluralise(shownRows.length, 'artifact')} of {formatCount(rows.length)}
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
