export type TimeZoneChoice = 'local' | 'UTC'
type ZoneOption = { timeZone: TimeZoneChoice | string }

const UNKNOWN = 'unknown'

/** Intl's zone option: 'local' means the runtime's own zone, which Intl uses when unset. */
function intlZone(zone: TimeZoneChoice | string): string | undefined {
  return zone === 'local' ? undefined : zone
}

// Formatters are cached: tables format thousands of timestamps per render.
const partsFormatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A cached en-US formatter for the zone. An unknown zone name (a stale stored preference) falls
 * back to UTC rather than throwing mid-render.
 */
function cachedFormatter(
  cache: Map<string, Intl.DateTimeFormat>,
  zone: TimeZoneChoice | string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let formatter = cache.get(zone)
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: intlZone(zone) })
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
    }
    cache.set(zone, formatter)
  }
  return formatter
}

/** Hours, minutes and seconds on a 24-hour clock. */
const CLOCK = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const

/** en-US parts in the zone, with the date in RFC 1123 order available by name. */
function partsFormatter(zone: TimeZoneChoice | string): Intl.DateTimeFormat {
  return cachedFormatter(partsFormatters, zone, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    ...CLOCK,
  })
}

type Parts = {
  weekday: string
  day: string
  month: string
  year: string
  hour: string
  minute: string
  second: string
}

function dateParts(ms: number, zone: TimeZoneChoice | string): Parts {
  const parts: Parts = {
    weekday: '',
    day: '',
    month: '',
    year: '',
    hour: '',
    minute: '',
    second: '',
  }
  for (const part of partsFormatter(zone).formatToParts(ms)) {
    if (part.type in parts) parts[part.type as keyof Parts] = part.value
  }
  return parts
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat[]>()
const GMT_OFFSET = /^(?:GMT|UTC)[+\-\u2212]/

/**
 * The zone's short name. en-US knows US abbreviations (EDT) but says 'GMT+2' for Berlin, while
 * en-GB knows European ones (CEST, BST) but says 'GMT-4' for New York; take the first real
 * abbreviation, else the offset form.
 */
function zoneName(ms: number, zone: TimeZoneChoice | string): string {
  let formatters = zoneNameFormatters.get(zone)
  if (formatters === undefined) {
    formatters = ['en-US', 'en-GB'].map((locale) => {
      try {
        return new Intl.DateTimeFormat(locale, { timeZone: intlZone(zone), timeZoneName: 'short' })
      } catch {
        return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', timeZoneName: 'short' })
      }
    })
    zoneNameFormatters.set(zone, formatters)
  }
  const names = formatters.map(
    (formatter) => formatter.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value,
  )
  return names.find((name) => name !== undefined && !GMT_OFFSET.test(name)) ?? names[0] ?? ''
}

function toMs(tsSeconds: number): number | undefined {
  if (typeof tsSeconds !== 'number' || !Number.isFinite(tsSeconds)) return undefined
  const ms = tsSeconds * 1000
  // Outside the range a Date can hold.
  return Math.abs(ms) <= 8.64e15 ? ms : undefined
}

// Three Intl calls per text; scrolling a table formats the same times again and again.
const ABSOLUTE_TEXTS_KEPT = 4096
const absoluteTexts = new Map<string, string>()

/** RFC 1123 like the CLI: 'Mon, 22 Aug 2022 11:35:00 CEST'. */
export function formatAbsolute(tsSeconds: number, opts: ZoneOption): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return UNKNOWN
  const key = `${opts.timeZone} ${ms}`
  const known = absoluteTexts.get(key)
  if (known !== undefined) return known
  const p = dateParts(ms, opts.timeZone)
  const name = zoneName(ms, opts.timeZone)
  const text = `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}:${p.second} ${name}`
  // Bounded: a long scroll through a big table would otherwise keep every text it ever made.
  if (absoluteTexts.size >= ABSOLUTE_TEXTS_KEPT) absoluteTexts.clear()
  absoluteTexts.set(key, text)
  return text
}

