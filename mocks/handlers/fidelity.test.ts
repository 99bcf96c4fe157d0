import { describe, expect, it } from 'vitest'
import betaVsProd from '../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import blueGreenBeta from '../../fixtures/kosli/env-diff/blue-green-aws-beta.json'
import capturedSnyk from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import { diff, get, getJson, snap } from '../test/api'
import type { Artifact, EnvDiff, EnvEvent, Snapshot } from '../test/api'
import { LISTED_TWICE_AWS_BETA } from '../world/cyber-dojo-moments'
import { ODD_FLOW } from '../world/odd'
import { getOrg } from '../world/world'

/** The mock answers as the real server does where the CLI relies on it. */

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

describe('GET …/fingerprint/{prefix}', () => {
  it('answers a unique prefix of 5 or more hex characters with the artifact', async () => {
    const art = await getJson<Artifact>(`artifacts/cyber-dojo/runner/fingerprint/${FP.slice(0, 8)}`)
    expect(art.fingerprint).toBe(FP)
    const upper = await getJson<Artifact>(
      `artifacts/cyber-dojo/runner/fingerprint/${FP.slice(0, 12).toUpperCase()}`,
    )
    expect(upper.fingerprint).toBe(FP)
  })

  it('refuses fewer than 5 or non-hex characters', async () => {
    expect((await get(`artifacts/cyber-dojo/runner/fingerprint/${FP.slice(0, 4)}`)).status).toBe(
      400,
    )
    expect((await get('artifacts/cyber-dojo/runner/fingerprint/zzzzzz')).status).toBe(400)
  })
})

describe('interval=A..B: an omitted side is NOW, on snapshots and on events alike', () => {
  it.each(['..5', '5..', '5'])('%s', async (interval) => {
    const snapshots = await getJson<Array<{ index: number }>>(
      `snapshots/cyber-dojo/aws-prod?interval=${interval}&per_page=100`,
    )
    const response = await get(
      `environments/cyber-dojo/aws-prod/events?interval=${interval}&per_page=100`,
    )
    const events = (await response.json()) as Array<{ snapshot_index: number }>
    const latest = (await getJson<{ index: number }>('snapshots/cyber-dojo/aws-prod/-1')).index
    const lo = interval.startsWith('..') ? latest : 5
    const hi = interval.startsWith('..') ? 5 : latest
    for (const { index } of snapshots) expect(index >= lo && index <= hi).toBe(true)
    for (const event of events)
      expect(event.snapshot_index >= lo && event.snapshot_index <= hi).toBe(true)
    if (interval.startsWith('..')) {
      expect(snapshots).toEqual([])
      expect(events).toEqual([])
    }
  })
})

describe('an artifact reported by several flows answers under each', () => {
  it('every flow a captured aws-prod entry lists serves the artifact and its trail', async () => {
    const snapshot = await getJson<{
      artifacts: Array<{
        fingerprint: string
        flows: Array<{ flow_name: string; trail_name: string }>
      }>
    }>('snapshots/cyber-dojo/aws-prod/-1')
    const entry = snapshot.artifacts.find((artifact) => artifact.flows.length === 4)
    if (!entry) throw new Error('no aws-prod entry lists four flows')
    for (const { flow_name: flow, trail_name: trail } of entry.flows) {
      const art = await getJson<Artifact & { trail_name: string }>(
        `artifacts/cyber-dojo/${flow}/fingerprint/${entry.fingerprint}`,
      )
      expect(art.flow_name).toBe(flow)
      expect(art.trail_name).toBe(trail)
      const body = await getJson<{
        name: string
        events: Array<{ artifact_fingerprint?: string }>
      }>(`trails/cyber-dojo/${flow}/${trail}`)
      expect(body.name).toBe(trail)
      expect(body.events.some((event) => event.artifact_fingerprint === entry.fingerprint)).toBe(
        true,
      )
      const list = await getJson<Array<{ fingerprint: string }>>(
        `artifacts/cyber-dojo?flow_name=${flow}&per_page=100`,
      )
      expect(list.map((item) => item.fingerprint)).toContain(entry.fingerprint)
    }
    const search = await getJson<{ artifacts: Array<{ flow: string }> }>(
      `search/cyber-dojo/sha/${entry.fingerprint}`,
    )
    expect(search.artifacts.map((item) => item.flow).sort()).toEqual(
      entry.flows.map((flow) => flow.flow_name).sort(),
    )
  })
})

