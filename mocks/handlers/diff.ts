import { resolveSnapshot, splitSnappish } from '../world/expressions'
import type { EnvRec, OrgRec } from '../world/model'
import { renderDiffText } from '../world/render'
import { envOrFail, fail, isResponse, json, jsonText, orgGet } from './common'

function resolve(org: OrgRec, snappish: string): { env: EnvRec; index: number } | Response {
  const { env: envName, expr } = splitSnappish(snappish)
  if (!envName) return fail(400, `Environment name is missing in '${snappish}'`)
  const env = envOrFail(org, envName)
  if (isResponse(env)) return env
  const resolved = resolveSnapshot(org.name, env, expr, snappish)
  if (!resolved.ok) return fail(resolved.status, resolved.message)
  return { env, index: resolved.index }
}

export const diffHandlers = [
  orgGet('*/api/v2/env-diff/:org', ({ url, org }) => {
    const s1 = url.searchParams.get('snappish1')
    const s2 = url.searchParams.get('snappish2')
    if (!s1 || !s2) {
      return json(
        {
          detail: [
            {
              loc: ['query', s1 ? 'snappish2' : 'snappish1'],
              msg: 'Field required',
              type: 'missing',
              input: null,
            },
          ],
        },
        { status: 422 },
      )
    }
    const a = resolve(org, s1)
    if (isResponse(a)) return a
    const b = resolve(org, s2)
    if (isResponse(b)) return b
    return jsonText(renderDiffText(org, a.env, a.index, b.env, b.index))
  }),
]
