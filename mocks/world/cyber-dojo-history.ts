import { commitInfo } from './artifacts'
import { ERA_SWITCH, RUNNER_16D9990_DEPLOYED, SEED } from './cyber-dojo-moments'
import { hex } from './random'
import type { Clock } from './cyber-dojo-pins'
import type { ArtifactRec, EnvRec, OrgRec } from './model'

/**
 * Creation times that precede the first run, and the legacy (2022) history rows that do not
 * come from runs: creation, evidence and per-flow deployment numbers.
 */
export function finishArtifacts(org: OrgRec, envs: EnvRec[], clock: Clock): void {
  const starts: { art: ArtifactRec; env: string; ts: number }[] = []
  for (const env of envs) {
    for (const run of env.runs) {
      const art = org.artifacts.get(run.fp)
      if (art) starts.push({ art, env: env.name, ts: clock.tsOf(env.name, run.start) })
    }
  }
  starts.sort((a, b) => a.ts - b.ts)
  numberDeployments(starts)
  const firstStart = new Map<ArtifactRec, number>()
  for (const s of starts) if (!firstStart.has(s.art)) firstStart.set(s.art, s.ts)
  for (const art of org.artifacts.values()) {
    const first = firstStart.get(art)
    if (first !== undefined && (art.createdAt === 0 || art.createdAt >= first - 60)) {
      // built before it first ran, always
      const shift = (art.createdAt === 0 ? first - 1800 : first - 900) - art.createdAt
      art.createdAt += shift
      if (art.gitCommitInfo && art.gitCommitInfo.timestamp >= art.createdAt) {
        art.gitCommitInfo = { ...art.gitCommitInfo, timestamp: Math.floor(art.createdAt) - 300 }
      }
    }
    if (art.createdAt === 0) art.createdAt = ERA_SWITCH
    if (art.era === 'legacy') legacyHistory(art, starts)
    else if (art.flow && art.gitCommit && !art.gitCommitInfo) art.gitCommitInfo = commitOf(art)
  }
}

const MESSAGES = [
  'Dockerfile - Automated base-image update',
  'Merge pull request from cyber-dojo/update-base-image',
  'Bump base image and ruby gems',
  'Improve readiness check',
]

/**
 * A modern artifact whose capture names only its commit (a diff entry, a deployment_diff) gets
 * the commit details every modern artifact of the captures has, derived from its commit.
 */
function commitOf(art: ArtifactRec): ReturnType<typeof commitInfo> {
  const sha = art.gitCommit ?? ''
  const seed = parseInt(hex(`message:${sha}`, 6), 16)
  const message = `${MESSAGES[seed % MESSAGES.length] ?? 'Update'} (#${200 + (seed % 300)})`
  const repoUrl = art.repoUrl ?? `https://github.com/cyber-dojo/${art.service}`
  return commitInfo(art.service, sha, art.createdAt - 240 - (seed % 600), message, repoUrl)
}

/** Legacy per-flow deployment numbers, with the seed's runner:16d9990 at #18 (beta), #19 (prod). */
function numberDeployments(starts: { art: ArtifactRec; env: string; ts: number }[]): void {
  const perFlow = new Map<string, { art: ArtifactRec; env: string; ts: number }[]>()
  for (const s of starts) {
    if (s.art.era !== 'legacy' || !s.art.flow) continue
    const list = perFlow.get(s.art.flow) ?? []
    list.push(s)
    perFlow.set(s.art.flow, list)
  }
  const seedFirst = Math.min(...Object.values(RUNNER_16D9990_DEPLOYED).map((d) => d.number))
  for (const [flow, list] of perFlow) {
    const seedAt =
      flow === 'runner'
        ? list.findIndex((s) => s.art.fingerprint === SEED.runner16d9990.fingerprint)
        : -1
    const offset = seedAt >= 0 ? seedFirst - seedAt : 1
    list.forEach((s, i) => {
      const n = i + offset
      if (n >= 1 && s.art.deployments[s.env] === undefined) s.art.deployments[s.env] = n
    })
  }
}

function legacyHistory(
  art: ArtifactRec,
  starts: { art: ArtifactRec; env: string; ts: number }[],
): void {
  const evidenceAt = art.createdAt + 62
  art.preHistory = [
    { event: 'Artifact created', timestamp: art.createdAt },
    { event: 'branch-coverage evidence received', timestamp: evidenceAt },
  ]
  art.evidence = {
    'branch-coverage': {
      evidence_type: 'generic',
      is_compliant: true,
      created_at: String(evidenceAt),
      description: 'branch coverage of the tests',
      has_audit_package: false,
    },
  }
  for (const [env, n] of Object.entries(art.deployments)) {
    const first = starts.find((s) => s.art === art && s.env === env)
    if (!first) continue
    const seedDeployment =
      art.fingerprint === SEED.runner16d9990.fingerprint ? RUNNER_16D9990_DEPLOYED[env] : undefined
    const when = seedDeployment?.at ?? first.ts - 61 - (n % 13)
    art.preHistory.push({ event: `Deployment #${n} to ${env} environment`, timestamp: when })
  }
}
