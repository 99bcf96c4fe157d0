import type { QueryClient } from '@tanstack/react-query'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import {
  isRouteErrorResponse,
  useParams,
  useRevalidator,
  useRouteError,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router'
import { isApiError } from '@/api/client'
import { diffQueries } from '@/api/diff'
import { environmentQueries } from '@/api/environments'
import { snapshotQueries } from '@/api/snapshots'
import { requireParam } from '@/app/params'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { formatCount, pluralise } from '@/lib/format'
import { formatSnappish, type Snappish } from '@/lib/snappish'
import { diffPath, diffSearchString } from '@/lib/app-paths'
import { downloadText } from '@/lib/download'
import { alignDiff, capUnchanged, summaryText } from './align-diff'
import {
  diffToCsv,
  diffToJson,
  diffToMarkdown,
  exportFileName,
  type DiffExportInput,
} from './diff-export'
import {
  PairStepper,
  SideSummary,
  buttonClass,
  usePairShortcuts,
  type SideFacts,
} from './diff-header'
import {
  parseDiffSearch,
  resolvedSnapshot,
  stepPair,
  validPair,
  type DiffSearch,
  type DiffSide,
} from './diff-search'
import { diffForFlow } from './diff-flow'
import { DiffTable } from './diff-table'
import { PairForm } from './pair-form'
import { draftFor } from './side-draft'

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const pair = validPair(parseDiffSearch(new URL(request.url).searchParams))
    // The pickers need the environment list, but a page without it still works.
    const environments = queryClient.prefetchQuery(environmentQueries.list(org))
    if (!pair) {
      await environments
      return null
    }
    const [from, to] = pair
    // The two snapshots only add times to the header and can be large (thousands of
    // artifacts, megabytes each): the page asks for them once its rows are on screen, so their
    // download and parsing never compete with the diff itself.
    await Promise.all([queryClient.ensureQueryData(diffQueries.pair(org, from, to)), environments])
    return null
  }
}

/**
 * One side resolved to `env#N`, with when it was taken and whether it is still current. The
 * diff names the snapshot it used, so one small list entry gives the rest; the full snapshot
 * (thousands of artifacts) is read only when the server did not say which one it compared.
 */
function useSide(org: string, snappish: Snappish, serverId: string | null) {
  const known = resolvedSnapshot(snappish, serverId, null)
  const detail = useQuery({
    ...snapshotQueries.detail(org, snappish),
    enabled: known === null,
  }).data
  const resolved = known ?? resolvedSnapshot(snappish, serverId, detail?.index ?? null)
  const summary = useQuery({
    ...snapshotQueries.summary(org, resolved?.env ?? snappish.env, resolved?.index ?? 0),
    enabled: resolved !== null && detail === undefined,
  }).data
  const facts: SideFacts | undefined = detail
    ? { isLatest: detail.isLatest, timestamp: detail.timestamp }
    : summary
      ? { isLatest: summary.to === null, timestamp: summary.from }
      : undefined
  return { resolved, facts }
}

function sideSnappish(side: DiffSide): Snappish | null {
  return side.state === 'valid' ? side.snappish : null
}

/** Navigation for the page: every change of the pair is a new history entry. */
function usePairNavigation() {
  const [params, setSearchParams] = useSearchParams()
  // The flow filter stays while the pair changes; only its own button removes it.
  const flow = parseDiffSearch(params).flow
  return {
    showPair: (from: Snappish | string, to: Snappish | string, showUnchanged: boolean) =>
      setSearchParams(new URLSearchParams(diffSearchString(from, to, showUnchanged, flow))),
    setUnchanged: (from: Snappish, to: Snappish, show: boolean) =>
      setSearchParams(new URLSearchParams(diffSearchString(from, to, show, flow)), {
        replace: true,
      }),
    clearFlow: (from: Snappish, to: Snappish, showUnchanged: boolean) =>
      setSearchParams(new URLSearchParams(diffSearchString(from, to, showUnchanged))),
  }
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const [params] = useSearchParams()
  const search = parseDiffSearch(params)
  const pair = validPair(search)
  return (
    <section aria-labelledby="diff-heading" className="space-y-4">
      {pair ? (
        <DiffView
          org={org}
          from={pair[0]}
          to={pair[1]}
          showUnchanged={search.showUnchanged}
          flow={search.flow}
        />
      ) : (
        <ChoosePair org={org} search={search} />
      )}
    </section>
  )
}

