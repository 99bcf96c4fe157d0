/**
 * What a failed request means for the page that made it, read once from the status, the
 * endpoint and the server's words. Kosli states snapshot counts only in its messages
 * ("… resolves to 'aws-prod#9999'. len(snapshots) == 5253"), not in a field or a status code.
 */
export type ApiErrorReason =
  /** The environment exists but has no snapshot yet (`environment` when the message names it). */
  | { kind: 'no-snapshots'; environment: string | null }
  /** The snapshot number is past the last one (`count` snapshots exist, when the server said). */
  | { kind: 'snapshot-out-of-range'; count: number | null }
  | { kind: 'unknown-environment' }
  | { kind: 'other' }

const SNAPSHOT_COUNT = /len\(snapshots\)\s*==\s*(\d+)/
const SNAPSHOT_ENVIRONMENT = /Snapshot '([^'#~@]+)/

export function errorReason(error: {
  status: number
  kind: string
  endpoint: string
  message: string
}): ApiErrorReason {
  if (error.kind !== 'http') return { kind: 'other' }
  const count = SNAPSHOT_COUNT.exec(error.message)
  if (count) {
    const total = Number(count[1])
    return total === 0
      ? {
          kind: 'no-snapshots',
          environment: SNAPSHOT_ENVIRONMENT.exec(error.message)?.[1] ?? null,
        }
      : { kind: 'snapshot-out-of-range', count: total }
  }
  if (error.status !== 404) return { kind: 'other' }
  if (/^GET \/environments\//.test(error.endpoint)) return { kind: 'unknown-environment' }
  if (/does not exist/i.test(error.message) && /environment/i.test(error.message)) {
    return { kind: 'unknown-environment' }
  }
  if (/^GET \/snapshots\//.test(error.endpoint)) {
    return { kind: 'snapshot-out-of-range', count: null }
  }
  return { kind: 'other' }
}
