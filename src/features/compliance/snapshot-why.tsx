/**
 * Snapshot and snapshot-artifact compliance, explained by policy decisions.
 *
 * - `SnapshotArtifactWhy` — one artifact of a loaded snapshot: its policy decisions and Kosli's
 *   reasons (snapshot table rows).
 * - `SnapshotArtifactExplanation` — the same for an artifact known by snapshot and fingerprint:
 *   fetches the snapshot when shown (change log rows, compliance when it started running).
 * - `SnapshotExplanation` — a whole snapshot: the roll-up, the policies it was judged by, and
 *   the decisions of each running artifact that is not compliant.
 * - `SnapshotComplianceWhy` — the badge-button for a snapshot, loaded or known by number.
 */
import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { snapshotQueries, type Snapshot, type SnapshotArtifact } from '@/api/snapshots'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { formatCount, pluralise, shortArtifactName } from '@/lib/format'
import { policyTitle } from './applied-policy-text'
import { complianceRollup, rollupSentence } from './compliance-rollup'
import { ComplianceWhy } from './compliance-why'
import { artifactPath, snapshotPath } from '@/lib/app-paths'
import { PolicyDecisions } from './policy-decisions'
import { Title } from './title'

/** How many non-compliant artifacts a snapshot's explanation lists before linking to the rest. */
export const LISTED_PROBLEMS = 8

function ArtifactDecisions({
  org,
  artifact,
  heading,
  headingLevel = 3,
}: {
  org: string
  artifact: SnapshotArtifact
  heading?: string
  headingLevel?: 2 | 3 | 4
}) {
  return (
    <PolicyDecisions
      decisions={artifact.policyDecisions}
      reasons={artifact.reasonsForIncompliance}
      org={org}
      heading={heading ?? `Policy decisions for ${shortArtifactName(artifact.name)}`}
      headingLevel={headingLevel}
    />
  )
}

export function SnapshotArtifactWhy({
  org,
  artifact,
  where,
}: {
  org: string
  artifact: SnapshotArtifact
  /** 'aws-beta#7939', for the button's name. */
  where: string
}) {
  const name = shortArtifactName(artifact.name)
  return (
    <ComplianceWhy value={artifact.compliant} subject={`${name} in ${where}`}>
      <ArtifactDecisions org={org} artifact={artifact} />
    </ComplianceWhy>
  )
}

export function SnapshotArtifactExplanation({
  org,
  env,
  index,
  fingerprint,
}: {
  org: string
  env: string
  index: number
  fingerprint: string
}) {
  return (
    <WithSnapshot org={org} env={env} index={index}>
      {(snapshot) => {
        const artifact = snapshot.artifacts.find((item) => item.fingerprint === fingerprint)
        if (!artifact) {
          return (
            <p className="text-muted">
              {env}#{index} does not list this artifact, so its decisions there are unknown.
            </p>
          )
        }
        return (
          <ArtifactDecisions
            org={org}
            artifact={artifact}
            heading={`Policy decisions in ${env}#${index}`}
          />
        )
      }}
    </WithSnapshot>
  )
}

/** Snapshot `env#index`, fetched, then drawn by `children`; loading and errors on the way. */
function WithSnapshot({
  org,
  env,
  index,
  children,
}: {
  org: string
  env: string
  index: number
  children: (snapshot: Snapshot) => ReactNode
}) {
  const query = useQuery(snapshotQueries.detail(org, { kind: 'index', env, index }))
  if (query.isPending) return <Skeleton rows={3} label={`Loading ${env}#${index}`} />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return children(query.data)
}

export function SnapshotExplanation({ org, snapshot }: { org: string; snapshot: Snapshot }) {
  const where = `${snapshot.environment}#${snapshot.index}`
  const rollup = complianceRollup(snapshot.artifacts)
  const sentence = rollupSentence(rollup)
  const problems = snapshot.artifacts.filter((artifact) => !artifact.exited && !artifact.compliant)
  const listed = problems.slice(0, LISTED_PROBLEMS)
  const policies = snapshot.appliedPolicies
  return (
    <div role="group" aria-label={`Compliance of ${where}`} className="space-y-2">
      <Title level={3} className="font-semibold">
        Compliance of {where}
      </Title>
      <p>{sentence.endsWith('.') ? sentence : `${sentence}.`}</p>
      {policies.length ? (
        <p>
          <span className="text-muted">Judged by: </span>
          {policies.map(policyTitle).join(', ')}
        </p>
      ) : (
        <p className="text-muted">
          No policy was applied to {where}, so its artifacts are not judged by policy.
        </p>
      )}
      {problems.length === 0 ? (
        rollup.running > 0 && policies.length ? (
          <p>Every running artifact satisfied every applied policy.</p>
        ) : null
      ) : (
        <>
          <p>
            {pluralise(problems.length, 'running artifact')} {problems.length === 1 ? 'is' : 'are'}{' '}
            not compliant:
          </p>
          <ul className="space-y-3">
            {listed.map((artifact, position) => (
              <li key={`${artifact.fingerprint}:${position}`} className="space-y-1">
                <p className="font-medium break-all">
                  {artifact.flow ? (
                    <Link
                      className="text-accent hover:underline"
                      to={artifactPath(org, artifact.flow, artifact.fingerprint)}
                    >
                      {shortArtifactName(artifact.name)}
                    </Link>
                  ) : (
                    shortArtifactName(artifact.name)
                  )}
                  <span className="ml-2 font-normal text-muted">
                    {artifact.flow ?? 'no provenance'}
                  </span>
                </p>
                <ArtifactDecisions org={org} artifact={artifact} headingLevel={4} />
              </li>
            ))}
          </ul>
          {problems.length > listed.length ? (
            <Link
              className="text-accent hover:underline"
              to={`${snapshotPath(org, snapshot.environment, snapshot.index)}?compliance=non-compliant`}
            >
              See all {formatCount(problems.length)} non-compliant artifacts in {where}
            </Link>
          ) : null}
        </>
      )}
    </div>
  )
}

function FetchedSnapshotExplanation({
  org,
  env,
  index,
}: {
  org: string
  env: string
  index: number
}) {
  return (
    <WithSnapshot org={org} env={env} index={index}>
      {(snapshot) => <SnapshotExplanation org={org} snapshot={snapshot} />}
    </WithSnapshot>
  )
}

export type SnapshotComplianceWhyProps = { org: string } & (
  | { snapshot: Snapshot; env?: undefined; index?: undefined; compliant?: undefined }
  | { snapshot?: undefined; env: string; index: number; compliant: boolean | null }
)

export function SnapshotComplianceWhy(props: SnapshotComplianceWhyProps) {
  const { org } = props
  const where = props.snapshot
    ? `${props.snapshot.environment}#${props.snapshot.index}`
    : `${props.env}#${props.index}`
  const value = props.snapshot ? props.snapshot.compliant : props.compliant
  return (
    <ComplianceWhy value={value} subject={`snapshot ${where}`}>
      {props.snapshot ? (
        <SnapshotExplanation org={org} snapshot={props.snapshot} />
      ) : (
        <FetchedSnapshotExplanation org={org} env={props.env} index={props.index} />
      )}
    </ComplianceWhy>
  )
}
