import { artifactEndpoints } from '@/api/artifacts'
import { environmentEndpoints } from '@/api/environments'
import { eventEndpoints } from '@/api/events'
import { snapshotEndpoints, type Snapshot, type SnapshotArtifact } from '@/api/snapshots'
import { trailEndpoints, type Trail } from '@/api/trails'
import { appliedPolicyRules } from '@/features/compliance/applied-policy-text'
import {
  failingAttestationKey,
  type AttestationReads,
} from '@/features/compliance/attestation-failures'
import {
  checklistDetail,
  checklistItems,
  checklistProblems,
  checklistReads,
  CHECKLIST_LOOK,
} from '@/features/compliance/checklist-items'
import { complianceRollup, rollupSentence } from '@/features/compliance/compliance-rollup'
import { artifactPath, snapshotPath, trailPath } from '@/lib/app-paths'
import { failureReasons } from '@/features/compliance/policy-text'
import {
  producedArtifacts,
  trailEventCompliance,
  trailEventSentence,
} from '@/features/trails/trail-event-text'
import { complianceText } from '@/lib/format'
import type { AttestationFindings, AuditInputs } from './audit-plan'

/**
 * An audit report as data: the page renders it and the JSON download is exactly it, so what
 * the auditor reads and what they archive cannot differ. Every timestamp is kept as unix
 * seconds and as UTC ISO text. A cell links either to one of Shiplog's own pages (`path`, built
 * here from the app's path builders, never from data) or to an outside URL from the data
 * (`href`, shown as a link only when it passes the safe-link check).
 */

export interface AuditCell {
  text: string
  time?: number | null
  timeUtc?: string | null
  /** An outside URL as the API sent it: untrusted. */
  href?: string | null
  /** A page of Shiplog's own. */
  path?: string | null
}

export interface AuditFact extends AuditCell {
  label: string
}

export interface AuditTable {
  caption: string
  columns: string[]
  rows: AuditCell[][]
}

export interface AuditSection {
  heading: string
  /** The API request the facts come from. */
  source: string | null
  facts: AuditFact[]
  tables: AuditTable[]
  notes: string[]
}

export interface AuditContent {
  kind: 'artifact' | 'trail' | 'snapshot' | 'environment'
  subject: string
  compliance: { state: string; reasons: string[] }
  sections: AuditSection[]
}

export function utc(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null
  const date = new Date(seconds * 1000)
  return Number.isFinite(date.getTime()) ? date.toISOString() : null
}

const text = (value: string | null | undefined, fallback = 'none') =>
  value === null || value === undefined || value === '' ? fallback : value

function timed(seconds: number | null | undefined): AuditCell {
  const iso = utc(seconds)
  return { text: iso ?? 'unknown', time: iso ? (seconds ?? null) : null, timeUtc: iso }
}

function fact(label: string, value: string | null | undefined, href?: string | null): AuditFact {
  return { label, text: text(value), href: href ?? null }
}

function timeFact(label: string, seconds: number | null | undefined): AuditFact {
  return { label, ...timed(seconds) }
}

function cell(value: string | null | undefined, href?: string | null): AuditCell {
  return { text: text(value), href: href ?? null }
}

/** Policies by name and version, with one more column of what each says. */
function policyTable(
  caption: string,
  column: string,
  policies: ReadonlyArray<[name: string, version: number | null, value: string]>,
): AuditTable {
  return {
    caption,
    columns: ['Policy', 'Version', column],
    rows: policies.map(([name, version, value]) => [
      cell(name),
      cell(version !== null ? String(version) : null),
      cell(value),
    ]),
  }
}

function pageFact(label: string, value: string | null | undefined, path: string | null): AuditFact {
  return { label, text: text(value), path }
}

function pageCell(value: string | null | undefined, path: string | null): AuditCell {
  return { text: text(value), path }
}

/** Where a section's facts come from: the API request, as its module names the path. */
const get = (path: string) => `GET ${path}`

const numberedSnapshot = (org: string, env: string, index: number) =>
  snapshotEndpoints.detail(org, { kind: 'index', env, index })

/** The reads of a report's failing attestations, looked up by where and what they are. */
function readsOf(findings: AttestationFindings): AttestationReads {
  const byKey = new Map(
    findings.reads.map((entry) => [failingAttestationKey(entry.ref), entry.read]),
  )
  return (ref) => byKey.get(failingAttestationKey(ref))
}

