/**
 * The bench's own org for the overview at scale: 500 flows × 20 environments, each environment
 * running one version of every flow, a few flows a version ahead in some environments (drift)
 * and a few non-compliant. Built from the demo world's model, so the mock API serves it like
 * any other org.
 */
import { commitInfo, makeArtifact } from '../../mocks/world/artifacts'
import { emptyEnv } from '../../mocks/world/envs'
import { modernFlow } from '../../mocks/world/flows'
import { newOrg, type ArtifactRec, type OrgRec } from '../../mocks/world/model'
import { hex, rng } from '../../mocks/world/random'
import { TimelineBuilder, buildTimestamps } from '../../mocks/world/timeline'
import { utc } from '../../mocks/world/time'

export const SCALE_ORG = 'scale-500x20'
export const SCALE_FLOWS = 500
export const SCALE_ENVS = 20
const SNAPSHOTS = 3

export function scaleFlowName(i: number): string {
  return `svc-${String(i).padStart(3, '0')}`
}

export function scaleEnvName(e: number): string {
  return `cluster-${String(e).padStart(2, '0')}`
}

export function buildScaleOrg(): OrgRec {
  const start = utc(2026, 8, 1, 8)
  const org = newOrg(SCALE_ORG, start - 86400 * 30)
  const versions: ArtifactRec[][] = []
  for (let i = 0; i < SCALE_FLOWS; i++) {
    const flow = scaleFlowName(i)
    org.flows.set(flow, modernFlow(SCALE_ORG, flow, `Service ${i}`, start - 86400 * 30))
    const repoUrl = `https://github.com/scale/${flow}`
    versions.push(
      [0, 1].map((n) => {
        const commit = hex(`scale:${flow}:${n}`, 40)
        const art = makeArtifact({
          org: SCALE_ORG,
          service: flow,
          fingerprint: hex(`scale-fp:${flow}:${n}`, 64),
          commit,
          createdAt: start - 86400 + n * 3600,
          era: 'modern',
          flow,
          state: i % 97 === 3 && n === 1 ? 'NON-COMPLIANT' : 'COMPLIANT',
          reasons: i % 97 === 3 && n === 1 ? ['Attestation snyk-container-scan failed'] : [],
          runtimeName: `registry.example.com/scale/${flow}:${commit.slice(0, 7)}`,
          filename: `registry.example.com/scale/${flow}:${commit.slice(0, 7)}`,
          repoUrl,
          repoName: `scale/${flow}`,
          gitCommitInfo: commitInfo(flow, commit, start - 90000, `Release ${flow}`, repoUrl),
        })
        org.artifacts.set(art.fingerprint, art)
        return art
      }),
    )
  }
  for (let e = 0; e < SCALE_ENVS; e++) {
    const name = scaleEnvName(e)
    const random = rng(`scale:${name}`)
    const timestamps = buildTimestamps(SNAPSHOTS, new Map([[1, start + e * 60]]), random)
    const builder = new TimelineBuilder(name)
    for (let i = 0; i < SCALE_FLOWS; i++) {
      const [old, next] = versions[i] ?? []
      if (!old || !next) continue
      const t = Math.floor(timestamps[1] ?? start)
      builder.start(old.fingerprint, 1, 1 + (i % 3), [t - 30, t - 20, t - 10])
      // Early environments get some flows' next version first: those rows drift.
      if ((i + e) % 25 === 0 && e < 10) {
        const at = 2 + (i % 2)
        const when = Math.floor(timestamps[at] ?? start)
        builder.exit(old.fingerprint, at)
        builder.start(next.fingerprint, at, 1, [when - 5])
      }
    }
    org.envs.set(name, {
      ...emptyEnv(SCALE_ORG, name, 'K8S', `Scale cluster ${e}`, start - 86400, { policies: [] }),
      count: SNAPSHOTS,
      timestamps,
      runs: builder.runs,
    })
  }
  return org
}
