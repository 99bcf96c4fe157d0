import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dayKey,
  formatAbsolute,
  formatCompactAbsolute,
  formatDayHeading,
  formatDuration,
  formatGap,
  formatRelative,
  parseDateTimeInput,
  isoTime,
  timeZoneLabel,
  toDateTimeInput,
  toSeconds,
  toSnappishTime,
} from './time'

// The seed's runner:16d9990 start in aws-prod: 2022-08-22T09:35:00Z.
const SEED = 1661160900
const BERLIN = { timeZone: 'Europe/Berlin' }
const UTC = { timeZone: 'UTC' }
const NEW_YORK = { timeZone: 'America/New_York' }

describe('formatCompactAbsolute', () => {
  it('drops the weekday and seconds but keeps the zone', () => {
    expect(formatCompactAbsolute(SEED, BERLIN)).toBe('22 Aug 2022 11:35 CEST')
    expect(formatCompactAbsolute(1671700500, NEW_YORK)).toBe('22 Dec 2022 04:15 EST')
    expect(formatCompactAbsolute(Number.NaN, UTC)).toBe(formatAbsolute(Number.NaN, UTC))
  })
})

describe('formatAbsolute', () => {
  it('matches the CLI in Europe/Berlin, with the CEST abbreviation', () => {
    expect(formatAbsolute(SEED, BERLIN)).toBe('Mon, 22 Aug 2022 11:35:00 CEST')
  })

  it('uses CET in Berlin winter', () => {
    expect(formatAbsolute(1671700500, BERLIN)).toBe('Thu, 22 Dec 2022 10:15:00 CET')
  })

  it('formats UTC', () => {
    expect(formatAbsolute(SEED, UTC)).toBe('Mon, 22 Aug 2022 09:35:00 UTC')
  })

  it('formats America/New_York in summer and winter', () => {
    expect(formatAbsolute(SEED, NEW_YORK)).toBe('Mon, 22 Aug 2022 05:35:00 EDT')
    expect(formatAbsolute(1671700500, NEW_YORK)).toBe('Thu, 22 Dec 2022 04:15:00 EST')
  })

  it('keeps remembered texts apart per zone', () => {
    const berlin = formatAbsolute(SEED, BERLIN)
    expect(formatAbsolute(SEED, NEW_YORK)).toBe('Mon, 22 Aug 2022 05:35:00 EDT')
    expect(formatAbsolute(SEED, BERLIN)).toBe(berlin)
    expect(formatAbsolute(SEED + 1, BERLIN)).toBe('Mon, 22 Aug 2022 11:35:01 CEST')
  })

  it('crosses the date line into the previous day', () => {
    expect(formatAbsolute(1661126400, NEW_YORK)).toBe('Sun, 21 Aug 2022 20:00:00 EDT')
  })

  it('uses a GMT offset where no abbreviation exists', () => {
    expect(formatAbsolute(SEED, { timeZone: 'Asia/Kolkata' })).toBe(
      'Mon, 22 Aug 2022 15:05:00 GMT+5:30',
    )
  })

  it("writes September as 'Sep' (RFC 1123), not en-GB's 'Sept'", () => {
    expect(formatAbsolute(1662976800, UTC)).toBe('Mon, 12 Sep 2022 10:00:00 UTC')
  })

  it('pads hours and never prints 24:00', () => {
    expect(formatAbsolute(1661126400, UTC)).toBe('Mon, 22 Aug 2022 00:00:00 UTC')
    expect(formatAbsolute(1661126405, BERLIN)).toBe('Mon, 22 Aug 2022 02:00:05 CEST')
  })

  it('drops fractional seconds rather than rounding into the next second', () => {
    expect(formatAbsolute(1661160899.999, UTC)).toBe('Mon, 22 Aug 2022 09:34:59 UTC')
  })

  it("'local' follows the runtime zone (UTC in tests)", () => {
    expect(formatAbsolute(SEED, { timeZone: 'local' })).toBe('Mon, 22 Aug 2022 09:35:00 UTC')
  })

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatAbsolute(SEED, { timeZone: 'Mars/Olympus' })).toBe('Mon, 22 Aug 2022 09:35:00 UTC')
  })

  it.each([NaN, Infinity, -Infinity, null, undefined, '1661160900', 1e20])(
    '%j → unknown',
    (value) => {
      expect(formatAbsolute(value as number, UTC)).toBe('unknown')
    },
  )

  it('never says Invalid Date, whatever the number', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
        (ts, zone) => {
          const text = formatAbsolute(ts, { timeZone: zone })
          expect(text).not.toContain('Invalid')
          expect(text).not.toContain('NaN')
        },
      ),
    )
  })
})

