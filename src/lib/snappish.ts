import { err, ok, type Result } from './result'

export type AgoUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months'

/** A snapshot expression exactly as the kosli CLI accepts it. */
export type Snappish =
  | { kind: 'latest'; env: string }
  | { kind: 'now'; env: string }
  | { kind: 'index'; env: string; index: number }
  /** `env#-N`: the Nth snapshot counting back from the latest (`#-1` is the latest). */
  | { kind: 'fromEnd'; env: string; position: number }
  | { kind: 'relative'; env: string; back: number }
  | { kind: 'time'; env: string; at: string }
  | { kind: 'ago'; env: string; amount: number; unit: AgoUnit }

export const AGO_UNITS: readonly AgoUnit[] = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
]

/**
 * The units Kosli documents for `@{N.<unit>.ago}`; the only ones Shiplog suggests. Seconds and
 * minutes are still sent when typed, and the server's answer is shown.
 */
export const DOCUMENTED_AGO_UNITS: readonly AgoUnit[] = ['hours', 'days', 'weeks', 'months']

// The Kosli name pattern ^[a-zA-Z0-9][a-zA-Z0-9.\-_~]*$ without '~', which here separates.
const ENV_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/
const SEPARATOR = /[#~@]/g
const DIGITS = /^[0-9]+$/
// A UTC date, or date and time, as the server reads it: fractional seconds and a `Z` allowed.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z?)?$/
const AGO = /^([0-9]+)\.([a-z]+)\.ago$/i

const ONE_SEPARATOR = 'Use only one of #, ~ or @'
const ENV_MISSING = 'Environment name is missing'
const TIME_HINT = 'use @{YYYY-MM-DDTHH:MM:SS} or @{N.hours.ago}'

export function parseSnappish(input: string): Result<Snappish> {
  // Guard for untyped callers (URL params, JSON) so the parser never throws.
  if (typeof input !== 'string') return err(ENV_MISSING)
  const text = input.trim()
  const separators = text.match(SEPARATOR) ?? []
  if (separators.length > 1) return err(ONE_SEPARATOR)

  const at = separators.length === 0 ? text.length : text.search(SEPARATOR)
  const env = text.slice(0, at)
  const envError = checkEnvName(env)
  if (envError !== undefined) return err(envError)
  if (separators.length === 0) return ok({ kind: 'latest', env })

  const rest = text.slice(at + 1)
  switch (text[at]) {
    case '#': {
      if (rest.startsWith('-')) {
        const position = wholeNumber(rest.slice(1))
        if (position === undefined || position < 1) {
          return err(
            'Snapshot number must be a positive whole number, or -N from the latest, e.g. ' +
              env +
              '#-1',
          )
        }
        return ok({ kind: 'fromEnd', env, position })
      }
      const index = wholeNumber(rest)
      if (index === undefined || index < 1) {
        return err('Snapshot number must be a positive whole number, e.g. ' + env + '#42')
      }
      return ok({ kind: 'index', env, index })
    }
    case '~': {
      const back = wholeNumber(rest)
      if (back === undefined) {
        return err('Snapshots back must be a whole number of 0 or more, e.g. ' + env + '~1')
      }
      return ok({ kind: 'relative', env, back })
    }
    default:
      return parseTimePart(env, rest)
  }
}

function checkEnvName(env: string): string | undefined {
  if (env === '') return ENV_MISSING
  if (ENV_NAME.test(env)) return undefined
  if (/\s/.test(env)) return 'Environment name cannot contain spaces'
  return (
    `Environment name '${clip(env)}' may contain only letters, digits, '.', '-' and '_', ` +
    'and must start with a letter or digit'
  )
}

function parseTimePart(env: string, rest: string): Result<Snappish> {
  if (rest === '') return err(`Time expression is missing after @ — ${TIME_HINT}`)
  if (!rest.startsWith('{') || !rest.endsWith('}') || rest.length < 2) {
    return err(`Put the time expression in braces, e.g. ${env}@{now} — ${TIME_HINT}`)
  }
  const inner = rest.slice(1, -1)
  if (inner.toLowerCase() === 'now') return ok({ kind: 'now', env })

  const dateTime = DATE_TIME.exec(inner)
  if (dateTime !== null) {
    const [y, mo, d, h = 0, mi = 0, s = 0] = dateTime
      .slice(1)
      .map((part) => (part === undefined ? undefined : Number(part)))
    if (!isRealDateTime(y, mo, d, h, mi, s)) {
      return err(`'${inner}' is not a real date and time — use @{YYYY-MM-DDTHH:MM:SS} in UTC`)
    }
    return ok({ kind: 'time', env, at: inner })
  }

  const ago = AGO.exec(inner)
  if (ago !== null) {
    const amount = wholeNumber(ago[1] ?? '')
    const unit = agoUnit(ago[2] ?? '')
    if (unit === undefined) {
      return err(
        `Unknown time unit '${clip(ago[2] ?? '')}' — use ${DOCUMENTED_AGO_UNITS.join(', ')}`,
      )
    }
    if (amount === undefined || amount < 1) {
      return err(`Use a whole number of 1 or more in @{N.${unit}.ago}`)
    }
    return ok({ kind: 'ago', env, amount, unit })
  }
  return err(`Unknown time expression '${clip(inner)}' — ${TIME_HINT}`)
}

function agoUnit(word: string): AgoUnit | undefined {
  const lower = word.toLowerCase()
  return AGO_UNITS.find((unit) => unit === lower || unit === lower + 's')
}

/** Digits only (no sign, no fraction), small enough to survive a round trip through number. */
function wholeNumber(text: string): number | undefined {
  if (!DIGITS.test(text)) return undefined
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : undefined
}

function isRealDateTime(
  year = NaN,
  month = NaN,
  day = NaN,
  hour = NaN,
  minute = NaN,
  second = NaN,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  return day <= monthDays
}

// Keeps error messages readable when someone pastes a paragraph into the search box.
function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text
}

