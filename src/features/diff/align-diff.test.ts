import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toSnapshotDiff, type DiffArtifact, type SnapshotDiff } from '@/api/diff'
import blueGreenBeta from '../../../fixtures/kosli/env-diff/blue-green-aws-beta.json'
import blueGreenProd from '../../../fixtures/kosli/env-diff/blue-green-aws-prod.json'
import betaVsProd from '../../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import differentRepos from '../../../fixtures/kosli/env-diff/different-repo-urls.json'
import gitlabImage from '../../../fixtures/kosli/env-diff/has-gitlab-image.json'
import migrated from '../../../fixtures/kosli/env-diff/migrated-gitlab-to-github.json'
import matched from '../../../fixtures/kosli/env-diff/multiple-artifacts-env-var-set-matched.json'
import unmatched from '../../../fixtures/kosli/env-diff/multiple-artifacts-env-var-set-unmatched.json'
import newFlow from '../../../fixtures/kosli/env-diff/new-flow.json'
import identical from '../../../fixtures/kosli/env-diff/0.json'
import two from '../../../fixtures/kosli/env-diff/2.json'
import four from '../../../fixtures/kosli/env-diff/4.json'
import {
  alignDiff,
  capUnchanged,
  serviceKey,
  summaryText,
  type AlignedDiff,
  type DiffRow,
} from './align-diff'

const CAPTURES: Record<string, unknown> = {
  '0.json': identical,
  '2.json': two,
  '4.json': four,
  'aws-beta_vs_aws-prod_latest.json': betaVsProd,
  'blue-green-aws-beta.json': blueGreenBeta,
  'blue-green-aws-prod.json': blueGreenProd,
  'different-repo-urls.json': differentRepos,
  'has-gitlab-image.json': gitlabImage,
  'migrated-gitlab-to-github.json': migrated,
  'multiple-artifacts-env-var-set-matched.json': matched,
  'multiple-artifacts-env-var-set-unmatched.json': unmatched,
  'new-flow.json': newFlow,
}

function aligned(name: string): AlignedDiff {
  return alignDiff(toSnapshotDiff(CAPTURES[name]))
}

/** 'x.dkr.ecr…/runner:85cac88@sha256:…' → 'runner:85cac88'. */
function tag(row: DiffRow, side: 'from' | 'to'): string | null {
  const name = row[side]?.artifact.name
  if (!name) return null
  return name.split('@')[0]?.split('/').at(-1) ?? null
}

function rowFor(result: AlignedDiff, service: string): DiffRow {
  const row = result.rows.find((candidate) => candidate.service === service)
  if (!row) throw new Error(`no row for ${service}`)
  return row
}

/** A distinct 64-hex fingerprint per name (FNV-1a, repeated). */
function fakeFingerprint(name: string): string {
  let hash = 0x811c9dc5
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  return hash.toString(16).padStart(8, '0').repeat(8)
}

function artifact(overrides: Partial<DiffArtifact> & { name: string }): DiffArtifact {
  return {
    fingerprint: fakeFingerprint(overrides.name),
    mostRecentStart: 1661161157,
    flow: null,
    commitUrl: null,
    instances: 1,
    fromInstances: null,
    toInstances: null,
    pods: [],
    ...overrides,
  }
}

function diff(parts: Partial<SnapshotDiff>): SnapshotDiff {
  return {
    fromSnapshot: 'aws-prod#64',
    toSnapshot: 'aws-prod#65',
    onlyInFrom: [],
    onlyInTo: [],
    scaled: [],
    unchanged: [],
    ...parts,
  }
}

describe('capUnchanged', () => {
  const row = (key: string, kind: DiffRow['kind']): DiffRow => ({
    key,
    kind,
    service: key,
    group: key,
    from: null,
    to: null,
    compareUrl: null,
  })

  it('keeps every change and the first unchanged rows, in order', () => {
    const rows = [
      row('a', 'unchanged'),
      row('b', 'added'),
      row('c', 'unchanged'),
      row('d', 'unchanged'),
      row('e', 'removed'),
    ]
    expect(capUnchanged(rows, 2).map((kept) => kept.key)).toEqual(['a', 'b', 'c', 'e'])
    expect(capUnchanged(rows, 0).map((kept) => kept.key)).toEqual(['b', 'e'])
    expect(capUnchanged(rows, 10)).toEqual(rows)
  })
})

