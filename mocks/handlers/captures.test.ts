import { describe, expect, it } from 'vitest'
import betaVsProd from '../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import events from '../../fixtures/kosli/environment-events_aws-prod.json'
import environments from '../../fixtures/kosli/environments.json'
import flows from '../../fixtures/kosli/flows.json'
import snapshot4357 from '../../fixtures/kosli/snapshot_aws-prod_4357.json'
import snapshotLatest from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import snapshots from '../../fixtures/kosli/snapshots_aws-prod.json'
import trailDiffer from '../../fixtures/kosli/trail_differ-ci.json'
import snyk from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import { diff, get, getJson } from '../test/api'

describe('the 2026 captures are served as captured', () => {
  it('latest aws-prod snapshot, by -1, #5253, ~0 and @{now}', async () => {
    for (const expr of ['-1', '5253', '%235253', '~0', encodeURIComponent('@{now}')]) {
      expect(await getJson(`snapshots/cyber-dojo/aws-prod/${expr}`)).toEqual(snapshotLatest)
    }
  })

  it('aws-prod#4357, no longer the latest', async () => {
    const s = await getJson<Record<string, unknown>>('snapshots/cyber-dojo/aws-prod/4357')
    expect({ ...s, is_latest: true, next_snapshot_timestamp: null }).toEqual(snapshot4357)
    expect(s['is_latest']).toBe(false)
    expect(s['next_snapshot_timestamp']).toBeGreaterThan(snapshot4357.timestamp)
  })

  it('snapshot list tail, events page 1, and the beta-vs-prod diff', async () => {
    expect(await getJson('snapshots/cyber-dojo/aws-prod')).toEqual(snapshots)
    expect(await getJson('environments/cyber-dojo/aws-prod/events')).toEqual(events)
    expect(await getJson(diff('aws-beta', 'aws-prod'))).toEqual(betaVsProd)
    expect(await getJson(diff('aws-beta#8099', 'aws-prod#5253'))).toEqual(betaVsProd)
  })

  it('environments, flows, trails and the snyk attestation', async () => {
    const envs = await getJson<{ name: string }[]>('environments/cyber-dojo')
    for (const env of environments) expect(envs).toContainEqual(env)
    const listed = await getJson<Record<string, unknown>[]>('flows/cyber-dojo')
    for (const flow of flows) expect(listed).toContainEqual(flow)
    expect(await getJson(`trails/cyber-dojo/differ-ci/${trailDiffer.name}`)).toEqual(trailDiffer)
    const fp = snyk[0]?.artifact_fingerprint ?? ''
    expect(
      await getJson(`attestations/cyber-dojo/differ-ci/artifact/${fp}/snyk-container-scan`),
    ).toEqual(snyk)
    expect(
      await getJson(`attestations/cyber-dojo?attestation_id=${snyk[0]?.attestation_id ?? ''}`),
    ).toEqual({ data: snyk })
  })

  it('the trail captures agree with the snapshots they name', async () => {
    for (const e of trailDiffer.events) {
      if (e.type !== 'artifact_started_running') continue
      const s = await getJson<{
        timestamp: number
        artifacts: { fingerprint: string; annotation: { type: string } }[]
      }>(`snapshots/cyber-dojo/${e.environment_name ?? ''}/${e.snapshot_index ?? 0}`)
      expect(s.timestamp).toBe(e.timestamp)
      const a = s.artifacts.find((x) => x.fingerprint === e.artifact_fingerprint)
      expect(a?.annotation.type).toBe('started-compliant')
    }
  })

  it('environment JSON for aws-prod matches the capture', async () => {
    const env = await getJson<Record<string, unknown>>('environments/cyber-dojo/aws-prod')
    expect(env).toEqual(environments.find((e) => e.name === 'aws-prod'))
    const res = await get('environments/cyber-dojo/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      message: "Environment named 'nope' does not exist for organization 'cyber-dojo'",
    })
  })
})
