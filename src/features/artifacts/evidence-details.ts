/**
 * The part of an attestation the artifact page shows as plain data: what is neither common to
 * every attestation nor read as typed results (features/compliance/attestation-failures).
 */

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

export function evidenceData(raw: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (COMMON_KEYS.has(key)) continue
    // Empty user data says nothing.
    if (value === null || (record(value) && Object.keys(value as object).length === 0)) continue
    data[key] = value
  }
  return data
}
