import type { Snapshot } from '@/api/snapshots'

/** A compliant latest snapshot for tests, taken 1000 + index seconds after the epoch. */
export function testSnapshot(
  environment: string,
  index: number,
  overrides: Partial<Snapshot> = {},
): Snapshot {
  return {
    environment,
    index,
    isLatest: true,
    timestamp: 1000 + index,
    nextSnapshotTimestamp: null,
    type: 'ECS',
    compliant: true,
    htmlUrl: null,
    complianceCount: { compliant: 0, nonCompliant: 0, unknown: 0 },
    artifacts: [],
    appliedPolicies: [],
    ...overrides,
  }
}
