import type { JsonObject } from '../world/model'
import { renderFlowListItem } from '../world/flows'
import { artifactsOfFlow } from '../world/trails'
import {
  boolParam,
  dataPage,
  fail,
  flowNotFound,
  isResponse,
  json,
  orgGet,
  pageParams,
} from './common'

export const flowHandlers = [
  orgGet('*/api/v2/flows/:org', ({ url, org }) => {
    const search = url.searchParams.get('search_by_name')
    const caseSensitive = boolParam(url, 'case_sensitive', true)
    if (isResponse(caseSensitive)) return caseSensitive
    if (search !== null && !/^[A-Za-z0-9-]*$/.test(search)) {
      return fail(
        400,
        `Invalid search_by_name '${search}': only alphanumeric characters and '-' are allowed`,
      )
    }
    let items: JsonObject[] = [...org.flows.values()].map((flow) =>
      renderFlowListItem(flow, () => artifactsOfFlow(org, flow.name)),
    )
    if (search) {
      const needle = caseSensitive ? search : search.toLowerCase()
      items = items.filter((f) => {
        const name = String(f['name'])
        return (caseSensitive ? name : name.toLowerCase()).includes(needle)
      })
    }
    const sort = url.searchParams.get('sort') ?? 'name'
    const direction = url.searchParams.get('sort_direction') ?? (sort === 'name' ? 'asc' : 'desc')
    if (!['name', 'latest_activity'].includes(sort)) return fail(400, `Invalid sort '${sort}'`)
    if (!['asc', 'desc'].includes(direction))
      return fail(400, `Invalid sort_direction '${direction}'`)
    items.sort((a, b) =>
      sort === 'name'
        ? String(a['name']).localeCompare(String(b['name']))
        : Number(a['latest_activity_at'] ?? 0) - Number(b['latest_activity_at'] ?? 0),
    )
    if (direction === 'desc') items.reverse()
    if (!url.searchParams.has('per_page')) return json(items)
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    return json(dataPage(items, params.page, params.perPage))
  }),

  orgGet('*/api/v2/flows/:org/:flow', ({ org, path: [flowName = ''] }) => {
    const flow = org.flows.get(flowName)
    return flow ? json({ ...flow.json }) : flowNotFound(org, flowName)
  }),
]
