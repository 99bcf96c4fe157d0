import type { QueryClient } from '@tanstack/react-query'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import {
  Link,
  useLocation,
  useParams,
  useRouteError,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router'
import { artifactQueries, type Artifact } from '@/api/artifacts'
import { isApiError } from '@/api/client'
import { flowQueries } from '@/api/flows'
import { trailQueries, type Trail } from '@/api/trails'
import { requireParam } from '@/app/params'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { BelowTheFold } from '@/components/below-the-fold'
import { Breadcrumb } from '@/components/breadcrumb'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { Skeleton } from '@/components/skeleton'
import { TimeStamp } from '@/components/time-stamp'
import { Table } from '@/components/table'
import { HeadedSection } from '@/components/headed-section'
import { TRAILS_SECTION_ID, artifactPath, flowsPath, trailPath } from '@/lib/app-paths'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { FlowComplianceWhy } from '@/features/compliance/flow-why'
import { RECENT_TRAILS } from '@/features/compliance/recent-trails'
import { TrailComplianceWhy } from '@/features/compliance/trail-why'
import { formatCount, shortArtifactName } from '@/lib/format'
import { ARTIFACTS_PER_PAGE, parseArtifactPage } from './flow-params'
import { FlowTemplateView } from './flow-template-view'
import { TagList } from './tag-list'

const TRAILS_PER_PAGE = RECENT_TRAILS

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const flow = requireParam(params, 'flow')
    const page = parseArtifactPage(new URL(request.url).searchParams)
    // Trails are secondary: started with the rest but not waited for (their section shows its
    // own loading and error), so a slow or failing trail list cannot hold or hide the flow.
    void queryClient.prefetchQuery(trailQueries.flowList(org, flow, 1, TRAILS_PER_PAGE))
    await Promise.all([
      queryClient.ensureQueryData(flowQueries.detail(org, flow)),
      queryClient.ensureQueryData(flowQueries.list(org)),
      queryClient.ensureQueryData(artifactQueries.flowList(org, flow, page, ARTIFACTS_PER_PAGE)),
      // The API has no totals: the next page tells whether "Next" leads anywhere.
      queryClient.prefetchQuery(artifactQueries.flowList(org, flow, page + 1, ARTIFACTS_PER_PAGE)),
    ])
    return null
  }
}

export function Component() {
  const params = useParams()
  const org = requireParam(params, 'org')
  const flowName = requireParam(params, 'flow')
  const { data: flow } = useSuspenseQuery(flowQueries.detail(org, flowName))
  const { data: flows } = useSuspenseQuery(flowQueries.list(org))
  const summary = flows.find((item) => item.name === flowName)

  return (
    <div className="space-y-6">
      <Breadcrumb links={[{ label: 'Flows', to: flowsPath(org) }]} current={flow.name} />
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold break-all">{flow.name}</h1>
          {summary?.latestState ? (
            <FlowComplianceWhy
              org={org}
              flow={flow.name}
              state={summary.latestState}
              label={`Latest: ${stateWord(summary.latestState)}`}
            />
          ) : null}
        </div>
        <p>{flow.description || <span className="text-muted">No description</span>}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Repository</dt>
          <dd className="break-all">
            {flow.repoUrl ? (
              <SafeLink href={flow.repoUrl} />
            ) : (
              <span className="text-muted">none</span>
            )}
          </dd>
          <dt className="text-muted">Visibility</dt>
          <dd>{flow.visibility ?? <span className="text-muted">unknown</span>}</dd>
          <dt className="text-muted">Latest activity</dt>
          <dd>
            <TimeStamp value={summary?.latestActivityAt} />
          </dd>
          <dt className="text-muted">Tags</dt>
          <dd>
            <TagList tags={flow.tags} />
          </dd>
        </dl>
      </header>

      <ArtifactsSection org={org} flow={flowName} />
      {/* The trails and the template start under the first screen. */}
      <BelowTheFold>
        <TrailsSection
          org={org}
          flow={flowName}
          latestActivityAt={summary?.latestActivityAt ?? null}
        />

        <section aria-labelledby="template-heading" className="space-y-2">
          <h2 id="template-heading" className="text-lg font-semibold">
            Template
          </h2>
          <FlowTemplateView text={flow.template} />
        </section>
      </BelowTheFold>
    </div>
  )
}

