import type { JsonObject } from '../world/model'
import { renderEnvironment } from '../world/envs'
import { envGet, fail, isResponse, json, orgGet, pageOf, pageParams } from './common'

export const environmentHandlers = [
  orgGet('*/api/v2/environments/:org', ({ url, org }) => {
    let items: JsonObject[] = [...org.envs.values()].map((env) => renderEnvironment(org, env))
    const name = url.searchParams.get('name')
    if (name)
      items = items.filter((e) => String(e['name']).toLowerCase().includes(name.toLowerCase()))
    const types = url.searchParams.getAll('type')
    if (types.length > 0) items = items.filter((e) => types.includes(String(e['type'])))
    const tags = url.searchParams.getAll('tag')
    if (tags.length > 0) {
      items = items.filter((e) => {
        const envTags = e['tags']
        if (!envTags || typeof envTags !== 'object' || Array.isArray(envTags)) return false
        return tags.some((t) => {
          const [k = '', v] = t.split(':', 2)
          return k in envTags && (v === undefined || envTags[k] === v)
        })
      })
    }
    const sort = url.searchParams.get('sort') ?? 'name'
    const direction = url.searchParams.get('sort_direction') ?? 'asc'
    if (!['name', 'last_modified_at', 'last_changed_at'].includes(sort))
      return fail(400, `Invalid sort '${sort}'`)
    if (!['asc', 'desc'].includes(direction))
      return fail(400, `Invalid sort_direction '${direction}'`)
    items.sort((a, b) =>
      sort === 'name'
        ? String(a['name']).localeCompare(String(b['name']))
        : Number(a[sort] ?? 0) - Number(b[sort] ?? 0),
    )
    if (direction === 'desc') items.reverse()
    if (!url.searchParams.has('page') && !url.searchParams.has('per_page')) return json(items)
    const params = pageParams(url, 15)
    if (isResponse(params)) return params
    const { page, perPage } = params
    return json({
      page,
      per_page: perPage,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
      total_count: items.length,
      environments: pageOf(items, page, perPage),
    })
  }),

  envGet('*/api/v2/environments/:org/:env', ({ org, env }) => json(renderEnvironment(org, env))),
]