/** Said when a report named only the first failing attestations. */
function unreadNote(findings: AttestationFindings): string[] {
  return findings.unread
    ? [
        `${findings.unread} more failing attestation(s) were not read for this report; their trails name their failures.`,
      ]
    : []
}

function section(
  heading: string,
  source: string | null,
  parts: Partial<AuditSection>,
): AuditSection {
  return {
    heading,
    source,
    facts: parts.facts ?? [],
    tables: parts.tables ?? [],
    notes: parts.notes ?? [],
  }
}

function checklistTable(trail: Trail, reads: AttestationReads): AuditTable | null {
  if (!trail.checklist) return null
  const readOf = checklistReads(trail.flow, trail.name, reads)
  return {
    caption: 'Template checklist',
    columns: ['Item', 'Kind', 'Status', 'Why'],
    rows: checklistItems(trail.checklist).map((item) => [
      cell(item.label),
      cell(item.kind === 'artifact' ? 'artifact' : (item.type ?? 'attestation')),
      cell(CHECKLIST_LOOK[item.status].label),
      cell(checklistDetail(item, readOf(item))),
    ]),
  }
}

function trailSections(org: string, trail: Trail, reads: AttestationReads): AuditSection[] {
  const source = get(trailEndpoints.detail(org, trail.flow, trail.name))
  const commit = trail.gitCommitInfo
  const checklist = checklistTable(trail, reads)
  const produced = producedArtifacts(trail.events, trail.checklist?.artifacts ?? [])
  return [
    section(`Trail ${trail.name}`, source, {
      facts: [
        pageFact('Trail', trail.name, trailPath(org, trail.flow, trail.name)),
        fact('Flow', trail.flow),
        fact('Description', trail.description),
        fact('Compliance', trail.state),
        timeFact('Started', trail.createdAt),
        timeFact('Last modified', trail.lastModifiedAt),
        fact('Created by', trail.createdBy),
        fact('Origin (CI run)', trail.originUrl, trail.originUrl),
        fact('Kosli URL', trail.htmlUrl, trail.htmlUrl),
        ...(commit
          ? [
              fact('Git commit', commit.sha, commit.url),
              fact('Commit author', commit.author),
              fact('Commit branch', commit.branch),
              fact('Commit message', commit.message),
              timeFact('Committed', commit.timestamp),
            ]
          : [fact('Git commit', null)]),
      ],
      tables: [
        ...(checklist ? [checklist] : []),
        {
          caption: 'Artifacts produced',
          columns: ['Name', 'Template name', 'Fingerprint', 'Reported'],
          rows: produced.map((artifact) => [
            pageCell(artifact.name, artifactPath(org, trail.flow, artifact.fingerprint)),
            cell(artifact.slot),
            cell(artifact.fingerprint),
            timed(artifact.reportedAt),
          ]),
        },
        {
          caption: 'Trail events',
          columns: ['Time', 'Event', 'Compliance'],
          rows: [...trail.events]
            .sort((a, b) => a.timestamp - b.timestamp)
            .map((event) => [
              timed(event.timestamp),
              cell(trailEventSentence(event)),
              cell(trailEventCompliance(event) || 'none'),
            ]),
        },
      ],
      notes: trail.checklist ? [] : ['Kosli reported no compliance status for this trail.'],
    }),
  ]
}

function trailProblems(trail: Trail, reads: AttestationReads): string[] {
  return trail.checklist
    ? checklistProblems(
        checklistItems(trail.checklist),
        checklistReads(trail.flow, trail.name, reads),
      )
    : []
}

function buildTrailContent(org: string, trail: Trail, findings: AttestationFindings): AuditContent {
  const reads = readsOf(findings)
  const problems = [...trailProblems(trail, reads), ...unreadNote(findings)]
  return {
    kind: 'trail',
    subject: `${trail.flow}/${trail.name}`,
    compliance: {
      state: trail.state,
      reasons: problems.length
        ? problems
        : [`Kosli reports the trail ${trail.state}; no failing checklist item.`],
    },
    sections: trailSections(org, trail, reads),
  }
}

