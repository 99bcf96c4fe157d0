import { err, ok, type Result } from '@/lib/result'
import { formatSnappish, parseSnappish, type Snappish } from '@/lib/snappish'
import { parseDateTimeInput, toSnappishTime } from '@/lib/time'

export type SideMode = 'latest' | 'index' | 'time'

/** What one side's picker holds while the user edits it. */
export interface SideDraft {
  env: string
  mode: SideMode
  index: string
  /** `YYYY-MM-DDTHH:MM[:SS]` in UTC, as a datetime-local input gives it. */
  time: string
}

export const EMPTY_DRAFT: SideDraft = { env: '', mode: 'latest', index: '', time: '' }

/**
 * A picker's starting value for an expression. Moving expressions the picker cannot show
 * (`~N`, `@{N.days.ago}`) start at the snapshot they resolved to, when known.
 */
export function draftFor(snappish: Snappish | null, resolvedIndex: number | null): SideDraft {
  if (snappish === null) return EMPTY_DRAFT
  const base = { ...EMPTY_DRAFT, env: snappish.env }
  switch (snappish.kind) {
    case 'latest':
    case 'now':
      return base
    case 'index':
      return { ...base, mode: 'index', index: String(snappish.index) }
    case 'time':
      return { ...base, mode: 'time', time: snappish.at }
    case 'relative':
    case 'fromEnd':
    case 'ago':
      return resolvedIndex === null
        ? base
        : { ...base, mode: 'index', index: String(resolvedIndex) }
  }
}

/** The expression a draft stands for, or what is wrong with it in words. */
export function draftExpression(draft: SideDraft): Result<string> {
  const env = draft.env.trim()
  if (env === '') return err('Choose an environment')
  let text = env
  if (draft.mode === 'index') {
    const index = draft.index.trim()
    if (!/^[0-9]+$/.test(index) || Number(index) < 1) {
      return err('Snapshot number must be a whole number of 1 or more')
    }
    text = `${env}#${Number(index)}`
  } else if (draft.mode === 'time') {
    const seconds = parseDateTimeInput(draft.time, 'UTC')
    const at = seconds === undefined ? '' : toSnappishTime(seconds)
    if (at === '') return err('Enter a date and time')
    text = `${env}@{${at}}`
  }
  const parsed = parseSnappish(text)
  return parsed.ok ? ok(formatSnappish(parsed.value)) : err(parsed.error)
}
