import { describe, expect, it } from 'vitest'
import { environmentEvent } from '@/test/environment-event'
import { groupByDay, mergeActivity } from './activity'
import { createLimiter } from './limit'

const event = environmentEvent

const DAY = 86_400
// 2022-08-22T09:39:22Z, aws-prod#65
const T = 1661161162

describe('activity', () => {
  it('merges the logs newest first, in the window, each event once', () => {
    const prod = [
      event('aws-prod', 64, 'exited', T - 9000),
      event('aws-prod', 65, 'started-compliant', T),
    ]
    const beta = [
      event('aws-beta', 84, 'started-compliant', T - 3600),
      event('aws-beta', 10, 'scaled', T - 40 * DAY),
    ]
    const merged = mergeActivity([prod, beta, prod], T - 7 * DAY, T)
    expect(merged.map((e) => `${e.env}#${e.snapshotIndex} ${e.kind}`)).toEqual([
      'aws-prod#65 started',
      'aws-beta#84 started',
      'aws-prod#64 stopped',
    ])
    expect(mergeActivity([prod], T + 1, T + 2)).toEqual([])
  })

  it('groups by calendar day in the chosen zone', () => {
    const merged = mergeActivity(
      [[event('a', 2, 'scaled', T), event('a', 1, 'scaled', T - 10 * 3600)]],
      0,
      T,
    )
    expect(groupByDay(merged, { timeZone: 'UTC' }).map((d) => [d.day, d.entries.length])).toEqual([
      ['2022-08-22', 1],
      ['2022-08-21', 1],
    ])
    // 23:39 UTC the day before is already the 22nd in Berlin.
    expect(groupByDay(merged, { timeZone: 'Europe/Berlin' }).map((d) => d.entries.length)).toEqual([
      2,
    ])
  })
})

describe('createLimiter', () => {
  it('runs at most N tasks at a time, in order, and passes results and failures through', async () => {
    const run = createLimiter(2)
    let active = 0
    let peak = 0
    const started: number[] = []
    const gates: Array<() => void> = []
    const task = (n: number) => () => {
      started.push(n)
      active += 1
      peak = Math.max(peak, active)
      return new Promise<number>((resolve, reject) => {
        gates.push(() => {
          active -= 1
          if (n === 3) reject(new Error('three'))
          else resolve(n * 10)
        })
      })
    }
    const results = [1, 2, 3, 4].map((n) => run(task(n)))
    expect(started).toEqual([1, 2])
    while (gates.length) {
      gates.shift()?.()
      await Promise.resolve()
      await Promise.resolve()
      await Promise.resolve()
    }
    const settled = await Promise.allSettled(results)
    expect(started).toEqual([1, 2, 3, 4])
    expect(peak).toBe(2)
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : 'failed'))).toEqual([
      10,
      20,
      'failed',
      40,
    ])
  })

  it('starts the next task when one releases its slot, and counts a slot once', async () => {
    const run = createLimiter(1)
    const started: string[] = []
    let releaseFirst = () => {}
    let finishFirst = () => {}
    const first = run((release) => {
      started.push('first')
      releaseFirst = release
      return new Promise<void>((resolve) => (finishFirst = resolve))
    })
    const second = run(async () => {
      started.push('second')
    })
    const third = run(async () => {
      started.push('third')
    })
    expect(started).toEqual(['first'])
    releaseFirst()
    releaseFirst()
    // Releasing twice freed one slot, not two: the third waits for the second to settle.
    expect(started).toEqual(['first', 'second'])
    await second
    await third
    expect(started).toEqual(['first', 'second', 'third'])
    finishFirst()
    await first
  })
})
