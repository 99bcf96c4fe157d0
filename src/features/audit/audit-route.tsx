import type { QueryClient } from '@tanstack/react-query'
import { useQueries, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { Form, Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { artifactQueries, type Artifact } from '@/api/artifacts'
import { apiPath } from '@/api/client'
import { environmentQueries } from '@/api/environments'
import { eventQueries } from '@/api/events'
import { snapshotQueries } from '@/api/snapshots'
import { trailQueries } from '@/api/trails'
import { useAppConfig } from '@/app/config'
import { describeError } from '@/components/describe-error'
import { requireParam } from '@/app/params'
import { Skeleton } from '@/components/skeleton'
import type { Snappish } from '@/lib/snappish'
import {
  buildArtifactContent,
  buildEnvironmentContent,
  buildSnapshotContent,
  buildTrailContent,
  type ArtifactRuntime,
  type AuditContent,
} from './audit-content'
import {
  auditQueryParams,
  describeAuditQuery,
  parseAuditQuery,
  snapshotAt,
  type AuditQuery,
} from './audit-query'
import { AuditReportView, type AuditPackageLink } from './audit-report-view'
import { auditPath } from '@/lib/app-paths'

/** Snapshots an artifact runs in are judged by policy; a handful is enough for a report. */
const MAX_RUNTIMES = 5

function runtimeRefs(artifact: Artifact) {
  return artifact.running.slice(0, MAX_RUNTIMES)
}

const indexSnappish = (env: string, index: number): Snappish => ({ kind: 'index', env, index })

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const query = parseAuditQuery(new URL(request.url).searchParams)
    switch (query.kind) {
      case 'artifact': {
        const artifact = await queryClient.ensureQueryData(
          artifactQueries.detail(org, query.flow, query.fingerprint),
        )
        // These depend on the artifact (its trail, where it runs); they may fail on their own.
        await Promise.all([
          artifact.trail && artifact.flow
            ? queryClient.prefetchQuery(trailQueries.detail(org, artifact.flow, artifact.trail))
            : null,
          ...runtimeRefs(artifact).map((ref) =>
            queryClient.prefetchQuery(
              snapshotQueries.detail(org, indexSnappish(ref.environment, ref.index)),
            ),
          ),
        ])
        break
      }
      case 'trail':
        await queryClient.ensureQueryData(trailQueries.detail(org, query.flow, query.trail))
        break
      case 'snapshot':
        await queryClient.ensureQueryData(snapshotQueries.detail(org, query.snappish))
        break
      case 'environment': {
        const fromOptions = snapshotQueries.detail(org, snapshotAt(query.env, query.from))
        const toOptions = snapshotQueries.detail(org, snapshotAt(query.env, query.to))
        await Promise.all([
          queryClient.ensureQueryData(environmentQueries.detail(org, query.env)),
          queryClient.prefetchQuery(fromOptions),
          queryClient.prefetchQuery(toOptions),
        ])
        const end = queryClient.getQueryData(toOptions.queryKey)
        const start = queryClient.getQueryData(fromOptions.queryKey)
        if (end) {
          await queryClient.prefetchQuery(
            eventQueries.between(org, query.env, start?.index ?? 1, end.index),
          )
        }
        break
      }
      default:
        break
    }
    return null
  }
}

interface ReportProps {
  org: string
  question: string
  params: Record<string, string>
}

function Report({
  content,
  packages = [],
  ...props
}: ReportProps & { content: AuditContent; packages?: AuditPackageLink[] }) {
  // The moment this report was assembled; shown on the page and in the manifest.
  const [generatedAt] = useState(() => Date.now())
  const { mode } = useAppConfig()
  return (
    <AuditReportView
      content={content}
      packages={mode === 'live' ? packages : []}
      mode={mode}
      generatedAt={generatedAt}
      {...props}
    />
  )
}

function ArtifactReport({
  flow,
  fingerprint,
  ...props
}: ReportProps & { flow: string; fingerprint: string }) {
  const { org } = props
  const { data: artifact } = useSuspenseQuery(artifactQueries.detail(org, flow, fingerprint))
  const trailQuery = useQuery({
    ...trailQueries.detail(org, artifact.flow ?? flow, artifact.trail ?? ''),
    enabled: !!artifact.trail,
  })
  const refs = runtimeRefs(artifact)
  const snapshots = useQueries({
    queries: refs.map((ref) =>
      snapshotQueries.detail(org, indexSnappish(ref.environment, ref.index)),
    ),
  })
  if ((artifact.trail && trailQuery.isPending) || snapshots.some((item) => item.isPending)) {
    return <Skeleton label="Loading the artifact's trail and snapshots" />
  }
  const runtimes: ArtifactRuntime[] = refs.map((ref, index) => {
    const result = snapshots[index]
    return {
      environment: ref.environment,
      index: ref.index,
      snapshot: result?.data ?? null,
      error: result?.error ? `Could not load: ${describeError(result.error).detail}` : null,
    }
  })
  const content = buildArtifactContent(org, artifact, trailQuery.data ?? null, runtimes)
  if (trailQuery.error) {
    content.sections.push({
      heading: `Trail ${artifact.trail ?? ''}`,
      source: null,
      facts: [],
      tables: [],
      notes: [`Could not load the trail: ${describeError(trailQuery.error).detail}`],
    })
  }
  const packages = artifact.flow
    ? [
        {
          label: 'Kosli audit package',
          href: apiPath('artifacts', org, artifact.flow, artifact.fingerprint, 'audit_package'),
        },
      ]
    : []
  return <Report {...props} content={content} packages={packages} />
}

