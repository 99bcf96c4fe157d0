import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { lazy, Suspense, type ReactNode } from 'react'
import {
  Link,
  replace,
  useLoaderData,
  useParams,
  useRouteError,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router'
import { artifactQueries, type ArtifactAddress } from '@/api/artifacts'
import { isApiError } from '@/api/client'
import type { SnapshotRef } from '@/api/domain'
import { trailQueries } from '@/api/trails'
import { requireParam } from '@/app/params'
import { pathOnlyRevalidation, type LoaderData } from '@/lib/route-module'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { Breadcrumb } from '@/components/breadcrumb'
import { AuditReportLink } from '@/components/audit-report-link'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { TimeStamp } from '@/components/time-stamp'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { shortArtifactName } from '@/lib/format'
import { ArtifactCandidates } from './artifact-candidates'
import { ComplianceAtStart, prefetchComplianceAtStart } from './compliance-at-start'
import { EvidenceList } from './evidence-list'
import { artifactLanes, HistoryPlaceholder } from './history-placeholder'
import { LifecycleTimeline } from './lifecycle-timeline'
import { flowPath, flowsPath, snapshotPath, trailPath } from '@/lib/app-paths'
import {
  FINGERPRINT_PREFIX,
  FULL_FINGERPRINT,
  resolveFingerprintPrefix,
  type FingerprintResolution,
} from './resolve-fingerprint'
import type { ArtifactSectionProps } from './artifact-props'

// Its own chunk, fetched after the page: the chart and its logs are not needed to show it.
const ArtifactHistory = lazy(() => import('@/features/history/artifact-history'))

type ArtifactData =
  { kind: 'artifact' } | { kind: 'invalid' } | Exclude<FingerprintResolution, { kind: 'one' }>

/** Filters and sorts live in the search params; the loader reads only the path. */
export const shouldRevalidate = pathOnlyRevalidation

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs): Promise<ArtifactData | Response> => {
    const org = requireParam(params, 'org')
    const flow = requireParam(params, 'flow')
    const fingerprint = requireParam(params, 'fingerprint')
    if (FULL_FINGERPRINT.test(fingerprint)) {
      const artifact = await queryClient.ensureQueryData(
        artifactQueries.detail(org, flow, fingerprint),
      )
      // Evidence needs the trail, and compliance-at-start the events and snapshots of each run's
      // start; only the artifact names them: start them all now, together, and don't wait.
      if (artifact.trail)
        void queryClient.prefetchQuery(trailQueries.detail(org, flow, artifact.trail))
      prefetchComplianceAtStart(queryClient, org, artifact)
      return { kind: 'artifact' }
    }
    if (!FINGERPRINT_PREFIX.test(fingerprint)) return { kind: 'invalid' }
    const resolution = await resolveFingerprintPrefix(queryClient, org, flow, fingerprint)
    // A unique prefix is the full fingerprint's page; replace, so Back skips the short URL.
    if (resolution.kind === 'one') return replace(resolution.path)
    return resolution
  }
}

export function Component() {
  const data = useLoaderData<LoaderData<typeof loader>>()
  const params = useParams()
  const org = requireParam(params, 'org')
  const flow = requireParam(params, 'flow')
  const fingerprint = requireParam(params, 'fingerprint')
  if (data.kind === 'artifact')
    return <ArtifactPage org={org} flow={flow} fingerprint={fingerprint} />
  return <Unresolved org={org} flow={flow} fingerprint={fingerprint} data={data} />
}

