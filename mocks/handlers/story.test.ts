import { describe, expect, it } from 'vitest'
import { diff, get, getJson, snap } from '../test/api'
import type { Artifact, EnvDiff, EnvEvent, Snapshot } from '../test/api'
import betaVsProd from '../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import events from '../../fixtures/kosli/environment-events_aws-prod.json'
import environments from '../../fixtures/kosli/environments.json'
import flows from '../../fixtures/kosli/flows.json'
import snapshot4357 from '../../fixtures/kosli/snapshot_aws-prod_4357.json'
import snapshotLatest from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import snapshots from '../../fixtures/kosli/snapshots_aws-prod.json'
import trailDiffer from '../../fixtures/kosli/trail_differ-ci.json'
import snyk from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import { AUDIT } from '../world/cyber-dojo'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const CEST = (d: string) => Date.parse(`${d}+02:00`) / 1000

/** What a snapshot says happened to the seed artifact, runner:16d9990. */
const seedAnnotation = (snapshot: Snapshot) =>
  snapshot.artifacts.find((a) => a.fingerprint === FP)?.annotation

describe('the seed story (runner:16d9990)', () => {
  it('serves the artifact exactly as the seed prints it', async () => {
    const art = await getJson<Artifact>(`artifacts/cyber-dojo/runner/fingerprint/${FP}`)
    expect(art.filename).toBe('cyberdojo/runner:16d9990')
    expect(art.flow_name).toBe('runner')
    expect(art.git_commit).toBe('16d9990ad23a40eecaf087abac2a58a2d2a4b3f4')
    expect(art.commit_url).toBe(
      'https://github.com/cyber-dojo/runner/commit/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
    )
    expect(art.build_url).toBe('https://github.com/cyber-dojo/runner/actions/runs/2902808452')
    expect(art.state).toBe('COMPLIANT')
    expect(typeof art.created_at).toBe('string')
    expect(Number(art.created_at)).toBe(CEST('2022-08-22T11:35:00'))
    expect(art.running).toEqual([])
    expect(art.exited).toEqual([
      { environment_name: 'aws-beta', snapshot_index: 119 },
      { environment_name: 'aws-prod', snapshot_index: 96 },
    ])
    expect(art.history).toEqual([
      { event: 'Artifact created', timestamp: CEST('2022-08-22T11:35:00') },
      { event: 'branch-coverage evidence received', timestamp: CEST('2022-08-22T11:36:02') },
      { event: 'Deployment #18 to aws-beta environment', timestamp: CEST('2022-08-22T11:37:17') },
      { event: 'Deployment #19 to aws-prod environment', timestamp: CEST('2022-08-22T11:38:21') },
      {
        event: 'Started running in aws-beta#84 environment',
        timestamp: CEST('2022-08-22T11:38:28'),
      },
      {
        event: 'Started running in aws-prod#65 environment',
        timestamp: CEST('2022-08-22T11:39:22'),
      },
      {
        event: 'Scaled down from 3 to 2 in aws-beta#117 environment',
        timestamp: CEST('2022-08-24T18:03:42'),
      },
      {
        event: 'No longer running in aws-beta#119 environment',
        timestamp: CEST('2022-08-24T18:05:42'),
      },
      {
        event: 'Scaled down from 3 to 1 in aws-prod#94 environment',
        timestamp: CEST('2022-08-24T18:10:28'),
      },
      {
        event: 'No longer running in aws-prod#96 environment',
        timestamp: CEST('2022-08-24T18:12:28'),
      },
    ])
  })

  it('finds it by full and short commit (an array)', async () => {
    for (const sha of ['16d9990', '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4']) {
      const arts = await getJson<Artifact[]>(`artifacts/cyber-dojo/runner/commit_sha/${sha}`)
      expect(arts.map((a) => a.fingerprint)).toEqual([FP])
    }
  })

  it('aws-prod#65 runs it with 3 replicas next to runner:85d83c6, shas and differ', async () => {
    const s = await getJson<Snapshot>(`snapshots/cyber-dojo/aws-prod/%2365`)
    expect(s.index).toBe(65)
    expect(s.timestamp).toBe(CEST('2022-08-22T11:39:22'))
    const byName = new Map(s.artifacts.map((a) => [a.name.split('/').pop(), a]))
    const expectRunning = (name: string, fp: string, replicas: number) => {
      const a = byName.get(name)
      expect(a?.fingerprint, name).toBe(fp)
      expect(a?.annotation.now, name).toBe(replicas)
      expect(a?.creationTimestamp.length, name).toBe(replicas)
    }
    expectRunning('runner:16d9990', FP, 3)
    expectRunning(
      'runner:85d83c6',
      'eeb0cfc9ee7f69fbd9531d5b8c1e8d22a8de119e2a422344a714a868e9a8bfec',
      1,
    )
    expectRunning(
      'shas:7c45272',
      '76c442c04283c4ca1af22d882750eb960cf53c0aa041bbdb2db9df2f2c1282be',
      1,
    )
    expectRunning(
      'differ:1a2b170',
      'd8440b94f7f9174c180324ceafd4148360d9d7c916be2b910f132c58b8a943ae',
      1,
    )
    expect(s.artifacts[0]?.name).toMatch(/^274425519734\.dkr\.ecr\.eu-central-1\.amazonaws\.com\//)
    const running = s.artifacts.filter((a) => a.annotation.now > 0)
    expect(running).toHaveLength(14)
    expect(s.artifact_compliance_count).toEqual({ true: 14, false: 0, null: 0 })
    for (const service of [
      'creator',
      'custom-start-points',
      'dashboard',
      'exercises-start-points',
    ]) {
      expect(
        running.some((a) => a.name.includes(`/${service}:`)),
        service,
      ).toBe(true)
    }
  })

  it('diffs aws-prod#64 against #65: only runner:16d9990 is new, started 11:39:17 CEST', async () => {
    const d = await getJson<EnvDiff>(diff('aws-prod#64', 'aws-prod#65'))
    expect(d.snappish1).toEqual({ snapshot_id: 'aws-prod#64', artifacts: [] })
    expect(d.snappish2.snapshot_id).toBe('aws-prod#65')
    expect(d.snappish2.artifacts).toEqual([
      {
        fingerprint: FP,
        name: '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
        most_recent_timestamp: CEST('2022-08-22T11:39:17'),
        flow: 'runner',
        commit_url:
          'https://github.com/cyber-dojo/runner/commit/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
        instance_count: 3,
      },
    ])
    expect(d.changed.artifacts).toEqual([])
    expect(d['not-changed'].artifacts).toHaveLength(13)
  })

  it('shows the blue-green end, the scale-downs and the exits', async () => {
    const s66 = await getJson<Snapshot>(snap('aws-prod', 66))
    expect(s66.artifacts.find((a) => a.name.endsWith('runner:85d83c6'))?.annotation).toEqual({
      type: 'exited',
      was: 1,
      now: 0,
    })
    const s94 = await getJson<Snapshot>(snap('aws-prod', 94))
    expect(s94.timestamp).toBe(CEST('2022-08-24T18:10:28'))
    expect(seedAnnotation(s94)).toEqual({ type: 'changed', was: 3, now: 1 })
    expect(seedAnnotation(await getJson<Snapshot>(snap('aws-prod', 96)))?.type).toBe('exited')
    const b84 = await getJson<Snapshot>(snap('aws-beta', 84))
    expect(b84.timestamp).toBe(CEST('2022-08-22T11:38:28'))
    expect(seedAnnotation(b84)).toEqual({ type: 'started-compliant', was: 0, now: 3 })
    const b117 = await getJson<Snapshot>(snap('aws-beta', 117))
    expect(seedAnnotation(b117)).toMatchObject({ was: 3, now: 2 })
    expect(seedAnnotation(await getJson<Snapshot>(snap('aws-beta', 119)))?.type).toBe('exited')
  })

  it('lists the twelve seed flows with their descriptions', async () => {
    const flows =
      await getJson<{ name: string; description: string; visibility: string }[]>('flows/cyber-dojo')
    const byName = new Map(flows.map((f) => [f.name, f]))
    expect(byName.get('runner')).toMatchObject({ description: 'Test runner', visibility: 'public' })
    expect(byName.get('version-reporter')?.description).toBe('UX for git+image version-reporter')
    expect(byName.get('runner-ci')?.description).toBe('Test runner')
    expect(flows.length).toBeGreaterThanOrEqual(12 + 39)
  })

  it('answers search for the short commit', async () => {
    const res = await get('search/cyber-dojo/sha/16d9990')
    const body = (await res.json()) as { resolved_to: { type: string; full_match: string } }
    expect(body.resolved_to).toMatchObject({
      type: 'commit',
      full_match: '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
    })
  })
})

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

  it('lists attestations for commits, and downloads evidence as an archive', async () => {
    const commit = snyk[0]?.git_commit_info.sha1 ?? ''
    const byCommit = await getJson<Record<string, { attestation_id: string }[]>>(
      `attestations/cyber-dojo/list_attestations_for_criteria?commit_list=${commit}&attestation_type=snyk`,
    )
    expect(byCommit[commit]?.map((a) => a.attestation_id)).toContain(snyk[0]?.attestation_id)
    expect((await get('attestations/cyber-dojo/list_attestations_for_criteria')).status).toBe(400)
    expect(
      (
        await get(
          `attestations/cyber-dojo/list_attestations_for_criteria?commit_list=${commit}&attestation_type=nope`,
        )
      ).status,
    ).toBe(422)
    const evidence = await get(
      `attestations/cyber-dojo/differ-ci/trail/${snyk[0]?.trail_name ?? ''}/attestation/${snyk[0]?.attestation_id ?? ''}/evidence`,
    )
    expect(evidence.status).toBe(200)
    expect(evidence.headers.get('Content-Type')).toMatch(/gzip|tar/)
    expect((await evidence.arrayBuffer()).byteLength).toBeGreaterThan(20)
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

interface Trail {
  compliance_state: string
  compliance_status: {
    attestations_statuses: { attestation_name: string; status: string }[]
    artifacts_statuses: Record<
      string,
      {
        attestations_statuses: {
          attestation_name: string
          attestation_id: string
          is_compliant: boolean
        }[]
      }
    >
  }
  events: { type: string; attestation_id?: string }[]
}

describe('what an auditor needs', () => {
  it('a non-compliant artifact ran in aws-beta, with the reasons and policy decisions', async () => {
    const s = await getJson<Snapshot>(snap('aws-beta', AUDIT.saverHotfix.start))
    const a = s.artifacts.find((x) => x.fingerprint === AUDIT.saverHotfix.fingerprint)
    expect(a?.annotation.type).toBe('started-non-compliant')
    expect(a?.compliant).toBe(false)
    expect(a?.reasons_for_incompliance?.[0]).toMatch(/pull_request/)
    const failing = (a?.policy_decisions ?? []).filter((p) => p.status === 'NON-COMPLIANT')
    expect(failing.map((p) => p.policy_name).sort()).toEqual([
      'pull-request',
      'snyk-scan-aws-beta',
      'trail-compliance-aws-beta',
    ])
    expect(JSON.stringify(a?.policy_decisions)).toContain('"missing_attestation"')
    expect(s.compliant).toBe(false)
    expect(s.artifact_compliance_count.false).toBe(1)
  })

  it('its trail lists the MISSING pull-request and the failing junit and snyk evidence', async () => {
    const art = await getJson<Artifact & { trail_name: string }>(
      `artifacts/cyber-dojo/saver-ci/fingerprint/${AUDIT.saverHotfix.fingerprint}`,
    )
    expect(art.state).toBe('NON-COMPLIANT')
    expect(art.exited[0]?.environment_name).toBe('aws-beta')
    expect(art.history.some((h) => h.type === 'artifact_attestation_reported')).toBe(true)
    const trail = await getJson<Trail>(`trails/cyber-dojo/saver-ci/${art.trail_name}`)
    expect(trail.compliance_state).toBe('NON-COMPLIANT')
    expect(trail.compliance_status.attestations_statuses).toContainEqual(
      expect.objectContaining({ attestation_name: 'pull-request', status: 'MISSING' }),
    )
    const statuses =
      trail.compliance_status.artifacts_statuses['saver']?.attestations_statuses ?? []
    const junit = statuses.find((x) => x.attestation_name === 'unit-test')
    expect(junit?.is_compliant).toBe(false)
    const byId = await getJson<{ data: Record<string, unknown>[] }>(
      `attestations/cyber-dojo?attestation_id=${junit?.attestation_id ?? ''}`,
    )
    expect(byId.data[0]).toMatchObject({
      attestation_type: 'junit',
      is_compliant: false,
      user_data: { totals: { tests: 412, failures: 3, errors: 0, skipped: 2 } },
    })
    expect(trail.events.some((e) => e.attestation_id === junit?.attestation_id)).toBe(true)
    const snyk = await getJson<Record<string, unknown>[]>(
      `attestations/cyber-dojo/saver-ci/artifact/${AUDIT.saverHotfix.fingerprint}/snyk-container-scan`,
    )
    expect(snyk[0]?.['processed_snyk_results']).toMatchObject({ results: [{ high_count: 2 }] })
  })

  it('an artifact that started running non-compliant is compliant now, and every view agrees', async () => {
    const { fingerprint, betaStart, betaCompliantFrom, prodStart } = AUDIT.lateScan
    const entryIn = async (env: string, index: number) => {
      const s = await getJson<Snapshot>(snap(env, index))
      return { s, a: s.artifacts.find((x) => x.fingerprint === fingerprint) }
    }
    const start = await entryIn('aws-beta', betaStart)
    expect(start.a).toMatchObject({
      compliant: false,
      annotation: { type: 'started-non-compliant' },
    })
    expect(start.a?.reasons_for_incompliance?.[0]).toMatch(/snyk-container-scan/)
    expect(JSON.stringify(start.a?.policy_decisions)).toContain('"missing_attestation"')
    const before = await entryIn('aws-beta', betaCompliantFrom - 1)
    expect(before.a).toMatchObject({ compliant: false, annotation: { type: 'unchanged' } })
    const after = await entryIn('aws-beta', betaCompliantFrom)
    expect(after.a).toMatchObject({ compliant: true, annotation: { type: 'became-compliant' } })
    expect(after.a?.reasons_for_incompliance).toEqual([])
    const prod = await entryIn('aws-prod', prodStart)
    expect(prod.a).toMatchObject({ compliant: true, annotation: { type: 'started-compliant' } })

    const events = await getJson<EnvEvent[]>(
      `environments/cyber-dojo/aws-beta/events?start=${betaCompliantFrom}&end=${betaCompliantFrom}&per_page=100`,
    )
    expect(events.find((e) => e.sha256 === fingerprint)).toMatchObject({
      type: 'became-compliant',
      artifact_compliance: true,
    })

    const art = await getJson<Artifact>(`artifacts/cyber-dojo/saver-ci/fingerprint/${fingerprint}`)
    expect(art.state).toBe('COMPLIANT')
    const at = (pattern: RegExp) => art.history.find((h) => pattern.test(h.event))?.timestamp ?? 0
    const scanned = at(/snyk-container-scan attested/)
    expect(scanned).toBeGreaterThan(at(/started running in aws-beta#/))
    expect(scanned).toBeLessThan(after.s.timestamp)
    expect(scanned).toBeGreaterThan(before.s.timestamp)
    expect(scanned).toBeLessThan(at(/started running in aws-prod#/))
  })

  it('an artifact with no provenance ran in aws-beta and is found by search', async () => {
    const s = await getJson<Snapshot>(snap('aws-beta', AUDIT.busybox.start))
    const a = s.artifacts.find((x) => x.fingerprint === AUDIT.busybox.fingerprint)
    expect(a?.compliant).toBe(false)
    expect(JSON.stringify(a?.policy_decisions)).toContain('"no_provenance"')
    const found = await getJson<{
      artifacts: { has_provenance: boolean; exited_from: string[] }[]
    }>(`search/cyber-dojo/sha/${AUDIT.busybox.fingerprint.slice(0, 12)}`)
    expect(found.artifacts[0]).toMatchObject({ has_provenance: false, exited_from: ['aws-beta'] })
  })

  it('every evidence type is retrievable from a modern trail', async () => {
    const runners = await getJson<{ fingerprint: string; trail_name: string | null }[]>(
      'artifacts/cyber-dojo/runner-ci?per_page=40',
    )
    const synthetic = runners.find((r) => r.trail_name && !r.trail_name.startsWith('a2ffba5'))
    const trailName = synthetic?.trail_name ?? ''
    const pr = await getJson<Record<string, unknown>[]>(
      `attestations/cyber-dojo/runner-ci/trail/${trailName}/pull-request`,
    )
    expect(pr[0]).toMatchObject({ attestation_type: 'pull_request' })
    expect(JSON.stringify(pr[0]?.['pull_requests'])).toContain('approvers')
    for (const [name, type] of [
      ['unit-test', 'junit'],
      ['snyk-container-scan', 'snyk'],
      ['sbom', 'generic'],
      ['unit-test-metrics', 'custom:test-metrics'],
    ]) {
      const list = await getJson<Record<string, unknown>[]>(
        `attestations/cyber-dojo/runner-ci/artifact/${synthetic?.fingerprint ?? ''}/${name}`,
      )
      expect(list[0]?.['attestation_type']).toBe(type)
    }
  })
})
