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