function Unresolved({
  org,
  flow,
  fingerprint,
  data,
}: ArtifactAddress & { data: Exclude<ArtifactData, { kind: 'artifact' }> }) {
  const elsewhere = data.kind === 'invalid' ? [] : data.elsewhere
  return (
    <div className="space-y-4">
      <FlowBreadcrumb org={org} flow={flow} />
      {data.kind === 'many' ? (
        <>
          <h1 className="text-xl font-semibold">
            {data.candidates.length} artifacts in {flow} start with{' '}
            <code className="font-mono">{fingerprint}</code>
          </h1>
          <p className="text-muted">The fingerprint prefix is ambiguous. Pick one:</p>
          <ArtifactCandidates
            org={org}
            candidates={data.candidates}
            caption={`Artifacts in ${flow} whose fingerprint starts with ${fingerprint}`}
          />
        </>
      ) : (
        <section role="alert" className="space-y-2 rounded border border-line bg-surface p-6">
          <h1 className="text-lg font-semibold break-all">
            {data.kind === 'invalid'
              ? `'${fingerprint}' is not a fingerprint`
              : `No artifact in flow '${flow}' has a fingerprint starting with '${fingerprint}'`}
          </h1>
          <p className="text-muted">
            {data.kind === 'invalid'
              ? 'A fingerprint is 64 hexadecimal characters; a prefix of 5 or more also works.'
              : 'Check the fingerprint, or look through the flow’s artifacts.'}
          </p>
          <Link className="text-accent underline underline-offset-2" to={flowPath(org, flow)}>
            Go to the artifacts of {flow}
          </Link>
        </section>
      )}
      {elsewhere.length ? (
        <section aria-labelledby="elsewhere-heading" className="space-y-2">
          <h2 id="elsewhere-heading" className="text-lg font-semibold">
            Matches in other flows
          </h2>
          <ArtifactCandidates
            org={org}
            candidates={elsewhere}
            caption={`Artifacts in other flows whose fingerprint starts with ${fingerprint}`}
          />
        </section>
      ) : null}
    </div>
  )
}

function FlowBreadcrumb({ org, flow, name }: { org: string; flow: string; name?: string }) {
  return (
    <Breadcrumb
      links={[
        { label: 'Flows', to: flowsPath(org) },
        { label: flow, to: flowPath(org, flow) },
      ]}
      current={name}
    />
  )
}

function SnapshotLinks({ org, refs }: { org: string; refs: ReadonlyArray<SnapshotRef> }) {
  if (!refs.length) return <span className="text-muted">none</span>
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {refs.map((ref) => (
        <li key={`${ref.environment}#${ref.index}`}>
          <Link
            className="font-mono text-accent underline-offset-2 hover:underline"
            to={snapshotPath(org, ref.environment, ref.index)}
          >
            {ref.environment}#{ref.index}
          </Link>
        </li>
      ))}
    </ul>
  )
}

function ArtifactPage({ org, flow, fingerprint }: ArtifactAddress) {
  const { data: artifact } = useSuspenseQuery(artifactQueries.detail(org, flow, fingerprint))
  // Kosli's artifact links name one reporting of the fingerprint (`?artifact_id=`).
  const [searchParams] = useSearchParams()
  const askedId = searchParams.get('artifact_id')
  return (
    <div className="space-y-6">
      <FlowBreadcrumb org={org} flow={flow} name={artifact.name} />
      {askedId && artifact.id && askedId !== artifact.id ? (
        <p role="alert" className="rounded border border-warn bg-warn-soft px-3 py-2 text-sm">
          The link names artifact id <code className="font-mono break-all">{askedId}</code>; {flow}{' '}
          reports this fingerprint as <code className="font-mono break-all">{artifact.id}</code>
          {artifact.trail ? ` on trail ${artifact.trail}` : ''}. Another reporting of the same
          fingerprint may be meant.
        </p>
      ) : null}
      <ArtifactHeader org={org} flow={flow} artifact={artifact} />
      <ComplianceAtStart org={org} flow={flow} artifact={artifact} />
      <Suspense fallback={<HistoryPlaceholder lanes={artifactLanes(artifact)} />}>
        <ArtifactHistory org={org} artifact={artifact} />
      </Suspense>
      <LifecycleTimeline org={org} history={artifact.history} />
      <EvidenceList org={org} flow={flow} artifact={artifact} />
    </div>
  )
}

