import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { attestationQueries, type Attestation } from '@/api/attestations'
import { isApiError } from '@/api/client'
import { useAppConfig } from '@/app/config'
import { ComplianceBadge } from '@/components/compliance-badge'
import { DataTree } from '@/components/data-tree'
import { ErrorState } from '@/components/error-state'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { Skeleton } from '@/components/skeleton'
import { TimeStamp } from '@/components/time-stamp'
import { AttestationFailureNote } from '@/features/compliance/attestation-failure-note'
import {
  jiraIssues,
  junitSummary,
  pullRequests,
  snykSummary,
  sonarSummary,
} from '@/features/compliance/attestation-failures'
import { annotationRows, customData } from './attestation-details'
import { evidenceProxyPath } from './evidence-link'
import { FactRow, OriginLink } from './fact-row'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1 border-t border-line pt-2">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </section>
  )
}

function Junit({ raw }: { raw: Record<string, unknown> }) {
  const summary = junitSummary(raw)
  if (!summary) return <p className="text-muted">No test results were included.</p>
  return (
    <>
      <p>
        {summary.total} tests: {summary.passed} passed, {summary.failures} failed, {summary.errors}{' '}
        errors, {summary.skipped} skipped
        {summary.duration !== null ? ` · ${summary.duration.toFixed(1)} s` : ''}
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Test suites</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col">Suite</th>
            <th scope="col">Tests</th>
            <th scope="col">Failures</th>
            <th scope="col">Errors</th>
            <th scope="col">Skipped</th>
          </tr>
        </thead>
        <tbody>
          {summary.suites.map((suite, index) => (
            <tr key={index} className={suite.failures + suite.errors > 0 ? 'text-bad' : ''}>
              <th scope="row" className="font-normal break-all">
                {suite.failures + suite.errors > 0 ? <span aria-hidden="true">✕ </span> : null}
                {suite.name}
              </th>
              <td>{suite.total}</td>
              <td>{suite.failures}</td>
              <td>{suite.errors}</td>
              <td>{suite.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function Snyk({ raw }: { raw: Record<string, unknown> }) {
  const summary = snykSummary(raw)
  if (!summary) return <p className="text-muted">No scan results were included.</p>
  return (
    <>
      <p className="text-muted">
        {summary.tool ?? 'Snyk'} · {summary.results} scanned{' '}
        {summary.results === 1 ? 'project' : 'projects'}
      </p>
      <dl className="grid grid-cols-4 gap-2 text-center">
        {(
          [
            ['Critical', summary.critical],
            ['High', summary.high],
            ['Medium', summary.medium],
            ['Low', summary.low],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded border border-line p-1">
            <dt className="text-muted">{label}</dt>
            <dd className={`text-lg font-semibold ${value > 0 ? 'text-bad' : ''}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}

function PullRequests({ raw }: { raw: Record<string, unknown> }) {
  const prs = pullRequests(raw)
  if (!prs) return <p className="text-muted">No pull request details were included.</p>
  if (!prs.length) return <p className="text-bad">No pull request was found for this commit.</p>
  return (
    <ul className="space-y-1">
      {prs.map((pr, index) => (
        <li key={index} className="rounded border border-line p-2">
          <p>
            <SafeLink href={pr.url}>{pr.title ?? pr.url ?? 'pull request'}</SafeLink>{' '}
            <span className="text-muted">{pr.state ?? 'state unknown'}</span>
          </p>
          <p className="text-muted">
            Author: {pr.author ?? 'unknown'} · Approvers:{' '}
            {pr.approvers.length ? pr.approvers.join(', ') : 'none'}
          </p>
        </li>
      ))}
    </ul>
  )
}

function Jira({ raw }: { raw: Record<string, unknown> }) {
  const issues = jiraIssues(raw)
  if (!issues) return <p className="text-muted">No Jira details were included.</p>
  return (
    <ul className="space-y-1">
      {issues.map((issue, index) => (
        <li key={index}>
          <SafeLink href={issue.url}>{issue.id}</SafeLink>{' '}
          {issue.exists === false ? (
            <span className="text-bad">(issue not found)</span>
          ) : (
            <span className="text-muted">
              {issue.summary ?? ''} {issue.status ? `· ${issue.status}` : ''}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}

function Sonar({ raw }: { raw: Record<string, unknown> }) {
  const summary = sonarSummary(raw)
  if (!summary) return <p className="text-muted">No SonarQube results were included.</p>
  return (
    <dl>
      <FactRow label="Project">
        <SafeLink href={summary.projectUrl}>{summary.project ?? 'unknown'}</SafeLink>
      </FactRow>
      <FactRow label="Quality gate">{summary.qualityGate ?? summary.status ?? 'unknown'}</FactRow>
      <FactRow label="Analysed at">{summary.analysedAt ?? 'unknown'}</FactRow>
      <FactRow label="Revision">{summary.revision ?? 'unknown'}</FactRow>
    </dl>
  )
}

function TypeDetails({ attestation }: { attestation: Attestation }) {
  const type = attestation.type
  const raw = attestation.raw
  if (type === 'junit')
    return (
      <Section title="Test results">
        <Junit raw={raw} />
      </Section>
    )
  if (type === 'snyk')
    return (
      <Section title="Vulnerabilities by severity">
        <Snyk raw={raw} />
      </Section>
    )
  if (type === 'pull_request') {
    return (
      <Section title="Pull requests">
        <PullRequests raw={raw} />
      </Section>
    )
  }
  if (type === 'jira')
    return (
      <Section title="Jira issues">
        <Jira raw={raw} />
      </Section>
    )
  if (type === 'sonar')
    return (
      <Section title="SonarQube">
        <Sonar raw={raw} />
      </Section>
    )
  if (type.startsWith('custom:')) {
    const data = customData(raw)
    return (
      <Section title={`Custom data (${type.slice('custom:'.length) || 'custom'})`}>
        {data === null ? (
          <p className="text-muted">No custom data was included.</p>
        ) : (
          <DataTree value={data} label="Custom attestation data" />
        )}
      </Section>
    )
  }
  return null
}

function Details({ attestation, org }: { attestation: Attestation; org: string }) {
  const live = useAppConfig().mode === 'live'
  const evidence = evidenceProxyPath(attestation, org)
  const annotations = annotationRows(attestation.raw)
  return (
    <div className="space-y-3">
      <dl>
        <FactRow label="Compliance">
          <ComplianceBadge value={attestation.compliant} />
        </FactRow>
        <FactRow label="Type">{attestation.type}</FactRow>
        <FactRow label="Reported">
          <TimeStamp value={attestation.createdAt} />
        </FactRow>
        <FactRow label="Reported by">{attestation.reportedBy ?? 'unknown'}</FactRow>
        {attestation.description ? (
          <FactRow label="Description">{attestation.description}</FactRow>
        ) : null}
        <FactRow label="Artifact">
          <ShortId value={attestation.fingerprint} kind="fingerprint" />
          {attestation.targetArtifacts.length ? (
            <span className="ml-2 text-muted">{attestation.targetArtifacts.join(', ')}</span>
          ) : null}
        </FactRow>
        <FactRow label="Origin">
          <OriginLink url={attestation.originUrl} />
        </FactRow>
        {attestation.gitCommitInfo ? (
          <FactRow label="Commit">
            <ShortId
              value={attestation.gitCommitInfo.sha}
              kind="commit"
              href={attestation.gitCommitInfo.url}
            />{' '}
            <span className="text-muted">{attestation.gitCommitInfo.author ?? ''}</span>
          </FactRow>
        ) : null}
      </dl>
      <AttestationFailureNote attestation={attestation} />
      <TypeDetails attestation={attestation} />
      <Section title="Evidence file">
        {attestation.evidenceFingerprint ? (
          <dl>
            <FactRow label="Fingerprint">
              <ShortId
                value={attestation.evidenceFingerprint}
                kind="evidence fingerprint"
                length={12}
              />
            </FactRow>
            <FactRow label="Download">
              {live && evidence ? (
                <a className="text-accent hover:underline" href={evidence} download>
                  Download evidence file
                </a>
              ) : (
                <span className="text-muted">
                  {live ? 'not available' : 'available in live mode only'}
                </span>
              )}
            </FactRow>
          </dl>
        ) : (
          <p className="text-muted">none</p>
        )}
      </Section>
      {annotations.length ? (
        <Section title="Annotations">
          <dl>
            {annotations.map(([key, value]) => (
              <FactRow key={key} label={key}>
                {value}
              </FactRow>
            ))}
          </dl>
        </Section>
      ) : null}
      <Section title="User data">
        <DataTree value={attestation.userData} label="User data" />
      </Section>
      {attestation.htmlUrl ? (
        <p>
          <SafeLink href={attestation.htmlUrl}>Open in Kosli</SafeLink>
        </p>
      ) : null}
    </div>
  )
}

/**
 * The attestation drawer: opened by `?attestation_id=`, closed by its button, Escape, or by
 * removing the param (Back). Focus moves into it on open and back where it was on close.
 */
export function AttestationPanel({
  org,
  id,
  name,
  onClose,
}: {
  org: string
  id: string
  /** The name from the trail, shown while loading. */
  name: string | null
  onClose: () => void
}) {
  const query = useQuery(attestationQueries.byId(org, id))
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    heading.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      if (previous && previous.isConnected) previous.focus()
    }
  }, [id])

  const title = query.data?.name ?? name ?? 'Attestation'
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 z-30 flex w-full max-w-xl flex-col border-l border-line bg-surface shadow-xl"
    >
      <div className="flex items-center gap-2 border-b border-line px-4 py-3">
        <h2
          id={headingId}
          ref={heading}
          tabIndex={-1}
          className="min-w-0 flex-1 text-lg font-semibold break-words"
        >
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-line px-2 py-1 hover:bg-raised"
          aria-label="Close attestation details"
        >
          <span aria-hidden="true">✕ </span>Close
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {query.isPending ? (
          <Skeleton rows={5} label="Loading attestation" />
        ) : query.isError && !(isApiError(query.error) && query.error.status === 404) ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <p role="status">
            No attestation with id {id} was found in {org}.
          </p>
        ) : (
          <Details attestation={query.data} org={org} />
        )}
      </div>
    </div>
  )
}
