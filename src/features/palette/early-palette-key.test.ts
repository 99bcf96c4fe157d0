import { afterEach, describe, expect, it } from 'vitest'
import {
  earlyPaletteKeyPressed,
  listenForEarlyPaletteKey,
  stopEarlyPaletteKey,
} from './early-palette-key'

function pressPaletteKey(): KeyboardEvent {
  const press = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true })
  window.dispatchEvent(press)
  return press
}

afterEach(() => {
  stopEarlyPaletteKey()
})

describe('the palette key pressed while the page starts', () => {
  it('is kept, and the browser does not act on it', () => {
    listenForEarlyPaletteKey()
    const press = pressPaletteKey()
    expect(press.defaultPrevented).toBe(true)
    expect(earlyPaletteKeyPressed()).toBe(true)
  })

  it('is still reported when it comes after the shortcuts first looked, before they listen', () => {
    listenForEarlyPaletteKey()
    expect(earlyPaletteKeyPressed()).toBe(false)
    pressPaletteKey()
    expect(stopEarlyPaletteKey()).toBe(true)
  })

  it('is not heard once the shortcuts listen themselves', () => {
    listenForEarlyPaletteKey()
    expect(stopEarlyPaletteKey()).toBe(false)
    const press = pressPaletteKey()
    expect(press.defaultPrevented).toBe(false)
    expect(earlyPaletteKeyPressed()).toBe(false)
  })

  it('ignores other keys', () => {
    listenForEarlyPaletteKey()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', cancelable: true }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', ctrlKey: true }))
    expect(stopEarlyPaletteKey()).toBe(false)
  })
})