function artifactReasons(artifact: SnapshotArtifact, reads: AttestationReads): string[] {
  return [...artifact.reasonsForIncompliance, ...failureReasons(artifact.policyDecisions, reads)]
}

function buildArtifactContent(
  org: string,
  input: Extract<AuditInputs, { kind: 'artifact' }>,
): AuditContent {
  const { artifact, runtimes } = input
  const trail = input.trail?.ok ? input.trail.data : null
  const reads = readsOf(input.attestations)
  const flow = artifact.flow ?? 'unknown'
  const reasons: string[] = []
  const sections: AuditSection[] = [
    section(
      `Artifact ${artifact.name}`,
      get(artifactEndpoints.detail(org, flow, artifact.fingerprint)),
      {
        facts: [
          pageFact(
            'Name',
            artifact.name,
            artifact.flow ? artifactPath(org, artifact.flow, artifact.fingerprint) : null,
          ),
          fact('Flow', artifact.flow),
          fact('Fingerprint', artifact.fingerprint),
          timeFact('Created', artifact.createdAt),
          fact('Git commit', artifact.gitCommit),
          fact('Commit URL', artifact.commitUrl, artifact.commitUrl),
          fact('Build URL', artifact.buildUrl, artifact.buildUrl),
          pageFact(
            'Trail',
            artifact.trail,
            artifact.trail && artifact.flow ? trailPath(org, artifact.flow, artifact.trail) : null,
          ),
          fact('Name in template', artifact.templateReference),
          fact('State', artifact.state),
          fact('State info', artifact.stateInfo),
          fact('Kosli URL', artifact.htmlUrl, artifact.htmlUrl),
        ],
        tables: [
          {
            caption: 'Where it ran',
            columns: ['Snapshot', 'Status'],
            rows: [
              ...artifact.running.map((ref) => [
                pageCell(
                  `${ref.environment}#${ref.index}`,
                  snapshotPath(org, ref.environment, ref.index),
                ),
                cell('running'),
              ]),
              ...artifact.exited.map((ref) => [
                pageCell(
                  `${ref.environment}#${ref.index}`,
                  snapshotPath(org, ref.environment, ref.index),
                ),
                cell('exited'),
              ]),
            ],
          },
          {
            caption: 'History',
            columns: ['Time', 'Event'],
            rows: artifact.history.map((row) => [timed(row.timestamp), cell(row.event)]),
          },
          ...(artifact.evidence.length
            ? [
                {
                  caption: 'Evidence',
                  columns: ['Name', 'Type', 'Compliance', 'Reported'],
                  rows: artifact.evidence.map((item) => [
                    cell(item.name),
                    cell(item.type),
                    cell(complianceText(item.isCompliant)),
                    timed(item.createdAt),
                  ]),
                },
              ]
            : []),
        ],
      },
    ),
  ]
  if (trail) {
    sections.push(...trailSections(org, trail, reads))
    reasons.push(...trailProblems(trail, reads))
  } else if (input.trail && !input.trail.ok) {
    sections.push(
      section(`Trail ${artifact.trail ?? ''}`, null, {
        notes: [`Could not load the trail: ${input.trail.error}`],
      }),
    )
  }
  for (const runtime of runtimes) {
    const heading = `Policy decisions in ${runtime.environment}#${runtime.index}`
    const source = get(numberedSnapshot(org, runtime.environment, runtime.index))
    const entry = runtime.snapshot?.artifacts.find(
      (item) => item.fingerprint === artifact.fingerprint,
    )
    if (!runtime.snapshot || !entry) {
      sections.push(
        section(heading, source, {
          notes: [runtime.error ?? 'The artifact is not listed in this snapshot.'],
        }),
      )
      continue
    }
    const why = artifactReasons(entry, reads)
    reasons.push(...why.map((reason) => `${runtime.environment}#${runtime.index}: ${reason}`))
    sections.push(
      section(heading, source, {
        facts: [fact('Compliance in this snapshot', complianceText(entry.compliant))],
        tables: [
          policyTable(
            'Policies',
            'Status',
            entry.policyDecisions.map((decision) => [
              decision.policy,
              decision.version,
              decision.compliant ? 'COMPLIANT' : 'NON-COMPLIANT',
            ]),
          ),
        ],
        notes: why.length ? why : ['Every applied policy was satisfied.'],
      }),
    )
  }
  reasons.push(...unreadNote(input.attestations))
  return {
    kind: 'artifact',
    subject: `${flow}@${artifact.fingerprint}`,
    compliance: {
      state: artifact.state,
      reasons: reasons.length
        ? reasons
        : [`Kosli reports the artifact ${artifact.state}; no failing check was found.`],
    },
    sections,
  }
}

