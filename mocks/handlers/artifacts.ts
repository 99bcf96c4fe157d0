import type { ArtifactRec, JsonObject } from '../world/model'
import { renderArtifact, renderArtifactListItem } from '../world/render'
import { asReportedIn, reportingIn } from '../world/reportings'
import { artifactsOfFlow } from '../world/trails'
import {
  artifactNotFound,
  fail,
  flowGet,
  flowOrFail,
  isResponse,
  json,
  orgGet,
  pageOf,
  pageParams,
} from './common'

/** `art`'s body as `flow` serves it: a flow that reported it names its own trail. */
function inFlow(body: JsonObject, art: ArtifactRec, flow: string | null): JsonObject {
  const reporting = flow ? reportingIn(art, flow) : null
  return reporting ? asReportedIn(body, art, reporting) : body
}

function page(url: URL, items: ArtifactRec[], flow: string | null): Response {
  const params = pageParams(url, 15)
  if (isResponse(params)) return params
  const { page: p, perPage } = params
  return json(
    pageOf(items, p, perPage).map((art) => inFlow(renderArtifactListItem(art), art, flow)),
  )
}

export const artifactHandlers = [
  orgGet('*/api/v2/artifacts/:org', ({ url, org }) => {
    const flow = url.searchParams.get('flow_name')
    const repo = url.searchParams.get('repo_name')
    if (flow) {
      const missing = flowOrFail(org, flow)
      if (missing) return missing
    }
    let items = flow
      ? artifactsOfFlow(org, flow)
      : [...org.artifacts.values()].filter((a) => a.flow).sort((a, b) => b.createdAt - a.createdAt)
    if (repo) items = items.filter((a) => a.repoName === repo || a.repoName?.endsWith(`/${repo}`))
    return page(url, items, flow)
  }),

  flowGet('*/api/v2/artifacts/:org/:flow', ({ url, org, flow }) =>
    page(url, artifactsOfFlow(org, flow), flow),
  ),

  flowGet('*/api/v2/artifacts/:org/:flow/fingerprint/:fp', ({ org, flow, path: [, fp = ''] }) => {
    // The server takes a fingerprint or a prefix of 5–64 hex characters.
    const needle = fp.toLowerCase()
    if (!/^[0-9a-f]{5,64}$/.test(needle)) {
      return fail(400, `Invalid fingerprint '${fp}': use 5 to 64 hexadecimal characters`)
    }
    const exact = org.artifacts.get(needle)
    const matches =
      needle.length === 64
        ? exact && reportingIn(exact, flow)
          ? [exact]
          : []
        : artifactsOfFlow(org, flow).filter((a) => a.fingerprint.startsWith(needle))
    const [art, ...others] = matches
    if (!art) return artifactNotFound(org, flow, `fingerprint '${fp}'`)
    if (others.length > 0) {
      return fail(
        409,
        `Fingerprint prefix '${fp}' matches ${matches.length} artifacts in flow '${flow}'`,
      )
    }
    return json(inFlow(renderArtifact(org, art), art, flow))
  }),

  flowGet('*/api/v2/artifacts/:org/:flow/commit_sha/:sha', ({ org, flow, path: [, sha = ''] }) => {
    const needle = sha.toLowerCase()
    const found =
      /^[0-9a-f]{4,40}$/.test(needle) && needle.length >= 4
        ? artifactsOfFlow(org, flow).filter((a) => a.gitCommit?.startsWith(needle))
        : []
    if (found.length === 0) return artifactNotFound(org, flow, `commit '${sha}'`)
    return json(found.map((a) => inFlow(renderArtifact(org, a), a, flow)))
  }),
]
