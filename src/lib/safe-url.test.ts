import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeHref, sameRepositoryCompareUrl } from './safe-url'

const isHttpHref = (href: string) => {
  const url = new URL(href)
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    /^https?:\/\//.test(href)
  )
}

describe('safeHref: accepted', () => {
  it.each<[string, string]>([
    [
      'https://github.com/cyber-dojo/runner/commit/16d9990',
      'https://github.com/cyber-dojo/runner/commit/16d9990',
    ],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path?q=1#frag', 'https://example.com/Path?q=1#frag'],
    ['https://ci.example.com:8443/job/1', 'https://ci.example.com:8443/job/1'],
    ['https://example.com/a%20b', 'https://example.com/a%20b'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
    ['https://127.0.0.1/x', 'https://127.0.0.1/x'],
  ])('%s → %s', (input, href) => {
    expect(safeHref(input)).toBe(href)
  })
})

describe('safeHref: rejected', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'mailto:a@example.com',
    'blob:https://example.com/uuid',
    '//evil.example/x',
    '/relative/path',
    'relative/path',
    '?q=1',
    '#frag',
    'https:example.com',
    'https:/example.com',
    'https:\\\\evil.example',
    'https://\\evil.example',
    'https://',
    'https:// example.com',
    ' https://example.com',
    'https://example.com ',
    'https://example.com/\n',
    'https://exa\tmple.com',
    '\u200bhttps://example.com',
    'https://example.com/\u2028',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://github.com@evil.example/',
    'https://exa mple.com',
    'https://[::1',
    'http://%',
    '',
  ])('%j', (input) => {
    expect(safeHref(input)).toBeUndefined()
  })

  it.each([
    undefined,
    null,
    42,
    true,
    {},
    [],
    ['https://example.com'],
    new URL('https://example.com'),
  ])('non-string %j', (input) => {
    expect(safeHref(input)).toBeUndefined()
  })
})

const scriptish = fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'jar')
const noise = fc.constantFrom(
  '',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u000b',
  '\u000c',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '%09',
  '&#9;',
)

// Mix case and sprinkle obfuscation characters through a dangerous scheme.
const obfuscatedScheme = fc
  .tuple(
    scriptish,
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.array(noise, { minLength: 12, maxLength: 12 }),
  )
  .map(([scheme, upper, gaps]) => {
    const chars = [...scheme].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c))
    return (gaps[0] ?? '') + chars.map((c, i) => c + (gaps[(i + 1) % gaps.length] ?? '')).join('')
  })

describe('safeHref: properties', () => {
  it('never returns anything but an absolute http(s) href, for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.webUrl(),
          fc.string().map((s) => 'https://' + s),
        ),
        (input) => {
          const href = safeHref(input)
          if (href !== undefined) expect(isHttpHref(href)).toBe(true)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('rejects generated obfuscations of dangerous schemes', () => {
    fc.assert(
      fc.property(
        obfuscatedScheme,
        fc.constantFrom(':alert(1)', '://x/%0Aalert(1)', ':text/html,x', ':'),
        (scheme, rest) => {
          expect(safeHref(scheme + rest)).toBeUndefined()
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('accepts generated web URLs and is idempotent on its output', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (input) => {
        const href = safeHref(input)
        if (href === undefined) return
        expect(safeHref(href)).toBe(href)
      }),
      { numRuns: 1000 },
    )
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a')
  })

  it('rejects any URL carrying credentials', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,8}$/),
        fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/)),
        (user, pass) => {
          const auth = pass === null ? user : `${user}:${pass}`
          expect(safeHref(`https://${auth}@example.com/`)).toBeUndefined()
        },
      ),
    )
  })
})

describe('sameRepositoryCompareUrl', () => {
  const A = '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4'
  const B = '85d83c6ab8e3ef6a4d8e8b2b4e1e2f1c0d9a8b7c'

  it('builds a GitHub compare link', () => {
    expect(
      sameRepositoryCompareUrl(
        `https://github.com/cyber-dojo/runner/commit/${A}`,
        `https://github.com/cyber-dojo/runner/commit/${B}`,
      ),
    ).toBe(`https://github.com/cyber-dojo/runner/compare/${A}...${B}`)
  })

  it('treats owner/repo case-insensitively and ignores query, fragment and trailing slash', () => {
    expect(
      sameRepositoryCompareUrl(
        `https://github.com/Cyber-Dojo/Runner/commit/${A}?diff=split`,
        `https://github.com/cyber-dojo/runner/commit/${B}/#L1`,
      ),
    ).toBe(`https://github.com/Cyber-Dojo/Runner/compare/${A}...${B}`)
  })

  it('works for a GitHub Enterprise host', () => {
    expect(
      sameRepositoryCompareUrl(
        `https://git.corp.example/o/r/commit/${A}`,
        `https://git.corp.example/o/r/commit/${B}`,
      ),
    ).toBe(`https://git.corp.example/o/r/compare/${A}...${B}`)
  })

  it('builds a GitLab compare link, including nested groups', () => {
    expect(
      sameRepositoryCompareUrl(
        `https://gitlab.com/g/p/-/commit/${A}`,
        `https://gitlab.com/g/p/-/commit/${B}`,
      ),
    ).toBe(`https://gitlab.com/g/p/-/compare/${A}...${B}`)
    expect(
      sameRepositoryCompareUrl(
        `https://gitlab.com/g/sub/p/-/commit/${A}`,
        `https://gitlab.com/g/sub/p/-/commit/${B}`,
      ),
    ).toBe(`https://gitlab.com/g/sub/p/-/compare/${A}...${B}`)
  })

  it('builds a Bitbucket compare link (newer first)', () => {
    expect(
      sameRepositoryCompareUrl(
        `https://bitbucket.org/ws/repo/commits/${A}`,
        `https://bitbucket.org/ws/repo/commits/${B}`,
      ),
    ).toBe(`https://bitbucket.org/ws/repo/branches/compare/${B}%0D${A}`)
  })

  it.each<[string | null | undefined, string | null | undefined]>([
    [null, `https://github.com/o/r/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, undefined],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/o/other/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/x/r/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `https://gitlab.com/o/r/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `http://github.com/o/r/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/o/r/commit/${A}`],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/o/r/commit/${A.toUpperCase()}`],
    [`https://github.com/o/r/commit/${A}`, `https://gitlab.com/o/r/-/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/o/r/tree/${B}`],
    [`https://github.com/o/r/commit/main`, `https://github.com/o/r/commit/${B}`],
    [`https://github.com/o/r/commit/${A}`, `https://github.com/o/r/pull/12`],
    [`https://github.com/o/r/commit/${A}`, `javascript:alert(1)//github.com/o/r/commit/${B}`],
    [`https://x:y@github.com/o/r/commit/${A}`, `https://github.com/o/r/commit/${B}`],
    [`https://github.com/o/commit/${A}`, `https://github.com/o/commit/${B}`],
    ['', ''],
  ])('%s vs %s → undefined', (from, to) => {
    expect(sameRepositoryCompareUrl(from, to)).toBeUndefined()
  })

  it('only ever returns safe hrefs', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const url = sameRepositoryCompareUrl(
          `https://github.com/o/r/commit/${a}`,
          `https://github.com/o/r/commit/${b}`,
        )
        if (url !== undefined) expect(safeHref(url)).toBe(url)
      }),
    )
  })
})
