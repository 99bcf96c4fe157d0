import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { Link, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { attestationQueries } from '@/api/attestations'
import { trailEndpoints, trailQueries, type Trail, type TrailEvent } from '@/api/trails'
import { useAppConfig } from '@/app/config'
import { requireParam } from '@/app/params'
import { Breadcrumb } from '@/components/breadcrumb'
import { ComplianceBadge } from '@/components/compliance-badge'
import { EmptyState } from '@/components/empty-state'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { Table } from '@/components/table'
import { TimeStamp } from '@/components/time-stamp'
import { ComplianceChecklist } from '@/features/compliance/compliance-checklist'
import { TrailComplianceWhy } from '@/features/compliance/trail-why'
import {
  artifactPath,
  auditPath,
  flowPath,
  flowsPath,
  snapshotPath,
  trailPath,
} from '@/lib/app-paths'
import { AttestationPanel } from './attestation-panel'
import { FactRow, OriginLink } from './fact-row'
import { producedArtifacts, trailEventCompliance, trailEventSentence } from './trail-event-text'

/** `?attestation_id=` opens the drawer; anything else is ignored. */
export function parseTrailSearch(params: URLSearchParams): { attestationId: string | null } {
  const id = params.get('attestation_id')?.trim() ?? ''
  return { attestationId: id && id.length <= 200 ? id : null }
}

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const flow = requireParam(params, 'flow')
    const trail = requireParam(params, 'trail')
    const { attestationId } = parseTrailSearch(new URL(request.url).searchParams)
    // The drawer's data is fetched alongside, but its failure must not take the page down.
    await Promise.all([
      queryClient.ensureQueryData(trailQueries.detail(org, flow, trail)),
      attestationId ? queryClient.prefetchQuery(attestationQueries.byId(org, attestationId)) : null,
    ])
    return null
  }
}

function attestationName(trail: Trail, id: string): string | null {
  const checklist = trail.checklist
  for (const status of checklist?.attestations ?? []) {
    if (status.attestationId === id) return status.name
  }
  for (const slot of checklist?.artifacts ?? []) {
    for (const status of slot.attestations) {
      if (status.attestationId === id) return `${slot.slot}.${status.name}`
    }
  }
  const event = trail.events.find((item) => item.attestationId === id)
  return event?.templateReference ?? null
}

function EventRow({ event, org, trail }: { event: TrailEvent; org: string; trail: Trail }) {
  const compliance = trailEventCompliance(event)
  return (
    <li className="relative border-l-2 border-line pb-3 pl-4">
      <span
        aria-hidden="true"
        className="absolute top-1.5 -left-[5px] h-2 w-2 rounded-full bg-accent"
      />
      <p className="text-xs text-muted">
        <TimeStamp value={event.timestamp} />
      </p>
      <p className="break-words">
        {event.attestationId ? (
          <Link
            className="text-accent hover:underline"
            to={trailPath(org, trail.flow, trail.name, event.attestationId)}
          >
            {trailEventSentence(event)}
          </Link>
        ) : (event.type === 'artifact_started_running' ||
            event.type === 'artifact_stopped_running') &&
          event.environment &&
          event.snapshotIndex !== null ? (
          <Link
            className="text-accent hover:underline"
            to={snapshotPath(org, event.environment, event.snapshotIndex)}
          >
            {trailEventSentence(event)}
          </Link>
        ) : (
          trailEventSentence(event)
        )}
        {compliance ? (
          <span className="ml-2">
            <ComplianceBadge value={event.compliant} label={compliance} />
          </span>
        ) : null}
      </p>
      {event.gitCommit ? (
        <p className="text-xs text-muted">
          commit <ShortId value={event.gitCommit} kind="commit" />
        </p>
      ) : null}
    </li>
  )
}