/** 'Mon, 22 Aug 2022' in the zone, for day group headings. */
export function formatDayHeading(tsSeconds: number, opts: ZoneOption): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return UNKNOWN
  const p = dateParts(ms, opts.timeZone)
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`
}

const numericFormatters = new Map<string, Intl.DateTimeFormat>()

function numericFormatter(zone: TimeZoneChoice | string): Intl.DateTimeFormat {
  return cachedFormatter(numericFormatters, zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...CLOCK,
    era: 'short',
  })
}

type Civil = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** Wall-clock fields of an instant in the zone (proleptic Gregorian, astronomical years). */
function civilAt(ms: number, zone: TimeZoneChoice | string): Civil {
  const civil: Civil = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  let bc = false
  for (const part of numericFormatter(zone).formatToParts(ms)) {
    if (part.type === 'era') bc = part.value.startsWith('B')
    else if (part.type in civil) civil[part.type as keyof Civil] = Number(part.value)
  }
  if (bc) civil.year = 1 - civil.year
  return civil
}

function pad(value: number, width = 2): string {
  const text = String(Math.abs(value)).padStart(width, '0')
  return value < 0 ? '-' + text : text
}

/** 'YYYY-MM-DD' of the instant in the zone; sorts and groups like the calendar. */
export function dayKey(tsSeconds: number, opts: ZoneOption): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return UNKNOWN
  const c = civilAt(ms, opts.timeZone)
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`
}

function utcOfCivil(c: Civil): number {
  const date = new Date(0)
  // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC.
  date.setUTCFullYear(c.year, c.month - 1, c.day)
  date.setUTCHours(c.hour, c.minute, c.second, 0)
  return date.getTime()
}

/** The zone's offset from UTC at an instant, in ms (whole seconds). */
function offsetAt(ms: number, zone: TimeZoneChoice | string): number {
  const whole = Math.floor(ms / 1000) * 1000
  return utcOfCivil(civilAt(whole, zone)) - whole
}

const DATE_TIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/
const DAY_MS = 86_400_000

/**
 * An <input type="datetime-local"> value read as wall-clock time in the zone → unix seconds.
 * Like Temporal's 'compatible': a time skipped by a DST jump moves forward by the jump, and a
 * time that occurs twice picks the earlier instant.
 */
export function parseDateTimeInput(
  value: string,
  timeZone: TimeZoneChoice | string,
): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = DATE_TIME_INPUT.exec(value.trim())
  if (match === null) return undefined
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0))
  const millis = Number((match[7] ?? '').padEnd(3, '0'))
  const civil: Civil = {
    year: year ?? NaN,
    month: month ?? NaN,
    day: day ?? NaN,
    hour: hour ?? NaN,
    minute: minute ?? NaN,
    second: second ?? NaN,
  }
  const local = utcOfCivil(civil)
  // Reject 2022-02-30 and 25:00, which Date would silently roll over.
  const check = new Date(local)
  if (
    !Number.isFinite(local) ||
    check.getUTCFullYear() !== civil.year ||
    check.getUTCMonth() !== civil.month - 1 ||
    check.getUTCDate() !== civil.day ||
    check.getUTCHours() !== civil.hour ||
    check.getUTCMinutes() !== civil.minute ||
    check.getUTCSeconds() !== civil.second
  ) {
    return undefined
  }

  // Offsets a day either side cover every real transition; keep those that map back exactly.
  const before = offsetAt(local - DAY_MS, timeZone)
  const after = offsetAt(local + DAY_MS, timeZone)
  const candidates = [local - before, local - after].filter(
    (instant) => offsetAt(instant, timeZone) === local - instant,
  )
  const instant = candidates.length > 0 ? Math.min(...candidates) : local - before
  return (instant + millis) / 1000
}

/**
 * Unix seconds → the wall-clock 'YYYY-MM-DDTHH:MM:SS' an <input type="datetime-local"> shows in
 * the zone (the inverse of `parseDateTimeInput`); '' when not a valid time.
 */
export function toDateTimeInput(tsSeconds: number, timeZone: TimeZoneChoice | string): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return ''
  const c = civilAt(Math.floor(ms / 1000) * 1000, timeZone)
  if (c.year < 0 || c.year > 9999) return ''
  return (
    `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}` +
    `T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`
  )
}

let localZoneName: string | undefined

/** How a time picker names the zone it reads: 'UTC', or the browser's zone by name. */
export function timeZoneLabel(timeZone: TimeZoneChoice | string): string {
  if (timeZone === 'UTC') return 'UTC'
  if (timeZone !== 'local') return timeZone
  // Read once: making a formatter on every render costs milliseconds, and the zone stays.
  localZoneName ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time'
  return localZoneName
}

