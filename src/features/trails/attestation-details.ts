/**
 * Type-specific facts read from an attestation's raw object (the openapi schemas
 * JUnitResult, ProjectScanResult, FoundPullRequestV1/V2, JiraItem, SonarResults). The wire is
 * free-form here, so every reader is defensive: wrong shapes give null, never a crash.
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
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
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
  high: number
  medium: number
  low: number
  critical: number
  /** Number of scanned projects/results. */
  results: number
}

export function snykSummary(raw: Json): SnykSummary | null {
  const processed = record(raw['processed_snyk_results'])
  if (!processed) return null
  const results = records(processed['results'])
  const tool = record(processed['tool'])
  const name = text(tool?.['name'])
  const version = text(tool?.['version'])
  return {
    tool: name ? (version ? `${name} ${version}` : name) : null,
    critical: results.reduce((total, item) => total + count(item['critical_count']), 0),
    high: results.reduce((total, item) => total + count(item['high_count']), 0),
    medium: results.reduce((total, item) => total + count(item['medium_count']), 0),
    low: results.reduce((total, item) => total + count(item['low_count']), 0),
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

/** Custom attestations keep their payload in `attestation_data` (or similar); null when absent. */
export function customData(raw: Json): unknown {
  for (const key of ['attestation_data', 'custom_data', 'data']) {
    if (raw[key] !== undefined && raw[key] !== null) return raw[key]
  }
  return null
}

/** Annotations as label/value rows (`annotations` is a flat map on the wire). */
export function annotationRows(raw: Json): Array<[string, string]> {
  const annotations = record(raw['annotations'])
  if (!annotations) return []
  return Object.entries(annotations).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ])
}
