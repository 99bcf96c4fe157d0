import type { EnvironmentEvent } from '@/api/events'

/**
 * A log event of `env`'s snapshot `index`, of one compliant artifact of the runner flow; `extra`
 * sets whatever else a test cares about.
 */
export function environmentEvent(
  env: string,
  index: number | null,
  type: string,
  at: number,
  name = 'runner:1',
  extra: Partial<EnvironmentEvent> = {},
): EnvironmentEvent {
  return {
    environment: env,
    snapshotIndex: index,
    artifactName: name,
    fingerprint: `${name}-fp`,
    description: type,
    reportedAt: at,
    flow: 'runner',
    flows: ['runner'],
    artifactCompliant: true,
    snapshotCompliant: true,
    type,
    codeDiffUrl: null,
    ...extra,
  }
}
