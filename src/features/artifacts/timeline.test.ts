import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HistoryEvent } from '@/api/artifacts'
import {
  buildTimeline,
  eventEnvironments,
  firstEntries,
  kindFromWording,
  parseTimelineFilter,
  splitSnapshotRefs,
  timelineFacets,
  timelineKind,
  writeTimelineFilter,
  type TimelineKind,
} from './timeline'

// The seed's history for runner:16d9990 (legacy wording, no `type`), times in UTC seconds.
const SEED: HistoryEvent[] = [
  ['Artifact created', '2022-08-22T09:35:00Z'],
  ['branch-coverage evidence received', '2022-08-22T09:36:02Z'],
  ['Deployment #18 to aws-beta environment', '2022-08-22T09:37:17Z'],
  ['Deployment #19 to aws-prod environment', '2022-08-22T09:38:21Z'],
  ['Started running in aws-beta#84 environment', '2022-08-22T09:38:28Z'],
  ['Started running in aws-prod#65 environment', '2022-08-22T09:39:22Z'],
  ['Scaled down from 3 to 2 in aws-beta#117 environment', '2022-08-24T16:03:42Z'],
  ['No longer running in aws-beta#119 environment', '2022-08-24T16:05:42Z'],
  ['Scaled down from 3 to 1 in aws-prod#94 environment', '2022-08-24T16:10:28Z'],
  ['No longer running in aws-prod#96 environment', '2022-08-24T16:12:28Z'],
].map(([event, iso]) => ({
  event: event ?? '',
  type: null,
  timestamp: Date.parse(iso ?? '') / 1000,
}))

describe('timelineKind with legacy (2022) wording and no type', () => {
  it.each<[string, TimelineKind]>([
    ['Artifact created', 'created'],
    ['branch-coverage evidence received', 'evidence'],
    ['Deployment #18 to aws-beta environment', 'deployment'],
    ['Started running in aws-prod#65 environment', 'started'],
    ['Scaled up from 1 to 3 in aws-prod#70 environment', 'scaled'],
    ['Scaled down from 3 to 2 in aws-beta#117 environment', 'scaled'],
    ['No longer running in aws-prod#96 environment', 'stopped'],
    ['Approval #3 to aws-prod environment created by jon', 'approval'],
    ['Something the server says one day', 'other'],
    ['', 'other'],
  ])('%s → %s', (event, kind) => {
    expect(timelineKind({ event, type: null })).toBe(kind)
  })

  it('reads every seed row as the kind the seed story describes', () => {
    expect(SEED.map((row) => timelineKind(row))).toEqual([
      'created',
      'evidence',
      'deployment',
      'deployment',
      'started',
      'started',
      'scaled',
      'stopped',
      'scaled',
      'stopped',
    ])
  })
})

describe('timelineKind with current (2025+) rows', () => {
  it.each<[string, string, TimelineKind]>([
    ['saver reported', 'artifact_creation_reported', 'created'],
    ['saver.unit-test attested (junit)', 'artifact_attestation_reported', 'evidence'],
    ['runner.x attested (custom:test-metrics)', 'artifact_attestation_reported', 'evidence'],
    ['Artifact saver started running in aws-prod#5253', 'artifact_started_running', 'started'],
    ['Artifact saver exited from aws-prod#5260', 'artifact_stopped_running', 'stopped'],
    [
      'Approval #2 to aws-prod environment created by jon',
      'artifact_approval_reported',
      'approval',
    ],
  ])('%s (%s) → %s', (event, type, kind) => {
    expect(timelineKind({ event, type })).toBe(kind)
  })

  it('trusts type over wording', () => {
    expect(
      timelineKind({ event: 'No longer running in x#1', type: 'artifact_started_running' }),
    ).toBe('started')
  })

  it('falls back to the wording for an unknown type', () => {
    expect(timelineKind({ event: 'cli reported', type: 'artifact_new_kind' })).toBe('created')
    expect(timelineKind({ event: 'whatever', type: 'artifact_new_kind' })).toBe('other')
  })

  it.each<[string, TimelineKind]>([
    ['saver reported', 'created'],
    ['saver.unit-test attested (junit)', 'evidence'],
    ['Artifact saver started running in aws-prod#5253', 'started'],
    ['Artifact saver exited from aws-prod#5260', 'stopped'],
  ])('reads current wording without type too: %s', (event, kind) => {
    expect(kindFromWording(event)).toBe(kind)
  })
})

describe('splitSnapshotRefs', () => {
  it('finds env#N and keeps the rest as text', () => {
    expect(splitSnapshotRefs('Started running in aws-prod#65 environment')).toEqual([
      { kind: 'text', text: 'Started running in ' },
      { kind: 'snapshot', text: 'aws-prod#65', environment: 'aws-prod', index: 65 },
      { kind: 'text', text: ' environment' },
    ])
  })

  it('finds refs at either end and several in one text', () => {
    expect(splitSnapshotRefs('a#1 and b.c_d~e#22')).toEqual([
      { kind: 'snapshot', text: 'a#1', environment: 'a', index: 1 },
      { kind: 'text', text: ' and ' },
      { kind: 'snapshot', text: 'b.c_d~e#22', environment: 'b.c_d~e', index: 22 },
    ])
  })

  it('does not link deployment numbers, #0 or a bare #N', () => {
    for (const text of ['Deployment #18 to aws-beta environment', 'x#0 y', 'see #12']) {
      expect(splitSnapshotRefs(text).every((segment) => segment.kind === 'text')).toBe(true)
    }
  })

  it('always reassembles to the original text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(
          splitSnapshotRefs(text)
            .map((segment) => segment.text)
            .join(''),
        ).toBe(text)
      }),
    )
  })
})

