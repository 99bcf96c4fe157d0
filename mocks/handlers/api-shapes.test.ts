import { describe, expect, it } from 'vitest'
import { diff, get, getJson, snap } from '../test/api'
import type { Snapshot } from '../test/api'

async function message(path: string, status: number): Promise<string> {
  const res = await get(path)
  expect(res.status, path).toBe(status)
  const body = (await res.json()) as { message: string }
  return body.message
}

describe('wire format quirks and error messages', () => {
  it('flows and environments switch shape when paginated', async () => {
    expect(Array.isArray(await getJson('flows/cyber-dojo'))).toBe(true)
    const page = await getJson<{ data: unknown[]; pagination: Record<string, number> }>(
      'flows/cyber-dojo?per_page=10&page=2',
    )
    expect(page.data).toHaveLength(10)
    expect(page.pagination).toMatchObject({ page: 2, per_page: 10 })
    expect(page.pagination['page_count']).toBe(Math.ceil((page.pagination['total'] ?? 0) / 10))
    expect(Array.isArray(await getJson('environments/cyber-dojo'))).toBe(true)
    const envs = await getJson<Record<string, unknown>>('environments/cyber-dojo?page=1&per_page=3')
    expect(Object.keys(envs).sort()).toEqual([
      'environments',
      'page',
      'per_page',
      'total_count',
      'total_pages',
    ])
    const searched = await getJson<{ name: string }[]>(
      'flows/cyber-dojo?search_by_name=RUNNER&case_sensitive=false',
    )
    expect(searched.map((f) => f.name)).toEqual([
      'runner',
      'runner-ci',
      'terraform-apply-beta-runner',
    ])
  })

  it('uses the real 404 messages', async () => {
    expect(await message('flows/cyber-dojo/nope', 404)).toBe(
      "Flow named 'nope' does not exist for organization 'cyber-dojo'",
    )
    expect(await message('environments/nobody', 404)).toBe("Organization 'nobody' does not exist")
    expect(await message('snapshots/cyber-dojo/nope/1', 404)).toBe(
      "Environment named 'nope' does not exist for organization 'cyber-dojo'",
    )
    expect(await message(`artifacts/cyber-dojo/runner/fingerprint/${'0'.repeat(64)}`, 404)).toBe(
      `Artifact with fingerprint '${'0'.repeat(64)}' does not exist in flow 'runner' belonging to organization 'cyber-dojo'`,
    )
    expect(await message('trails/cyber-dojo/runner-ci/nope', 404)).toBe(
      "Trail with name 'nope' does not exist for Organization 'cyber-dojo' and Flow 'runner-ci'",
    )
    expect(await message('search/cyber-dojo/sha/fffff00000', 404)).toBe(
      "No matches for 'fffff00000'.",
    )
    expect((await get('search/cyber-dojo/sha/16d9')).status).toBe(400)
    expect((await get('search/cyber-dojo/sha/xyz123')).status).toBe(400)
    expect(await message('no-such-resource/cyber-dojo', 404)).toMatch(/Not Found/)
  })

  it('resolves every snapshot expression, and says when one is out of range', async () => {
    const n = async (expr: string) =>
      (await getJson<Snapshot>(`snapshots/cyber-dojo/aws-prod/${expr}`)).index
    expect(await n('65')).toBe(65)
    expect(await n('%2365')).toBe(65)
    expect(await n('-1')).toBe(5253)
    expect(await n('-2')).toBe(5252)
    expect(await n('~1')).toBe(5252)
    expect(await n(encodeURIComponent('@{now}'))).toBe(5253)
    expect(await n(encodeURIComponent('@{2022-08-22T09:39:22}'))).toBe(65)
    expect(await n(encodeURIComponent('@{2022-08-22T09:39:21}'))).toBe(64)
    expect(await n(encodeURIComponent('@{1.hours.ago}'))).toBe(5253)
    expect(await n(encodeURIComponent('@{2.days.ago}'))).toBe(5246)
    expect(await message('snapshots/cyber-dojo/aws-prod/9999', 404)).toBe(
      "Org: 'cyber-dojo'. Snapshot 'aws-prod#9999' resolves to 'aws-prod#9999'. len(snapshots) == 5253. Indexes are 1-based",
    )
    expect(await message('snapshots/cyber-dojo/empty-env/-1', 404)).toBe(
      "Org: 'cyber-dojo'. Snapshot 'empty-env#-1' resolves to 'empty-env#0'. len(snapshots) == 0. Indexes are 1-based",
    )
    expect(await message(diff('aws-prod', 'empty-env'), 404)).toBe(
      "Org: 'cyber-dojo'. Snapshot 'empty-env' resolves to 'empty-env#0'. len(snapshots) == 0. Indexes are 1-based",
    )
    expect(await getJson('snapshots/cyber-dojo/empty-env')).toEqual([])
    expect((await get('snapshots/cyber-dojo/aws-prod/banana')).status).toBe(400)
  })

  it('serves environment events with sha256, pipeline and server descriptions', async () => {
    const events = await getJson<Record<string, unknown>[]>(
      'environments/cyber-dojo/aws-prod/events?start=65&end=65',
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      environment_name: 'aws-prod',
      snapshot_index: 65,
      sha256: '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
      pipeline: 'runner',
      description: '3 instances started running (from 0 to 3)',
      type: 'started-compliant',
    })
    const [scaled] = await getJson<Record<string, unknown>[]>(
      'environments/cyber-dojo/aws-prod/events?start=94&end=94',
    )
    expect(scaled?.['description']).toBe('2 instances stopped running (from 3 to 1)')
    const [exited] = await getJson<Record<string, unknown>[]>(
      'environments/cyber-dojo/aws-prod/events?start=96&end=96',
    )
    expect(exited?.['description']).toBe('1 instance stopped running (from 1 to 0)')
  })

  it('lists artifacts newest first with created_at as a numeric string', async () => {
    const page1 = await getJson<{ created_at: string; fingerprint: string }[]>(
      'artifacts/cyber-dojo/runner',
    )
    expect(page1).toHaveLength(15)
    for (const a of page1) expect(a.created_at).toMatch(/^\d+(\.\d+)?$/)
    const times = page1.map((a) => Number(a.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const byQuery = await getJson<{ fingerprint: string }[]>(
      'artifacts/cyber-dojo?flow_name=runner',
    )
    expect(byQuery.map((a) => a.fingerprint)).toEqual(page1.map((a) => a.fingerprint))
    const far = await getJson<unknown[]>('artifacts/cyber-dojo/runner?page=999')
    expect(far).toEqual([])
  })

  it('lists snapshots of aws-prod with the current one open-ended', async () => {
    const [latest] = await getJson<{ index: number; to: number }[]>(
      snap('aws-prod', 0).replace('/0', '?per_page=1'),
    )
    expect(latest).toMatchObject({ index: 5253, to: 0 })
  })

  it('serves policies, the org, and trails of a flow', async () => {
    const policies = await getJson<{ name: string; versions: unknown[] }[]>('policies/cyber-dojo')
    expect(policies.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'provenance',
        'pull-request',
        'snyk-scan-aws-prod',
        'trail-compliance-aws-beta',
      ]),
    )
    const pr = await getJson<{ versions: unknown[]; consuming_envs: string[] }>(
      'policies/cyber-dojo/pull-request',
    )
    expect(pr.versions).toHaveLength(3)
    expect(pr.consuming_envs).toEqual(['aws-beta', 'aws-prod'])
    expect(await getJson('organizations/cyber-dojo')).toMatchObject({ name: 'cyber-dojo' })
    const trails = await getJson<{ data: { name: string }[]; pagination: { total: number } }>(
      'trails/cyber-dojo/runner-ci?per_page=5',
    )
    expect(trails.data).toHaveLength(5)
    expect(trails.pagination.total).toBeGreaterThan(5)
  })
})
