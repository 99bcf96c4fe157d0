import { commitInfo, makeArtifact } from './artifacts'
import { emptyEnv } from './envs'
import { modernFlow } from './flows'
import { newOrg } from './model'
import type { OrgRec } from './model'
import { hex, rng } from './random'
import { TimelineBuilder, buildTimestamps } from './timeline'
import { utc } from './time'

/**
 * `acme`: a second org for scale. 500 flows, and in flow `busy-service` one artifact that a
 * batch environment starts and stops again and again: 2,000 history rows, all from its runs.
 */
export const ACME = 'acme'
export const ACME_FLOWS = 500
export const BUSY_FLOW = 'busy-service'
export const BUSY_FP = hex('acme:busy-service', 64)
export const BATCH_ENV = 'acme-batch'
/** 998 starts and 997 exits, plus creation and four attestations = 2,000 history rows */
export const BATCH_RUNS = 998
export const BATCH_COUNT = BATCH_RUNS * 2 - 1

const WORDS = [
  'ledger',
  'orders',
  'pricing',
  'fraud',
  'mailer',
  'gateway',
  'reports',
  'audit',
  'sync',
  'export',
]

export function buildAcme(): OrgRec {
  const org = newOrg(ACME, utc(2024, 1, 15, 9))
  const random = rng('acme')
  const states = ['COMPLIANT', 'COMPLIANT', 'COMPLIANT', 'NON-COMPLIANT', 'INCOMPLETE'] as const
  for (let i = 1; i < ACME_FLOWS; i++) {
    const name = `${WORDS[i % WORDS.length] ?? 'svc'}-${String(i).padStart(3, '0')}`
    const flow = modernFlow(
      ACME,
      name,
      `Acme ${WORDS[i % WORDS.length] ?? ''} service #${i}`,
      utc(2024, 2, 1),
      {
        repo_url: `https://github.com/acme/${name}`,
        tags: { kind: i % 7 === 0 ? 'library' : 'build', team: `team-${i % 12}` },
      },
    )
    flow.captured = {
      latest_activity_at: utc(2026, 8, 19) - random.int(0, 400 * 86400) + random.next(),
      latest_state: random.pick(states),
    }
    org.flows.set(name, flow)
  }
  const start = utc(2026, 8, 5, 0, 0, 0)
  org.flows.set(
    BUSY_FLOW,
    modernFlow(ACME, BUSY_FLOW, 'A batch job that runs every ten minutes', start - 86400 * 10, {
      repo_url: 'https://github.com/acme/busy-service',
      tags: { kind: 'build' },
    }),
  )
  const commit = hex('acme:busy-commit', 40)
  const repoUrl = 'https://github.com/acme/busy-service'
  const busy = makeArtifact({
    org: ACME,
    service: 'busy-service',
    fingerprint: BUSY_FP,
    commit,
    createdAt: start - 3600,
    era: 'modern',
    flow: BUSY_FLOW,
    runtimeName: `ghcr.io/acme/busy-service:${commit.slice(0, 7)}`,
    filename: `ghcr.io/acme/busy-service:${commit.slice(0, 7)}`,
    repoUrl,
    repoName: 'acme/busy-service',
    gitCommitInfo: commitInfo(
      'busy-service',
      commit,
      start - 4000,
      'Process the queue in batches',
      repoUrl,
    ),
  })
  org.artifacts.set(busy.fingerprint, busy)
  const scheduler = makeArtifact({
    org: ACME,
    service: 'scheduler',
    fingerprint: hex('acme:scheduler', 64),
    commit: null,
    createdAt: start - 7200,
    era: 'modern',
    flow: null,
    state: 'COMPLIANT',
    runtimeName: 'docker.io/library/alpine:3.20',
    filename: 'docker.io/library/alpine:3.20',
    repoUrl: null,
    repoName: null,
  })
  org.artifacts.set(scheduler.fingerprint, scheduler)

  const anchors = new Map<number, number>([[1, start]])
  const timestamps = buildTimestamps(BATCH_COUNT, anchors, rng('acme-batch'))
  for (let i = 2; i <= BATCH_COUNT; i++) {
    timestamps[i] =
      (timestamps[i - 1] ?? start) +
      (i % 2 === 0 ? 240 + random.int(0, 120) : 240 + random.int(0, 60))
  }
  const builder = new TimelineBuilder(BATCH_ENV)
  builder.start(scheduler.fingerprint, 1, 1, [Math.floor(start) - 40])
  for (let k = 0; k < BATCH_RUNS; k++) {
    const at = 2 * k + 1
    builder.start(busy.fingerprint, at, 1, [Math.floor(timestamps[at] ?? start) - 5])
    if (at + 1 <= BATCH_COUNT) builder.exit(busy.fingerprint, at + 1)
  }
  org.envs.set(BATCH_ENV, {
    ...emptyEnv(ACME, BATCH_ENV, 'docker', 'Batch workers', start - 86400, { policies: [] }),
    count: BATCH_COUNT,
    timestamps,
    runs: builder.runs,
  })
  return org
}
