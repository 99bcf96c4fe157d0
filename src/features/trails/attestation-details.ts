/**
 * The trail drawer's readers for an attestation's free-form parts; the typed results (junit,
 * snyk, pull requests, Jira, SonarQube) are read by features/compliance/attestation-failures.
 */

type Json = Record<string, unknown>

function record(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : null
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
