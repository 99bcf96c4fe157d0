import { parseArtifactExpression } from '@/lib/artifact-expression'
import { formatSnappish, parseSnappish, type Snappish } from '@/lib/snappish'
import { isoTime, parseIsoDateTime, toSnappishTime } from '@/lib/time'

/** ISO 8601 date or date-time → unix seconds; no zone means UTC (as Kosli's `@{...}`). */
export const parseIsoTime = parseIsoDateTime

/** What an audit report was asked for, from the URL (`/:org/audit?...`). */
export type AuditQuery =
  | { kind: 'artifact'; flow: string; fingerprint: string }
  | { kind: 'trail'; flow: string; trail: string }
  | { kind: 'snapshot'; snappish: Snappish }
  | { kind: 'environment'; env: string; from: number; to: number }
  | { kind: 'none' }
  | { kind: 'invalid'; error: string }

/** Bad values never throw: they come back as `invalid` with a sentence saying what to fix. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const artifact = params.get('artifact')
  if (artifact !== null) {
    const parsed = parseArtifactExpression(artifact)
    if (!parsed.ok) return { kind: 'invalid', error: `artifact: ${parsed.error}` }
    if (parsed.value.kind !== 'fingerprint') {
      return { kind: 'invalid', error: 'artifact: use flow@fingerprint, e.g. runner@9af401c4' }
    }
    return { kind: 'artifact', flow: parsed.value.flow, fingerprint: parsed.value.fingerprint }
  }
  const trail = params.get('trail')
  if (trail !== null) {
    const slash = trail.indexOf('/')
    const flow = slash > 0 ? trail.slice(0, slash).trim() : ''
    const name = slash > 0 ? trail.slice(slash + 1).trim() : ''
    if (!flow || !name)
      return { kind: 'invalid', error: 'trail: use flow/trail, e.g. runner-ci/a2ffba5…' }
    return { kind: 'trail', flow, trail: name }
  }
  const snapshot = params.get('snapshot')
  if (snapshot !== null) {
    const parsed = parseSnappish(snapshot)
    if (!parsed.ok) return { kind: 'invalid', error: `snapshot: ${parsed.error}` }
    return { kind: 'snapshot', snappish: parsed.value }
  }
  const env = params.get('env')
  if (env !== null) {
    const parsed = parseSnappish(env)
    if (!parsed.ok || parsed.value.kind !== 'latest') {
      return { kind: 'invalid', error: 'env: give an environment name, e.g. aws-prod' }
    }
    const from = parseIsoDateTime(params.get('from'))
    const to = parseIsoDateTime(params.get('to'))
    if (from === null || to === null) {
      return {
        kind: 'invalid',
        error:
          'env: give from and to as ISO times, e.g. from=2022-08-22T00:00:00Z&to=2022-08-25T00:00:00Z',
      }
    }
    if (from > to) return { kind: 'invalid', error: 'env: from must be before to' }
    return { kind: 'environment', env: parsed.value.env, from, to }
  }
  return { kind: 'none' }
}

/** The question in words, for the report heading and the manifest. */
export function describeAuditQuery(query: AuditQuery): string {
  switch (query.kind) {
    case 'artifact':
      return `Artifact ${query.flow}@${query.fingerprint}`
    case 'trail':
      return `Trail ${query.trail} of flow ${query.flow}`
    case 'snapshot':
      return `Snapshot ${formatSnappish(query.snappish)}`
    case 'environment':
      return `Environment ${query.env} from ${isoTime(query.from)} to ${isoTime(query.to)}`
    case 'none':
      return 'Nothing asked yet'
    case 'invalid':
      return `Invalid request: ${query.error}`
  }
}

/** The URL search parameters that ask this question again (for the manifest and links). */
export function auditQueryParams(query: AuditQuery): Record<string, string> {
  switch (query.kind) {
    case 'artifact':
      return { artifact: `${query.flow}@${query.fingerprint}` }
    case 'trail':
      return { trail: `${query.flow}/${query.trail}` }
    case 'snapshot':
      return { snapshot: formatSnappish(query.snappish) }
    case 'environment':
      return { env: query.env, from: isoTime(query.from), to: isoTime(query.to) }
    default:
      return {}
  }
}

/** `env@{…}` for the snapshot current at a time. */
export function snapshotAt(env: string, seconds: number): Snappish {
  return { kind: 'time', env, at: toSnappishTime(seconds) }
}
