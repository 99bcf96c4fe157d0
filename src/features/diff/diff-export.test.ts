import { describe, expect, it } from 'vitest'
import { toSnapshotDiff, type DiffArtifact } from '@/api/diff'
import blueGreenProd from '../../../fixtures/kosli/env-diff/blue-green-aws-prod.json'
import betaVsProd from '../../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import identical from '../../../fixtures/kosli/env-diff/0.json'
import { alignDiff } from './align-diff'
import {
  diffToCsv,
  diffToJson,
  diffToMarkdown,
  exportFileName,
  markdownCode,
  markdownText,
  type DiffExportInput,
} from './diff-export'

const RUNNER: DiffArtifact = {
  fingerprint: '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
  name: '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
  mostRecentStart: 1661161157,
  flow: 'runner',
  commitUrl: 'https://github.com/cyber-dojo/runner/commit/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
  instances: 3,
  fromInstances: null,
  toInstances: null,
  pods: [],
}

function input(raw: Parameters<typeof alignDiff>[0], from: string, to: string): DiffExportInput {
  return {
    from,
    to,
    fromExpression: from,
    toExpression: to,
    aligned: alignDiff(raw),
    link: 'https://shiplog.example/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
  }
}

const seed = input(
  {
    fromSnapshot: 'aws-prod#64',
    toSnapshot: 'aws-prod#65',
    onlyInFrom: [],
    onlyInTo: [RUNNER],
    scaled: [],
    unchanged: [],
  },
  'aws-prod#64',
  'aws-prod#65',
)