export function Component() {
  const params = useParams()
  const org = requireParam(params, 'org')
  const flow = requireParam(params, 'flow')
  const name = requireParam(params, 'trail')
  const [searchParams, setSearchParams] = useSearchParams()
  const { attestationId } = parseTrailSearch(searchParams)
  const { data: trail } = useSuspenseQuery(trailQueries.detail(org, flow, name))
  const live = useAppConfig().mode === 'live'

  const closePanel = useCallback(() => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current)
      next.delete('attestation_id')
      return next
    })
  }, [setSearchParams])

  const commit = trail.gitCommitInfo
  const artifacts = producedArtifacts(trail.events, trail.checklist?.artifacts ?? [])
  const events = [...trail.events].sort((a, b) => a.timestamp - b.timestamp)
  const trailRef = { org, flow: trail.flow, name: trail.name }

  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <Breadcrumb
          links={[
            { label: 'Flows', to: flowsPath(org) },
            { label: flow, to: flowPath(org, flow) },
          ]}
          current="trails"
        />
        <h1 className="text-xl font-semibold break-all">Trail {trail.name}</h1>
        {trail.description ? <p className="text-muted">{trail.description}</p> : null}
        <div className="flex flex-wrap items-center gap-3">
          <TrailComplianceWhy
            org={org}
            trail={trail}
            heading="What this verdict is based on"
            headingLevel={2}
          />
          <Link
            className="text-accent hover:underline"
            to={auditPath(org, { trail: `${trail.flow}/${trail.name}` })}
          >
            Audit report
          </Link>
          {live ? (
            <a
              className="text-accent hover:underline"
              href={trailEndpoints.auditPdf(org, trail.flow, trail.name)}
            >
              Kosli audit PDF
            </a>
          ) : null}
        </div>
      </header>

      <div className="grid gap-5 lg:grid-cols-2">
        <section
          aria-labelledby="trail-commit"
          className="rounded border border-line bg-surface p-3"
        >
          <h2 id="trail-commit" className="mb-1 font-semibold">
            Git commit
          </h2>
          {commit ? (
            <dl>
              <FactRow labelWidth="wide" label="Commit">
                <ShortId value={commit.sha} kind="commit" href={commit.url} />
              </FactRow>
              <FactRow labelWidth="wide" label="Message">
                <span className="whitespace-pre-wrap">{commit.message ?? 'none'}</span>
              </FactRow>
              <FactRow labelWidth="wide" label="Author">
                {commit.author ?? 'unknown'}
              </FactRow>
              <FactRow labelWidth="wide" label="Branch">
                {commit.branch ?? 'unknown'}
              </FactRow>
              <FactRow labelWidth="wide" label="Committed">
                <TimeStamp value={commit.timestamp} />
              </FactRow>
            </dl>
          ) : (
            <p className="text-muted">No git commit was reported for this trail.</p>
          )}
        </section>
        <section
          aria-labelledby="trail-facts"
          className="rounded border border-line bg-surface p-3"
        >
          <h2 id="trail-facts" className="mb-1 font-semibold">
            Trail
          </h2>
          <dl>
            <FactRow labelWidth="wide" label="Flow">
              <Link className="text-accent hover:underline" to={flowPath(org, trail.flow)}>
                {trail.flow}
              </Link>
            </FactRow>
            <FactRow labelWidth="wide" label="Origin (CI run)">
              <OriginLink url={trail.originUrl} />
            </FactRow>
            <FactRow labelWidth="wide" label="Started">
              <TimeStamp value={trail.createdAt} />
            </FactRow>
            <FactRow labelWidth="wide" label="Last modified">
              <TimeStamp value={trail.lastModifiedAt} />
            </FactRow>
            <FactRow labelWidth="wide" label="Created by">
              {trail.createdBy ?? 'unknown'}
            </FactRow>
            {trail.htmlUrl ? (
              <FactRow labelWidth="wide" label="In Kosli">
                <SafeLink href={trail.htmlUrl}>Open in Kosli</SafeLink>
              </FactRow>
            ) : null}
          </dl>
        </section>
      </div>

      {trail.checklist ? (
        <ComplianceChecklist checklist={trail.checklist} trail={trailRef} headingLevel={2} />
      ) : (
        <section>
          <h2 className="font-semibold">Compliance checklist</h2>
          <p className="text-muted">Kosli reported no compliance status for this trail.</p>
        </section>
      )}

      <section aria-labelledby="trail-artifacts" className="space-y-2">
        <h2 id="trail-artifacts" className="font-semibold">
          Artifacts produced
        </h2>
        {artifacts.length ? (
          <Table
            compact
            caption={<>Artifacts produced on trail {trail.name}</>}
            columns={['Name', 'Template name', 'Fingerprint', 'Reported']}
          >
            {artifacts.map((artifact) => (
              <tr key={artifact.fingerprint}>
                <th scope="row" className="px-3 py-1 font-normal break-all">
                  <Link
                    className="text-accent hover:underline"
                    to={artifactPath(org, trail.flow, artifact.fingerprint)}
                  >
                    {artifact.name ?? artifact.slot ?? artifact.fingerprint}
                  </Link>
                </th>
                <td className="px-3 py-1">{artifact.slot ?? 'none'}</td>
                <td className="px-3 py-1">
                  <ShortId value={artifact.fingerprint} kind="fingerprint" />
                </td>
                <td className="px-3 py-1">
                  <TimeStamp value={artifact.reportedAt} />
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <EmptyState title="No artifacts were reported on this trail." />
        )}
      </section>

      <section aria-labelledby="trail-events" className="space-y-2">
        <h2 id="trail-events" className="font-semibold">
          Events
        </h2>
        {events.length ? (
          <ol className="ml-1">
            {events.map((event, index) => (
              <EventRow
                key={`${event.type}:${event.timestamp}:${index}`}
                event={event}
                org={org}
                trail={trail}
              />
            ))}
          </ol>
        ) : (
          <EmptyState title="No events were reported on this trail." />
        )}
      </section>

      {attestationId ? (
        <AttestationPanel
          org={org}
          id={attestationId}
          name={attestationName(trail, attestationId)}
          onClose={closePanel}
        />
      ) : null}
    </article>
  )
}
