import type { EnvironmentEvent } from '@/api/events'

/** A log event of `env`'s snapshot `index`, of one artifact of the runner flow. */
export function environmentEvent(
  env: string,
  index: number,
  type: string,
  at: number,
  name = 'runner:1',
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
  }
}
