import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Artifact } from '@/api/artifacts'
import { attestationQueries } from '@/api/attestations'
import type { ComplianceState } from '@/api/domain'
import { trailQueries, type AttestationStatus, type Trail } from '@/api/trails'
import { ComplianceBadge } from '@/components/compliance-badge'
import { AttestationFailureNote } from '@/features/compliance/attestation-failure-note'
import { junitSummary, pullRequests, snykSummary } from '@/features/compliance/attestation-failures'
import { DataTree } from '@/components/data-tree'
import { ErrorState } from '@/components/error-state'
import { SafeLink } from '@/components/safe-link'
import { Skeleton } from '@/components/skeleton'
import { TimeStamp } from '@/components/time-stamp'
import { pluralise } from '@/lib/format'
import { evidenceData } from './evidence-details'
import { trailPath } from '@/lib/app-paths'
import type { ArtifactSectionProps } from './artifact-props'

interface EvidenceRow {
  key: string
  name: string
  type: string | null
  state: ComplianceState
  createdAt: number | null
  attestationId: string | null
  /** Where the row came from, for the reader. */
  scope: 'artifact' | 'trail' | 'legacy'
}

function statusState(status: AttestationStatus): ComplianceState {
  if (status.status === 'MISSING') return 'MISSING'
  if (status.compliant === true) return 'COMPLIANT'
  if (status.compliant === false) return 'NON-COMPLIANT'
  return 'UNKNOWN'
}

/** The attestations the trail's compliance status lists for this artifact, and for its trail. */
export function trailEvidenceRows(trail: Trail, artifact: Artifact): EvidenceRow[] {
  const times = new Map<string, number>()
  for (const event of trail.events) {
    if (event.attestationId) times.set(event.attestationId, event.timestamp)
  }
  const slot =
    trail.checklist?.artifacts.find((item) => item.fingerprint === artifact.fingerprint) ??
    trail.checklist?.artifacts.find((item) => item.slot === artifact.templateReference)
  const toRow = (scope: 'artifact' | 'trail') => (status: AttestationStatus, index: number) => ({
    key: `${scope}-${status.attestationId ?? status.name}-${index}`,
    name: status.name,
    type: status.type,
    state: statusState(status),
    createdAt: status.attestationId ? (times.get(status.attestationId) ?? null) : null,
    attestationId: status.attestationId,
    scope,
  })
  return [
    ...(slot?.attestations ?? []).map(toRow('artifact')),
    ...(trail.checklist?.attestations ?? []).map(toRow('trail')),
  ]
}

function legacyRows(artifact: Artifact): EvidenceRow[] {
  return artifact.evidence.map((item, index) => ({
    key: `legacy-${item.name}-${index}`,
    name: item.name,
    type: item.type,
    state:
      item.isCompliant === true
        ? 'COMPLIANT'
        : item.isCompliant === false
          ? 'NON-COMPLIANT'
          : 'UNKNOWN',
    createdAt: item.createdAt,
    attestationId: null,
    scope: 'legacy',
  }))
}