describe('a fingerprint listed twice, as in the captured blue-green-aws-beta diff', () => {
  const captured = blueGreenBeta.snappish1.artifacts
  const twice = captured.filter(
    (a) => captured.filter((b) => b.fingerprint === a.fingerprint).length > 1,
  )

  /** aws-beta's snapshot where one version is listed twice (found in the model, checked on the wire). */
  function listedTwice(): { index: number; fingerprint: string } {
    const beta = getOrg('cyber-dojo')?.envs.get('aws-beta')
    const pairs = (beta?.runs ?? []).filter(
      (run, i, runs) => runs.findIndex((r) => r.fp === run.fp && r.start === run.start) !== i,
    )
    expect(pairs).toHaveLength(1)
    const [pair] = pairs
    if (!pair) throw new Error('no fingerprint listed twice in aws-beta')
    return { index: pair.start, fingerprint: pair.fp }
  }

  it('the capture has one: the same fingerprint twice, one instance each', () => {
    expect(twice.map((a) => a.instance_count)).toEqual([1, 1])
  })

  it('aws-beta lists its new nginx twice in the snapshot its blue-green deploy starts in', async () => {
    const { index, fingerprint } = listedTwice()
    const [snapshot, next, events, started] = await Promise.all([
      getJson<Snapshot>(snap('aws-beta', index)),
      getJson<Snapshot>(snap('aws-beta', index + 1)),
      getJson<EnvEvent[]>(
        `environments/cyber-dojo/aws-beta/events?start=${index}&end=${index}&per_page=100`,
      ),
      getJson<EnvDiff>(diff(`aws-beta#${index - 1}`, `aws-beta#${index}`)),
    ])
    const entries = snapshot.artifacts.filter((a) => a.fingerprint === fingerprint)
    expect(entries.map((a) => [a.annotation.type, a.annotation.now])).toEqual([
      ['started-compliant', 1],
      ['started-compliant', 1],
    ])
    expect(entries[0]?.name).toContain(`/${LISTED_TWICE_AWS_BETA.service}:`)
    // blue-green: the version it replaces still runs beside both entries
    const others = snapshot.artifacts.filter(
      (a) => a.fingerprint !== fingerprint && a.name.includes(`/${LISTED_TWICE_AWS_BETA.service}:`),
    )
    expect(others.map((a) => a.annotation.now)).toEqual([1])
    expect(events.filter((e) => e.sha256 === fingerprint).map((e) => e.type)).toEqual([
      'started-compliant',
      'started-compliant',
    ])
    const listed = started.snappish2.artifacts.filter((a) => a.fingerprint === fingerprint)
    expect(listed.map((a) => a.instance_count)).toEqual([1, 1])
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(Object.keys(twice[0] ?? {}).sort())
    // next snapshot: one entry left running, the twin and the old version exited
    expect(
      next.artifacts.filter((a) => a.fingerprint === fingerprint).map((a) => a.annotation.type),
    ).toEqual(['unchanged', 'exited'])
  })

  it('a diff against aws-prod lists both entries on aws-beta’s side', async () => {
    const { index, fingerprint } = listedTwice()
    const d = await getJson<EnvDiff>(diff(`aws-beta#${index}`, 'aws-prod#1'))
    expect(
      d.snappish1.artifacts
        .filter((a) => a.fingerprint === fingerprint)
        .map((a) => a.instance_count),
    ).toEqual([1, 1])
  })
})

describe('git_commit_info, as rich as in the captures', () => {
  const capturedKeys = Object.keys(asRecord(capturedSnyk[0]?.['git_commit_info'])).sort()

  it('every modern artifact with a commit has it, with the captured fields', () => {
    const org = getOrg('cyber-dojo')
    const modern = [...(org?.artifacts.values() ?? [])].filter(
      (art) => art.era === 'modern' && art.flow && art.gitCommit && art.flow !== ODD_FLOW,
    )
    expect(modern.length).toBeGreaterThan(300)
    for (const art of modern) {
      expect(Object.keys(art.gitCommitInfo ?? {}).sort()).toEqual(capturedKeys)
      expect(art.gitCommitInfo?.sha1).toBe(art.gitCommit)
      expect(art.gitCommitInfo?.timestamp).toBeLessThan(art.createdAt)
    }
  })

  it('a version known only from the beta-vs-prod diff serves it on artifact, trail and attestations', async () => {
    const entry = betaVsProd.snappish1.artifacts[0]
    if (!entry) throw new Error('empty capture')
    const art = await getJson<
      Artifact & { git_commit_info: { sha1: string } | null; trail_name: string }
    >(`artifacts/cyber-dojo/${entry.flow}/fingerprint/${entry.fingerprint}`)
    expect(Object.keys(art.git_commit_info ?? {}).sort()).toEqual(capturedKeys)
    expect(entry.commit_url.endsWith(art.git_commit_info?.sha1 ?? '-')).toBe(true)
    const trail = await getJson<{
      git_commit_info: unknown
      events: Array<{
        type: string
        git_commit_info: unknown
        repo_info: unknown
        trail_data_json?: { git_commit_info: unknown }
      }>
    }>(`trails/cyber-dojo/${entry.flow}/${art.trail_name}`)
    expect(trail.git_commit_info).toEqual(art.git_commit_info)
    const reported = trail.events.find((e) => e.type === 'trail_reported')
    expect(reported?.trail_data_json?.git_commit_info).toEqual(art.git_commit_info)
    for (const e of trail.events) {
      const fromCi = !e.type.endsWith('_running')
      expect(e.git_commit_info !== null).toBe(fromCi)
      expect(e.repo_info !== null).toBe(fromCi)
    }
    const atts = await getJson<{ data: Array<{ trail_name: string; git_commit_info: unknown }> }>(
      `attestations/cyber-dojo/${entry.flow}?per_page=100`,
    )
    const ofTrail = atts.data.filter((a) => a.trail_name === art.trail_name)
    expect(ofTrail.length).toBeGreaterThan(0)
    for (const a of ofTrail) expect(a.git_commit_info).toEqual(art.git_commit_info)
  })
})

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
