import { http } from 'msw'
import type { JsonObject, TrailRec } from '../world/model'
import { findTrail, trailsOfFlow } from '../world/trails'
import { fail, isResponse, json, orgOrFail, pageParams, pagination, segments } from './common'

function listItem(trail: TrailRec): JsonObject {
  return { ...trail.json }
}

export const trailHandlers = [
  http.get('*/api/v2/trails/:org', ({ request }) => {
    const url = new URL(request.url)
    const [, orgName = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    const flow = url.searchParams.get('flow')
    const fingerprint = url.searchParams.get('fingerprint')
    const flowTag = url.searchParams.get('flow_tag')
    let flows = flow ? [flow] : [...org.flows.keys()]
    if (flow && !org.flows.has(flow))
      return fail(404, `Flow named '${flow}' does not exist for organization '${orgName}'`)
    if (flowTag) {
      const [k = '', v] = flowTag.split('=', 2)
      flows = flows.filter((f) => {
        const tags = org.flows.get(f)?.json['tags']
        return (
          !!tags &&
          typeof tags === 'object' &&
          !Array.isArray(tags) &&
          (v === undefined ? k in tags : tags[k] === v)
        )
      })
    }
    let trails: TrailRec[] = []
    if (fingerprint) {
      const art = org.artifacts.get(fingerprint)
      const trail = art?.flow && art.trail ? findTrail(org, art.flow, art.trail) : null
      trails = trail && flows.includes(trail.flow) ? [trail] : []
    } else {
      for (const f of flows) trails.push(...trailsOfFlow(org, f))
      trails.sort((a, b) => Number(b.json['created_at'] ?? 0) - Number(a.json['created_at'] ?? 0))
    }
    const { page, perPage } = params
    const data = trails.slice((page - 1) * perPage, page * perPage).map(listItem)
    return json(
      trails.length > perPage
        ? { data, pagination: pagination(trails.length, page, perPage) }
        : { data },
    )
  }),

  http.get('*/api/v2/trails/:org/:flow', ({ request }) => {
    const url = new URL(request.url)
    const [, orgName = '', flow = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    if (!org.flows.has(flow))
      return fail(404, `Flow named '${flow}' does not exist for organization '${orgName}'`)
    const trails = trailsOfFlow(org, flow)
    if (!url.searchParams.has('page') && !url.searchParams.has('per_page'))
      return json(trails.map(listItem))
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    const { page, perPage } = params
    return json({
      data: trails.slice((page - 1) * perPage, page * perPage).map(listItem),
      pagination: pagination(trails.length, page, perPage),
    })
  }),

  http.get('*/api/v2/trails/:org/:flow/:trail', ({ request }) => {
    const [, orgName = '', flow = '', name = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    if (!org.flows.has(flow))
      return fail(404, `Flow named '${flow}' does not exist for organization '${orgName}'`)
    const trail = findTrail(org, flow, name)
    if (!trail) {
      return fail(
        404,
        `Trail with name '${name}' does not exist for Organization '${orgName}' and Flow '${flow}'`,
      )
    }
    return json({ ...trail.json })
  }),
]