describe('alignDiff on the real env-diff captures', () => {
  it.each(Object.keys(CAPTURES))(
    '%s: every server entry appears exactly once, in its own category',
    (name) => {
      const raw = toSnapshotDiff(CAPTURES[name])
      const result = alignDiff(raw)
      const seen = {
        removed: [] as string[],
        added: [] as string[],
        scaled: [] as string[],
        unchanged: [] as string[],
      }
      for (const row of result.rows) {
        const entries =
          row.kind === 'scaled' || row.kind === 'unchanged' ? [row.from] : [row.from, row.to]
        for (const entry of entries)
          if (entry) seen[entry.category].push(entry.artifact.fingerprint ?? entry.artifact.name)
        if (row.kind === 'replaced') {
          expect(row.from?.category).toBe('removed')
          expect(row.to?.category).toBe('added')
          // Paired only within one service.
          expect(row.from && serviceKey(row.from.artifact)).toBe(
            row.to && serviceKey(row.to.artifact),
          )
        }
        if (row.kind === 'removed') expect(row.to).toBeNull()
        if (row.kind === 'added') expect(row.from).toBeNull()
      }
      const distinct = (list: DiffArtifact[]) => [...new Set(list.map((a) => a.fingerprint))].sort()
      expect(seen.removed.sort()).toEqual(distinct(raw.onlyInFrom))
      expect(seen.added.sort()).toEqual(distinct(raw.onlyInTo))
      expect(seen.scaled.sort()).toEqual(distinct(raw.scaled))
      expect(seen.unchanged.sort()).toEqual(distinct(raw.unchanged))
      expect(result.summary).toEqual({
        added: distinct(raw.onlyInTo).length,
        removed: distinct(raw.onlyInFrom).length,
        scaled: distinct(raw.scaled).length,
        unchanged: distinct(raw.unchanged).length,
      })
      // Sorted by service, so related artifacts sit together.
      const services = result.rows.map((row) => row.service.toLowerCase())
      expect(services).toEqual([...services].sort())
    },
  )

  it('aws-beta vs aws-prod latest: each of the ten services reads as one replaced line', () => {
    const result = aligned('aws-beta_vs_aws-prod_latest.json')
    expect(summaryText(result.summary)).toBe('10 added, 10 removed, 0 scaled, 1 unchanged')
    expect(result.rows.filter((row) => row.kind === 'replaced')).toHaveLength(10)
    expect(result.rows.filter((row) => row.kind === 'added' || row.kind === 'removed')).toEqual([])
    const runner = rowFor(result, 'runner')
    expect([tag(runner, 'from'), tag(runner, 'to')]).toEqual(['runner:9b0d9fc', 'runner:85cac88'])
    expect(runner.compareUrl).toBe(
      'https://github.com/cyber-dojo/runner/compare/9b0d9fc145d30c63dc9f9648c892a52d6e96d602...85cac880cb74678426eb2ed4dbf2538995404c5c',
    )
    const spooler = rowFor(result, 'spooler')
    expect(spooler.kind).toBe('unchanged')
    expect(spooler.from).toBe(spooler.to)
    expect(result.identical).toBe(false)
    expect(result.duplicates).toBe(0)
  })

  it('0.json: identical snapshots have only unchanged rows and say so', () => {
    const result = aligned('0.json')
    expect(result.identical).toBe(true)
    expect(result.empty).toBe(false)
    expect(result.rows).toHaveLength(10)
    expect(result.rows.every((row) => row.kind === 'unchanged')).toBe(true)
    expect(rowFor(result, 'runner').from?.fromInstances).toBe(3)
    expect(rowFor(result, 'runner').to?.toInstances).toBe(3)
  })

  it('blue-green-aws-prod: a fingerprint listed twice on the to side is one entry', () => {
    const result = aligned('blue-green-aws-prod.json')
    expect(result.summary).toEqual({ added: 4, removed: 4, scaled: 0, unchanged: 6 })
    expect(result.duplicates).toBe(1)
    const nginx = rowFor(result, 'nginx')
    expect(nginx.kind).toBe('replaced')
    expect([tag(nginx, 'from'), tag(nginx, 'to')]).toEqual(['nginx:e92d83d', 'nginx:fa32058'])
    expect(nginx.to?.occurrences).toBe(2)
    expect(nginx.to?.toInstances).toBe(2)
    expect(nginx.from?.occurrences).toBe(1)
    expect(result.rows.filter((row) => row.service === 'nginx')).toHaveLength(1)
  })

  it('blue-green-aws-beta: a duplicate on the from side is merged the same way', () => {
    const result = aligned('blue-green-aws-beta.json')
    const nginx = rowFor(result, 'nginx')
    expect(nginx.from?.occurrences).toBe(2)
    expect(nginx.from?.fromInstances).toBe(2)
    expect(result.summary.removed).toBe(4)
  })

  it('migrated-gitlab-to-github: pairs the upgrade but links no compare across forges', () => {
    const result = aligned('migrated-gitlab-to-github.json')
    expect(result.rows).toHaveLength(1)
    const creator = rowFor(result, 'creator')
    expect(creator.kind).toBe('replaced')
    expect(creator.compareUrl).toBeNull()
  })

  it('different-repo-urls: no compare link between different repositories', () => {
    const result = aligned('different-repo-urls.json')
    expect(rowFor(result, 'nginx').compareUrl).toBeNull()
    expect(rowFor(result, 'web').compareUrl).toBe(
      'https://github.com/cyber-dojo/web/compare/ed1878bd4aba3cada1e6ae7bc510f6354c61c484...7645ee70706ad259c6367b97946edb10d00815a0',
    )
  })

  it('has-gitlab-image: a GitLab upgrade gets a GitLab compare link', () => {
    const creator = rowFor(aligned('has-gitlab-image.json'), 'creator')
    expect(creator.compareUrl).toBe(
      'https://gitlab.com/cyber-dojo/creator/-/compare/b0c9c4f68e341e40fa0b08be56fa1014236c9550...63739c64c04437b29e3fe082d699fb757846e0f0',
    )
  })

  it('new-flow: an artifact with no counterpart stays a one-sided removed row', () => {
    const result = aligned('new-flow.json')
    expect(rowFor(result, 'web').kind).toBe('removed')
    expect(rowFor(result, 'web').to).toBeNull()
    expect(rowFor(result, 'saver').kind).toBe('replaced')
    expect(summaryText(result.summary)).toBe('1 added, 2 removed, 0 scaled, 8 unchanged')
  })
})