function ChoosePair({ org, search }: { org: string; search: DiffSearch }) {
  const { showPair } = usePairNavigation()
  const problems = (
    [
      ['From', search.from],
      ['To', search.to],
    ] as const
  ).flatMap(([label, side]) => (side.state === 'invalid' ? [{ label, side }] : []))
  return (
    <>
      <h1 id="diff-heading" className="text-xl font-semibold">
        Compare snapshots
      </h1>
      {problems.length ? (
        <div role="alert" className="rounded border border-bad/50 bg-bad-soft p-3">
          <p className="font-semibold text-bad">
            <span aria-hidden="true">✕ </span>
            {problems.length === 1
              ? 'A snapshot expression could not be read'
              : 'The snapshot expressions could not be read'}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map(({ label, side }) => (
              <li key={label}>
                {label} <code className="font-mono break-all">{side.text}</code>: {side.error}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-muted">Pick both snapshots below instead.</p>
        </div>
      ) : (
        <p className="text-muted">
          Pick two snapshots to see what changed between them: the same environment at two moments (
          <span className="font-mono">aws-prod#64</span> →{' '}
          <span className="font-mono">aws-prod#65</span>) or two environments now (
          <span className="font-mono">aws-beta</span> → <span className="font-mono">aws-prod</span>
          ).
        </p>
      )}
      <PairForm
        org={org}
        initialFrom={draftFor(sideSnappish(search.from), null)}
        initialTo={draftFor(sideSnappish(search.to), null)}
        onSubmit={(from, to) => showPair(from, to, search.showUnchanged)}
      />
    </>
  )
}

/** Unchanged rows drawn when they are shown, and how many more each "show more" adds. */
const UNCHANGED_FIRST = 200
const UNCHANGED_MORE = 500

function DiffView({
  org,
  from,
  to,
  showUnchanged,
  flow,
}: {
  org: string
  from: Snappish
  to: Snappish
  showUnchanged: boolean
  /** Only this flow's artifacts; '' for all. */
  flow: string
}) {
  const { showPair, setUnchanged, clearFlow } = usePairNavigation()
  const { data: diff } = useSuspenseQuery(diffQueries.pair(org, from, to))
  const { resolved: fromResolved, facts: fromDetail } = useSide(org, from, diff.fromSnapshot)
  const { resolved: toResolved, facts: toDetail } = useSide(org, to, diff.toSnapshot)
  const aligned = useMemo(() => alignDiff(diffForFlow(diff, flow)), [diff, flow])
  const unchangedRows = useMemo(
    () => aligned.rows.filter((row) => row.kind === 'unchanged').length,
    [aligned],
  )
  // Per pair: another pair starts again from the first unchanged rows.
  const pairKey = `${formatSnappish(from)}|${formatSnappish(to)}`
  const [unchangedLimit, setUnchangedLimit] = useState({ pair: pairKey, count: UNCHANGED_FIRST })
  const unchangedShown = Math.min(
    unchangedRows,
    unchangedLimit.pair === pairKey ? unchangedLimit.count : UNCHANGED_FIRST,
  )

  const fromLabel = fromResolved
    ? `${fromResolved.env}#${fromResolved.index}`
    : formatSnappish(from)
  const toLabel = toResolved ? `${toResolved.env}#${toResolved.index}` : formatSnappish(to)

  const step = (delta: number) => {
    if (!fromResolved || !toResolved) return null
    if (delta > 0 && (fromDetail?.isLatest || toDetail?.isLatest)) return null
    const target = stepPair(fromResolved, toResolved, delta)
    if (!target) return null
    const [a, b] = target
    return {
      label: `${formatSnappish(a)} → ${formatSnappish(b)}`,
      go: () => showPair(a, b, showUnchanged),
    }
  }
  const previous = step(-1)
  const next = step(1)
  usePairShortcuts(previous?.go ?? null, next?.go ?? null)

  const unresolved = 'Both sides need a snapshot number to step through history'
  const exportInput: DiffExportInput = {
    from: fromLabel,
    to: toLabel,
    fromExpression: formatSnappish(from),
    toExpression: formatSnappish(to),
    aligned,
    link: `${window.location.origin}${diffPath(org, from, to, flow)}`,
  }
  const fileName = flow
    ? `${exportFileName(fromLabel, toLabel)}-${flow.replace(/[^A-Za-z0-9._-]+/g, '_')}`
    : exportFileName(fromLabel, toLabel)
  const rows = useMemo(
    () => capUnchanged(aligned.rows, showUnchanged ? unchangedShown : 0),
    [aligned, showUnchanged, unchangedShown],
  )
  const moreUnchanged = Math.min(UNCHANGED_MORE, unchangedRows - unchangedShown)
  const fromCount = aligned.summary.removed + aligned.summary.scaled + aligned.summary.unchanged
  const toCount = aligned.summary.added + aligned.summary.scaled + aligned.summary.unchanged
  const unchangedToggle =
    aligned.summary.unchanged > 0 ? (
      <button
        type="button"
        className={buttonClass}
        onClick={() => setUnchanged(from, to, !showUnchanged)}
      >
        {showUnchanged
          ? 'Hide unchanged'
          : `Show ${pluralise(aligned.summary.unchanged, 'unchanged artifact')}`}
      </button>
    ) : null

  return (
    <>
      <h1 id="diff-heading" className="text-xl font-semibold">
        Diff <span className="font-mono">{fromLabel}</span> →{' '}
        <span className="font-mono">{toLabel}</span>
      </h1>

      <div className="flex flex-col items-stretch gap-2 md:flex-row md:items-center">
        <SideSummary
          label="From"
          org={org}
          snappish={from}
          resolved={fromResolved}
          detail={fromDetail}
        />
        <button
          type="button"
          className={`${buttonClass} self-center`}
          title="Swap sides: compare the other way round"
          onClick={() => showPair(to, from, showUnchanged)}
        >
          <span aria-hidden="true">⇄ </span>Swap
        </button>
        <SideSummary label="To" org={org} snappish={to} resolved={toResolved} detail={toDetail} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <PairStepper
          previous={previous}
          next={next}
          previousBlocked={
            fromResolved && toResolved ? 'No earlier pair: a side is at snapshot #1' : unresolved
          }
          nextBlocked={
            fromResolved && toResolved ? 'No later pair: a side is the latest snapshot' : unresolved
          }
        />
        <ExportButtons input={exportInput} fileName={fileName} showUnchanged={showUnchanged} />
      </div>

      <details className="rounded border border-line bg-surface p-2">
        <summary className="cursor-pointer text-sm font-medium">Change snapshots</summary>
        <div className="mt-2">
          <PairForm
            key={`${formatSnappish(from)}|${formatSnappish(to)}`}
            org={org}
            initialFrom={draftFor(from, fromResolved?.index ?? null)}
            initialTo={draftFor(to, toResolved?.index ?? null)}
            onSubmit={(a, b) => showPair(a, b, showUnchanged)}
          />
        </div>
      </details>

      {flow ? (
        <p className="flex flex-wrap items-center gap-2 text-sm" aria-label="Filters">
          <span className="inline-flex items-center gap-2 rounded border border-accent/50 bg-raised px-2 py-1">
            <span>
              Flow: <span className="font-mono">{flow}</span>
            </span>
            <button
              type="button"
              className="rounded px-1 font-medium text-accent hover:underline"
              onClick={() => clearFlow(from, to, showUnchanged)}
            >
              <span aria-hidden="true">✕ </span>Show all flows
            </button>
          </span>
          <span className="text-muted">Only this flow’s artifacts are compared and exported.</span>
        </p>
      ) : null}
      <p className="text-base font-medium" data-testid="diff-summary">
        {summaryText(aligned.summary)}
      </p>
      {aligned.duplicates > 0 ? (
        <p className="text-sm text-muted">
          Kosli lists {pluralise(aligned.duplicates, 'artifact')} more than once on one side; each
          has one row, marked “listed N×”, with every entry as Kosli lists it.
        </p>
      ) : null}
      {!aligned.empty && (fromCount === 0 || toCount === 0) ? (
        <p className="text-sm text-muted">
          Nothing {flow ? `of ${flow} ` : ''}was running in{' '}
          <span className="font-mono">{fromCount === 0 ? fromLabel : toLabel}</span>.
        </p>
      ) : null}

      {aligned.empty ? (
        <EmptyState
          title={flow ? `Flow ${flow} runs in neither snapshot` : 'Both snapshots are empty'}
        >
          Nothing {flow ? `of ${flow} ` : ''}was running in {fromLabel} or in {toLabel}.
        </EmptyState>
      ) : aligned.identical && !showUnchanged ? (
        <EmptyState title="No differences">
          <p>The same {pluralise(aligned.summary.unchanged, 'artifact')} run in both snapshots.</p>
          <div className="mt-2">{unchangedToggle}</div>
        </EmptyState>
      ) : (
        <>
          <DiffTable rows={rows} org={org} fromLabel={fromLabel} toLabel={toLabel} />
          {unchangedToggle ? (
            <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
              {!showUnchanged
                ? `${pluralise(aligned.summary.unchanged, 'unchanged artifact')} hidden.`
                : moreUnchanged > 0
                  ? `Showing the first ${formatCount(unchangedShown)} of ${formatCount(unchangedRows)} unchanged rows; every change is listed.`
                  : null}
              {showUnchanged && moreUnchanged > 0 ? (
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() =>
                    setUnchangedLimit({ pair: pairKey, count: unchangedShown + moreUnchanged })
                  }
                >
                  Show {formatCount(moreUnchanged)} more unchanged
                </button>
              ) : null}
              {unchangedToggle}
            </p>
          ) : null}
        </>
      )}
    </>
  )
}

function ExportButtons({
  input,
  fileName,
  showUnchanged,
}: {
  input: DiffExportInput
  fileName: string
  showUnchanged: boolean
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(diffToMarkdown(input))
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div
      className="no-print flex flex-wrap items-center gap-2"
      role="group"
      aria-label="Export diff"
    >
      <button type="button" className={buttonClass} onClick={() => void copy()}>
        Copy Markdown
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() =>
          downloadText(`${fileName}.md`, 'text/markdown;charset=utf-8', diffToMarkdown(input))
        }
      >
        Export Markdown
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() =>
          downloadText(`${fileName}.csv`, 'text/csv;charset=utf-8', diffToCsv(input, showUnchanged))
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() => downloadText(`${fileName}.json`, 'application/json', diffToJson(input))}
      >
        Export JSON
      </button>
      <span role="status" className="text-sm text-muted">
        {copied === 'copied' ? 'Markdown copied' : copied === 'failed' ? 'Copy failed' : ''}
      </span>
    </div>
  )
}

