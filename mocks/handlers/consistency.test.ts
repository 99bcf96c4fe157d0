import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diff, get, getJson, snap } from '../test/api'
import type { Artifact, EnvDiff, EnvEvent, Snapshot, SnapshotListItem } from '../test/api'

const ENVS: [string, number][] = [
  ['aws-prod', 5253],
  ['aws-beta', 8099],
]

const envAndIndex = fc
  .constantFrom(...ENVS)
  .chain(([env, count]) => fc.tuple(fc.constant(env), fc.integer({ min: 2, max: count })))

async function eventsOf(env: string, index: number): Promise<EnvEvent[]> {
  return getJson<EnvEvent[]>(
    `environments/cyber-dojo/${env}/events?start=${index}&end=${index}&per_page=100`,
  )
}

describe('one model: snapshots, events, diffs and artifacts agree', () => {
  it('events of N are the diff of N-1 and N', async () => {
    await fc.assert(
      fc.asyncProperty(envAndIndex, async ([env, n]) => {
        const [events, d, s] = await Promise.all([
          eventsOf(env, n),
          getJson<EnvDiff>(diff(`${env}#${n - 1}`, `${env}#${n}`)),
          getJson<Snapshot>(snap(env, n)),
        ])
        expect(events.length).toBeGreaterThan(0)
        const fps = (type: (t: string) => boolean) =>
          events
            .filter((e) => type(e.type))
            .map((e) => e.sha256)
            .sort()
        expect(fps((t) => t.startsWith('started'))).toEqual(
          d.snappish2.artifacts.map((a) => a.fingerprint).sort(),
        )
        expect(fps((t) => t === 'exited')).toEqual(
          d.snappish1.artifacts.map((a) => a.fingerprint).sort(),
        )
        const scaled = d.changed.artifacts.map((a) => a.fingerprint).sort()
        const byFp = new Map(s.artifacts.map((a) => [a.fingerprint, a]))
        expect(
          events
            .filter((e) => {
              const a = byFp.get(e.sha256)
              return (
                a !== undefined &&
                a.annotation.was > 0 &&
                a.annotation.now > 0 &&
                a.annotation.was !== a.annotation.now
              )
            })
            .map((e) => e.sha256)
            .sort(),
        ).toEqual(scaled)
        for (const e of events) {
          expect(e.snapshot_index).toBe(n)
          expect(e.reported_at).toBe(s.timestamp)
          expect(byFp.get(e.sha256)?.annotation.type).toBe(e.type)
        }
        const unchangedInSnapshot = s.artifacts.filter((a) => a.annotation.type === 'unchanged')
        expect(unchangedInSnapshot.length + events.length).toBe(s.artifacts.length)
      }),
      { numRuns: 12 },
    )
  })

  it('compliance counts are the running artifacts by compliance', async () => {
    await fc.assert(
      fc.asyncProperty(envAndIndex, async ([env, n]) => {
        const s = await getJson<Snapshot>(snap(env, n))
        const running = s.artifacts.filter((a) => a.annotation.now > 0)
        expect(s.artifact_compliance_count).toEqual({
          true: running.filter((a) => a.compliant).length,
          false: running.filter((a) => !a.compliant).length,
          null: 0,
        })
        expect(s.compliant).toBe(running.every((a) => a.compliant))
        for (const a of s.artifacts) {
          expect(a.creationTimestamp.length).toBe(a.annotation.now || a.annotation.was)
          for (const t of a.creationTimestamp) expect(t).toBeLessThanOrEqual(s.timestamp)
        }
      }),
      { numRuns: 12 },
    )
  })

  it("an artifact's running, exited and history agree with the snapshots", async () => {
    await fc.assert(
      fc.asyncProperty(envAndIndex, fc.nat(), async ([env, n], pick) => {
        const s = await getJson<Snapshot>(snap(env, n))
        const withFlow = s.artifacts.filter((a) => a.flow_name)
        const chosen = withFlow[pick % withFlow.length]
        if (!chosen?.flow_name) return
        const art = await getJson<Artifact>(
          `artifacts/cyber-dojo/${chosen.flow_name}/fingerprint/${chosen.fingerprint}`,
        )
        for (const p of art.exited) {
          const at = await getJson<Snapshot>(snap(p.environment_name, p.snapshot_index))
          expect(at.artifacts.find((a) => a.fingerprint === art.fingerprint)?.annotation.type).toBe(
            'exited',
          )
        }
        for (const p of art.running) {
          const at = await getJson<Snapshot>(`snapshots/cyber-dojo/${p.environment_name}/-1`)
          expect(at.index).toBe(p.snapshot_index)
          expect(
            at.artifacts.find((a) => a.fingerprint === art.fingerprint)?.annotation.now,
          ).toBeGreaterThan(0)
        }
        const started = art.history.filter(
          (h) => h.type === 'artifact_started_running' || h.event.startsWith('Started running'),
        )
        expect(started.length).toBeGreaterThan(0)
        for (const h of started) {
          const m = /in ([\w-]+)#(\d+)/.exec(h.event)
          expect(m).not.toBeNull()
          const at = await getJson<Snapshot>(snap(m?.[1] ?? '', Number(m?.[2])))
          expect(at.timestamp).toBe(h.timestamp)
          expect(
            at.artifacts.find((a) => a.fingerprint === art.fingerprint)?.annotation.type,
          ).toMatch(/^started/)
        }
        expect(Number(art.created_at)).toBeLessThan(started[0]?.timestamp ?? 0)
      }),
      { numRuns: 10 },
    )
  })

  it('snapshot list pages chain: to of N is from of N+1, current has to 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENVS),
        fc.integer({ min: 1, max: 300 }),
        async ([env], page) => {
          const items = await getJson<SnapshotListItem[]>(
            `snapshots/cyber-dojo/${env}?page=${page}&per_page=20`,
          )
          for (let i = 0; i + 1 < items.length; i++) {
            const newer = items[i]
            const older = items[i + 1]
            expect(older?.index).toBe((newer?.index ?? 0) - 1)
            expect(older?.to).toBe(newer?.from)
            expect(older?.duration).toBeCloseTo((older?.to ?? 0) - (older?.from ?? 0), 6)
          }
        },
      ),
      { numRuns: 8 },
    )
    const [current] = await getJson<SnapshotListItem[]>('snapshots/cyber-dojo/aws-beta?per_page=1')
    expect(current?.to).toBe(0)
    const reversed = await getJson<SnapshotListItem[]>(
      'snapshots/cyber-dojo/aws-prod?per_page=2&reverse=true',
    )
    expect(reversed.map((s) => s.index)).toEqual([1, 2])
  })

  it('events are paginated in headers, newest first, reversible', async () => {
    const res = await get('environments/cyber-dojo/aws-prod/events?page=2&per_page=10')
    const total = Number(res.headers.get('X-Total-Count'))
    expect(total).toBeGreaterThan(5252)
    expect(res.headers.get('X-Per-Page')).toBe('10')
    expect(res.headers.get('X-Current-Page')).toBe('2')
    expect(res.headers.get('X-Total-Pages')).toBe(String(Math.ceil(total / 10)))
    const link = res.headers.get('Link') ?? ''
    expect(link).toContain('rel="first"')
    expect(link).toContain('rel="prev"')
    expect(link).toContain('rel="next"')
    expect(link).toContain(`page=${Math.ceil(total / 10)}`)
    const page = (await res.json()) as EnvEvent[]
    expect(page).toHaveLength(10)
    const oldest = await getJson<EnvEvent[]>(
      'environments/cyber-dojo/aws-prod/events?per_page=3&reverse=true',
    )
    expect(oldest.map((e) => e.snapshot_index)).toEqual([1, 1, 1])
    const single = await get('environments/cyber-dojo/aws-prod/events?start=65&end=65')
    expect(single.headers.get('X-Total-Count')).toBe('1')
    expect(single.headers.get('Link')).toBeNull()
    const tooMany = await get('environments/cyber-dojo/aws-prod/events?per_page=101')
    expect(tooMany.status).toBe(422)
  })
})

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
