import { describe, expect, it } from 'vitest'
import { isSkimming } from './snapshot-table'

describe('isSkimming', () => {
  const screen = 640

  it('skims while a scroll jumps more than a screen between updates', () => {
    expect(isSkimming(true, 2 * screen, screen)).toBe(true)
    expect(isSkimming(true, screen + 1, screen)).toBe(true)
  })

  it('draws full rows for wheel, keyboard and page-by-page scrolling', () => {
    expect(isSkimming(true, 100, screen)).toBe(false)
    expect(isSkimming(true, screen, screen)).toBe(false)
  })

  it('draws full rows once the scroll stops, however far it went', () => {
    expect(isSkimming(false, 100 * screen, screen)).toBe(false)
  })

  it('never skims before the table has a size', () => {
    expect(isSkimming(true, 5000, 0)).toBe(false)
  })
})
