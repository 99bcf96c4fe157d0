import { intervalSides, resolveSnapshot } from '../world/expressions'
import { renderSnapshotListItem, renderSnapshotText } from '../world/render'
import { boolParam, envGet, fail, isResponse, json, jsonText, pageParams } from './common'

export const snapshotHandlers = [
  envGet('*/api/v2/snapshots/:org/:env', ({ url, org, env }) => {
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

  envGet('*/api/v2/snapshots/:org/:env/:expression', ({ org, env, path: [expr = ''] }) => {
    const shown = /^[#~@]/.test(expr) ? `${env.name}${expr}` : `${env.name}#${expr}`
    const resolved = resolveSnapshot(org.name, env, expr, shown)
    if (!resolved.ok) return fail(resolved.status, resolved.message)
    return jsonText(renderSnapshotText(org, env, resolved.index))
  }),
]