/** Unix seconds → 'YYYY-MM-DDTHH:MM:SS' in UTC for `env@{...}`; '' when not a valid time. */
export function toSnappishTime(tsSeconds: number): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return ''
  const date = new Date(Math.floor(ms / 1000) * 1000)
  const year = date.getUTCFullYear()
  if (year < 0 || year > 9999) return ''
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  )
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** API timestamps arrive as numbers or numeric strings (artifact created_at); nothing else. */
export function toSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (!NUMERIC.test(text)) return undefined
  const number = Number(text)
  return Number.isFinite(number) ? number : undefined
}

// On first use, as formatCount's (src/lib/format.ts).
let relativeFormat: Intl.RelativeTimeFormat | undefined

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MONTH = 30.436875 * DAY
const YEAR = 365.2425 * DAY

// [unit, its length, use it below this size]. A unit hands over before its count looks odd
// ('60 minutes', '30 days'), the thresholds moment.js and dayjs use.
const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['minute', MINUTE, 45 * MINUTE],
  ['hour', HOUR, 22 * HOUR],
  ['day', DAY, 26 * DAY],
  ['month', MONTH, 320 * DAY],
  ['year', YEAR, Infinity],
]

/** '4 years ago', 'in 3 minutes', 'just now': one unit, rounded, like the CLI's timeago. */
export function formatRelative(tsSeconds: number, nowMs: number): string {
  if (toMs(tsSeconds) === undefined || typeof nowMs !== 'number' || !Number.isFinite(nowMs)) {
    return UNKNOWN
  }
  const delta = tsSeconds - nowMs / 1000
  const size = Math.abs(delta)
  const sign = delta < 0 ? -1 : 1
  if (size < 45) return 'just now'
  const [unit, unitSize] = RELATIVE_UNITS.find(([, , below]) => size < below) ?? ['year', YEAR]
  relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
  return relativeFormat.format(sign * Math.max(1, Math.round(size / unitSize)), unit)
}

const DURATION_UNITS: Array<[string, number]> = [
  ['y', 365 * DAY],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', 1],
]

/** '59s', '1m 2s', '2h 5m', '3d 4h', '1y 12d': the two largest adjacent units, truncated. */
export function formatDuration(seconds: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return UNKNOWN
  let rest = Math.floor(Math.abs(seconds))
  const sign = seconds <= -1 ? '-' : ''
  const first = DURATION_UNITS.findIndex(([, size]) => rest >= size)
  if (first === -1) return '0s'
  const words: string[] = []
  for (const [label, size] of DURATION_UNITS.slice(first, first + 2)) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0) words.push(`${count}${label}`)
  }
  return sign + words.join(' ')
}

/** A gap between two events: '+1m 2s', '+0s'. */
export function formatGap(seconds: number): string {
  const text = formatDuration(seconds)
  if (text === UNKNOWN || text.startsWith('-')) return text
  return '+' + text
}

/** Unix seconds as ISO 8601 UTC (`2022-08-22T09:35:00.000Z`); `missing` for none. */
export function isoTime(seconds: number | null, missing = ''): string {
  return seconds === null ? missing : new Date(seconds * 1000).toISOString()
}

/** '22 Aug 2022 11:35 CEST': the absolute time without weekday or seconds, for one-line cells. */
export function formatCompactAbsolute(tsSeconds: number, opts: ZoneOption): string {
  const ms = toMs(tsSeconds)
  if (ms === undefined) return UNKNOWN
  const p = dateParts(ms, opts.timeZone)
  return `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute} ${zoneName(ms, opts.timeZone)}`
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/** ISO 8601 date or date-time → unix seconds; no zone means UTC (as Kosli's `@{...}`). */
export function parseIsoDateTime(value: string | null): number | null {
  const text = (value ?? '').trim()
  if (!text) return null
  let normalised = text
  if (DATE_ONLY.test(text)) normalised = `${text}T00:00:00Z`
  else if (!ISO.test(text)) return null
  else if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) normalised = `${text}Z`
  const ms = Date.parse(normalised)
  return Number.isFinite(ms) ? ms / 1000 : null
}
