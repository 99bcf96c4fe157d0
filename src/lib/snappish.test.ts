import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { envNameArbitrary, snappishArbitrary as anySnappish } from '@/test/snappish-arbitrary'
import {
  DOCUMENTED_AGO_UNITS,
  formatSnappish,
  isSnappishLike,
  parseSnappish,
  parseSnappishPair,
  snappishQueryValue,
  snapshotPathSegment,
  type Snappish,
} from './snappish'

function parsed(input: string): Snappish {
  const result = parseSnappish(input)
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`)
  return result.value
}

function parseError(input: string): string {
  const result = parseSnappish(input)
  if (result.ok) throw new Error(`expected ${input} to fail, got ${JSON.stringify(result.value)}`)
  return result.error
}

describe('parseSnappish: the forms the kosli CLI accepts', () => {
  it.each<[string, Snappish]>([
    ['prod', { kind: 'latest', env: 'prod' }],
    ['prod#42', { kind: 'index', env: 'prod', index: 42 }],
    ['prod~5', { kind: 'relative', env: 'prod', back: 5 }],
    ['prod@{2023-10-02T12:00:00}', { kind: 'time', env: 'prod', at: '2023-10-02T12:00:00' }],
    ['prod@{2.hours.ago}', { kind: 'ago', env: 'prod', amount: 2, unit: 'hours' }],
    ['prod@{now}', { kind: 'now', env: 'prod' }],
  ])('%s', (input, expected) => {
    expect(parseSnappish(input)).toEqual({ ok: true, value: expected })
  })
})

describe('parseSnappish: accepted variants', () => {
  it.each<[string, Snappish]>([
    ['aws-prod', { kind: 'latest', env: 'aws-prod' }],
    ['aws-prod#65', { kind: 'index', env: 'aws-prod', index: 65 }],
    ['aws-prod#1', { kind: 'index', env: 'aws-prod', index: 1 }],
    ['aws-prod#007', { kind: 'index', env: 'aws-prod', index: 7 }],
    ['aws-prod~0', { kind: 'relative', env: 'aws-prod', back: 0 }],
    ['aws-prod~1', { kind: 'relative', env: 'aws-prod', back: 1 }],
    ['  aws-prod#65\t\n', { kind: 'index', env: 'aws-prod', index: 65 }],
    ['my.env_2-x', { kind: 'latest', env: 'my.env_2-x' }],
    ['9env', { kind: 'latest', env: '9env' }],
    ['Prod', { kind: 'latest', env: 'Prod' }],
    ['prod@{NOW}', { kind: 'now', env: 'prod' }],
    ['prod@{1.hour.ago}', { kind: 'ago', env: 'prod', amount: 1, unit: 'hours' }],
    ['prod@{1.second.ago}', { kind: 'ago', env: 'prod', amount: 1, unit: 'seconds' }],
    ['prod@{30.minutes.ago}', { kind: 'ago', env: 'prod', amount: 30, unit: 'minutes' }],
    ['prod@{3.days.ago}', { kind: 'ago', env: 'prod', amount: 3, unit: 'days' }],
    ['prod@{1.week.ago}', { kind: 'ago', env: 'prod', amount: 1, unit: 'weeks' }],
    ['prod@{6.months.ago}', { kind: 'ago', env: 'prod', amount: 6, unit: 'months' }],
    ['prod@{2.Hours.AGO}', { kind: 'ago', env: 'prod', amount: 2, unit: 'hours' }],
    ['prod@{2024-02-29T23:59:59}', { kind: 'time', env: 'prod', at: '2024-02-29T23:59:59' }],
    ['prod@{2000-02-29T00:00:00}', { kind: 'time', env: 'prod', at: '2000-02-29T00:00:00' }],
  ])('%j', (input, expected) => {
    expect(parsed(input)).toEqual(expected)
  })
})

describe('parseSnappish: rejected forms and their messages', () => {
  it('#42 has no environment', () => {
    expect(parseError('#42')).toBe('Environment name is missing')
  })

  it.each(['', '   ', '~1', '@{now}'])('%j has no environment', (input) => {
    expect(parseError(input)).toBe('Environment name is missing')
  })

  it.each(['prod#4~2', 'prod~2#4', 'prod#4@{now}', 'prod~1@{now}', 'prod#4#5', 'prod~~1', '#4~2'])(
    '%s mixes separators',
    (input) => {
      expect(parseError(input)).toBe('Use only one of #, ~ or @')
    },
  )

  it.each(['prod#0', 'prod#-0', 'prod#abc', 'prod#', 'prod#1.5', 'prod#+3', 'prod# 3', 'prod#1e3'])(
    '%s is not a snapshot number',
    (input) => {
      expect(parseError(input)).toMatch(/^Snapshot number must be a positive whole number/)
    },
  )

  it('rejects a snapshot number too large to keep exactly', () => {
    expect(parseError('prod#99999999999999999999')).toMatch(/^Snapshot number must be/)
  })

  it.each(['prod~', 'prod~-1', 'prod~x', 'prod~1.5'])('%s is not a count back', (input) => {
    expect(parseError(input)).toMatch(/^Snapshots back must be a whole number of 0 or more/)
  })

  it.each([
    'prod@{2023-13-45T99:00:00}',
    'prod@{2023-02-29T00:00:00}',
    'prod@{1900-02-29T00:00:00}',
    'prod@{2023-04-31T00:00:00}',
    'prod@{2023-00-10T00:00:00}',
    'prod@{2023-01-00T00:00:00}',
    'prod@{2023-01-01T24:00:00}',
    'prod@{2023-01-01T00:60:00}',
    'prod@{2023-01-01T00:00:60}',
  ])('%s is not a real date-time', (input) => {
    expect(parseError(input)).toMatch(/is not a real date and time/)
  })

  it('quotes the bad date in the message', () => {
    expect(parseError('prod@{2023-13-45T99:00:00}')).toContain("'2023-13-45T99:00:00'")
  })

  it.each([
    [
      'prod@{yesterday}',
      "Unknown time expression 'yesterday' — use @{YYYY-MM-DDTHH:MM:SS} or @{N.hours.ago}",
    ],
    ['prod@{2023-10-02 12:00:00}', "Unknown time expression '2023-10-02 12:00:00'"],
    ['prod@{2023-10-02T12:00}', "Unknown time expression '2023-10-02T12:00'"],
    ['prod@{1.5.hours.ago}', "Unknown time expression '1.5.hours.ago'"],
    ['prod@{-2.hours.ago}', "Unknown time expression '-2.hours.ago'"],
    ['prod@{2.hours}', "Unknown time expression '2.hours'"],
    ['prod@{}', "Unknown time expression ''"],
  ])('%s is an unknown time expression', (input, message) => {
    expect(parseError(input)).toContain(message)
  })

  it.each(['prod@{2.fortnights.ago}', 'prod@{2.years.ago}', 'prod@{2.hourss.ago}'])(
    '%s names an unknown unit',
    (input) => {
      expect(parseError(input)).toMatch(/^Unknown time unit '.+' — use hours, days, weeks, months$/)
    },
  )

  it('rejects a zero amount', () => {
    expect(parseError('prod@{0.hours.ago}')).toBe(
      'Use a whole number of 1 or more in @{N.hours.ago}',
    )
  })

  it.each(['prod@now', 'prod@{now', 'prod@now}', 'prod@2023-10-02T12:00:00'])(
    '%s needs braces',
    (input) => {
      expect(parseError(input)).toMatch(/^Put the time expression in braces, e\.g\. prod@\{now\}/)
    },
  )

  it('asks for a time after a bare @', () => {
    expect(parseError('prod@')).toMatch(/^Time expression is missing after @/)
  })

  it.each(['aws prod', 'prod #42', 'prod\t#42'])('%j has whitespace in the name', (input) => {
    expect(parseError(input)).toBe('Environment name cannot contain spaces')
  })

  it.each([
    'prød',
    'prod/eu',
    'prod{x}',
    '-prod',
    '.prod',
    '_prod',
    'prod!',
    'ＰＲＯＤ',
    'prod＃1',
    'p😀',
  ])('%s is not an environment name', (input) => {
    expect(parseError(input)).toMatch(/^Environment name '.*' may contain only letters/)
  })

  it('clips very long input in messages', () => {
    const error = parseError('x'.repeat(500) + '!')
    expect(error.length).toBeLessThan(160)
    expect(error).toContain('…')
  })

  it('never throws on values that are not strings', () => {
    expect(parseSnappish(undefined as unknown as string).ok).toBe(false)
    expect(parseSnappish(42 as unknown as string).ok).toBe(false)
  })
})

const twoDigits = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'))
const snappishArbitrary = anySnappish(envNameArbitrary)

describe('parseSnappish: properties', () => {
  it('never throws, and always answers with a Result', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = parseSnappish(input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on strings built from the syntax characters', () => {
    const syntax = fc.string({
      unit: fc.constantFrom(
        'p',
        'r',
        '1',
        '0',
        '#',
        '~',
        '@',
        '{',
        '}',
        '.',
        '-',
        ':',
        'T',
        ' ',
        'now',
        'ago',
        'hours',
      ),
      maxLength: 30,
    })
    fc.assert(
      fc.property(syntax, (input) => {
        const result = parseSnappish(input)
        if (result.ok) expect(parseSnappish(formatSnappish(result.value))).toEqual(result)
      }),
      { numRuns: 3000 },
    )
  })

  it('format then parse round-trips every valid value', () => {
    fc.assert(
      fc.property(snappishArbitrary, (s) => {
        expect(parseSnappish(formatSnappish(s))).toEqual({ ok: true, value: s })
      }),
      { numRuns: 2000 },
    )
  })

  it('a parsed value formats back to an expression that means the same', () => {
    fc.assert(
      fc.property(snappishArbitrary, fc.constantFrom('', ' ', '\n'), (s, pad) => {
        const text = pad + formatSnappish(s) + pad
        expect(formatSnappish(parsed(text))).toBe(formatSnappish(s))
      }),
    )
  })

  it('time values are validated against the calendar, not only the shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2100 }),
        twoDigits(0, 19),
        twoDigits(0, 39),
        twoDigits(0, 29),
        (year, month, day, hour) => {
          const at = `${year}-${month}-${day}T${hour}:00:00`
          const date = new Date(`${at}Z`)
          const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === at
          expect(parseSnappish(`prod@{${at}}`).ok).toBe(real)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('formatSnappish', () => {
  it.each<[Snappish, string]>([
    [{ kind: 'latest', env: 'aws-prod' }, 'aws-prod'],
    [{ kind: 'now', env: 'aws-prod' }, 'aws-prod@{now}'],
    [{ kind: 'index', env: 'aws-prod', index: 65 }, 'aws-prod#65'],
    [{ kind: 'relative', env: 'aws-prod', back: 1 }, 'aws-prod~1'],
    [
      { kind: 'time', env: 'aws-prod', at: '2022-08-22T10:00:00' },
      'aws-prod@{2022-08-22T10:00:00}',
    ],
    [{ kind: 'ago', env: 'aws-prod', amount: 2, unit: 'hours' }, 'aws-prod@{2.hours.ago}'],
  ])('%j → %s', (s, text) => {
    expect(formatSnappish(s)).toBe(text)
  })

  it('writes singular input in the canonical plural', () => {
    expect(formatSnappish(parsed('prod@{1.hour.ago}'))).toBe('prod@{1.hours.ago}')
  })
})

describe('snapshotPathSegment', () => {
  it.each<[string, string]>([
    ['aws-prod', '-1'],
    ['aws-prod@{now}', '%40%7Bnow%7D'],
    ['aws-prod#65', '65'],
    ['aws-prod~1', '~1'],
    ['aws-prod~0', '~0'],
    ['aws-prod@{2023-10-02T12:00:00}', '%40%7B2023-10-02T12%3A00%3A00%7D'],
    ['aws-prod@{2.hours.ago}', '%40%7B2.hours.ago%7D'],
    ['aws-prod@{1.day.ago}', '%40%7B1.days.ago%7D'],
  ])('%s → %s', (input, segment) => {
    expect(snapshotPathSegment(parsed(input))).toBe(segment)
  })

  it('is always a single, safe path segment', () => {
    fc.assert(
      fc.property(snappishArbitrary, (s) => {
        expect(snapshotPathSegment(s)).toMatch(/^[A-Za-z0-9%.~_-]+$/)
      }),
    )
  })
})

describe('snappishQueryValue', () => {
  it.each<[string, string]>([
    ['aws-prod', 'aws-prod'],
    ['aws-prod#64', 'aws-prod#64'],
    ['aws-prod~5', 'aws-prod~5'],
    ['aws-prod@{2023-10-02T12:00:00}', 'aws-prod@{2023-10-02T12:00:00}'],
    ['aws-prod@{2.hours.ago}', 'aws-prod@{2.hours.ago}'],
    ['aws-prod@{now}', 'aws-prod'],
  ])('%s → %s', (input, value) => {
    expect(snappishQueryValue(parsed(input))).toBe(value)
  })

  it('parses back to the same snapshot (now becomes latest)', () => {
    fc.assert(
      fc.property(snappishArbitrary, (s) => {
        const back = parsed(snappishQueryValue(s))
        expect(back).toEqual(s.kind === 'now' ? { kind: 'latest', env: s.env } : s)
      }),
    )
  })
})

describe('isSnappishLike', () => {
  it.each([
    'aws-prod',
    'aws-prod#65',
    'aws-prod~1',
    'aws-prod@{2022-08-22T10:00:00}',
    'aws-prod@{now}',
    ' aws-prod#65 ',
    '16d9990',
  ])('%s looks like a snapshot', (input) => {
    expect(isSnappishLike(input)).toBe(true)
  })

  it.each([
    '',
    ' ',
    '#65',
    'runner:16d9990',
    'runner@9af401c4',
    'aws prod',
    'aws-prod#',
    'aws-prod#x',
    'aws-prod@now',
    'aws-prod@{}',
    'aws-prod#1~2',
    'a/b',
    'prød',
  ])('%j does not', (input) => {
    expect(isSnappishLike(input)).toBe(false)
  })

  it('holds for every formatted snapshot', () => {
    fc.assert(
      fc.property(snappishArbitrary, (s) => {
        expect(isSnappishLike(formatSnappish(s))).toBe(true)
      }),
    )
  })
})

describe('parseSnappishPair', () => {
  const p64: Snappish = { kind: 'index', env: 'aws-prod', index: 64 }
  const p65: Snappish = { kind: 'index', env: 'aws-prod', index: 65 }

  it.each([
    'aws-prod#64 aws-prod#65',
    '  aws-prod#64\taws-prod#65 ',
    'aws-prod#64..aws-prod#65',
    'aws-prod#64 .. aws-prod#65',
    'aws-prod#64.. aws-prod#65',
    'aws-prod#64 ..aws-prod#65',
  ])('%j', (input) => {
    expect(parseSnappishPair(input)).toEqual({ ok: true, value: [p64, p65] })
  })

  it('pairs mixed kinds and environments', () => {
    expect(parseSnappishPair('aws-beta@{2.days.ago}..aws-prod')).toEqual({
      ok: true,
      value: [
        { kind: 'ago', env: 'aws-beta', amount: 2, unit: 'days' },
        { kind: 'latest', env: 'aws-prod' },
      ],
    })
  })

  it('splits at the .. that leaves two valid sides when a name contains dots', () => {
    expect(parseSnappishPair('a.b..c.d')).toEqual({
      ok: true,
      value: [
        { kind: 'latest', env: 'a.b' },
        { kind: 'latest', env: 'c.d' },
      ],
    })
  })

  it.each(['', 'aws-prod#64', 'a b c', 'a .. b .. c', 'a..', '..b', 'a ..'])(
    '%j is not a pair',
    (input) => {
      expect(parseSnappishPair(input).ok).toBe(false)
    },
  )

  it('says which side is wrong', () => {
    expect(parseSnappishPair('aws-prod#0 aws-prod#65')).toEqual({
      ok: false,
      error: expect.stringMatching(/^First snapshot: Snapshot number must be/),
    })
    expect(parseSnappishPair('aws-prod#64..#65')).toEqual({
      ok: false,
      error: 'Second snapshot: Environment name is missing',
    })
  })

  it('round-trips generated pairs in both notations and never throws', () => {
    // 'a..b..c' is genuinely ambiguous when names contain '..', so generate names without it.
    const noDots = snappishArbitrary.filter((s) => !s.env.includes('..'))
    fc.assert(
      fc.property(noDots, noDots, fc.constantFrom(' ', '..', ' .. '), (a, b, sep) => {
        expect(parseSnappishPair(formatSnappish(a) + sep + formatSnappish(b))).toEqual({
          ok: true,
          value: [a, b],
        })
      }),
      { numRuns: 1000 },
    )
    fc.assert(fc.property(fc.string(), (input) => void parseSnappishPair(input)))
  })
})

describe('forms the server accepts and the CLI sends', () => {
  it.each([
    ['prod@{2026-08-19T10:00:00Z}', '2026-08-19T10:00:00Z'],
    ['prod@{2026-08-19T10:00:00.250Z}', '2026-08-19T10:00:00.250Z'],
    ['prod@{2026-08-19T10:00:00.5}', '2026-08-19T10:00:00.5'],
    ['prod@{2026-08-19}', '2026-08-19'],
  ])('%s is a time, sent as written', (text, at) => {
    const parsed = parseSnappish(text)
    expect(parsed).toEqual({ ok: true, value: { kind: 'time', env: 'prod', at } })
    if (parsed.ok) expect(snapshotPathSegment(parsed.value)).toBe(encodeURIComponent(`@{${at}}`))
  })

  it('still refuses a date that does not exist', () => {
    expect(parseSnappish('prod@{2026-02-30}').ok).toBe(false)
  })

  it('env#-1 counts back from the latest and is sent as -1', () => {
    const parsed = parseSnappish('prod#-1')
    expect(parsed).toEqual({ ok: true, value: { kind: 'fromEnd', env: 'prod', position: 1 } })
    if (!parsed.ok) return
    expect(snapshotPathSegment(parsed.value)).toBe('-1')
    expect(formatSnappish(parsed.value)).toBe('prod#-1')
    expect(snappishQueryValue(parsed.value)).toBe('prod#-1')
    expect(isSnappishLike('prod#-3')).toBe(true)
    expect(parseSnappish('prod#-0').ok).toBe(false)
  })

  it('suggests only the documented ago units', () => {
    expect(DOCUMENTED_AGO_UNITS).toEqual(['hours', 'days', 'weeks', 'months'])
    const parsed = parseSnappish('prod@{2.fortnights.ago}')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).not.toMatch(/seconds|minutes/)
  })
})
