import type { Json, JsonObject, OrgRec, PolicyRec } from './model'
import { isObject } from './json'

function yamlOf(dump: Json): string {
  const lines = ['_schema: https://kosli.com/schemas/policy/environment/v1', 'artifacts:']
  const artifacts = isObject(dump) ? dump['artifacts'] : null
  if (!isObject(artifacts)) return lines.join('\n') + '\n'
  for (const [key, label] of [
    ['provenance', 'provenance'],
    ['trail_compliance', 'trail-compliance'],
  ] as const) {
    const rule = artifacts[key]
    if (!isObject(rule)) continue
    lines.push(`  ${label}:`, `    required: ${rule['required'] === true}`)
    const exceptions = Array.isArray(rule['exceptions']) ? rule['exceptions'] : []
    if (exceptions.length > 0) {
      lines.push('    exceptions:')
      for (const e of exceptions) {
        const cond = isObject(e) && isObject(e['if_condition']) ? e['if_condition']['text'] : ''
        lines.push(`      - if: \${{ ${String(cond)} }}`)
      }
    }
  }
  const attestations = Array.isArray(artifacts['attestations']) ? artifacts['attestations'] : []
  if (attestations.length > 0) {
    lines.push('  attestations:')
    for (const a of attestations) {
      if (!isObject(a)) continue
      const cond = isObject(a['if_condition']) ? a['if_condition']['text'] : null
      lines.push(cond ? `    - if: \${{ ${String(cond)} }}` : '    -')
      lines.push(`      name: "${String(a['name'])}"`, `      type: ${String(a['type'])}`)
      if (a['must_be_compliant'] === false) lines.push('      must_be_compliant: false')
      if (typeof a['for_control'] === 'string') lines.push(`      for_control: ${a['for_control']}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** Environment policies, built from the applied policies that snapshots carry. */
export function addPolicies(
  org: OrgRec,
  applied: Json[],
  consumers: Record<string, string[]>,
  createdAt: number,
): void {
  for (const policy of applied) {
    if (!isObject(policy)) continue
    const name = String(policy['name'])
    const version = typeof policy['version'] === 'number' ? policy['version'] : 1
    const existing = org.policies.get(name)
    const existingVersions =
      existing && Array.isArray(existing.json['versions']) ? existing.json['versions'] : []
    if (existingVersions.length >= version) continue
    const versions: Json[] = []
    for (let v = 1; v <= version; v++) {
      const at = createdAt + (v - 1) * 86400 * 23
      versions.push({
        version: v,
        comment: v === 1 ? 'initial version' : `version ${v}`,
        timestamp: at,
        created_by: 'jon-jagger',
        policy_yaml: yamlOf(policy['policy_dump'] ?? null),
      })
    }
    const last = createdAt + (version - 1) * 86400 * 23
    const json: JsonObject = {
      name,
      description: describePolicy(name),
      created_by: 'jon-jagger',
      created_at: createdAt,
      last_modified_at: last,
      archived: false,
      versions,
      events: [
        { type: 'creation', timestamp: createdAt, user: 'jon-jagger', data: {} },
        ...versions.slice(1).map((v): Json => ({
          type: 'new_version',
          timestamp: isObject(v) ? (v['timestamp'] ?? null) : null,
          user: 'jon-jagger',
          data: { version: isObject(v) ? (v['version'] ?? null) : null },
        })),
      ],
      consuming_envs: [...(consumers[name] ?? [])].sort(),
    }
    const rec: PolicyRec = { org: org.name, name, json }
    org.policies.set(name, rec)
  }
}

function describePolicy(name: string): string {
  if (name.startsWith('trail-compliance')) return 'Artifacts must come from compliant trails'
  if (name.startsWith('snyk-scan')) return 'Artifacts must have a passing snyk container scan'
  if (name === 'provenance') return 'Artifacts must have provenance'
  if (name === 'pull-request') return 'Build artifacts must come from a reviewed pull request'
  if (name === 'production-promotion') return 'Artifacts must be promoted from aws-beta'
  if (name === 'build-process') return 'Build artifacts follow the build process'
  return ''
}