function runningTable(org: string, snapshot: Snapshot): AuditTable {
  return {
    caption: `Running in ${snapshot.environment}#${snapshot.index}`,
    columns: [
      'Artifact',
      'Fingerprint',
      'Flow',
      'Commit',
      'Compliance',
      'Replicas',
      'Running since',
    ],
    rows: snapshot.artifacts
      .filter((artifact) => !artifact.exited)
      .map((artifact) => [
        pageCell(
          artifact.name,
          artifact.flow ? artifactPath(org, artifact.flow, artifact.fingerprint) : null,
        ),
        cell(artifact.fingerprint),
        cell(artifact.flow, null),
        cell(artifact.gitCommit, artifact.commitUrl),
        cell(complianceText(artifact.compliant)),
        cell(String(artifact.replicas)),
        timed(artifact.runningSince),
      ]),
  }
}

function snapshotReasons(snapshot: Snapshot, reads: AttestationReads): string[] {
  return snapshot.artifacts
    .filter((artifact) => !artifact.exited && artifact.compliant === false)
    .flatMap((artifact) => {
      const why = artifactReasons(artifact, reads)
      return (why.length ? why : ['non-compliant; Kosli gave no reason']).map(
        (reason) => `${artifact.name}: ${reason}`,
      )
    })
}

function buildSnapshotContent(
  org: string,
  snapshot: Snapshot,
  findings: AttestationFindings,
): AuditContent {
  const reasons = [...snapshotReasons(snapshot, readsOf(findings)), ...unreadNote(findings)]
  const state =
    snapshot.compliant === true
      ? 'COMPLIANT'
      : snapshot.compliant === false
        ? 'NON-COMPLIANT'
        : 'UNKNOWN'
  return {
    kind: 'snapshot',
    subject: `${snapshot.environment}#${snapshot.index}`,
    compliance: {
      state,
      reasons: reasons.length ? reasons : ['Every running artifact is compliant.'],
    },
    sections: [
      section(
        `Snapshot ${snapshot.environment}#${snapshot.index}`,
        get(numberedSnapshot(org, snapshot.environment, snapshot.index)),
        {
          facts: [
            fact('Environment', snapshot.environment),
            pageFact(
              'Snapshot',
              `${snapshot.environment}#${snapshot.index}`,
              snapshotPath(org, snapshot.environment, snapshot.index),
            ),
            timeFact('Taken', snapshot.timestamp),
            snapshot.nextSnapshotTimestamp !== null
              ? timeFact('Replaced', snapshot.nextSnapshotTimestamp)
              : fact('Replaced', 'still current'),
            fact('Type', snapshot.type),
            fact('Compliance', state),
            fact('Roll-up', rollupSentence(complianceRollup(snapshot.artifacts))),
            fact('Kosli URL', snapshot.htmlUrl, snapshot.htmlUrl),
          ],
          tables: [
            policyTable(
              'Applied policies',
              'Rules',
              snapshot.appliedPolicies.map((policy) => [
                policy.name,
                policy.version,
                appliedPolicyRules(policy).join(' '),
              ]),
            ),
            runningTable(org, snapshot),
          ],
          notes: snapshot.appliedPolicies.length ? [] : ['No policies were applied.'],
        },
      ),
    ],
  }
}

/** What could not be read for an environment's range, in words. */
function environmentNotes(input: Extract<AuditInputs, { kind: 'environment' }>): string[] {
  const notes: string[] = []
  if (!input.start.ok)
    notes.push('The range starts before the first snapshot (or it could not be loaded).')
  if (!input.end.ok) notes.push(`Could not load the snapshot at the end: ${input.end.error}`)
  if (input.events && !input.events.ok)
    notes.push(`Could not load the changes: ${input.events.error}`)
  if (input.events?.ok && input.events.data.truncated)
    notes.push('More changes exist in this range than were fetched; narrow the range.')
  return notes
}

