import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { artifactQueries, type Artifact } from '@/api/artifacts'
import { attestationQueries } from '@/api/attestations'
import { environmentQueries, type Environment } from '@/api/environments'
import { eventQueries, type EventsBetween } from '@/api/events'
import { snapshotQueries, type Snapshot } from '@/api/snapshots'
import { trailQueries, type Trail } from '@/api/trails'
import { describeError } from '@/components/describe-error'
import {
  failingAttestationKey,
  type AttestationRead,
  type FailingAttestation,
} from '@/features/compliance/attestation-failures'
import { checklistItems, failingChecklistAttestations } from '@/features/compliance/checklist-items'
import { failingPolicyAttestations } from '@/features/compliance/policy-text'
import type { Snappish } from '@/lib/snappish'
import { auditQueryParams, snapshotAt, type AuditQuery } from './audit-query'

/**
 * The one plan of API reads behind an audit report. Each kind of report declares what it reads
 * and what each read depends on; a read starts as soon as the answer it depends on arrives, so
 * the failing attestations are read while the other snapshots still load. Every read goes
 * through its API module's query, so the report shares the cache with the pages. The loader
 * and the page use the same `auditQueries.report` options: the loader runs the plan, the page
 * reads its result, and the report is built from that result alone.
 */

/** A read the report survives: its data, or what went wrong in words. */
export type Read<T> = { ok: true; data: T } | { ok: false; error: string }

/** The snapshot an artifact runs in, judged by policy; `null` snapshot means it failed to load. */
export interface ArtifactRuntime {
  environment: string
  index: number
  snapshot: Snapshot | null
  error: string | null
}

/** The failing attestations a report names, each with what reading it gave. */
export interface AttestationFindings {
  reads: Array<{ ref: FailingAttestation; read: AttestationRead }>
  /** How many more failing attestations there were than a report reads. */
  unread: number
}

export type AuditInputs =
  | {
      kind: 'artifact'
      artifact: Artifact
      /** Null when the artifact has no trail. */
      trail: Read<Trail> | null
      runtimes: ArtifactRuntime[]
      attestations: AttestationFindings
    }
  | { kind: 'trail'; trail: Trail; attestations: AttestationFindings }
  | { kind: 'snapshot'; snapshot: Snapshot; attestations: AttestationFindings }
  | {
      kind: 'environment'
      environment: Environment
      from: number
      to: number
      start: Read<Snapshot>
      end: Read<Snapshot>
      /** Null when there is no snapshot at the end of the range to read changes up to. */
      events: Read<EventsBetween> | null
      attestations: AttestationFindings
    }

export type ReportQuery = Extract<AuditQuery, { kind: AuditInputs['kind'] }>

/** Snapshots an artifact runs in are judged by policy; a handful is enough for a report. */
export const MAX_RUNTIMES = 5
/** Failing attestations read for one report; a snapshot with many failures names the first. */
export const MAX_ATTESTATION_READS = 12

const indexSnappish = (env: string, index: number): Snappish => ({ kind: 'index', env, index })

/** A read whose failure the report states and survives. */
function settle<T>(answer: Promise<T>): Promise<Read<T>> {
  return answer.then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => ({ ok: false as const, error: describeError(error).detail }),
  )
}

/** Reads failing attestations as they become known: once each, at most MAX_ATTESTATION_READS. */
function findingsOf(client: QueryClient, org: string) {
  const started = new Map<string, Promise<{ ref: FailingAttestation; read: AttestationRead }>>()
  let unread = 0
  return {
    add(refs: ReadonlyArray<FailingAttestation>) {
      for (const ref of refs) {
        const key = failingAttestationKey(ref)
        if (started.has(key)) continue
        if (started.size >= MAX_ATTESTATION_READS) {
          unread += 1
          continue
        }
        const options = attestationQueries.onTrail(org, ref.flow, ref.trail, ref.name)
        started.set(
          key,
          settle(client.fetchQuery(options)).then((result) => ({
            ref,
            read: result.ok
              ? { ok: true, attestations: result.data }
              : { ok: false, error: result.error },
          })),
        )
      }
    },
    /** Everything added so far; call once the reads that add have all answered. */
    async settled(): Promise<AttestationFindings> {
      return { reads: await Promise.all(started.values()), unread }
    },
  }
}

/** The failing attestations a snapshot's non-compliant running artifacts are blamed on. */
function snapshotFailures(snapshot: Snapshot, fingerprint?: string): FailingAttestation[] {
  return snapshot.artifacts
    .filter((artifact) => !artifact.exited && artifact.compliant === false)
    .filter((artifact) => fingerprint === undefined || artifact.fingerprint === fingerprint)
    .flatMap((artifact) => failingPolicyAttestations(artifact.policyDecisions))
}

