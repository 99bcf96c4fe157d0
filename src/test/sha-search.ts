import { http, HttpResponse, type JsonBodyType } from 'msw'
import { server } from '@mocks/node'

/** One artifact of a sha search's answer, as the API sends it, built from commit abc1234. */
export function searchedArtifact(
  fingerprint: string,
  flow: string,
  running: string[],
  complianceState = 'COMPLIANT',
) {
  return {
    fingerprint,
    name: `cyberdojo/${flow}:abc1234`,
    flow,
    git_commit: 'abc1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    compliance_state: complianceState,
    running_in: running,
    exited_from: [],
    history: [],
  }
}

/** Answers every sha search with `resolvedTo` and `artifacts`. */
export function answerShaSearch(resolvedTo: JsonBodyType, artifacts: JsonBodyType[]): void {
  server.use(
    http.get('*/api/v2/search/:org/sha/:value', () =>
      HttpResponse.json({ resolved_to: resolvedTo, artifacts }),
    ),
  )
}