describe('alignDiff edge cases', () => {
  it('the seed’s aws-prod#64 → #65: one added runner next to the unchanged old runner', () => {
    const oldRunner = artifact({
      name: '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:85d83c6',
      fingerprint: 'eeb0cfc9ee7f69fbd9531d5b8c1e8d22a8de119e2a422344a714a868e9a8bfec',
      flow: 'runner',
    })
    const newRunner = artifact({
      name: '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
      fingerprint: '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
      flow: 'runner',
      instances: 3,
    })
    const differ = artifact({ name: 'x/differ:1a2b170', flow: 'differ' })
    const result = alignDiff(diff({ onlyInTo: [newRunner], unchanged: [oldRunner, differ] }))
    expect(summaryText(result.summary)).toBe('1 added, 0 removed, 0 scaled, 2 unchanged')
    expect(summaryText({ ...result.summary, unchanged: 5100, added: 1234 })).toBe(
      '1,234 added, 0 removed, 0 scaled, 5,100 unchanged',
    )
    expect(result.rows.map((row) => [row.service, row.kind])).toEqual([
      ['differ', 'unchanged'],
      ['runner', 'added'],
      ['runner', 'unchanged'],
    ])
    expect(result.rows[1]?.to?.toInstances).toBe(3)
    expect(result.rows[1]?.from).toBeNull()
  })

  it('pairs a removed and an added artifact of one service into one replaced row', () => {
    const result = alignDiff(
      diff({
        onlyInFrom: [artifact({ name: 'r/runner:85d83c6', flow: 'runner' })],
        onlyInTo: [artifact({ name: 'r/runner:16d9990', flow: 'runner' })],
      }),
    )
    expect(result.rows).toHaveLength(1)
    expect(result.rows[0]?.kind).toBe('replaced')
    expect(result.summary).toEqual({ added: 1, removed: 1, scaled: 0, unchanged: 0 })
  })

  it('keeps an artifact listed once as it came, its pods each once', () => {
    const once = artifact({ name: 'r/runner:16d9990', flow: 'runner', pods: ['a', 'b'] })
    const repeated = artifact({ name: 'r/saver:5911f9c', flow: 'saver', pods: ['c', 'c', 'd'] })
    const result = alignDiff(diff({ unchanged: [once, repeated] }))
    expect(rowFor(result, 'runner').to?.artifact).toBe(once)
    expect(rowFor(result, 'saver').to?.artifact.pods).toEqual(['c', 'd'])
    expect(rowFor(result, 'saver').to?.listings).toEqual([repeated])
  })

  it('shows a scaled artifact on both sides with its two counts', () => {
    const result = alignDiff(
      diff({
        scaled: [
          artifact({
            name: 'r/runner:16d9990',
            flow: 'runner',
            instances: null,
            fromInstances: 3,
            toInstances: 1,
          }),
        ],
      }),
    )
    const [row] = result.rows
    expect(row?.kind).toBe('scaled')
    expect(row?.from?.fromInstances).toBe(3)
    expect(row?.from?.toInstances).toBe(1)
    expect(result.identical).toBe(false)
  })

  it('two empty snapshots are empty and identical', () => {
    const result = alignDiff(diff({}))
    expect(result.empty).toBe(true)
    expect(result.identical).toBe(true)
    expect(result.rows).toEqual([])
  })

  it('one empty side: everything is added, nothing paired', () => {
    const result = alignDiff(
      diff({ onlyInTo: [artifact({ name: 'a/web:1' }), artifact({ name: 'a/nginx:1' })] }),
    )
    expect(result.rows.map((row) => row.kind)).toEqual(['added', 'added'])
    expect(result.empty).toBe(false)
  })

  it('does not merge different artifacts that both lack a fingerprint', () => {
    const result = alignDiff(
      diff({
        onlyInTo: [
          artifact({ name: 'a/web:1', fingerprint: null }),
          artifact({ name: 'a/web:2', fingerprint: null }),
        ],
      }),
    )
    expect(result.summary.added).toBe(2)
    expect(result.duplicates).toBe(0)
  })

  it('without a flow, pairs on the image name without tag only', () => {
    const result = alignDiff(
      diff({
        onlyInFrom: [
          artifact({ name: 'reg:5000/team/x:1' }),
          artifact({ name: 'reg:5000/team/y:1' }),
        ],
        onlyInTo: [artifact({ name: 'reg:5000/team/x:2' })],
      }),
    )
    expect(result.rows.map((row) => [tag(row, 'from'), row.kind, tag(row, 'to')])).toEqual([
      ['x:1', 'replaced', 'x:2'],
      ['y:1', 'removed', null],
    ])
  })

  it('within one flow building several images, pairs matching images first', () => {
    const result = alignDiff(
      diff({
        onlyInFrom: [
          artifact({ name: 'r/api:1', flow: 'mono' }),
          artifact({ name: 'r/worker:1', flow: 'mono' }),
        ],
        onlyInTo: [
          artifact({ name: 'r/worker:2', flow: 'mono' }),
          artifact({ name: 'r/api:2', flow: 'mono' }),
        ],
      }),
    )
    const pairs = result.rows.map((row) => `${tag(row, 'from')}→${tag(row, 'to')}`).sort()
    expect(pairs).toEqual(['api:1→api:2', 'worker:1→worker:2'])
  })

  it('keeps every entry exactly once for any input (property)', () => {
    const names = fc.constantFrom('a/web', 'a/nginx', 'b/runner', 'c/saver')
    const anArtifact = fc.record({
      name: fc.tuple(names, fc.constantFrom('1', '2', '3')).map(([n, t]) => `${n}:${t}`),
      fingerprint: fc.constantFrom(null, 'aa', 'bb', 'cc', 'dd', 'ee'),
      flow: fc.constantFrom(null, 'web-ci', 'runner-ci'),
      instances: fc.option(fc.nat(5), { nil: null }),
    })
    const list = fc
      .array(anArtifact, { maxLength: 6 })
      .map((items) => items.map((item) => artifact(item)))
    fc.assert(
      fc.property(list, list, list, list, (onlyInFrom, onlyInTo, scaled, unchanged) => {
        const result = alignDiff(diff({ onlyInFrom, onlyInTo, scaled, unchanged }))
        const key = (a: DiffArtifact) => a.fingerprint || `name:${a.name}`
        const count = (items: DiffArtifact[]) => new Set(items.map(key)).size
        const entries = result.rows.flatMap((row) =>
          row.from === row.to ? [row.from] : [row.from, row.to],
        )
        expect(entries.filter((e) => e?.category === 'removed')).toHaveLength(count(onlyInFrom))
        expect(entries.filter((e) => e?.category === 'added')).toHaveLength(count(onlyInTo))
        expect(entries.filter((e) => e?.category === 'scaled')).toHaveLength(count(scaled))
        expect(entries.filter((e) => e?.category === 'unchanged')).toHaveLength(count(unchanged))
        expect(result.identical).toBe(count(onlyInFrom) + count(onlyInTo) + count(scaled) === 0)
      }),
    )
  })
})