describe('formatDayHeading and dayKey', () => {
  it('name the day in the zone', () => {
    expect(formatDayHeading(SEED, BERLIN)).toBe('Mon, 22 Aug 2022')
    expect(dayKey(SEED, BERLIN)).toBe('2022-08-22')
  })

  it('put a late-evening New York event on its local day', () => {
    // 2022-08-22T02:00:00Z is 22:00 on the 21st in New York and 04:00 on the 22nd in Berlin.
    const ts = 1661133600
    expect(dayKey(ts, NEW_YORK)).toBe('2022-08-21')
    expect(formatDayHeading(ts, NEW_YORK)).toBe('Sun, 21 Aug 2022')
    expect(dayKey(ts, BERLIN)).toBe('2022-08-22')
    expect(dayKey(ts, UTC)).toBe('2022-08-22')
  })

  it('split a Berlin day at local midnight, not UTC midnight', () => {
    // 21:59:59Z and 22:00:00Z on 21 Aug are either side of Berlin midnight.
    expect(dayKey(1661119199, BERLIN)).toBe('2022-08-21')
    expect(dayKey(1661119200, BERLIN)).toBe('2022-08-22')
  })

  it('pad months and days', () => {
    expect(dayKey(1641000000, UTC)).toBe('2022-01-01')
    expect(formatDayHeading(1641000000, UTC)).toBe('Sat, 01 Jan 2022')
  })

  it('return unknown for invalid input', () => {
    expect(dayKey(NaN, UTC)).toBe('unknown')
    expect(formatDayHeading(NaN, UTC)).toBe('unknown')
  })

  it('dayKey agrees with the ISO date in UTC and sorts like time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }),
        fc.integer({ min: 0, max: 4_102_444_800 }),
        (a, b) => {
          expect(dayKey(a, UTC)).toBe(new Date(a * 1000).toISOString().slice(0, 10))
          const [ka, kb] = [dayKey(a, BERLIN), dayKey(b, BERLIN)]
          if (a <= b) expect(ka <= kb).toBe(true)
        },
      ),
    )
  })
})

describe('formatRelative', () => {
  const now = SEED * 1000
  it.each<[number, string]>([
    [0, 'just now'],
    [-44, 'just now'],
    [44, 'just now'],
    [-45, '1 minute ago'],
    [-90, '2 minutes ago'],
    [180, 'in 3 minutes'],
    [-44 * 60, '44 minutes ago'],
    [-45 * 60, '1 hour ago'],
    [-5 * 3600, '5 hours ago'],
    [-21 * 3600, '21 hours ago'],
    [-22 * 3600, 'yesterday'],
    [22 * 3600, 'tomorrow'],
    [-15 * 86400, '15 days ago'],
    [-25 * 86400, '25 days ago'],
    [-26 * 86400, 'last month'],
    [-100 * 86400, '3 months ago'],
    [-319 * 86400, '10 months ago'],
    [-320 * 86400, 'last year'],
    [-4 * 365 * 86400, '4 years ago'],
    [3 * 365 * 86400, 'in 3 years'],
  ])('%i s → %s', (delta, text) => {
    expect(formatRelative(SEED + delta, now)).toBe(text)
  })

  it('says 4 years ago for the seed seen from 2026', () => {
    expect(formatRelative(SEED, Date.UTC(2026, 7, 1))).toBe('4 years ago')
  })

  it('returns unknown for invalid input', () => {
    expect(formatRelative(NaN, now)).toBe('unknown')
    expect(formatRelative(SEED, NaN)).toBe('unknown')
  })

  it('is past tense exactly for past times beyond the just-now window', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e9, max: 4e9 }), (delta) => {
        const text = formatRelative(SEED + delta, now)
        if (Math.abs(delta) < 45) expect(text).toBe('just now')
        else if (delta < 0) expect(text).toMatch(/ ago$|^yesterday$|^last (month|year)$/)
        else expect(text).toMatch(/^in |^tomorrow$|^next (month|year)$/)
      }),
    )
  })
})

