import { snapshotCompliance, snapshotEntries } from './derive'
import type { EnvRec, Json, JsonObject, OrgRec } from './model'

export function emptyEnv(
  org: string,
  name: string,
  type: string,
  description: string,
  createdAt: number,
  extra: Partial<EnvRec> = {},
): EnvRec {
  return {
    org,
    name,
    type,
    description,
    tags: {},
    policies: [],
    includedEnvironments: null,
    lastModifiedAt: createdAt,
    lastReportedAt: null,
    count: 0,
    timestamps: new Float64Array(1),
    runs: [],
    appliedPolicies: () => [],
    captured: new Map(),
    source: null,
    eventOverrides: new Map(),
    ...extra,
  }
}

/** `Environment`: state and last change follow the latest snapshot. */
export function renderEnvironment(org: OrgRec, env: EnvRec): JsonObject {
  const latest = env.count
  const summary = env.runs.length === 0 ? env.summary : undefined
  const lastChanged = summary
    ? summary.lastChangedAt
    : latest > 0
      ? (env.timestamps[latest] ?? env.lastModifiedAt)
      : env.lastModifiedAt
  let state: Json = null
  if (summary) {
    state = summary.state
  } else if (env.type === 'logical') {
    const included = (env.includedEnvironments ?? []).map((n) => org.envs.get(n))
    state = included.every((e) => !e || e.count === 0 || latestCompliant(org, e))
  } else if (latest > 0 && (env.policies?.length ?? 0) > 0) {
    state = latestCompliant(org, env)
  }
  const json: JsonObject = {
    org: org.name,
    name: env.name,
    type: env.type,
    description: env.description,
    last_modified_at: Math.max(env.lastModifiedAt, lastChanged),
    last_reported_at:
      env.type === 'logical' ? null : (env.lastReportedAt ?? (latest > 0 ? lastChanged : null)),
    last_changed_at: lastChanged,
    state,
    include_scaling: false,
    tags: { ...env.tags },
    policies: env.policies ? [...env.policies] : null,
    included_environments: env.includedEnvironments ? [...env.includedEnvironments] : null,
  }
  if (env.source && latest === 0) return { ...env.source }
  if (env.source) {
    return { ...env.source, last_changed_at: json['last_changed_at'] ?? null, state }
  }
  return json
}

function latestCompliant(org: OrgRec, env: EnvRec): boolean {
  const captured = env.captured.get(env.count)
  if (captured) return captured['compliant'] === true
  return snapshotCompliance(snapshotEntries(org, env, env.count)).false === 0
}
