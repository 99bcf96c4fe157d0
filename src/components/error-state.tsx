import type { ReactNode } from 'react'
import { describeError } from './describe-error'

interface ErrorStateProps {
  error: unknown
  /** Offered as "Try again" only when retrying can help (not after a 401, 403 or 404). */
  onRetry?: () => void
  /** The retry button's words; "Try again" unless retrying means something else. */
  retryLabel?: string
  /** A way forward besides retrying, e.g. a link back to the list. */
  actions?: ReactNode
}

export function ErrorState({ error, onRetry, retryLabel = 'Try again', actions }: ErrorStateProps) {
  const description = describeError(error)
  return (
    <section role="alert" className="rounded border border-bad/50 bg-bad-soft p-4 text-ink">
      <h2 className="text-base font-semibold text-bad">
        <span aria-hidden="true">✕ </span>
        {description.title}
        {description.status ? (
          <span className="ml-2 text-sm font-normal">(HTTP {description.status})</span>
        ) : null}
      </h2>
      <p className="mt-1 break-words">{description.detail}</p>
      <p className="mt-1 text-muted">{description.advice}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        {onRetry && description.retryable ? (
          <button
            type="button"
            onClick={onRetry}
            className="rounded bg-accent px-3 py-1 font-medium text-accent-ink hover:opacity-90"
          >
            {retryLabel}
          </button>
        ) : null}
        {actions}
      </div>
    </section>
  )
}