describe('formatDuration and formatGap', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [0.7, '0s'],
    [59, '59s'],
    [59.9, '59s'],
    [60, '1m'],
    [62, '1m 2s'],
    [3599, '59m 59s'],
    [3600, '1h'],
    [2 * 3600 + 5 * 60 + 7, '2h 5m'],
    [2 * 3600 + 7, '2h'],
    [3 * 86400 + 4 * 3600 + 59, '3d 4h'],
    [86400, '1d'],
    [365 * 86400 + 12 * 86400 + 3600, '1y 12d'],
    [10 * 365 * 86400, '10y'],
    [-62, '-1m 2s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })

  it('returns unknown for invalid input', () => {
    expect(formatDuration(NaN)).toBe('unknown')
    expect(formatGap(Infinity)).toBe('unknown')
  })

  it.each<[number, string]>([
    [0, '+0s'],
    [62, '+1m 2s'],
    [3600, '+1h'],
    [-5, '-5s'],
  ])('gap %s → %s', (seconds, text) => {
    expect(formatGap(seconds)).toBe(text)
  })

  it('uses at most two adjacent units, largest first', () => {
    const order = ['y', 'd', 'h', 'm', 's']
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (seconds) => {
        const words = formatDuration(seconds).split(' ')
        expect(words.length).toBeLessThanOrEqual(2)
        const units = words.map((word) => order.indexOf(word.replace(/^\d+/, '')))
        units.forEach((unit) => expect(unit).toBeGreaterThanOrEqual(0))
        if (units.length === 2) expect((units[1] ?? 0) - (units[0] ?? 0)).toBe(1)
      }),
    )
  })
})

describe('parseDateTimeInput', () => {
  it('reads a datetime-local value in Berlin', () => {
    expect(parseDateTimeInput('2022-08-22T11:35', 'Europe/Berlin')).toBe(SEED)
    expect(parseDateTimeInput('2022-08-22T11:35:00', 'Europe/Berlin')).toBe(SEED)
  })

  it('reads it in UTC and New York', () => {
    expect(parseDateTimeInput('2022-08-22T09:35', 'UTC')).toBe(SEED)
    expect(parseDateTimeInput('2022-08-22T05:35', 'America/New_York')).toBe(SEED)
    expect(parseDateTimeInput('2022-12-22T04:15:00', 'America/New_York')).toBe(1671700500)
  })

  it("reads 'local' in the runtime zone (UTC in tests)", () => {
    expect(parseDateTimeInput('2022-08-22T09:35', 'local')).toBe(SEED)
  })

  it('keeps seconds and milliseconds', () => {
    expect(parseDateTimeInput('2022-08-22T09:35:07', 'UTC')).toBe(SEED + 7)
    expect(parseDateTimeInput('2022-08-22T09:35:07.250', 'UTC')).toBe(SEED + 7.25)
  })

  it('moves a time skipped by the spring-forward jump forward by the jump', () => {
    // Berlin 2022-03-27 02:30 does not exist; 03:30 CEST is 01:30Z.
    expect(parseDateTimeInput('2022-03-27T02:30', 'Europe/Berlin')).toBe(
      Date.UTC(2022, 2, 27, 1, 30) / 1000,
    )
  })

  it('picks the earlier instant for a time that occurs twice', () => {
    // Berlin 2022-10-30 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(parseDateTimeInput('2022-10-30T02:30', 'Europe/Berlin')).toBe(
      Date.UTC(2022, 9, 30, 0, 30) / 1000,
    )
    // New York 2022-11-06 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(parseDateTimeInput('2022-11-06T01:30', 'America/New_York')).toBe(
      Date.UTC(2022, 10, 6, 5, 30) / 1000,
    )
  })

  it.each([
    '',
    '2022-08-22',
    '2022-08-22 11:35',
    '2022-08-22T11',
    '2022-02-29T00:00',
    '2022-13-01T00:00',
    '2022-08-32T00:00',
    '2022-08-22T24:00',
    '2022-08-22T23:60',
    '2022-08-22T23:59:60',
    '22-08-22T11:35',
    '2022-08-22T11:35Z',
    '2022-08-22T11:35+02:00',
    'yesterday',
  ])('%j is invalid', (value) => {
    expect(parseDateTimeInput(value, 'UTC')).toBeUndefined()
  })

  it('inverts formatting: the wall time shown in a zone reads back to the same second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }),
        fc.constantFrom(
          'UTC',
          'Europe/Berlin',
          'America/New_York',
          'Asia/Kolkata',
          'Australia/Lord_Howe',
        ),
        (ts, timeZone) => {
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-US', {
              timeZone,
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
              hourCycle: 'h23',
            })
              .formatToParts(ts * 1000)
              .map((p) => [p.type, p.value]),
          )
          const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
          const back = parseDateTimeInput(wall, timeZone)
          // A repeated hour reads back as its first occurrence, at most the DST shift earlier.
          expect(back).toBeDefined()
          expect(ts - (back ?? NaN)).toBeGreaterThanOrEqual(0)
          expect(ts - (back ?? NaN)).toBeLessThanOrEqual(3600)
          expect(formatAbsolute(back ?? NaN, { timeZone }).slice(0, 25)).toBe(
            formatAbsolute(ts, { timeZone }).slice(0, 25),
          )
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('toSnappishTime', () => {
  it('writes UTC wall time for @{...}', () => {
    expect(toSnappishTime(SEED)).toBe('2022-08-22T09:35:00')
    expect(toSnappishTime(SEED + 0.999)).toBe('2022-08-22T09:35:00')
    expect(toSnappishTime(0)).toBe('1970-01-01T00:00:00')
  })

  it('returns an empty string for invalid input', () => {
    expect(toSnappishTime(NaN)).toBe('')
    expect(toSnappishTime(1e15)).toBe('')
  })

  it('round-trips through parseDateTimeInput in UTC for whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (ts) => {
        expect(parseDateTimeInput(toSnappishTime(ts), 'UTC')).toBe(ts)
      }),
    )
  })
})