function trailFailures(trail: Trail): FailingAttestation[] {
  return trail.checklist
    ? failingChecklistAttestations(trail.flow, trail.name, checklistItems(trail.checklist))
    : []
}

async function artifactPlan(
  client: QueryClient,
  org: string,
  query: Extract<ReportQuery, { kind: 'artifact' }>,
): Promise<AuditInputs> {
  const findings = findingsOf(client, org)
  const artifact = await client.fetchQuery(
    artifactQueries.detail(org, query.flow, query.fingerprint),
  )
  const trail =
    artifact.trail !== null
      ? settle(
          client.fetchQuery(trailQueries.detail(org, artifact.flow ?? query.flow, artifact.trail)),
        )
      : Promise.resolve(null)
  const runtimes = artifact.running
    .slice(0, MAX_RUNTIMES)
    .map((ref) =>
      settle(
        client.fetchQuery(snapshotQueries.detail(org, indexSnappish(ref.environment, ref.index))),
      ),
    )
  void trail.then((result) => result?.ok && findings.add(trailFailures(result.data)))
  for (const runtime of runtimes) {
    void runtime.then(
      (result) => result.ok && findings.add(snapshotFailures(result.data, artifact.fingerprint)),
    )
  }
  const [trailRead, snapshots] = await Promise.all([trail, Promise.all(runtimes)])
  return {
    kind: 'artifact',
    artifact,
    trail: trailRead,
    runtimes: artifact.running.slice(0, MAX_RUNTIMES).map((ref, index) => {
      const result = snapshots[index]
      return {
        environment: ref.environment,
        index: ref.index,
        snapshot: result?.ok ? result.data : null,
        error: result && !result.ok ? `Could not load: ${result.error}` : null,
      }
    }),
    attestations: await findings.settled(),
  }
}

async function environmentPlan(
  client: QueryClient,
  org: string,
  query: Extract<ReportQuery, { kind: 'environment' }>,
): Promise<AuditInputs> {
  const findings = findingsOf(client, org)
  const { env, from, to } = query
  const environment = client.fetchQuery(environmentQueries.detail(org, env))
  const start = settle(client.fetchQuery(snapshotQueries.detail(org, snapshotAt(env, from))))
  const end = settle(client.fetchQuery(snapshotQueries.detail(org, snapshotAt(env, to))))
  void end.then((result) => result.ok && findings.add(snapshotFailures(result.data)))
  const events = Promise.all([start, end]).then(([first, last]) =>
    last.ok
      ? settle(
          client.fetchQuery(
            eventQueries.between(org, env, first.ok ? first.data.index : 1, last.data.index),
          ),
        )
      : null,
  )
  const [environmentData, startRead, endRead, eventsRead] = await Promise.all([
    environment,
    start,
    end,
    events,
  ])
  return {
    kind: 'environment',
    environment: environmentData,
    from,
    to,
    start: startRead,
    end: endRead,
    events: eventsRead,
    attestations: await findings.settled(),
  }
}

/** Runs the plan for one report: every read it needs, as early as its inputs allow. */
export async function readAuditInputs(
  client: QueryClient,
  org: string,
  query: ReportQuery,
): Promise<AuditInputs> {
  switch (query.kind) {
    case 'artifact':
      return artifactPlan(client, org, query)
    case 'trail': {
      const findings = findingsOf(client, org)
      const trail = await client.fetchQuery(trailQueries.detail(org, query.flow, query.trail))
      findings.add(trailFailures(trail))
      return { kind: 'trail', trail, attestations: await findings.settled() }
    }
    case 'snapshot': {
      const findings = findingsOf(client, org)
      const snapshot = await client.fetchQuery(snapshotQueries.detail(org, query.snappish))
      findings.add(snapshotFailures(snapshot))
      return { kind: 'snapshot', snapshot, attestations: await findings.settled() }
    }
    case 'environment':
      return environmentPlan(client, org, query)
  }
}

export function isReportQuery(query: AuditQuery): query is ReportQuery {
  return (
    query.kind === 'artifact' ||
    query.kind === 'trail' ||
    query.kind === 'snapshot' ||
    query.kind === 'environment'
  )
}

export const auditKeys = {
  report: (org: string, query: ReportQuery) =>
    ['audit', org, query.kind, auditQueryParams(query)] as const,
}

export const auditQueries = {
  /** Its reads retry on their own; failing the whole plan again would repeat them all. */
  report: (org: string, query: ReportQuery) =>
    queryOptions({
      queryKey: auditKeys.report(org, query),
      queryFn: ({ client }) => readAuditInputs(client, org, query),
      retry: false,
    }),
}
