import { capturedFlows } from './captures'
import { asObject } from './json'
import type { ArtifactRec, FlowRec, JsonObject, OrgRec } from './model'
import { kosliId } from './random'

/** The twelve flows the seed's `kosli list flows` prints (2022 era), plus `shas`. */
export const SEED_FLOWS: [string, string][] = [
  ['creator', 'UX for Group/Kata creation'],
  ['custom-start-points', 'Custom exercises choices'],
  ['dashboard', 'UX for a group practice dashboard'],
  ['differ', 'Diff files from two traffic-lights'],
  ['exercises-start-points', 'Exercises choices'],
  ['languages-start-points', 'Language+TestFramework choices'],
  ['nginx', 'Reverse proxy'],
  ['repler', 'REPL for Python images'],
  ['runner', 'Test runner'],
  ['saver', 'Group/Kata model+persistence'],
  ['version-reporter', 'UX for git+image version-reporter'],
  ['web', 'UX for practicing TDD'],
]

export function legacyFlow(
  org: string,
  name: string,
  description: string,
  createdAt: number,
): FlowRec {
  return {
    org,
    name,
    createdAt,
    json: {
      id: kosliId(`flow:${org}/${name}`),
      name,
      description,
      visibility: 'public',
      org,
      template: ['artifact', 'branch-coverage'],
      repo_url: `https://github.com/cyber-dojo/${name}`,
      tags: {},
    },
  }
}

export function modernFlow(
  org: string,
  name: string,
  description: string,
  createdAt: number,
  extra: Partial<JsonObject> = {},
): FlowRec {
  const json: JsonObject = {
    id: kosliId(`flow:${org}/${name}`),
    name,
    description,
    visibility: 'private',
    org,
    template:
      'version: 1\n\ntrail:\n  attestations:\n    - name: pull-request\n      type: pull_request\n  artifacts:\n    - name: ' +
      name +
      '\n      attestations:\n        - name: unit-test\n          type: junit\n        - name: snyk-container-scan\n          type: snyk\n',
    repo_url: null,
    tags: {},
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) json[k] = v
  return { org, name, createdAt, json }
}

export function addCapturedFlows(org: OrgRec): void {
  for (const flow of capturedFlows) {
    const name = String(flow['name'])
    const { latest_activity_at: _a, latest_state: _s, ...rest } = flow
    org.flows.set(name, {
      org: org.name,
      name,
      createdAt: 1700000000,
      json: { ...rest, tags: asObject(rest['tags'] ?? {}) },
      captured: {
        latest_activity_at: flow['latest_activity_at'] ?? null,
        latest_state: flow['latest_state'] ?? null,
      },
    })
  }
}

/** `FlowListItem`: the flow plus latest activity and state, from its artifacts. */
export function renderFlowListItem(flow: FlowRec, artifacts: () => ArtifactRec[]): JsonObject {
  if (flow.captured) return { ...flow.json, ...flow.captured }
  const newest = artifacts().reduce<ArtifactRec | null>(
    (best, a) => (best === null || a.createdAt > best.createdAt ? a : best),
    null,
  )
  return {
    ...flow.json,
    latest_activity_at: newest ? newest.createdAt : null,
    latest_state: newest ? newest.state : null,
  }
}