describe('toDateTimeInput and timeZoneLabel', () => {
  it("writes the zone's wall time for a datetime-local input", () => {
    expect(toDateTimeInput(SEED, 'Europe/Berlin')).toBe('2022-08-22T11:35:00')
    expect(toDateTimeInput(SEED, 'UTC')).toBe('2022-08-22T09:35:00')
    expect(toDateTimeInput(SEED, 'America/New_York')).toBe('2022-08-22T05:35:00')
    expect(toDateTimeInput(NaN, 'UTC')).toBe('')
  })

  it('round-trips through parseDateTimeInput in a zone with summer time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (ts) => {
        // Times in the hour that occurs twice read back as its first instant.
        const back = parseDateTimeInput(toDateTimeInput(ts, 'Europe/Berlin'), 'Europe/Berlin')
        expect(back === ts || back === ts - 3600).toBe(true)
      }),
    )
  })

  it('names the zone a picker reads', () => {
    expect(timeZoneLabel('UTC')).toBe('UTC')
    expect(timeZoneLabel('Europe/Berlin')).toBe('Europe/Berlin')
    // Tests run with TZ=UTC, so the browser's own zone is UTC here.
    expect(timeZoneLabel('local')).toBe('UTC')
  })
})

describe('toSeconds', () => {
  it.each<[unknown, number | undefined]>([
    [1661160900, 1661160900],
    [1787107798.493415, 1787107798.493415],
    ['1661160900.123', 1661160900.123],
    [' 1661160900 ', 1661160900],
    ['1.6e9', 1.6e9],
    ['0', 0],
    ['-5', -5],
    [0, 0],
    ['', undefined],
    ['  ', undefined],
    ['abc', undefined],
    ['0x10', undefined],
    ['Infinity', undefined],
    ['1,5', undefined],
    ['12abc', undefined],
    [NaN, undefined],
    [Infinity, undefined],
    [null, undefined],
    [undefined, undefined],
    [true, undefined],
    [{}, undefined],
    [[1], undefined],
  ])('%j → %s', (value, expected) => {
    expect(toSeconds(value)).toBe(expected)
  })

  it('reads back every finite number written as text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(toSeconds(String(n))).toBe(n === 0 ? 0 : n)
      }),
    )
  })
})

describe('isoTime', () => {
  it('writes unix seconds as UTC ISO 8601, and the given word for none', () => {
    expect(isoTime(SEED)).toBe('2022-08-22T09:35:00.000Z')
    expect(isoTime(null)).toBe('')
    expect(isoTime(null, 'now')).toBe('now')
  })
})