function AttestationDetails({ org, id }: { org: string; id: string }) {
  const query = useQuery(attestationQueries.byId(org, id))
  if (query.isPending) return <Skeleton rows={2} label="Loading attestation" />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const attestation = query.data
  if (!attestation)
    return <p className="text-muted">The API has no details for this attestation.</p>
  const junit = junitSummary(attestation.raw)
  const snyk = snykSummary(attestation.raw)
  const prs = pullRequests(attestation.raw) ?? []
  const data = evidenceData(attestation.raw)
  return (
    <div className="space-y-2 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">Reported</dt>
        <dd>
          <TimeStamp value={attestation.createdAt} />
        </dd>
        {attestation.reportedBy ? (
          <>
            <dt className="text-muted">Reported by</dt>
            <dd>{attestation.reportedBy}</dd>
          </>
        ) : null}
        {attestation.originUrl ? (
          <>
            <dt className="text-muted">Origin</dt>
            <dd className="break-all">
              <SafeLink href={attestation.originUrl} />
            </dd>
          </>
        ) : null}
        {attestation.description ? (
          <>
            <dt className="text-muted">Description</dt>
            <dd className="break-words">{attestation.description}</dd>
          </>
        ) : null}
      </dl>
      <AttestationFailureNote attestation={attestation} />
      {junit ? (
        <p>
          <span className="font-medium">Tests: </span>
          {pluralise(junit.total, 'test')}, {pluralise(junit.failures, 'failure')},{' '}
          {pluralise(junit.errors, 'error')}, {junit.skipped} skipped (
          {pluralise(junit.suites.length, 'suite')})
        </p>
      ) : null}
      {snyk ? (
        <p>
          <span className="font-medium">{snyk.tool ?? 'Snyk'}: </span>
          {snyk.critical ? `${snyk.critical} critical, ` : ''}
          {snyk.high} high, {snyk.medium} medium, {snyk.low} low severity vulnerabilities
        </p>
      ) : null}
      {prs.length ? (
        <ul className="space-y-1">
          {prs.map((pr, index) => (
            <li key={index}>
              <span className="font-medium">Pull request: </span>
              <SafeLink href={pr.url}>{pr.title ?? pr.url ?? 'unknown'}</SafeLink>
              {pr.state ? ` · ${pr.state}` : ''}
              {pr.author ? ` · by ${pr.author}` : ''}
              {pr.approvers.length
                ? ` · approved by ${pr.approvers.join(', ')}`
                : ' · no approvers'}
            </li>
          ))}
        </ul>
      ) : attestation.type === 'pull_request' ? (
        <p className="text-muted">No pull request was found for this commit.</p>
      ) : null}
      {Object.keys(data).length ? (
        <div>
          <p className="font-medium">Data</p>
          <DataTree value={data} />
        </div>
      ) : null}
    </div>
  )
}

function EvidenceItem({
  org,
  flow,
  trail,
  row,
}: {
  org: string
  flow: string
  trail: string | null
  row: EvidenceRow
}) {
  const [open, setOpen] = useState(false)
  return (
    <li>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-raised/50">
          <span className="font-medium break-all">{row.name}</span>
          <span className="rounded bg-raised px-1.5 text-xs text-muted">
            {row.type ?? 'unknown type'}
          </span>
          {row.scope === 'trail' ? <span className="text-xs text-muted">on the trail</span> : null}
          <ComplianceBadge value={row.state} />
          <span className="ml-auto text-sm">
            <TimeStamp value={row.createdAt} variant="absolute" />
          </span>
        </summary>
        <div className="space-y-2 border-t border-line px-3 py-2">
          {open && row.attestationId ? (
            <AttestationDetails org={org} id={row.attestationId} />
          ) : null}
          {row.scope === 'legacy' ? (
            <p className="text-sm text-muted">
              Legacy evidence (before trails): Kosli kept its type and compliance only.
            </p>
          ) : null}
          {row.scope !== 'legacy' && !row.attestationId ? (
            <p className="text-sm text-muted">Not reported yet.</p>
          ) : null}
          {trail ? (
            <Link
              className="text-sm text-accent underline underline-offset-2"
              to={trailPath(org, flow, trail, row.attestationId ?? undefined)}
            >
              Open on trail {trail}
            </Link>
          ) : null}
        </div>
      </details>
    </li>
  )
}

/** Evidence reported for the artifact: legacy evidence, or the attestations on its trail. */
export function EvidenceList({ org, flow, artifact }: ArtifactSectionProps) {
  const trail = useQuery({
    ...trailQueries.detail(org, flow, artifact.trail ?? ''),
    enabled: artifact.trail !== null,
  })
  const legacy = legacyRows(artifact)
  const rows = [...legacy, ...(trail.data ? trailEvidenceRows(trail.data, artifact) : [])]

  return (
    <section aria-labelledby="evidence-heading" className="space-y-2">
      <h2 id="evidence-heading" className="text-lg font-semibold">
        Evidence
      </h2>
      {artifact.trail && trail.isPending ? <Skeleton rows={3} label="Loading evidence" /> : null}
      {trail.isError ? (
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
      ) : null}
      {rows.length ? (
        <ul className="divide-y divide-line rounded border border-line bg-surface">
          {rows.map((row) => (
            <EvidenceItem key={row.key} org={org} flow={flow} trail={artifact.trail} row={row} />
          ))}
        </ul>
      ) : artifact.trail && trail.isPending ? null : (
        <p className="text-muted">No evidence was reported for this artifact.</p>
      )}
    </section>
  )
}
