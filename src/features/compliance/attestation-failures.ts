import type { Attestation } from '@/api/attestations'
import { pluralise } from '@/lib/format'

/**
 * What an attestation says about itself, type by type (junit totals, snyk severities, pull
 * requests, Jira issues, SonarQube gates), and the failures it names, as sentences. The artifact
 * page, the trail page and the audit report all say "3 of 412 tests failed" from here. The wire
 * is free-form for these fields, so every reader is defensive: wrong shapes give null.
 */

type Json = Record<string, unknown>

function record(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : null
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(record).filter((item): item is Json => item !== null) : []
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export interface JunitSuite {
  name: string
  total: number
  failures: number
  errors: number
  skipped: number
  duration: number | null
}

export interface JunitSummary {
  total: number
  failures: number
  errors: number
  skipped: number
  passed: number
  duration: number | null
  suites: JunitSuite[]
}

export function junitSummary(raw: Json): JunitSummary | null {
  const source = raw['junit_results'] ?? raw['test_results']
  const items = Array.isArray(source) ? records(source) : records(record(source)?.['results'])
  if (!items.length) return null
  const suites = items.map((item, index) => ({
    name: text(item['name']) ?? `suite ${index + 1}`,
    total: count(item['total'] ?? item['tests']),
    failures: count(item['failures']),
    errors: count(item['errors']),
    skipped: count(item['skipped']),
    duration: num(item['duration']),
  }))
  const sum = (key: 'total' | 'failures' | 'errors' | 'skipped') =>
    suites.reduce((total, suite) => total + suite[key], 0)
  const durations = suites.map((suite) => suite.duration).filter((d): d is number => d !== null)
  const total = sum('total')
  const failures = sum('failures')
  const errors = sum('errors')
  const skipped = sum('skipped')
  return {
    total,
    failures,
    errors,
    skipped,
    passed: Math.max(0, total - failures - errors - skipped),
    duration: durations.length ? durations.reduce((a, b) => a + b, 0) : null,
    suites,
  }
}

export interface SnykSummary {
  tool: string | null
  critical: number
  high: number
  medium: number
  low: number
  /** Number of scanned projects/results. */
  results: number
}

export function snykSummary(raw: Json): SnykSummary | null {
  const processed = record(raw['processed_snyk_results']) ?? record(raw['snyk_results'])
  if (!processed) return null
  const results = records(processed['results'])
  const tool = record(processed['tool'])
  const name = text(tool?.['name'])
  const version = text(tool?.['version'])
  const sum = (key: string) => results.reduce((total, item) => total + count(item[key]), 0)
  return {
    tool: name ? (version ? `${name} ${version}` : name) : null,
    critical: sum('critical_count'),
    high: sum('high_count'),
    medium: sum('medium_count'),
    low: sum('low_count'),
    results: results.length,
  }
}

export interface PullRequestInfo {
  url: string | null
  title: string | null
  state: string | null
  author: string | null
  approvers: string[]
  mergeCommit: string | null
  headRef: string | null
  mergedAt: number | null
}

export function pullRequests(raw: Json): PullRequestInfo[] | null {
  if (!Array.isArray(raw['pull_requests'])) return null
  return records(raw['pull_requests']).map((pr) => ({
    url: text(pr['url']),
    title: text(pr['title']),
    state: text(pr['state']),
    author: text(pr['author']),
    approvers: (Array.isArray(pr['approvers']) ? pr['approvers'] : [])
      .map((approver) =>
        typeof approver === 'string' ? approver : text(record(approver)?.['username']),
      )
      .filter((approver): approver is string => !!approver),
    mergeCommit: text(pr['merge_commit']),
    headRef: text(pr['head_ref']),
    mergedAt: num(pr['merged_at']),
  }))
}

export interface JiraIssue {
  id: string
  url: string | null
  exists: boolean | null
  summary: string | null
  status: string | null
}

export function jiraIssues(raw: Json): JiraIssue[] | null {
  if (!Array.isArray(raw['jira_results'])) return null
  return records(raw['jira_results']).map((item) => {
    const fields = record(item['issue_fields'])
    return {
      id: text(item['issue_id']) ?? 'unknown',
      url: text(item['issue_url']),
      exists: typeof item['issue_exists'] === 'boolean' ? item['issue_exists'] : null,
      summary: text(fields?.['summary']),
      status: text(record(fields?.['status'])?.['name']) ?? text(fields?.['status']),
    }
  })
}

export interface SonarSummary {
  project: string | null
  projectUrl: string | null
  status: string | null
  qualityGate: string | null
  analysedAt: string | null
  revision: string | null
}

export function sonarSummary(raw: Json): SonarSummary | null {
  const results = record(raw['sonar_results'])
  if (!results) return null
  const project = record(results['project'])
  return {
    project: text(project?.['name']) ?? text(project?.['key']),
    projectUrl: text(project?.['url']),
    status: text(results['status']),
    qualityGate: text(record(results['qualityGate'])?.['status']),
    analysedAt: text(results['analysedAt']),
    revision: text(results['revision']),
  }
}

/** '1 critical and 2 high severity vulnerabilities'; '' when every count is zero. */
function severities(parts: ReadonlyArray<readonly [string, number]>): string {
  const found = parts.filter(([, n]) => n > 0)
  if (!found.length) return ''
  const total = found.reduce((sum, [, n]) => sum + n, 0)
  const words = found.map(([label, n]) => `${n} ${label}`)
  const list =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
  return `${list} severity ${total === 1 ? 'vulnerability' : 'vulnerabilities'}`
}

function junitFailures(summary: JunitSummary): string[] {
  const { failures, errors, total } = summary
  const of = `of ${pluralise(total, 'test')}`
  if (failures && errors) return [`${failures} ${of} failed and ${errors} had errors`]
  if (failures) return [`${failures} ${of} failed`]
  if (errors) return [`${errors} ${of} had errors`]
  return []
}

function snykFailures(summary: SnykSummary, compliant: boolean | null): string[] {
  const serious = severities([
    ['critical', summary.critical],
    ['high', summary.high],
  ])
  if (serious) return [serious]
  // A scan can be made to fail on lesser findings too: then those are the reason.
  const lesser =
    compliant === false
      ? severities([
          ['medium', summary.medium],
          ['low', summary.low],
        ])
      : ''
  return lesser ? [lesser] : []
}

const GATE_PASSED = new Set(['OK', 'PASSED', 'SUCCESS'])

/**
 * The failures an attestation names, e.g. ['3 of 412 tests failed'] or
 * ['2 high severity vulnerabilities']; empty when its data names none (a compliant
 * attestation, or a type Shiplog cannot read).
 */
export function attestationFailures(
  attestation: Pick<Attestation, 'type' | 'compliant' | 'raw'>,
): string[] {
  const raw = attestation.raw
  const out: string[] = []
  const junit = junitSummary(raw)
  if (junit) out.push(...junitFailures(junit))
  const snyk = snykSummary(raw)
  if (snyk) out.push(...snykFailures(snyk, attestation.compliant))
  const prs = pullRequests(raw)
  if (prs && prs.length === 0) out.push('No pull request was found for the commit')
  if (prs?.length && attestation.compliant === false && prs.every((pr) => !pr.approvers.length)) {
    out.push(
      prs.length === 1 ? 'The pull request has no approvers' : 'No pull request has approvers',
    )
  }
  const missing = (jiraIssues(raw) ?? []).filter((issue) => issue.exists === false)
  if (missing.length) {
    const ids = missing.map((issue) => issue.id).join(', ')
    out.push(
      missing.length === 1
        ? `Jira issue ${ids} was not found`
        : `Jira issues ${ids} were not found`,
    )
  }
  const sonar = sonarSummary(raw)
  const gate = sonar?.qualityGate ?? sonar?.status ?? null
  if (gate && !GATE_PASSED.has(gate.toUpperCase())) out.push(`SonarQube quality gate is ${gate}`)
  return out
}

/** One attestation a failure sentence may name: where it was reported and under which name. */
export interface FailingAttestation {
  flow: string
  trail: string
  name: string
}

export function failingAttestationKey(ref: FailingAttestation): string {
  return JSON.stringify([ref.flow, ref.trail, ref.name])
}

/** What reading a failing attestation gave: its versions, or why they could not be read. */
export type AttestationRead =
  | {
      ok: true
      attestations: ReadonlyArray<
        Pick<Attestation, 'id' | 'type' | 'compliant' | 'raw' | 'createdAt'>
      >
    }
  | { ok: false; error: string }

/** The read for an attestation, when the page or report asked for it. */
export type AttestationReads = (ref: FailingAttestation) => AttestationRead | undefined

/** What is known beyond "not compliant": the named failures, or why they could not be read. */
export type FailureFinding =
  { kind: 'found'; failures: string[] } | { kind: 'unread'; error: string }

/**
 * The specific failures of one read attestation, or null when it names none. `id` picks one
 * version when the name was attested more than once; otherwise the newest one counts.
 */
export function failureFinding(
  read: AttestationRead | undefined,
  id: string | null,
): FailureFinding | null {
  if (!read) return null
  if (!read.ok) return { kind: 'unread', error: read.error }
  const newest = [...read.attestations].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0))
  const chosen = (id ? newest.find((item) => item.id === id) : undefined) ?? newest[0]
  const failures = chosen ? attestationFailures(chosen) : []
  return failures.length ? { kind: 'found', failures } : null
}

/** ': 3 of 412 tests failed.' or ': its details could not be read (…).', to end a sentence. */
export function findingClause(finding: FailureFinding): string {
  return finding.kind === 'found'
    ? `: ${finding.failures.join('; ')}.`
    : `: its details could not be read (${finding.error}).`
}

/** 'It reports: 3 of 412 tests failed.', to follow a sentence that names the attestation. */
export function findingSentence(finding: FailureFinding): string {
  return finding.kind === 'found'
    ? `It reports: ${finding.failures.join('; ')}.`
    : `Its details could not be read (${finding.error}).`
}
