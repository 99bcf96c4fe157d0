import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { Form, Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { artifactEndpoints } from '@/api/artifacts'
import { environmentEndpoints } from '@/api/environments'
import { trailEndpoints } from '@/api/trails'
import { useAppConfig } from '@/app/config'
import { requireParam } from '@/app/params'
import { buildAuditContent } from './audit-content'
import { auditQueries, isReportQuery, type AuditInputs, type ReportQuery } from './audit-plan'
import {
  auditQueryParams,
  describeAuditQuery,
  parseAuditQuery,
  type AuditQuery,
} from './audit-query'
import { AuditReportView, type AuditPackageLink } from './audit-report-view'
import { auditPath } from '@/lib/app-paths'

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const query = parseAuditQuery(new URL(request.url).searchParams)
    if (isReportQuery(query)) await queryClient.ensureQueryData(auditQueries.report(org, query))
    return null
  }
}

/** Kosli's own exports of the same subject; the page offers them in live mode only. */
function kosliPackages(org: string, input: AuditInputs): AuditPackageLink[] {
  switch (input.kind) {
    case 'artifact': {
      const { flow, fingerprint } = input.artifact
      return flow
        ? [
            {
              label: 'Kosli audit package',
              href: artifactEndpoints.auditPackage(org, flow, fingerprint),
            },
          ]
        : []
    }
    case 'trail': {
      const { flow, name } = input.trail
      return [
        { label: 'Kosli audit PDF', href: trailEndpoints.auditPdf(org, flow, name) },
        { label: 'Kosli audit package', href: trailEndpoints.auditPackage(org, flow, name) },
      ]
    }
    case 'snapshot':
      return []
    case 'environment':
      return [
        {
          label: 'Kosli audit log (CSV)',
          href: environmentEndpoints.auditLog(org, input.environment.name, input.from, input.to),
        },
      ]
  }
}

function Report({ org, query }: { org: string; query: ReportQuery }) {
  const { data } = useSuspenseQuery(auditQueries.report(org, query))
  // The moment this report was assembled; shown on the page and in the manifest.
  const [generatedAt] = useState(() => Date.now())
  const { mode } = useAppConfig()
  return (
    <AuditReportView
      content={buildAuditContent(org, data)}
      packages={mode === 'live' ? kosliPackages(org, data) : []}
      mode={mode}
      generatedAt={generatedAt}
      org={org}
      question={describeAuditQuery(query)}
      params={auditQueryParams(query)}
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
  if (isReportQuery(query)) return <Report org={org} query={query} />
  return <AskForm org={org} error={query.kind === 'invalid' ? query.error : null} />
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const [searchParams] = useSearchParams()
  const query = parseAuditQuery(searchParams)
  return <ReportFor key={searchParams.toString()} query={query} org={org} />
}
