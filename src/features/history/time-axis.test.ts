import { describe, expect, it } from 'vitest'
import { parseHistoryRange, withHistoryRange } from './history-range'
import { timeScale, timeTicks } from './time-axis'
import { panView, zoomView } from './history-chart'

const T = Date.UTC(2022, 7, 22, 6, 0, 0) / 1000 // 2022-08-22T06:00:00Z

describe('timeScale and timeTicks', () => {
  it('maps times to pixels and back', () => {
    const scale = timeScale(T, T + 1000, 500)
    expect(scale.x(T + 500)).toBe(250)
    expect(scale.time(100)).toBe(T + 200)
  })

  it('puts calendar-aligned ticks in UTC, with the date at midnight', () => {
    const ticks = timeTicks(timeScale(T, T + 66 * 3600, 1100), 'UTC')
    expect(ticks.map((tick) => tick.label)).toEqual([
      '12:00',
      '23 Aug',
      '12:00',
      '24 Aug',
      '12:00',
      '25 Aug',
    ])
    expect(ticks[1]?.time).toBe(Date.UTC(2022, 7, 23) / 1000)
  })

  it('labels months over years of history', () => {
    const ticks = timeTicks(timeScale(T, T + 4 * 365 * 86400, 1100), 'UTC')
    expect(ticks.length).toBeGreaterThan(4)
    expect(ticks.length).toBeLessThanOrEqual(11)
    for (const tick of ticks) expect(new Date(tick.time * 1000).getUTCDate()).toBe(1)
  })
})

describe('zoomView and panView', () => {
  const bounds = { from: T - 86400, to: T + 86400 }
  it('zooms around a moment and stays inside the history', () => {
    expect(zoomView({ from: T - 1000, to: T + 1000 }, 0.5, T, bounds)).toEqual({
      from: T - 500,
      to: T + 500,
    })
    expect(zoomView({ from: T - 100, to: T + 100 }, 1e6, T, bounds)).toEqual(bounds)
  })
  it('pans, stopping at either end', () => {
    expect(panView({ from: T, to: T + 3600 }, 600, bounds)).toEqual({
      from: T + 600,
      to: T + 4200,
    })
    expect(panView({ from: T, to: T + 3600 }, -1e9, bounds)).toEqual({
      from: bounds.from,
      to: bounds.from + 3600,
    })
  })
})

describe('the ?from=&to= window', () => {
  it('reads ISO times and unix seconds, ignores what it cannot read', () => {
    expect(
      parseHistoryRange(new URLSearchParams('from=2022-08-22T06:00:00Z&to=1661385600')),
    ).toEqual({ from: T, to: 1661385600 })
    expect(parseHistoryRange(new URLSearchParams('from=yesterday&to=2022-08-22T06:00'))).toEqual({
      from: null,
      to: T,
    })
    expect(parseHistoryRange(new URLSearchParams('from=1661385600&to=1661155200'))).toEqual({
      from: null,
      to: null,
    })
  })
  it('writes UTC and keeps the other parameters', () => {
    const next = withHistoryRange(new URLSearchParams('history=table'), { from: T, to: null })
    expect(next.toString()).toBe('history=table&from=2022-08-22T06%3A00%3A00Z')
  })
})
