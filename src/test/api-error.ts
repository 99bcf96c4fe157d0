import { ApiError } from '@/api/client'

/** What the API says when aws-prod, which has 5,253 snapshots, is asked for its #9999. */
export const OUT_OF_RANGE_MESSAGE =
  "Org: 'cyber-dojo'. Snapshot 'aws-prod#9999' resolves to 'aws-prod#9999'. len(snapshots) == 5253. Indexes are 1-based"

/** The error of an HTTP answer with `status` and the server's `message` to `endpoint`. */
export function httpError(status: number, message: string, endpoint: string): ApiError {
  return new ApiError({ status, message, kind: 'http', endpoint })
}
