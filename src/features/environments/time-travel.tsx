import { useState } from 'react'
import { useNavigate } from 'react-router'
import { DateTimeField } from '@/components/date-time-field'
import { usePreferences } from '@/components/preferences'
import { formatSnappish, parseSnappish } from '@/lib/snappish'
import { travelFromDateTime, travelSnappish } from './environment-params'
import { diffPath } from '@/lib/app-paths'

const input = 'rounded border border-line bg-canvas px-2 py-1'
const button = 'rounded border border-line bg-raised px-3 py-1 font-medium hover:bg-surface'

/**
 * Opens the snapshot that was current at a moment. The page's loader resolves `?at=` and
 * redirects to the numbered snapshot, so the result is a permalink.
 */
export function TimeTravel({
  org,
  env,
  latestIndex,
  failed,
}: {
  org: string
  env: string
  latestIndex: number | null
  failed: { at: string; error: string } | null
}) {
  const navigate = useNavigate()
  const { timeZone } = usePreferences()
  const [dateTime, setDateTime] = useState('')
  const [expression, setExpression] = useState(failed?.at ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const [compareWith, setCompareWith] = useState(`${env}~1`)
  const [compareProblem, setCompareProblem] = useState<string | null>(null)

  const travel = (at: string) => navigate(`?${new URLSearchParams({ at }).toString()}`)
  const shownProblem = problem ?? failed?.error ?? null

  return (
    <section aria-labelledby="travel-heading" className="rounded border border-line bg-surface p-4">
      <h2 id="travel-heading" className="font-semibold">
        Time travel
      </h2>
      <p className="text-sm text-muted">Open the snapshot that was current at a moment.</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(event) => {
          event.preventDefault()
          const at = travelFromDateTime(dateTime, timeZone)
          if (at === undefined) {
            setProblem('Pick a date and a time.')
            return
          }
          setProblem(null)
          travel(at)
        }}
      >
        <DateTimeField value={dateTime} onChange={setDateTime} className={input} />
        <button type="submit" className={button}>
          Open at this time
        </button>
      </form>
      <form
        className="mt-2 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(event) => {
          event.preventDefault()
          const parsed = travelSnappish(env, expression)
          if (!parsed.ok) {
            setProblem(parsed.error)
            return
          }
          setProblem(null)
          travel(formatSnappish(parsed.value).slice(env.length))
        }}
      >
        <label className="flex flex-col">
          <span className="text-muted">
            or an expression after <span className="font-mono">{env}</span>
          </span>
          <input
            type="text"
            value={expression}
            onChange={(event) => setExpression(event.target.value)}
            placeholder="@{2022-08-22T09:40:00} · ~1 · #65"
            className={`${input} w-64 font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className={button}>
          Open expression
        </button>
      </form>
      <Problem message={shownProblem} className="mt-2 text-sm" />

      <form
        className="mt-4 flex flex-wrap items-end gap-2 border-t border-line pt-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault()
          const parsed = parseSnappish(compareWith)
          if (!parsed.ok) {
            setCompareProblem(parsed.error)
            return
          }
          setCompareProblem(null)
          const to = latestIndex !== null ? `${env}#${latestIndex}` : env
          navigate(diffPath(org, formatSnappish(parsed.value), to))
        }}
      >
        <label className="flex flex-col">
          <span className="text-muted">
            Compare {latestIndex !== null ? `#${latestIndex}` : 'the latest snapshot'} with…
          </span>
          <input
            type="text"
            value={compareWith}
            onChange={(event) => setCompareWith(event.target.value)}
            className={`${input} w-64 font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className={button}>
          Compare
        </button>
        <Problem message={compareProblem} className="w-full" />
      </form>
    </section>
  )
}

/** Why the form above could not go anywhere, announced; nothing while there is no problem. */
function Problem({ message, className }: { message: string | null; className: string }) {
  if (!message) return null
  return (
    <p role="alert" className={`${className} text-bad`}>
      <span aria-hidden="true">✕ </span>
      {message}
    </p>
  )
}
