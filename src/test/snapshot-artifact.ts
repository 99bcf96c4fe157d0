import type { SnapshotArtifact } from '@/api/snapshots'

/**
 * A running, compliant snapshot artifact for tests: one replica since 2022-08-22T09:20:00Z, its
 * fingerprint and flow taken from the name (`registry/runner:16d9990` → flow `runner`).
 */
export function snapshotArtifact(
  overrides: Partial<SnapshotArtifact> & { name: string },
): SnapshotArtifact {
  return {
    fingerprint: overrides.name.replace(/\W/g, '').padEnd(64, '0'),
    compliant: true,
    annotation: 'unchanged',
    previousReplicas: 1,
    replicas: 1,
    exited: false,
    instanceStarts: [1661160000],
    runningSince: 1661160000,
    pods: [],
    ecsContext: null,
    flow: overrides.name.split('/').pop()?.split(':')[0] ?? null,
    gitCommit: null,
    commitUrl: null,
    deploymentDiff: null,
    commitLeadTime: null,
    flows: [],
    policyDecisions: [],
    reasonsForIncompliance: [],
    ...overrides,
  }
}
