import { http } from 'msw'
import { fail, isResponse, json, orgOrFail, segments } from './common'

export const policyHandlers = [
  http.get('*/api/v2/policies/:org', ({ request }) => {
    const [, orgName = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    return json(
      [...org.policies.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => ({ ...p.json })),
    )
  }),

  http.get('*/api/v2/policies/:org/:policy', ({ request }) => {
    const [, orgName = '', name = ''] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    const policy = org.policies.get(name)
    if (!policy)
      return fail(404, `Policy named '${name}' does not exist for organization '${orgName}'`)
    return json({ ...policy.json })
  }),
]
