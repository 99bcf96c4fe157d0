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

  it('leaves out a week or fortnight tick a few days before the 1st of the next month', () => {
    // Four months at chart width: a fortnight step, 1st and 15th of each month (the 29th was a
    // tick too, printed over the 1st's label 2–3 days later).
    const from = Date.UTC(2026, 7, 5) / 1000
    const fortnights = timeTicks(timeScale(from, Date.UTC(2026, 11, 7) / 1000, 1050), 'UTC')
    expect(fortnights.map((tick) => tick.label)).toEqual([
      '15 Aug',
      '1 Sept',
      '15 Sept',
      '1 Oct',
      '15 Oct',
      '1 Nov',
      '15 Nov',
      '1 Dec',
    ])
    // Weeks: the 1st, 8th, 15th and 22nd; the 29th would crowd the 1st.
    const weeks = timeTicks(timeScale(from, Date.UTC(2026, 9, 1) / 1000, 900), 'UTC')
    const days = weeks.map((tick) => new Date(tick.time * 1000).getUTCDate())
    expect(days).toEqual([8, 15, 22, 1, 8, 15, 22, 1])
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
