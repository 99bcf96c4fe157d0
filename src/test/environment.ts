import type { Environment } from '@/api/environments'

/** An ECS environment called `name` with no description, tags or policies and nothing known. */
export function environment(name: string, extra: Partial<Environment> = {}): Environment {
  return {
    name,
    type: 'ECS',
    description: '',
    lastModifiedAt: null,
    lastReportedAt: null,
    lastChangedAt: null,
    compliant: null,
    tags: {},
    policies: [],
    includedEnvironments: [],
    ...extra,
  }
}