function stateWord(state: string): string {
  return state === 'NON-COMPLIANT' ? 'non-compliant' : state.toLowerCase()
}

const ARTIFACT_COLUMNS: ReadonlyArray<ExportColumn<Artifact>> = [
  { header: 'commit', value: (artifact) => artifact.gitCommit },
  { header: 'name', value: (artifact) => artifact.name },
  { header: 'fingerprint', value: (artifact) => artifact.fingerprint },
  { header: 'state', value: (artifact) => artifact.state },
  {
    header: 'created_at',
    value: (artifact) =>
      artifact.createdAt === null ? null : new Date(artifact.createdAt * 1000).toISOString(),
  },
  { header: 'commit_url', value: (artifact) => artifact.commitUrl },
]

function ArtifactsSection({ org, flow }: { org: string; flow: string }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const page = parseArtifactPage(searchParams)
  const { data } = useSuspenseQuery(artifactQueries.flowList(org, flow, page, ARTIFACTS_PER_PAGE))
  const next = useQuery({
    ...artifactQueries.flowList(org, flow, page + 1, ARTIFACTS_PER_PAGE),
    enabled: data.mayHaveMore,
  })
  const hasNext = data.mayHaveMore && (next.data ? next.data.artifacts.length > 0 : true)
  const goTo = (target: number) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current)
      if (target <= 1) params.delete('page')
      else params.set('page', String(target))
      return params
    })

  return (
    <HeadedSection
      id="artifacts-heading"
      title="Artifacts"
      className="space-y-2"
      beside={
        <>
          <p className="text-sm text-muted">Newest first · page {page}</p>
          <div className="ml-auto">
            <ExportMenu
              filename={`${org}-${flow}-artifacts-page-${page}`}
              rows={data.artifacts}
              columns={ARTIFACT_COLUMNS}
              label="artifacts"
            />
          </div>
        </>
      }
    >
      {data.artifacts.length === 0 ? (
        <EmptyState title={page > 1 ? `No artifacts on page ${page}` : 'No artifacts yet'}>
          {page > 1 ? (
            <button
              type="button"
              className="text-accent underline underline-offset-2"
              onClick={() => goTo(1)}
            >
              Go to the first page
            </button>
          ) : (
            <p>Artifacts appear here once CI reports a build to this flow.</p>
          )}
        </EmptyState>
      ) : (
        <Table
          caption={<>Artifacts of flow {flow}, newest first</>}
          columns={['Commit', 'Artifact', 'Fingerprint', 'Compliance', 'Created']}
        >
          {data.artifacts.map((artifact) => (
            <tr key={artifact.fingerprint} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <ShortId value={artifact.gitCommit} kind="commit" href={artifact.commitUrl} />
              </td>
              <th scope="row" className="px-3 py-2 font-medium break-all">
                <Link
                  className="text-accent underline-offset-2 hover:underline"
                  to={artifactPath(org, flow, artifact.fingerprint)}
                >
                  {artifact.name || artifact.fingerprint}
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">
                <ShortId value={artifact.fingerprint} kind="fingerprint" length={12} />
              </td>
              <td className="px-3 py-2">
                <ArtifactComplianceWhy
                  org={org}
                  flow={flow}
                  artifact={artifact}
                  subject={shortArtifactName(artifact.name || artifact.fingerprint)}
                />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <TimeStamp value={artifact.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      {page > 1 || hasNext ? (
        <nav aria-label="Artifact pages" className="flex items-center gap-3">
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => goTo(page - 1)}
            className="rounded border border-line px-2 py-1 hover:bg-raised disabled:opacity-50"
          >
            Newer
          </button>
          <span>Page {page}</span>
          <button
            type="button"
            disabled={!hasNext}
            onClick={() => goTo(page + 1)}
            className="rounded border border-line px-2 py-1 hover:bg-raised disabled:opacity-50"
          >
            Older
          </button>
          {!hasNext ? <span className="text-sm text-muted">No older artifacts</span> : null}
        </nav>
      ) : null}
    </HeadedSection>
  )
}

/** Kosli keeps trails from 2024 on; only an older flow's empty list is explained by its age. */
const TRAILS_BEGIN = Date.UTC(2024, 0, 1) / 1000

export function noTrailsText(latestActivityAt: number | null): string {
  return latestActivityAt !== null && latestActivityAt < TRAILS_BEGIN
    ? 'This flow has no trails (flows from before 2024 have none).'
    : 'Kosli lists no trails for this flow.'
}

function TrailsSection({
  org,
  flow,
  latestActivityAt,
}: {
  org: string
  flow: string
  latestActivityAt: number | null
}) {
  const trails = useQuery(trailQueries.flowList(org, flow, 1, TRAILS_PER_PAGE))
  const section = useRef<HTMLElement>(null)
  const { hash } = useLocation()
  const opened = hash === `#${TRAILS_SECTION_ID}`
  // Opened at the trails (Kosli's trail-list link): bring them into view once they are drawn.
  useEffect(() => {
    if (opened && !trails.isPending) section.current?.scrollIntoView?.({ block: 'start' })
  }, [opened, trails.isPending])
  return (
    <section
      ref={section}
      id={TRAILS_SECTION_ID}
      aria-labelledby="trails-heading"
      className="scroll-mt-4 space-y-2"
    >
      <h2 id="trails-heading" className="text-lg font-semibold">
        Trails
      </h2>
      {trails.isPending ? (
        <Skeleton rows={3} label="Loading trails" />
      ) : trails.isError ? (
        isApiError(trails.error) && trails.error.status === 404 ? (
          <p className="text-muted">This flow has no trails.</p>
        ) : (
          <ErrorState error={trails.error} onRetry={() => void trails.refetch()} />
        )
      ) : trails.data.trails.length === 0 ? (
        <p className="text-muted">{noTrailsText(latestActivityAt)}</p>
      ) : (
        <>
          <ul className="divide-y divide-line rounded border border-line bg-surface">
            {trails.data.trails.map((trail) => (
              <TrailRow key={trail.name} org={org} flow={flow} trail={trail} />
            ))}
          </ul>
          {trails.data.total !== null && trails.data.total > trails.data.trails.length ? (
            <p className="text-sm text-muted">
              Showing the {formatCount(trails.data.trails.length)} most recent of{' '}
              {formatCount(trails.data.total)} trails.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}

function TrailRow({ org, flow, trail }: { org: string; flow: string; trail: Trail }) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
      <Link
        className="font-mono text-accent underline-offset-2 hover:underline break-all"
        to={trailPath(org, flow, trail.name)}
      >
        {trail.name}
      </Link>
      <TrailComplianceWhy org={org} trail={trail} />
      <span className="min-w-0 flex-1 truncate text-muted">
        {trail.gitCommitInfo?.message?.split('\n')[0] ?? trail.description}
      </span>
      <TimeStamp value={trail.lastModifiedAt ?? trail.createdAt} variant="relative" />
    </li>
  )
}

/** An unknown flow names itself and the org, with a way back to the list. */
export function ErrorBoundary() {
  const error = useRouteError()
  const params = useParams()
  const org = params.org ?? ''
  const flow = params.flow ?? ''
  if (isApiError(error) && error.status === 404) {
    return (
      <section role="alert" className="rounded border border-line bg-surface p-6">
        <h1 className="text-lg font-semibold">
          Flow &apos;{flow}&apos; does not exist in org &apos;{org}&apos;
        </h1>
        <p className="mt-2 text-muted">{error.message}</p>
        <p className="mt-3">
          <Link className="text-accent underline underline-offset-2" to={flowsPath(org)}>
            Back to the flows of {org}
          </Link>
        </p>
      </section>
    )
  }
  return <RouteErrorBoundary />
}
