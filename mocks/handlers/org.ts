import { http } from 'msw'
import { json, orgOrFail, isResponse, segments } from './common'

export const orgHandlers = [
  http.get('*/api/v2/organizations/:org', ({ request }) => {
    const [, name = ''] = segments(request)
    const org = orgOrFail(name)
    if (isResponse(org)) return org
    return json({
      name: org.name,
      kind: 'shared',
      experimental_features_enabled: false,
      created_at: org.createdAt,
      last_modified_at: org.createdAt,
    })
  }),
]
