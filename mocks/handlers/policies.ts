import { fail, json, orgGet } from './common'

export const policyHandlers = [
  orgGet('*/api/v2/policies/:org', ({ org }) =>
    json(
      [...org.policies.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => ({ ...p.json })),
    ),
  ),

  orgGet('*/api/v2/policies/:org/:policy', ({ org, path: [name = ''] }) => {
    const policy = org.policies.get(name)
    if (!policy)
      return fail(404, `Policy named '${name}' does not exist for organization '${org.name}'`)
    return json({ ...policy.json })
  }),
]
