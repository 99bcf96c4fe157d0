import { describe, expect, it } from 'vitest'
import { ACME, BATCH_ENV, BUSY_FLOW, BUSY_FP } from '../world/acme'
import { K8S_COUNT, K8S_ENV } from '../world/scale'
import { LONG_NAME, ODD, ODD_DESCRIPTION, ODD_FLOW, ODD_ORG } from '../world/odd'
import { diff, get, getJson } from '../test/api'
import { snapshotEntries } from '../world/derive'
import { renderDiffText, renderSnapshotArtifact, renderSnapshotText } from '../world/render'
import { getOrg } from '../world/world'
import type { Artifact, EnvDiff, Snapshot } from '../test/api'

describe('scale and odd data', () => {
  it(`${K8S_ENV}: listed before it is built, consistently with the built model`, async () => {
    const before =
      await getJson<{ name: string; state: boolean; last_changed_at: number }[]>(
        'environments/cyber-dojo',
      )
    const after = await getJson<{ state: boolean; last_changed_at: number }>(
      `environments/cyber-dojo/${K8S_ENV}`,
    )
    expect(before.find((e) => e.name === K8S_ENV)).toMatchObject({
      state: after.state,
      last_changed_at: after.last_changed_at,
    })
    expect(after.state).toBe(false)
  })

  it(`${K8S_ENV}: 5,000+ running artifacts with pods`, async () => {
    const s = await getJson<Snapshot>(`snapshots/cyber-dojo/${K8S_ENV}/-1`)
    expect(s.index).toBe(K8S_COUNT)
    expect(s.type).toBe('K8S')
    const running = s.artifacts.filter((a) => a.annotation.now > 0)
    expect(running.length).toBeGreaterThanOrEqual(5000)
    expect(s.artifact_compliance_count.false).toBeGreaterThan(0)
    expect(s.artifact_compliance_count.true + s.artifact_compliance_count.false).toBe(
      running.length,
    )
    const pods = running[0]?.pods ?? {}
    expect(Object.keys(pods)).toHaveLength(running[0]?.annotation.now ?? -1)
    expect(Object.values(pods)[0]?.namespace).toMatch(/\w/)
    const services = new Map<string, number>()
    for (const a of running) {
      const key = a.name.slice(0, a.name.lastIndexOf(':'))
      services.set(key, (services.get(key) ?? 0) + 1)
    }
    expect([...services.values()].some((n) => n > 1)).toBe(true)
  })

  it(`${K8S_ENV}: a warm 5,000-artifact snapshot and diff render fast`, () => {
    const org = getOrg('cyber-dojo')
    const env = org?.envs.get(K8S_ENV)
    if (!org || !env) throw new Error('no k8s-scale')
    renderSnapshotText(org, env, K8S_COUNT - 1)
    const started = performance.now()
    const text = renderSnapshotText(org, env, K8S_COUNT - 2)
    renderDiffText(org, env, K8S_COUNT - 3, env, K8S_COUNT - 2)
    const elapsed = performance.now() - started
    expect(text.length).toBeGreaterThan(5_000_000)
    // the budget is 300 ms on an idle machine; this bound only catches gross regressions
    expect(elapsed).toBeLessThan(3000)
  })

  it('the fast text rendering is the same JSON as the object rendering', () => {
    const org = getOrg('cyber-dojo')
    if (!org) throw new Error('no cyber-dojo')
    for (const [name, index] of [
      [K8S_ENV, K8S_COUNT - 5],
      ['aws-beta', 7921],
      ['aws-prod', 65],
    ] as const) {
      const env = org.envs.get(name)
      if (!env) throw new Error(name)
      const parsed = JSON.parse(renderSnapshotText(org, env, index)) as { artifacts: unknown[] }
      const entries = snapshotEntries(org, env, index).reverse()
      const applied = env.appliedPolicies(index)
      expect(parsed.artifacts).toEqual(
        entries.map((e) => renderSnapshotArtifact(org, env, e, applied)),
      )
    }
  })

  it(`${K8S_ENV}: neighbouring snapshots differ a little`, async () => {
    const d = await getJson<EnvDiff>(diff(`${K8S_ENV}~1`, K8S_ENV))
    const changes =
      d.snappish1.artifacts.length + d.snappish2.artifacts.length + d.changed.artifacts.length
    expect(changes).toBeGreaterThan(0)
    expect(changes).toBeLessThan(40)
    expect(d['not-changed'].artifacts.length).toBeGreaterThan(4900)
    expect(d['not-changed'].artifacts[0]?.pods?.length).toBeGreaterThan(0)
    const list = await getJson<unknown[]>(`snapshots/cyber-dojo/${K8S_ENV}?page=50&per_page=20`)
    expect(list).toHaveLength(20)
  })

  it('acme has 500 flows and an artifact with 2,000 history rows', async () => {
    const flows = await getJson<unknown[]>(`flows/${ACME}`)
    expect(flows).toHaveLength(500)
    const art = await getJson<Artifact>(`artifacts/${ACME}/${BUSY_FLOW}/fingerprint/${BUSY_FP}`)
    expect(art.history).toHaveLength(2000)
    expect(art.running).toHaveLength(1)
    expect(art.running[0]?.environment_name).toBe(BATCH_ENV)
    const env = await getJson<{ state: unknown }>(`environments/${ACME}/${BATCH_ENV}`)
    expect(env.state).toBeNull()
  })

  it('odd-data keeps hostile text as data', async () => {
    const flow = await getJson<{ description: string }>(`flows/${ODD_ORG}/${ODD_FLOW}`)
    expect(flow.description).toBe(ODD_DESCRIPTION)
    const script = await getJson<Artifact>(
      `artifacts/${ODD_ORG}/${ODD_FLOW}/fingerprint/${ODD.script}`,
    )
    expect(script.commit_url).toBe('javascript:alert(1)')
    const long = await getJson<Artifact>(`artifacts/${ODD_ORG}/${ODD_FLOW}/fingerprint/${ODD.long}`)
    expect(long.filename).toBe(LONG_NAME)
    expect(LONG_NAME.length).toBeGreaterThan(500)
    const emoji = await getJson<Artifact>(
      `artifacts/${ODD_ORG}/${ODD_FLOW}/fingerprint/${ODD.emoji}`,
    )
    expect(emoji.filename).toContain('🚀')
    const trail = await get(
      `trails/${ODD_ORG}/${ODD_FLOW}/${encodeURIComponent('<script>alert("trail")</script>')}`,
    )
    expect(trail.status).toBe(200)
  })
})
