import { http } from 'msw'
import { intervalSides, resolveSnapshot } from '../world/expressions'
import { renderSnapshotListItem, renderSnapshotText } from '../world/render'
import {
  boolParam,
  envOrFail,
  fail,
  isResponse,
  json,
  jsonText,
  orgOrFail,
  pageParams,
  segments,
} from './common'

export const snapshotHandlers = [
  http.get('*/api/v2/snapshots/:org/:env', ({ request }) => {
    const url = new URL(request.url)
    const [, orgName = '', envName = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const env = envOrFail(org, envName)
    if (isResponse(env)) return env
    const params = pageParams(url, 15)
    if (isResponse(params)) return params
    const reverse = boolParam(url, 'reverse', false)
    if (isResponse(reverse)) return reverse
    let lo = 1
    let hi = env.count
    const interval = url.searchParams.get('interval')
    if (interval) {
      const [a, b] = intervalSides(interval)
      const side = (s: string, dflt: number) => {
        const v = s.trim()
        if (/^now$/i.test(v)) return dflt
        if (/^~\d+$/.test(v)) return env.count - Number(v.slice(1))
        if (/^-?\d+$/.test(v)) return Number(v) < 0 ? env.count + 1 + Number(v) : Number(v)
        return null
      }
      const l = side(a, env.count)
      const h = side(b, env.count)
      if (l === null || h === null) return fail(400, `Invalid interval '${interval}'`)
      lo = Math.max(1, l)
      hi = Math.min(env.count, h)
    }
    const { page, perPage } = params
    const items = []
    for (let k = (page - 1) * perPage; k < page * perPage; k++) {
      const index = reverse ? lo + k : hi - k
      if (index < lo || index > hi) break
      items.push(renderSnapshotListItem(org, env, index))
    }
    return json(items)
  }),

  http.get('*/api/v2/snapshots/:org/:env/:expression', ({ request }) => {
    const [, orgName = '', envName = '', expr = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const env = envOrFail(org, envName)
    if (isResponse(env)) return env
    const shown = /^[#~@]/.test(expr) ? `${envName}${expr}` : `${envName}#${expr}`
    const resolved = resolveSnapshot(orgName, env, expr, shown)
    if (!resolved.ok) return fail(resolved.status, resolved.message)
    return jsonText(renderSnapshotText(org, env, resolved.index))
  }),
]