function TrailReport({ flow, trail, ...props }: ReportProps & { flow: string; trail: string }) {
  const { data } = useSuspenseQuery(trailQueries.detail(props.org, flow, trail))
  return (
    <Report
      {...props}
      content={buildTrailContent(props.org, data)}
      packages={[
        { label: 'Kosli audit PDF', href: apiPath('trails', props.org, flow, trail, 'audit_pdf') },
        {
          label: 'Kosli audit package',
          href: apiPath('trails', props.org, flow, trail, 'audit_package'),
        },
      ]}
    />
  )
}

function SnapshotReport({ snappish, ...props }: ReportProps & { snappish: Snappish }) {
  const { data } = useSuspenseQuery(snapshotQueries.detail(props.org, snappish))
  return <Report {...props} content={buildSnapshotContent(props.org, data)} />
}

function EnvironmentReport({
  env,
  from,
  to,
  ...props
}: ReportProps & { env: string; from: number; to: number }) {
  const { org } = props
  const { data: environment } = useSuspenseQuery(environmentQueries.detail(org, env))
  const start = useQuery(snapshotQueries.detail(org, snapshotAt(env, from)))
  const end = useQuery(snapshotQueries.detail(org, snapshotAt(env, to)))
  const events = useQuery({
    ...eventQueries.between(org, env, start.data?.index ?? 1, end.data?.index ?? 1),
    enabled: !!end.data && !start.isPending,
  })
  if (start.isPending || end.isPending || (end.data && events.isPending)) {
    return <Skeleton label="Loading the environment's changes" />
  }
  const notes: string[] = []
  if (start.error)
    notes.push('The range starts before the first snapshot (or it could not be loaded).')
  if (end.error)
    notes.push(`Could not load the snapshot at the end: ${describeError(end.error).detail}`)
  if (events.error) notes.push(`Could not load the changes: ${describeError(events.error).detail}`)
  const content = buildEnvironmentContent(org, {
    environment,
    from,
    to,
    start: start.data ?? null,
    end: end.data ?? null,
    events: events.data?.events ?? [],
    truncated: events.data?.truncated ?? false,
    notes,
  })
  const auditLog = `${apiPath('environments', org, env, 'auditlog')}?from_timestamp=${Math.floor(from)}&to_timestamp=${Math.ceil(to)}`
  return (
    <Report
      {...props}
      content={content}
      packages={[{ label: 'Kosli audit log (CSV)', href: auditLog }]}
    />
  )
}

/** The four questions the audit page can be asked, each a GET form onto its own URL. */
const ASK_FORMS: ReadonlyArray<{
  subject: string
  fields: ReadonlyArray<{ name: string; label: string; placeholder: string }>
}> = [
  {
    subject: 'artifact',
    fields: [
      { name: 'artifact', label: 'Artifact (flow@fingerprint)', placeholder: 'runner@9af401c4' },
    ],
  },
  {
    subject: 'trail',
    fields: [{ name: 'trail', label: 'Trail (flow/trail)', placeholder: 'runner-ci/a2ffba5…' }],
  },
  {
    subject: 'snapshot',
    fields: [{ name: 'snapshot', label: 'Snapshot (env#N)', placeholder: 'aws-prod#65' }],
  },
  {
    subject: 'environment',
    fields: [
      { name: 'env', label: 'Environment', placeholder: 'aws-prod' },
      { name: 'from', label: 'From (ISO, UTC)', placeholder: '2022-08-22T00:00:00Z' },
      { name: 'to', label: 'To (ISO, UTC)', placeholder: '2022-08-25T00:00:00Z' },
    ],
  },
]

function AskForm({ org, error }: { org: string; error: string | null }) {
  const base = auditPath(org)
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">Audit report</h1>
      {error ? (
        <p role="alert" className="rounded border border-bad/40 bg-bad-soft p-2 text-bad">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      ) : (
        <p className="text-muted">
          Choose what to report on: an artifact, a trail, a snapshot, or an environment over a date
          range.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {ASK_FORMS.map((form) => (
          <Form
            key={form.subject}
            method="get"
            action={base}
            className="space-y-1 rounded border border-line bg-surface p-3"
          >
            {form.fields.map((field, index) => (
              <Fragment key={field.name}>
                <label
                  className={index === 0 ? 'block font-medium' : 'block'}
                  htmlFor={`audit-${field.name}`}
                >
                  {field.label}
                </label>
                <input
                  id={`audit-${field.name}`}
                  name={field.name}
                  className="w-full rounded border border-line bg-surface px-2 py-1"
                  placeholder={field.placeholder}
                  required
                />
              </Fragment>
            ))}
            <button type="submit" className="rounded border border-line px-3 py-1 hover:bg-raised">
              Report on {form.subject}
            </button>
          </Form>
        ))}
      </div>
      <p className="text-muted">
        Example:{' '}
        <Link
          className="text-accent hover:underline"
          to={`${base}?artifact=runner%409af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625`}
        >
          the runner:16d9990 artifact
        </Link>
      </p>
    </section>
  )
}

function ReportFor({ query, org }: { query: AuditQuery; org: string }) {
  const props = { org, question: describeAuditQuery(query), params: auditQueryParams(query) }
  switch (query.kind) {
    case 'artifact':
      return <ArtifactReport {...props} flow={query.flow} fingerprint={query.fingerprint} />
    case 'trail':
      return <TrailReport {...props} flow={query.flow} trail={query.trail} />
    case 'snapshot':
      return <SnapshotReport {...props} snappish={query.snappish} />
    case 'environment':
      return <EnvironmentReport {...props} env={query.env} from={query.from} to={query.to} />
    case 'invalid':
      return <AskForm org={org} error={query.error} />
    case 'none':
      return <AskForm org={org} error={null} />
  }
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const [searchParams] = useSearchParams()
  const query = parseAuditQuery(searchParams)
  return <ReportFor key={searchParams.toString()} query={query} org={org} />
}
