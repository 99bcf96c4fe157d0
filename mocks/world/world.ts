import {
  capturedEnvironments,
  capturedSnapshot4357,
  capturedSnapshotLatest,
  capturedTrails,
} from './captures'
import { appliedPolicies } from './captures'
import { BETA, ORG, PROD, buildCyberDojo } from './cyber-dojo'
import { ACME, buildAcme } from './acme'
import { buildDriftEnv } from './drift'
import { ODD_ORG, buildOddOrg } from './odd'
import { K8S_APPLIED, K8S_ENV, K8S_POLICY, registerK8sScale } from './scale'
import { emptyEnv } from './envs'
import { SEED_FLOWS, addCapturedFlows, legacyFlow } from './flows'
import { str } from './json'
import { newOrg, trailKey } from './model'
import type { OrgRec } from './model'
import { addPolicies } from './policies'
import { utc } from './time'
import { addRunTrails } from './run-trails'
import { registerCapturedAttestations } from './trails'

/** Orgs are built on first use and then kept: start-up stays instant, later requests are fast. */
const builders: Record<string, () => OrgRec> = {
  [ORG]: buildCyberDojoOrg,
  [ACME]: buildAcme,
  [ODD_ORG]: buildOddOrg,
}
const built = new Map<string, OrgRec>()

/** Adds an org that is built on first use, e.g. the bench's own scale org. */
export function registerOrg(name: string, build: () => OrgRec): void {
  builders[name] = build
}

export function getOrg(name: string): OrgRec | undefined {
  const cached = built.get(name)
  if (cached) return cached
  const build = builders[name]
  if (!build) return undefined
  const org = build()
  built.set(name, org)
  return org
}

function buildCyberDojoOrg(): OrgRec {
  const org = newOrg(ORG, utc(2022, 8, 1, 10, 0, 0))
  for (const [name, description] of SEED_FLOWS) {
    org.flows.set(name, legacyFlow(ORG, name, description, utc(2022, 8, 1, 10, 0, 0)))
  }
  org.flows.set(
    'shas',
    legacyFlow(ORG, 'shas', 'Git commit shas of the running services', utc(2022, 8, 1)),
  )
  addCapturedFlows(org)
  addRunTrails(org)
  buildCyberDojo(org)

  for (const json of capturedEnvironments) {
    const name = str(json, 'name')
    if (name === PROD || name === BETA) continue
    const type = str(json, 'type')
    const included = Array.isArray(json['included_environments'])
      ? json['included_environments'].map(String)
      : null
    const base = emptyEnv(
      ORG,
      name,
      type,
      str(json, 'description'),
      Number(json['last_modified_at']),
      {
        policies: Array.isArray(json['policies']) ? json['policies'].map(String) : null,
        includedEnvironments: included,
        lastReportedAt:
          typeof json['last_reported_at'] === 'number' ? json['last_reported_at'] : null,
        source: json,
      },
    )
    const provenance = appliedPolicies(capturedSnapshotLatest).filter(
      (p) => p !== null && typeof p === 'object' && !Array.isArray(p) && p['name'] === 'provenance',
    )
    const drift = name.endsWith('-terraform-drift-detection')
      ? buildDriftEnv(
          org,
          base,
          `terraform-apply-${name.startsWith('aws-beta') ? 'beta' : 'prod'}-`,
          provenance,
        )
      : base
    org.envs.set(name, drift)
  }
  org.envs.set(
    'empty-env',
    emptyEnv(
      ORG,
      'empty-env',
      'server',
      'A server environment that has never reported',
      utc(2026, 8, 1, 9),
      {
        policies: [],
      },
    ),
  )

  for (const trail of capturedTrails) {
    const flow = trail['flow']
    const flowName =
      flow && typeof flow === 'object' && !Array.isArray(flow) ? String(flow['name']) : ''
    const name = str(trail, 'name')
    org.trails.set(trailKey(flowName, name), { org: ORG, flow: flowName, name, json: trail })
  }

  registerCapturedAttestations(org)
  registerK8sScale(org, K8S_APPLIED)
  addPolicies(org, K8S_APPLIED, { [K8S_POLICY]: [K8S_ENV] }, utc(2026, 5, 20, 10))

  const consumers: Record<string, string[]> = {}
  for (const env of org.envs.values()) {
    for (const p of env.policies ?? []) (consumers[p] ??= []).push(env.name)
  }
  const beta = org.envs.get(BETA)
  addPolicies(org, appliedPolicies(capturedSnapshot4357), consumers, utc(2025, 9, 1, 10))
  addPolicies(org, appliedPolicies(capturedSnapshotLatest), consumers, utc(2025, 9, 1, 10))
  if (beta) addPolicies(org, beta.appliedPolicies(beta.count), consumers, utc(2025, 9, 1, 10))
  return org
}
