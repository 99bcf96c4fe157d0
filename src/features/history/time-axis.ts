import type { TimeZoneChoice } from '@/lib/time'

/** A linear map from a time range (unix seconds) to pixels. */
export interface TimeScale {
  from: number
  to: number
  width: number
  x: (time: number) => number
  time: (x: number) => number
}

export function timeScale(from: number, to: number, width: number): TimeScale {
  const span = Math.max(to - from, 1)
  return {
    from,
    to,
    width,
    x: (time) => ((time - from) / span) * width,
    time: (x) => from + (x / Math.max(width, 1)) * span,
  }
}

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year'

interface Step {
  unit: Unit
  count: number
  /** Rough length, to pick a step. */
  seconds: number
}

const MINUTE = 60
const HOUR = 3600
const DAY = 86400

const STEPS: ReadonlyArray<Step> = [
  { unit: 'minute', count: 1, seconds: MINUTE },
  { unit: 'minute', count: 5, seconds: 5 * MINUTE },
  { unit: 'minute', count: 15, seconds: 15 * MINUTE },
  { unit: 'minute', count: 30, seconds: 30 * MINUTE },
  { unit: 'hour', count: 1, seconds: HOUR },
  { unit: 'hour', count: 3, seconds: 3 * HOUR },
  { unit: 'hour', count: 6, seconds: 6 * HOUR },
  { unit: 'hour', count: 12, seconds: 12 * HOUR },
  { unit: 'day', count: 1, seconds: DAY },
  { unit: 'day', count: 2, seconds: 2 * DAY },
  { unit: 'day', count: 7, seconds: 7 * DAY },
  { unit: 'day', count: 14, seconds: 14 * DAY },
  { unit: 'month', count: 1, seconds: 30 * DAY },
  { unit: 'month', count: 3, seconds: 91 * DAY },
  { unit: 'month', count: 6, seconds: 182 * DAY },
  { unit: 'year', count: 1, seconds: 365 * DAY },
  { unit: 'year', count: 2, seconds: 730 * DAY },
  { unit: 'year', count: 5, seconds: 1826 * DAY },
]

export interface Tick {
  time: number
  label: string
}

/** Date fields in UTC or in the browser's zone ('local'). */
function fields(date: Date, utc: boolean) {
  return utc
    ? {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth(),
        day: date.getUTCDate(),
        hour: date.getUTCHours(),
        minute: date.getUTCMinutes(),
      }
    : {
        year: date.getFullYear(),
        month: date.getMonth(),
        day: date.getDate(),
        hour: date.getHours(),
        minute: date.getMinutes(),
      }
}

function make(
  utc: boolean,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const ms = utc
    ? Date.UTC(year, month, day, hour, minute)
    : new Date(year, month, day, hour, minute).getTime()
  return ms / 1000
}

/** The first tick at or before `time` for the step. */
function floorTo(time: number, step: Step, utc: boolean): number {
  const f = fields(new Date(time * 1000), utc)
  switch (step.unit) {
    case 'minute':
      return make(utc, f.year, f.month, f.day, f.hour, f.minute - (f.minute % step.count))
    case 'hour':
      return make(utc, f.year, f.month, f.day, f.hour - (f.hour % step.count), 0)
    case 'day':
      // Weeks and fortnights start on the 1st, 8th, 15th…: stable as the view pans.
      return make(utc, f.year, f.month, f.day - ((f.day - 1) % step.count), 0, 0)
    case 'month':
      return make(utc, f.year, f.month - (f.month % step.count), 1, 0, 0)
    case 'year':
      return make(utc, f.year - (f.year % step.count), 0, 1, 0, 0)
  }
}

function advance(time: number, step: Step, utc: boolean): number {
  const f = fields(new Date(time * 1000), utc)
  switch (step.unit) {
    case 'minute':
      return make(utc, f.year, f.month, f.day, f.hour, f.minute + step.count)
    case 'hour':
      return make(utc, f.year, f.month, f.day, f.hour + step.count, 0)
    case 'day': {
      const next = make(utc, f.year, f.month, f.day + step.count, 0, 0)
      // Restart at the 1st of each month, so a week step never straddles one.
      const monthStart = make(utc, f.year, f.month + 1, 1, 0, 0)
      return step.count > 1 && next > monthStart ? monthStart : next
    }
    case 'month':
      return make(utc, f.year, f.month + step.count, 1, 0, 0)
    case 'year':
      return make(utc, f.year + step.count, 0, 1, 0, 0)
  }
}

/**
 * A week or fortnight tick too close to the 1st of the next month, which is a tick too: the
 * 29th of a month, 2–3 days before it, would print over its label.
 */
function crowdsMonthStart(time: number, step: Step, utc: boolean): boolean {
  if (step.unit !== 'day' || step.count < 7) return false
  const f = fields(new Date(time * 1000), utc)
  if (f.day === 1) return false
  return make(utc, f.year, f.month + 1, 1, 0, 0) - time < (step.count / 2) * DAY
}

const labelFormats = new Map<string, Intl.DateTimeFormat>()

function format(time: number, kind: 'time' | 'day' | 'month' | 'year', utc: boolean): string {
  const key = `${kind}:${utc}`
  let formatter = labelFormats.get(key)
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'day'
          ? { day: 'numeric', month: 'short' }
          : kind === 'month'
            ? { month: 'short', year: 'numeric' }
            : { year: 'numeric' }
    formatter = new Intl.DateTimeFormat('en-GB', utc ? { ...options, timeZone: 'UTC' } : options)
    labelFormats.set(key, formatter)
  }
  return formatter.format(time * 1000)
}

/**
 * Calendar-aligned ticks for the range, about one per `spacing` pixels, labelled in the
 * chosen zone: times of day (with the date at midnight), days, months or years.
 */
export function timeTicks(scale: TimeScale, zone: TimeZoneChoice, spacing = 110): Tick[] {
  const utc = zone === 'UTC'
  const span = scale.to - scale.from
  if (!(span > 0) || scale.width <= 0) return []
  const wanted = span / Math.max(scale.width / spacing, 1)
  const step = STEPS.find((candidate) => candidate.seconds >= wanted) ?? STEPS[STEPS.length - 1]
  if (!step) return []
  const ticks: Tick[] = []
  let time = floorTo(scale.from, step, utc)
  if (time < scale.from) time = advance(time, step, utc)
  for (let guard = 0; time <= scale.to && guard < 500; guard++) {
    const f = fields(new Date(time * 1000), utc)
    const midnight = f.hour === 0 && f.minute === 0
    const label =
      step.unit === 'minute' || step.unit === 'hour'
        ? midnight
          ? format(time, 'day', utc)
          : format(time, 'time', utc)
        : step.unit === 'day'
          ? f.day === 1 && f.month === 0
            ? format(time, 'month', utc)
            : format(time, 'day', utc)
          : step.unit === 'month'
            ? format(time, 'month', utc)
            : format(time, 'year', utc)
    if (!crowdsMonthStart(time, step, utc)) ticks.push({ time, label })
    time = advance(time, step, utc)
  }
  return ticks
}
