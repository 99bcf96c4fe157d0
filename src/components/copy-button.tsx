import { useEffect, useState } from 'react'

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** Copies `value`; says so for screen readers too. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  // What was copied, and how it went: a button a table row reuses for another value is idle.
  const [outcome, setOutcome] = useState<{ value: string; copied: boolean } | null>(null)
  useEffect(() => {
    if (!outcome) return
    const timer = setTimeout(() => setOutcome(null), 1500)
    return () => clearTimeout(timer)
  }, [outcome])
  const state = outcome?.value !== value ? 'idle' : outcome.copied ? 'copied' : 'failed'
  return (
    <button
      type="button"
      className="no-print inline-flex min-h-6 min-w-6 shrink-0 items-center justify-center rounded border border-line px-1 text-xs text-muted hover:bg-raised hover:text-ink"
      aria-label={label}
      title={label}
      onClick={async () => setOutcome({ value, copied: await copyText(value) })}
    >
      {state === 'idle' ? (
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          width="12"
          height="12"
          className="my-0.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          {/* One path (two squares, one open): table rows draw two of these each. */}
          <path d="M6.5 5h6a1.5 1.5 0 0 1 1.5 1.5v6a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 5 12.5v-6A1.5 1.5 0 0 1 6.5 5ZM3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" />
        </svg>
      ) : (
        <span aria-hidden="true">{state === 'copied' ? '✓' : '✕'}</span>
      )}
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  )
}
