import type { JsonObject, TrailRec } from '../world/model'
import { findTrail, trailsOfFlow } from '../world/trails'
import {
  dataPage,
  flowGet,
  flowOrFail,
  isResponse,
  json,
  orgGet,
  pageParams,
  trailOrFail,
} from './common'

function listItem(trail: TrailRec): JsonObject {
  return { ...trail.json }
}

export const trailHandlers = [
  orgGet('*/api/v2/trails/:org', ({ url, org }) => {
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    const flow = url.searchParams.get('flow')
    const fingerprint = url.searchParams.get('fingerprint')
    const flowTag = url.searchParams.get('flow_tag')
    let flows = flow ? [flow] : [...org.flows.keys()]
    const missing = flow ? flowOrFail(org, flow) : null
    if (missing) return missing
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
    return json(dataPage(trails.map(listItem), params.page, params.perPage, false))
  }),

  flowGet('*/api/v2/trails/:org/:flow', ({ url, org, flow }) => {
    const trails = trailsOfFlow(org, flow).map(listItem)
    if (!url.searchParams.has('page') && !url.searchParams.has('per_page')) return json(trails)
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    return json(dataPage(trails, params.page, params.perPage))
  }),

  orgGet('*/api/v2/trails/:org/:flow/:trail', ({ org, path: [flow = '', name = ''] }) => {
    const trail = trailOrFail(org, flow, name)
    return isResponse(trail) ? trail : json({ ...trail.json })
  }),
]
