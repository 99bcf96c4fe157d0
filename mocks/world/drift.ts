import { commitInfo, makeArtifact } from './artifacts'
import { capturedFlows } from './captures'
import type { ArtifactRec, EnvRec, Json, OrgRec } from './model'
import { hex, rng } from './random'
import { buildTimestamps, runPlan } from './timeline'
import type { Action } from './timeline'

/**
 * The terraform drift-detection environments (type `server`): each `terraform-apply-*` flow's
 * state file, replaced whenever that flow applies. The latest apply of each flow is the flow's
 * captured `latest_activity_at`, and the newest of those is the environment's last change.
 */
export function buildDriftEnv(org: OrgRec, base: EnvRec, prefix: string, applied: Json[]): EnvRec {
  const random = rng(`drift:${base.name}`)
  const flows = capturedFlows
    .filter((f) => String(f['name']).startsWith(prefix))
    .map((f) => ({ name: String(f['name']), latest: Number(f['latest_activity_at']) }))
  const changes: { ts: number; flow: string; component: string }[] = []
  for (const flow of flows) {
    const component = flow.name.slice(prefix.length)
    let t = flow.latest
    for (let k = 0; k < 8; k++) {
      changes.push({ ts: t, flow: flow.name, component })
      t -= 86400 * random.int(12, 45) + random.next() * 3600
    }
  }
  changes.sort((a, b) => a.ts - b.ts)
  const anchors = new Map<number, number>()
  const actions: Action[] = []
  const versionCount = new Map<string, number>()
  let index = 0
  let lastTs = -1
  for (const c of changes) {
    // applies reported in the same moment share one snapshot
    if (c.ts !== lastTs) index++
    lastTs = c.ts
    anchors.set(index, c.ts)
    const n = (versionCount.get(c.flow) ?? 0) + 1
    versionCount.set(c.flow, n)
    const commit = hex(`tf-commit:${c.flow}:${n}`, 40)
    const repoUrl = `https://github.com/cyber-dojo/${c.component}`
    const art: ArtifactRec = makeArtifact({
      org: org.name,
      service: c.component,
      fingerprint: hex(`tfstate:${c.flow}:${n}`, 64),
      commit,
      createdAt: c.ts - random.int(60, 240),
      era: 'modern',
      flow: c.flow,
      runtimeName: `terraform/${base.name}/${c.component}.tfstate`,
      filename: `terraform/${base.name}/${c.component}.tfstate`,
      templateRef: 'tfstate',
      repoUrl,
      gitCommitInfo: commitInfo(
        c.component,
        commit,
        c.ts - 900,
        `terraform apply ${c.component}`,
        repoUrl,
      ),
      eventRank: index,
    })
    org.artifacts.set(art.fingerprint, art)
    actions.push({
      kind: 'deploy',
      at: index,
      service: c.flow,
      fp: art.fingerprint,
      count: 1,
      creation: [Math.floor(c.ts) - 2],
      blueGreen: false,
    })
  }
  const count = index
  const timestamps = buildTimestamps(count, anchors, random)
  return {
    ...base,
    count,
    timestamps,
    runs: runPlan(base.name, count, actions, random, false),
    appliedPolicies: () => applied,
  }
}
