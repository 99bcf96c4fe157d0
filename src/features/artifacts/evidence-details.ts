/** Type-specific parts of an attestation, read defensively from the raw object. */

export interface JunitSummary {
  total: number
  failures: number
  errors: number
  skipped: number
  suites: number
}

export interface SnykSummary {
  high: number
  medium: number
  low: number
  tool: string | null
}

export interface PullRequestSummary {
  url: string | null
  title: string | null
  state: string | null
  author: string | null
  approvers: string[]
}

export interface EvidenceDetails {
  junit: JunitSummary | null
  snyk: SnykSummary | null
  pullRequests: PullRequestSummary[]
  /** Custom attestation data and anything type-specific we have no summary for. */
  data: Record<string, unknown>
}

// Fields every attestation has; the rest is what makes this one interesting.
const COMMON_KEYS = new Set([
  'attestation_id',
  'attestation_name',
  'attestation_type',
  'schema_version',
  'is_compliant',
  'origin_url',
  'artifact_fingerprint',
  'target_artifacts',
  'git_commit_info',
  'evidence_archive_path',
  'evidence_archive_fingerprint',
  'created_at',
  'html_url',
  'flow_name',
  'trail_name',
  'reported_by',
  'has_audit_package',
  'description',
  '_links',
  'junit_results',
  'processed_snyk_results',
  'snyk_results',
  'pull_requests',
])

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function junit(raw: Record<string, unknown>): JunitSummary | null {
  const suites = raw.junit_results
  if (!Array.isArray(suites)) return null
  const summary: JunitSummary = { total: 0, failures: 0, errors: 0, skipped: 0, suites: 0 }
  for (const item of suites) {
    const suite = record(item)
    if (!suite) continue
    summary.suites += 1
    summary.total += count(suite.total)
    summary.failures += count(suite.failures)
    summary.errors += count(suite.errors)
    summary.skipped += count(suite.skipped)
  }
  return summary
}

function snyk(raw: Record<string, unknown>): SnykSummary | null {
  const results = record(raw.processed_snyk_results) ?? record(raw.snyk_results)
  if (!results) return null
  const summary: SnykSummary = {
    high: 0,
    medium: 0,
    low: 0,
    tool: text(record(results.tool)?.name),
  }
  for (const item of Array.isArray(results.results) ? results.results : []) {
    const result = record(item)
    if (!result) continue
    summary.high += count(result.high_count)
    summary.medium += count(result.medium_count)
    summary.low += count(result.low_count)
  }
  return summary
}

function pullRequests(raw: Record<string, unknown>): PullRequestSummary[] {
  if (!Array.isArray(raw.pull_requests)) return []
  return raw.pull_requests.flatMap((item) => {
    const pr = record(item)
    if (!pr) return []
    const approvers = Array.isArray(pr.approvers)
      ? pr.approvers.flatMap((approver) => {
          const name = typeof approver === 'string' ? approver : text(record(approver)?.username)
          return name ? [name] : []
        })
      : []
    return [
      {
        url: text(pr.url),
        title: text(pr.title),
        state: text(pr.state),
        author: text(pr.author),
        approvers,
      },
    ]
  })
}

export function evidenceDetails(raw: Record<string, unknown>): EvidenceDetails {
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (COMMON_KEYS.has(key)) continue
    // Empty user data says nothing.
    if (value === null || (record(value) && Object.keys(value as object).length === 0)) continue
    data[key] = value
  }
  return { junit: junit(raw), snyk: snyk(raw), pullRequests: pullRequests(raw), data }
}