describe('diffToMarkdown', () => {
  it('writes the seed diff as a ticket-ready summary', () => {
    const text = diffToMarkdown(seed)
    expect(text).toContain('## Snapshot diff: `aws-prod#64` → `aws-prod#65`')
    expect(text).toContain('1 added, 0 removed, 0 scaled, 0 unchanged')
    expect(text).toContain('### Added (only in `aws-prod#65`)')
    expect(text).toContain(
      '- `274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990`: fingerprint `9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625`, flow runner, commit [16d9990](https://github.com/cyber-dojo/runner/commit/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4), started 2022-08-22T09:39:17Z, 3 instances',
    )
    expect(text).toContain(
      '[Open this comparison in Shiplog](https://shiplog.example/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365)',
    )
    expect(text).not.toContain('### Removed')
  })

  it('notes the pairing and the compare link, keeping the server categories', () => {
    const text = diffToMarkdown(input(toSnapshotDiff(betaVsProd), 'aws-beta#8099', 'aws-prod#5253'))
    expect(text).toContain('10 added, 10 removed, 0 scaled, 1 unchanged')
    expect(text).toMatch(/### Added[\s\S]*runner:85cac88[^\n]*replaces `[^`]*runner:9b0d9fc[^`]*`/)
    expect(text).toContain(
      '[compare commits](https://github.com/cyber-dojo/runner/compare/9b0d9fc145d30c63dc9f9648c892a52d6e96d602...85cac880cb74678426eb2ed4dbf2538995404c5c)',
    )
    expect(text).toMatch(/### Removed[\s\S]*runner:9b0d9fc[^\n]*replaced by/)
    expect(text).toMatch(/### Unchanged\n\n- `[^`]*spooler:dc7dea2/)
  })

  it('says when there are no differences', () => {
    const text = diffToMarkdown(input(toSnapshotDiff(identical), 'aws-beta#4724', 'aws-prod#3526'))
    expect(text).toContain('No differences: the same artifacts run in both.')
  })

  it('says when both snapshots are empty', () => {
    const empty = input(
      {
        fromSnapshot: null,
        toSnapshot: null,
        onlyInFrom: [],
        onlyInTo: [],
        scaled: [],
        unchanged: [],
      },
      'a#1',
      'a#2',
    )
    expect(diffToMarkdown(empty)).toContain('Both snapshots are empty.')
  })

  it('marks duplicates the server listed', () => {
    const text = diffToMarkdown(
      input(toSnapshotDiff(blueGreenProd), 'aws-beta#3548', 'aws-prod#4754'),
    )
    expect(text).toMatch(/nginx:fa32058[^\n]*2 instances[^\n]*listed 2 times by Kosli/)
    expect(text.match(/nginx:fa32058/g)?.length).toBe(2) // its own line + "replaced by"
  })

  it('keeps hostile text inert: no links from unsafe URLs, no broken code spans', () => {
    const hostile = input(
      {
        fromSnapshot: null,
        toSnapshot: null,
        onlyInFrom: [],
        onlyInTo: [
          {
            ...RUNNER,
            name: 'evil`](javascript:alert(1))\n# heading',
            flow: '*bold* [x](http://e.vil)',
            commitUrl: 'javascript:alert(1)',
          },
        ],
        scaled: [],
        unchanged: [],
      },
      'a#1',
      'a#2',
    )
    const text = diffToMarkdown(hostile)
    const span = '``evil`](javascript:alert(1)) # heading``'
    expect(text).toContain(span)
    // Outside that inert code span, nothing of the unsafe URL survives.
    expect(text.replace(span, '')).not.toContain('javascript')
    expect(text).toContain('flow \\*bold\\* \\[x\\](http://e.vil)')
    expect(text).toContain('commit commit')
    expect(text.split('\n').some((line) => line.startsWith('# heading'))).toBe(false)
  })
})

describe('markdown helpers', () => {
  it('markdownCode fences past the longest backtick run', () => {
    expect(markdownCode('plain')).toBe('`plain`')
    expect(markdownCode('a``b')).toBe('```a``b```')
    expect(markdownCode('`edge')).toBe('`` `edge ``')
  })

  it('markdownText escapes inline syntax and flattens lines', () => {
    expect(markdownText('a_b|c\nd')).toBe('a\\_b\\|c d')
  })
})

describe('diffToJson', () => {
  it('keeps the server categories and adds the pairing', () => {
    const data = JSON.parse(
      diffToJson(input(toSnapshotDiff(betaVsProd), 'aws-beta#8099', 'aws-prod#5253')),
    )
    expect(data.from).toEqual({ expression: 'aws-beta#8099', snapshot: 'aws-beta#8099' })
    expect(data.summary).toEqual({ added: 10, removed: 10, scaled: 0, unchanged: 1 })
    expect(data.added).toHaveLength(10)
    expect(data.removed).toHaveLength(10)
    expect(data.unchanged[0].name).toContain('spooler:dc7dea2')
    expect(data.replacements).toContainEqual({
      service: 'runner',
      from: '45919ac3395a18573e5ca203e750ff2e5f0fb6239d6dd5a052075b3efb7ad7ef',
      to: 'f3cdc22a599ddb789e7791389a5a58b43fd9c30d3af079aec392d5962d181096',
      compareUrl:
        'https://github.com/cyber-dojo/runner/compare/9b0d9fc145d30c63dc9f9648c892a52d6e96d602...85cac880cb74678426eb2ed4dbf2538995404c5c',
    })
  })

  it('writes the seed entry with an ISO start time and its instances', () => {
    const data = JSON.parse(diffToJson(seed))
    expect(data.added).toEqual([
      {
        name: RUNNER.name,
        fingerprint: RUNNER.fingerprint,
        flow: 'runner',
        commitUrl: RUNNER.commitUrl,
        startedAt: '2022-08-22T09:39:17Z',
        fromInstances: null,
        toInstances: 3,
        pods: [],
        timesListed: 1,
      },
    ])
    expect(data.link).toBe(seed.link)
  })
})

describe('exportFileName', () => {
  it('is safe for any file system', () => {
    expect(exportFileName('aws-prod#64', 'aws-prod#65')).toBe('diff-aws-prod-64-aws-prod-65')
    expect(exportFileName('a@{2022-08-22T10:00:00}', '../../x')).toBe(
      'diff-a-2022-08-22T10-00-00-..-..-x',
    )
  })
})

describe('diffToCsv', () => {
  const betaVsProdInput = () => input(toSnapshotDiff(betaVsProd), 'aws-beta#8099', 'aws-prod#5253')
  const lines = (csv: string) => csv.trimEnd().split('\r\n')

  it('writes one record per entry, an upgrade as two records on one row', () => {
    const csv = diffToCsv(betaVsProdInput(), true)
    const [header, ...records] = lines(csv)
    expect(header).toBe(
      'row,service,side,category,name,fingerprint,flow,commit_url,started_at,from_instances,to_instances',
    )
    // 10 removed + 10 added + 1 unchanged (on both sides).
    expect(records).toHaveLength(21)
    const runner = records.filter((record) => record.split(',')[1] === 'runner')
    expect(runner.map((record) => record.split(',').slice(2, 4))).toEqual([
      ['from', 'removed'],
      ['to', 'added'],
    ])
    expect(new Set(runner.map((record) => record.split(',')[0])).size).toBe(1)
    expect(records.filter((record) => record.includes(',both,unchanged,'))).toHaveLength(1)
  })

  it('leaves out unchanged rows when the page hides them', () => {
    const records = lines(diffToCsv(betaVsProdInput(), false)).slice(1)
    expect(records).toHaveLength(20)
    expect(records.some((record) => record.includes(',unchanged,'))).toBe(false)
  })

  it('writes the seed entry with its start time and instances', () => {
    expect(lines(diffToCsv(seed, true))[1]).toBe(
      `1,runner,to,added,${RUNNER.name},${RUNNER.fingerprint},runner,${RUNNER.commitUrl},2022-08-22T09:39:17Z,,3`,
    )
  })
})
