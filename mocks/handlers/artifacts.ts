import { http } from 'msw'
import type { ArtifactRec, JsonObject, OrgRec } from '../world/model'
import { renderArtifact, renderArtifactListItem } from '../world/render'
import { asReportedIn, reportingIn } from '../world/reportings'
import { artifactsOfFlow } from '../world/trails'
import { fail, isResponse, json, orgOrFail, pageParams, segments } from './common'

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
    items
      .slice((p - 1) * perPage, p * perPage)
      .map((art) => inFlow(renderArtifactListItem(art), art, flow)),
  )
}

function flowOrFail(org: OrgRec, flow: string): Response | null {
  return org.flows.has(flow)
    ? null
    : fail(404, `Flow named '${flow}' does not exist for organization '${org.name}'`)
}

export const artifactHandlers = [
  http.get('*/api/v2/artifacts/:org', ({ request }) => {
    const url = new URL(request.url)
    const [, orgName = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
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

  http.get('*/api/v2/artifacts/:org/:flow', ({ request }) => {
    const [, orgName = '', flow = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    return flowOrFail(org, flow) ?? page(new URL(request.url), artifactsOfFlow(org, flow), flow)
  }),

  http.get('*/api/v2/artifacts/:org/:flow/fingerprint/:fp', ({ request }) => {
    const [, orgName = '', flow = '', , fp = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const missing = flowOrFail(org, flow)
    if (missing) return missing
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
    if (!art) {
      return fail(
        404,
        `Artifact with fingerprint '${fp}' does not exist in flow '${flow}' belonging to organization '${orgName}'`,
      )
    }
    if (others.length > 0) {
      return fail(
        409,
        `Fingerprint prefix '${fp}' matches ${matches.length} artifacts in flow '${flow}'`,
      )
    }
    return json(inFlow(renderArtifact(org, art), art, flow))
  }),

  http.get('*/api/v2/artifacts/:org/:flow/commit_sha/:sha', ({ request }) => {
    const [, orgName = '', flow = '', , sha = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const missing = flowOrFail(org, flow)
    if (missing) return missing
    const needle = sha.toLowerCase()
    const found =
      /^[0-9a-f]{4,40}$/.test(needle) && needle.length >= 4
        ? artifactsOfFlow(org, flow).filter((a) => a.gitCommit?.startsWith(needle))
        : []
    if (found.length === 0) {
      return fail(
        404,
        `Artifact with commit '${sha}' does not exist in flow '${flow}' belonging to organization '${orgName}'`,
      )
    }
    return json(found.map((a) => inFlow(renderArtifact(org, a), a, flow)))
  }),
]