describe('eventEnvironments', () => {
  it('names the environment of snapshot refs and of legacy deployments', () => {
    expect(eventEnvironments('Started running in aws-prod#65 environment')).toEqual(['aws-prod'])
    expect(eventEnvironments('Deployment #18 to aws-beta environment')).toEqual(['aws-beta'])
    expect(eventEnvironments('Artifact created')).toEqual([])
  })
})

describe('buildTimeline', () => {
  const none = { kinds: [], environments: [] }

  it('groups the seed by day in the chosen zone and shows gaps between rows', () => {
    const days = buildTimeline(SEED, none, 'UTC')
    expect(days.map((day) => [day.key, day.entries.length])).toEqual([
      ['2022-08-22', 6],
      ['2022-08-24', 4],
    ])
    const gaps = days.flatMap((day) => day.entries.map((entry) => entry.gap))
    expect(gaps.slice(0, 3)).toEqual([null, 62, 75])
  })

  it('puts a late-evening UTC event on the next day in Berlin', () => {
    const late = [
      {
        event: 'Artifact created',
        type: null,
        timestamp: Date.parse('2022-08-22T23:30:00Z') / 1000,
      },
    ]
    expect(buildTimeline(late, none, 'UTC')[0]?.key).toBe('2022-08-22')
    expect(buildTimeline(late, none, 'Europe/Berlin')[0]?.key).toBe('2022-08-23')
  })

  it('sorts out-of-order history', () => {
    const days = buildTimeline([...SEED].reverse(), none, 'UTC')
    expect(days[0]?.entries[0]?.event.event).toBe('Artifact created')
  })

  it('filters by kind and by environment, with gaps between the rows shown', () => {
    const started = buildTimeline(SEED, { kinds: ['started'], environments: [] }, 'UTC')
    expect(started.flatMap((day) => day.entries.map((entry) => entry.event.event))).toEqual([
      'Started running in aws-beta#84 environment',
      'Started running in aws-prod#65 environment',
    ])
    expect(started[0]?.entries[1]?.gap).toBe(54)

    const prod = buildTimeline(SEED, { kinds: [], environments: ['aws-prod'] }, 'UTC')
    expect(prod.flatMap((day) => day.entries.map((entry) => entry.event.event))).toEqual([
      'Deployment #19 to aws-prod environment',
      'Started running in aws-prod#65 environment',
      'Scaled down from 3 to 1 in aws-prod#94 environment',
      'No longer running in aws-prod#96 environment',
    ])

    const both = buildTimeline(SEED, { kinds: ['stopped'], environments: ['aws-beta'] }, 'UTC')
    expect(both.flatMap((day) => day.entries.map((entry) => entry.event.event))).toEqual([
      'No longer running in aws-beta#119 environment',
    ])
  })

  it('keeps every event exactly once when unfiltered', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            event: fc.string(),
            type: fc.constant(null),
            timestamp: fc.integer({ min: 0, max: 2_000_000_000 }),
          }),
        ),
        (history) => {
          const days = buildTimeline(history, none, 'UTC')
          const shown = days.flatMap((day) => day.entries)
          expect(shown).toHaveLength(history.length)
          for (const [index, entry] of shown.entries()) {
            if (index > 0) expect(entry.gap).toBeGreaterThanOrEqual(0)
          }
        },
      ),
    )
  })
})

describe('timelineFacets', () => {
  it('lists the kinds in a fixed order and the environments sorted', () => {
    expect(timelineFacets(SEED)).toEqual({
      kinds: ['created', 'evidence', 'deployment', 'started', 'scaled', 'stopped'],
      environments: ['aws-beta', 'aws-prod'],
    })
  })
})

describe('timeline filter in the URL', () => {
  it('parses comma lists and repeated params, dropping unknown kinds', () => {
    expect(
      parseTimelineFilter(new URLSearchParams('kind=started,bogus&kind=stopped&env=aws-prod')),
    ).toEqual({ kinds: ['started', 'stopped'], environments: ['aws-prod'] })
    expect(parseTimelineFilter(new URLSearchParams(''))).toEqual({ kinds: [], environments: [] })
  })

  it('round-trips and keeps unrelated params', () => {
    const filter = { kinds: ['scaled' as const], environments: ['aws-beta', 'aws-prod'] }
    const written = writeTimelineFilter(new URLSearchParams('tab=x'), filter)
    expect(written.get('tab')).toBe('x')
    expect(parseTimelineFilter(written)).toEqual(filter)
    expect(writeTimelineFilter(written, { kinds: [], environments: [] }).toString()).toBe('tab=x')
  })
})

describe('firstEntries', () => {
  const days = buildTimeline(SEED, { kinds: [], environments: [] }, 'UTC')

  it('cuts the day where the limit falls and keeps the days before it whole', () => {
    const head = firstEntries(days, 8)
    expect(head.map((day) => [day.key, day.entries.length])).toEqual([
      ['2022-08-22', 6],
      ['2022-08-24', 2],
    ])
    expect(head[0]).toBe(days[0])
    expect(head[1]?.entries.map((entry) => entry.position)).toEqual([6, 7])
  })

  it('returns every day when the limit is larger than the history, and none for zero', () => {
    expect(firstEntries(days, 100)).toEqual(days)
    expect(firstEntries(days, 0)).toEqual([])
  })
})
