import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { complianceState } from '@/api/domain'
import type { DeploymentDiff, SnapshotArtifact } from '@/api/snapshots'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { TimeStamp } from '@/components/time-stamp'
import { formatDuration } from '@/lib/time'
import { safeHref, sameRepositoryCompareUrl } from '@/lib/safe-url'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { ComplianceWhy } from '@/features/compliance/compliance-why'
import { PolicyDecisions } from '@/features/compliance/policy-decisions'
import { TrailChecklistLoader } from '@/features/compliance/trail-why'
import { artifactPath, flowPath, trailPath } from '@/lib/app-paths'
import { shortArtifactName } from '@/lib/format'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="min-w-0">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</h2>
      <div className="mt-1">{children}</div>
    </section>
  )
}

/** The compare link: the server's own diff URL, else one built from the two commit URLs. */
export function deploymentCompareUrl(
  diff: DeploymentDiff,
  commitUrl: string | null,
): string | undefined {
  return safeHref(diff.diffUrl) ?? sameRepositoryCompareUrl(diff.previousCommitUrl, commitUrl)
}

function DeploymentDiffView({
  org,
  diff,
  commitUrl,
  flow,
}: {
  org: string
  diff: DeploymentDiff | null
  commitUrl: string | null
  flow: string | null
}) {
  if (!diff || (!diff.previousFingerprint && !diff.previousCommit && !diff.previousArtifactName)) {
    return <p className="text-muted">none: nothing was replaced</p>
  }
  const compare = deploymentCompareUrl(diff, commitUrl)
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
      <dt className="text-muted">Replaced</dt>
      <dd className="break-all">
        {diff.previousArtifactName ?? 'unknown'}
        {diff.previousRunning ? <span className="ml-1 text-muted">(still running)</span> : null}
      </dd>
      <dt className="text-muted">Its fingerprint</dt>
      <dd>
        {diff.previousFingerprint && flow ? (
          <Link
            className="font-mono text-accent hover:underline"
            to={artifactPath(org, flow, diff.previousFingerprint)}
          >
            {diff.previousFingerprint.slice(0, 7)}
          </Link>
        ) : (
          <ShortId value={diff.previousFingerprint} kind="fingerprint" />
        )}
      </dd>
      <dt className="text-muted">Its commit</dt>
      <dd>
        <ShortId value={diff.previousCommit} kind="commit" href={diff.previousCommitUrl} />
      </dd>
      {diff.previousComplianceState ? (
        <>
          <dt className="text-muted">Its compliance</dt>
          <dd>
            {diff.previousFingerprint && flow ? (
              <ArtifactComplianceWhy
                org={org}
                flow={flow}
                fingerprint={diff.previousFingerprint}
                state={complianceState(diff.previousComplianceState)}
                subject={`the replaced ${shortArtifactName(diff.previousArtifactName ?? 'artifact')}`}
              />
            ) : (
              diff.previousComplianceState
            )}
          </dd>
        </>
      ) : null}
      <dt className="text-muted">Code changes</dt>
      <dd>
        {compare ? (
          <SafeLink href={compare}>Compare commits</SafeLink>
        ) : (
          <span className="text-muted">no compare link</span>
        )}
      </dd>
    </dl>
  )
}