function buildEnvironmentContent(
  org: string,
  input: Extract<AuditInputs, { kind: 'environment' }>,
): AuditContent {
  const { environment } = input
  const start = input.start.ok ? input.start.data : null
  const end = input.end.ok ? input.end.data : null
  const reads = readsOf(input.attestations)
  const inRange = (input.events?.ok ? input.events.data.events : [])
    .flatMap((event) => {
      const at = event.reportedAt
      return at !== null && at >= input.from && at <= input.to ? [{ ...event, reportedAt: at }] : []
    })
    .sort((a, b) => a.reportedAt - b.reportedAt)
  const reasons: string[] = []
  const nonCompliantSnapshots = new Set(
    inRange.flatMap((e) =>
      e.snapshotCompliant === false && e.snapshotIndex !== null ? [e.snapshotIndex] : [],
    ),
  )
  if (nonCompliantSnapshots.size) {
    reasons.push(
      `${nonCompliantSnapshots.size} snapshot(s) in the range were non-compliant: ${[
        ...nonCompliantSnapshots,
      ]
        .sort((a, b) => a - b)
        .map((index) => `#${index}`)
        .join(', ')}.`,
    )
  }
  if (end) reasons.push(...snapshotReasons(end, reads), ...unreadNote(input.attestations))
  const sections: AuditSection[] = [
    section(
      `Environment ${environment.name}`,
      get(environmentEndpoints.detail(org, environment.name)),
      {
        facts: [
          fact('Environment', environment.name),
          fact('Type', environment.type),
          fact('Description', environment.description),
          fact('Compliance now', complianceText(environment.compliant)),
          fact('Policies', environment.policies.join(', ')),
          timeFact('Last reported', environment.lastReportedAt),
          timeFact('Range from', input.from),
          timeFact('Range to', input.to),
          start
            ? {
                ...pageFact(
                  'Snapshot at start',
                  `${environment.name}#${start.index}`,
                  snapshotPath(org, environment.name, start.index),
                ),
              }
            : fact('Snapshot at start', 'none (the range starts before the first snapshot)'),
          end
            ? pageFact(
                'Snapshot at end',
                `${environment.name}#${end.index}`,
                snapshotPath(org, environment.name, end.index),
              )
            : fact('Snapshot at end', null),
        ],
      },
    ),
    section('Changes in the range', get(eventEndpoints.list(org, environment.name)), {
      tables: [
        {
          caption: 'Changes',
          columns: [
            'Time',
            'Snapshot',
            'Artifact',
            'Change',
            'Flow',
            'Artifact compliance',
            'Snapshot compliance',
          ],
          rows: inRange.map((event) => [
            timed(event.reportedAt),
            event.snapshotIndex === null
              ? cell('no snapshot')
              : pageCell(
                  `#${event.snapshotIndex}`,
                  snapshotPath(org, environment.name, event.snapshotIndex),
                ),
            cell(event.artifactName),
            cell(event.description),
            cell(event.flow),
            cell(complianceText(event.artifactCompliant)),
            cell(complianceText(event.snapshotCompliant)),
          ]),
        },
      ],
      notes: environmentNotes(input),
    }),
  ]
  if (end) {
    sections.push(
      section(`Running at the end of the range`, null, {
        facts: [fact('Roll-up', rollupSentence(complianceRollup(end.artifacts)))],
        tables: [runningTable(org, end)],
      }),
    )
  }
  const state =
    nonCompliantSnapshots.size || end?.compliant === false
      ? 'NON-COMPLIANT'
      : end?.compliant === true
        ? 'COMPLIANT'
        : 'UNKNOWN'
  return {
    kind: 'environment',
    subject: environment.name,
    compliance: {
      state,
      reasons: reasons.length
        ? reasons
        : ['No non-compliant snapshot or running artifact was found in the range.'],
    },
    sections,
  }
}

/** The report, built from what its plan read and nothing else. */
export function buildAuditContent(org: string, input: AuditInputs): AuditContent {
  switch (input.kind) {
    case 'artifact':
      return buildArtifactContent(org, input)
    case 'trail':
      return buildTrailContent(org, input.trail, input.attestations)
    case 'snapshot':
      return buildSnapshotContent(org, input.snapshot, input.attestations)
    case 'environment':
      return buildEnvironmentContent(org, input)
  }
}