function environmentWithoutSnapshots(error: unknown): string | null {
  if (!isApiError(error) || error.reason.kind !== 'no-snapshots') return null
  return error.reason.environment ?? 'The environment'
}

/** A failed diff keeps the pickers, so the way forward is on the same page. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { org } = useParams()
  const [params] = useSearchParams()
  const revalidator = useRevalidator()
  const { showPair } = usePairNavigation()
  if (isRouteErrorResponse(error) || !org) return <RouteErrorBoundary />
  const search = parseDiffSearch(params)
  const empty = environmentWithoutSnapshots(error)
  return (
    <section aria-labelledby="diff-heading" className="space-y-4">
      <h1 id="diff-heading" className="text-xl font-semibold">
        Compare snapshots
      </h1>
      {empty ? (
        <EmptyState title={`${empty} has no snapshots yet`}>
          Kosli has no snapshot of this environment to compare. Pick another environment below.
        </EmptyState>
      ) : (
        <ErrorState error={error} onRetry={() => void revalidator.revalidate()} />
      )}
      <PairForm
        key={params.toString()}
        org={org}
        initialFrom={draftFor(sideSnappish(search.from), null)}
        initialTo={draftFor(sideSnappish(search.to), null)}
        onSubmit={(from, to) => showPair(from, to, search.showUnchanged)}
      />
    </section>
  )
}