function ArtifactHeader({ org, flow, artifact }: ArtifactSectionProps) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold break-all">{artifact.name || artifact.fingerprint}</h1>
        <ArtifactComplianceWhy
          org={org}
          flow={artifact.flow ?? flow}
          artifact={artifact}
          subject={shortArtifactName(artifact.name || artifact.fingerprint)}
        />
        <AuditReportLink
          org={org}
          subject={{ artifact: `${artifact.flow ?? flow}@${artifact.fingerprint}` }}
        />
      </div>
      {artifact.stateInfo ? <p className="text-muted">{artifact.stateInfo}</p> : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 rounded border border-line bg-surface p-3">
        <Fact label="Flow">
          <Link
            className="text-accent underline underline-offset-2"
            to={flowPath(org, artifact.flow ?? flow)}
          >
            {artifact.flow ?? flow}
          </Link>
        </Fact>
        {artifact.trail ? (
          <Fact label="Trail" className="break-all">
            <Link
              className="font-mono text-accent hover:underline"
              to={trailPath(org, flow, artifact.trail)}
            >
              {artifact.trail}
            </Link>
          </Fact>
        ) : null}
        {artifact.templateReference ? (
          <Fact label="Name in template">{artifact.templateReference}</Fact>
        ) : null}
        <Fact label="Fingerprint">
          <ShortId value={artifact.fingerprint} kind="fingerprint" length={12} />
        </Fact>
        <Fact label="Created">
          <TimeStamp value={artifact.createdAt} />
        </Fact>
        <Fact label="Git commit">
          <ShortId value={artifact.gitCommit} kind="commit" href={artifact.commitUrl} />
          {artifact.gitCommitInfo?.message ? (
            <span className="ml-2 text-muted">{artifact.gitCommitInfo.message.split('\n')[0]}</span>
          ) : null}
        </Fact>
        <Fact label="Build" className="break-all">
          {artifact.buildUrl ? (
            <SafeLink href={artifact.buildUrl} />
          ) : (
            <span className="text-muted">none</span>
          )}
        </Fact>
        <Fact label="Running in">
          <SnapshotLinks org={org} refs={artifact.running} />
        </Fact>
        <Fact label="Exited from">
          <SnapshotLinks org={org} refs={artifact.exited} />
        </Fact>
        {artifact.htmlUrl ? (
          <Fact label="In Kosli" className="break-all">
            <SafeLink href={artifact.htmlUrl}>Open this artifact in Kosli</SafeLink>
          </Fact>
        ) : null}
      </dl>
    </header>
  )
}

/** A 404 names the artifact and the flow, with a way back to the flow's artifacts. */
export function ErrorBoundary() {
  const error = useRouteError()
  const params = useParams()
  const org = params.org ?? ''
  const flow = params.flow ?? ''
  const fingerprint = params.fingerprint ?? ''
  if (isApiError(error) && error.status === 404) {
    return (
      <section role="alert" className="space-y-2 rounded border border-line bg-surface p-6">
        <h1 className="text-lg font-semibold break-all">
          Artifact &apos;{fingerprint}&apos; was not found in flow &apos;{flow}&apos;
        </h1>
        <p className="text-muted break-words">{error.message}</p>
        <p className="flex gap-4">
          <Link className="text-accent underline underline-offset-2" to={flowPath(org, flow)}>
            Go to the artifacts of {flow}
          </Link>
          <Link className="text-accent underline underline-offset-2" to={flowsPath(org)}>
            Go to flows
          </Link>
        </p>
      </section>
    )
  }
  return <RouteErrorBoundary />
}

/** One fact of the header's list: its name, then what it is. */
function Fact({
  label,
  className,
  children,
}: {
  label: string
  className?: string
  children: ReactNode
}) {
  return (
    <div className="contents">
      <dt className="text-muted">{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  )
}
