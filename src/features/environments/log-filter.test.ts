import { describe, expect, it } from 'vitest'
import type { EnvironmentEvent } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { eventsRange, needsWholeHistory, parseEventsTabParams } from './environment-params'
import { flowOptions, logExportName, matchesLogFilter, typeOptions } from './log-filter'

function event(change: Partial<EnvironmentEvent>): EnvironmentEvent {
  const at = Date.UTC(2022, 7, 22, 9, 35) / 1000
  const name = '244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990'
  return environmentEvent('aws-prod', 65, 'started-compliant', at, name, {
    fingerprint: '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625',
    description: '3 instances started running (from 0 to 3)',
    ...change,
  })
}

const none = { type: '', flow: '', artifact: '' }
const open = { from: null, to: null }

describe('matchesLogFilter', () => {
  it('takes "started" for every verdict of a start, and nothing else', () => {
    const filter = { ...none, type: 'started' }
    expect(matchesLogFilter(event({ type: 'started' }), filter, open)).toBe(true)
    expect(matchesLogFilter(event({ type: 'started-non-compliant' }), filter, open)).toBe(true)
    expect(matchesLogFilter(event({ type: 'exited' }), filter, open)).toBe(false)
    expect(matchesLogFilter(event({ type: 'started' }), { ...none, type: 'exited' }, open)).toBe(
      false,
    )
  })

  it('matches a flow as the primary flow or any reporting flow, and "-" as no provenance', () => {
    const promoted = event({ flows: ['runner', 'production-promotion'] })
    expect(matchesLogFilter(promoted, { ...none, flow: 'production-promotion' }, open)).toBe(true)
    expect(matchesLogFilter(promoted, { ...none, flow: 'saver' }, open)).toBe(false)
    expect(matchesLogFilter(promoted, { ...none, flow: '-' }, open)).toBe(false)
    expect(matchesLogFilter(event({ flow: null, flows: [] }), { ...none, flow: '-' }, open)).toBe(
      true,
    )
  })

  it('finds an artifact by name, commit tag or fingerprint prefix, in any case', () => {
    const runner = event({})
    for (const text of ['runner', 'runner:16d9990', 'RUNNER:16D', '9af401c4']) {
      expect(matchesLogFilter(runner, { ...none, artifact: text }, open)).toBe(true)
    }
    // A fingerprint's middle is not a prefix.
    expect(matchesLogFilter(runner, { ...none, artifact: '350b21e3' }, open)).toBe(false)
    expect(matchesLogFilter(runner, { ...none, artifact: 'saver' }, open)).toBe(false)
  })

  it('keeps the range inclusive at both ends and drops events with no time when bounded', () => {
    const at = Date.UTC(2022, 7, 22, 9, 35) / 1000
    expect(matchesLogFilter(event({}), none, { from: at, to: at })).toBe(true)
    expect(matchesLogFilter(event({}), none, { from: at + 1, to: null })).toBe(false)
    expect(matchesLogFilter(event({}), none, { from: null, to: at - 1 })).toBe(false)
    expect(matchesLogFilter(event({ reportedAt: null }), none, { from: at, to: null })).toBe(false)
    expect(matchesLogFilter(event({ reportedAt: null }), none, open)).toBe(true)
  })
})

describe('the log URL', () => {
  it('reads a quarter as UTC days, the last one whole', () => {
    const params = parseEventsTabParams(
      new URLSearchParams('type=started&from=2026-07-01&to=2026-09-30'),
    )
    expect(eventsRange(params)).toEqual({
      from: Date.UTC(2026, 6, 1) / 1000,
      to: Date.UTC(2026, 9, 1) / 1000 - 1,
    })
    // A moment is taken as it is.
    expect(eventsRange({ from: '', to: '2026-09-30T12:00:00Z' })).toEqual({
      from: null,
      to: Date.UTC(2026, 8, 30, 12) / 1000,
    })
  })

  it('needs the whole history only for filters the API cannot apply', () => {
    const read = (search: string) =>
      needsWholeHistory(parseEventsTabParams(new URLSearchParams(search)))
    expect(read('from=2026-07-01&to=2026-09-30&order=oldest&page=3')).toBe(false)
    expect(read('type=exited')).toBe(true)
    expect(read('flow=runner-ci')).toBe(true)
    expect(read('artifact=runner')).toBe(true)
  })

  it('names an export after what it holds, safe as a file name', () => {
    const params = parseEventsTabParams(
      new URLSearchParams('type=started&artifact=runner:16d9990&from=2026-07-01&to=2026-09-30'),
    )
    expect(logExportName('cyber-dojo', 'aws-prod', params)).toBe(
      'cyber-dojo-aws-prod-log-started-runner_16d9990-from-2026-07-01-to-2026-09-30',
    )
  })
})

describe('filter choices', () => {
  it('offers the known types, those seen and the current one, once each', () => {
    const options = typeOptions([event({ type: 'odd-new-type' }), event({})], 'exited')
    const values = options.map(([value]) => value)
    expect(values).toContain('odd-new-type')
    expect(values).toContain('started')
    expect(new Set(values).size).toBe(values.length)
    expect(options.find(([value]) => value === 'started')?.[1]).toBe('started (any verdict)')
  })

  it('offers every flow seen, and keeps the current one', () => {
    expect(flowOptions([event({ flows: ['runner', 'snyk'] })], 'saver')).toEqual([
      'runner',
      'saver',
      'snyk',
    ])
    expect(flowOptions([], '-')).toEqual([])
  })
})