/** Everything the snapshot says about one artifact, shown when its row is expanded. */
export function SnapshotRowDetails({ org, artifact }: { org: string; artifact: SnapshotArtifact }) {
  return (
    <div className="grid gap-4 bg-canvas px-4 py-3 text-sm md:grid-cols-2">
      <Section title={`Instance starts (${artifact.instanceStarts.length})`}>
        {artifact.instanceStarts.length ? (
          <ol className="space-y-0.5">
            {artifact.instanceStarts.map((start, position) => (
              <li key={position}>
                <TimeStamp value={start} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-muted">none reported</p>
        )}
      </Section>

      {artifact.pods.length ? (
        <Section title={`Pods (${artifact.pods.length})`}>
          <table className="w-full text-left">
            <thead className="text-muted">
              <tr>
                <th scope="col" className="pr-2 font-medium">
                  Pod
                </th>
                <th scope="col" className="pr-2 font-medium">
                  Namespace
                </th>
                <th scope="col" className="font-medium">
                  Owners
                </th>
              </tr>
            </thead>
            <tbody>
              {artifact.pods.map((pod) => (
                <tr key={pod.name} className="align-top">
                  <td className="pr-2 font-mono break-all">{pod.name}</td>
                  <td className="pr-2">{pod.namespace ?? 'unknown'}</td>
                  <td className="break-all">
                    {pod.owners.length
                      ? pod.owners.map((owner) => `${owner.kind} ${owner.name}`).join(', ')
                      : 'none'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : artifact.ecsContext ? (
        <Section title="ECS task">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            {Object.entries(artifact.ecsContext).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-muted">{key.replace(/_/g, ' ')}</dt>
                <dd className="font-mono break-all">{value || 'none'}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : (
        <Section title="Runtime context">
          <p className="text-muted">none reported</p>
        </Section>
      )}

      <Section title={`Reported by flows (${artifact.flows.length})`}>
        {artifact.flows.length ? (
          <ul className="space-y-2">
            {artifact.flows.map((flow, position) => (
              <li key={`${flow.flow}/${flow.trail ?? ''}/${position}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <Link className="text-accent hover:underline" to={flowPath(org, flow.flow)}>
                    {flow.flow}
                  </Link>
                  {flow.trail ? (
                    <>
                      <span className="text-muted">trail</span>
                      <Link
                        className="break-all text-accent hover:underline"
                        to={trailPath(org, flow.flow, flow.trail)}
                      >
                        {flow.trail}
                      </Link>
                    </>
                  ) : null}
                  <ComplianceWhy
                    value={flow.compliantInFlow}
                    subject={`${shortArtifactName(artifact.name)} in flow ${flow.flow}`}
                  >
                    {flow.reasonsForNonCompliance.length ? (
                      <p className="mb-2 break-words text-bad">
                        {flow.reasonsForNonCompliance.join('; ')}
                      </p>
                    ) : null}
                    {flow.trail ? (
                      <TrailChecklistLoader
                        org={org}
                        flow={flow.flow}
                        trail={flow.trail}
                        highlight={artifact.fingerprint}
                      />
                    ) : (
                      <p className="text-muted">
                        Kosli names no trail for it in {flow.flow}, so there is no checklist to
                        show.
                      </p>
                    )}
                  </ComplianceWhy>
                  <ShortId value={flow.gitCommit} kind="commit" href={flow.commitUrl} />
                </div>
                {flow.gitCommitInfo?.message ? (
                  <p className="text-muted break-words">{flow.gitCommitInfo.message}</p>
                ) : null}
                {flow.reasonsForNonCompliance.length ? (
                  <p className="text-bad break-words">{flow.reasonsForNonCompliance.join('; ')}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : artifact.flow ? (
          <Link
            className="text-accent hover:underline"
            to={artifactPath(org, artifact.flow, artifact.fingerprint)}
          >
            {artifact.flow}
          </Link>
        ) : (
          <p className="text-muted">no provenance: no flow reported this fingerprint</p>
        )}
        {artifact.commitLeadTime !== null ? (
          <p className="mt-1 text-muted">
            Commit lead time: {formatDuration(artifact.commitLeadTime)}
          </p>
        ) : null}
      </Section>

      <Section title="Deployment diff">
        <DeploymentDiffView
          org={org}
          diff={artifact.deploymentDiff ?? artifact.flows[0]?.deploymentDiff ?? null}
          commitUrl={artifact.commitUrl}
          flow={artifact.flow}
        />
      </Section>

      <Section title={`Policy decisions (${artifact.policyDecisions.length})`}>
        <PolicyDecisions
          decisions={artifact.policyDecisions}
          reasons={artifact.reasonsForIncompliance}
          org={org}
          heading={`Policy decisions for ${shortArtifactName(artifact.name)}`}
        />
      </Section>
    </div>
  )
}
