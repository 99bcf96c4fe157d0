import { describe, expect, it } from 'vitest'
import {
  KEPT_COOKIE,
  MAX_KEPT_HINTS,
  keptCookieValue,
  keptHint,
  parseKeptCookie,
} from './kept-hint'

describe('kept-answer hints', () => {
  it('digests a URL to eight hex digits, the same every time, different per URL', () => {
    // FNV-1a's published values for '' and 'a'.
    expect(keptHint('')).toBe('811c9dc5')
    expect(keptHint('a')).toBe('e40c292c')
    const url = '/api/v2/snapshots/cyber-dojo/k8s-scale/1199'
    expect(keptHint(url)).toMatch(/^[0-9a-f]{8}$/)
    expect(keptHint(url)).toBe(keptHint(url))
    expect(keptHint(url)).not.toBe(keptHint('/api/v2/snapshots/cyber-dojo/k8s-scale/1198'))
  })

  it('writes distinct, well-formed digests, at most MAX_KEPT_HINTS of them', () => {
    expect(keptCookieValue([])).toBe('')
    expect(keptCookieValue(['0000000a', 'nonsense', '0000000a', '0000000b'])).toBe(
      '0000000a.0000000b',
    )
    const many = Array.from({ length: MAX_KEPT_HINTS + 5 }, (_, i) =>
      i.toString(16).padStart(8, '0'),
    )
    expect(keptCookieValue(many).split('.')).toHaveLength(MAX_KEPT_HINTS)
  })

  it('reads its own cookie among others, and nothing from a malformed one', () => {
    const header = `theme=dark; ${KEPT_COOKIE}=0000000a.0000000b; other=1`
    expect([...parseKeptCookie(header)]).toEqual(['0000000a', '0000000b'])
    expect(parseKeptCookie(undefined).size).toBe(0)
    expect(parseKeptCookie(`${KEPT_COOKIE}=`).size).toBe(0)
    expect([...parseKeptCookie(`${KEPT_COOKIE}=0000000a.<script>.ZZZZZZZZ`)]).toEqual(['0000000a'])
    expect(parseKeptCookie(`x${KEPT_COOKIE}=0000000a`).size).toBe(0)
    const long = `${KEPT_COOKIE}=${Array.from({ length: 200 }, () => '0000000a').join('.')}1`
    expect(parseKeptCookie(long).size).toBe(1)
  })
})