export function formatSnappish(s: Snappish): string {
  switch (s.kind) {
    case 'latest':
      return s.env
    case 'now':
      return `${s.env}@{now}`
    case 'index':
      return `${s.env}#${s.index}`
    case 'fromEnd':
      return `${s.env}#-${s.position}`
    case 'relative':
      return `${s.env}~${s.back}`
    case 'time':
      return `${s.env}@{${s.at}}`
    case 'ago':
      return `${s.env}@{${s.amount}.${s.unit}.ago}`
  }
}

/**
 * The `{segment}` of GET /snapshots/{org}/{env}/{segment}, already encoded.
 * `~N` is sent as `~N` (what `kosli get snapshot` sends, and '~' needs no encoding) rather than
 * the equivalent `-(N+1)`, so the request reads like the expression the user typed.
 */
export function snapshotPathSegment(s: Snappish): string {
  switch (s.kind) {
    case 'latest':
      return '-1'
    case 'now':
      return encodeURIComponent('@{now}')
    case 'index':
      return String(s.index)
    case 'fromEnd':
      return String(-s.position)
    case 'relative':
      return encodeURIComponent(`~${s.back}`)
    case 'time':
      return encodeURIComponent(`@{${s.at}}`)
    case 'ago':
      return encodeURIComponent(`@{${s.amount}.${s.unit}.ago}`)
  }
}

/**
 * The value for /env-diff `?snappish1=` (the caller URL-encodes). `env@{now}` is sent as plain
 * `env`: both mean "latest", and the CLI's diff never sends `@{now}`.
 */
export function snappishQueryValue(s: Snappish): string {
  return s.kind === 'now' ? s.env : formatSnappish(s)
}

const SNAPPISH_LIKE = /^[a-zA-Z0-9][a-zA-Z0-9._-]*(?:#-?[0-9]+|~[0-9]+|@\{[^{}\s]+\})?$/

/** Cheap shape test for search routing; parseSnappish gives the real verdict. */
export function isSnappishLike(input: string): boolean {
  return typeof input === 'string' && SNAPPISH_LIKE.test(input.trim())
}

const PAIR_HINT = 'Enter two snapshots, e.g. aws-prod#64 aws-prod#65 or aws-prod#64..aws-prod#65'

/** Two snapshots separated by whitespace or by `..` (spaces around `..` allowed). */
export function parseSnappishPair(input: string): Result<[Snappish, Snappish]> {
  if (typeof input !== 'string') return err(PAIR_HINT)
  const text = input.trim()
  const words = text.split(/\s+/).filter((word) => word !== '')

  let candidates: Array<[string, string]>
  if (words.length === 2) {
    const [a = '', b = ''] = words
    // "a.. b" and "a ..b" are the dotted form with one space.
    if (a.endsWith('..')) candidates = [[a.slice(0, -2), b]]
    else if (b.startsWith('..')) candidates = [[a, b.slice(2)]]
    else candidates = [[a, b]]
  } else if (words.length === 3 && words[1] === '..') {
    candidates = [[words[0] ?? '', words[2] ?? '']]
  } else if (words.length === 1) {
    // Env names may themselves contain '..', so try every split point.
    candidates = []
    for (let i = text.indexOf('..'); i !== -1; i = text.indexOf('..', i + 1)) {
      candidates.push([text.slice(0, i), text.slice(i + 2)])
    }
    if (candidates.length === 0) return err(PAIR_HINT)
  } else {
    return err(PAIR_HINT)
  }

  let firstError: string | undefined
  for (const [left, right] of candidates) {
    const a = parseSnappish(left)
    const b = parseSnappish(right)
    if (!a.ok) firstError ??= `First snapshot: ${a.error}`
    else if (!b.ok) firstError ??= `Second snapshot: ${b.error}`
    else return ok([a.value, b.value])
  }
  return err(firstError ?? PAIR_HINT)
}
