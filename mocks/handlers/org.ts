import { json, orgGet } from './common'

export const orgHandlers = [
  orgGet('*/api/v2/organizations/:org', ({ org }) =>
    json({
      name: org.name,
      kind: 'shared',
      experimental_features_enabled: false,
      created_at: org.createdAt,
      last_modified_at: org.createdAt,
    }),
  ),
]
