/**
 * ComplianceWhy — a compliance badge that is a button: one click shows why (aria-expanded,
 * aria-controls); the explanation renders right below it.
 *
 * Props:
 * - `value: ComplianceState | boolean | null | undefined` — as `ComplianceBadge` takes it.
 * - `children: ReactNode` — the explanation, e.g. `<ComplianceChecklist …/>` for trails and
 *   artifacts, `<PolicyDecisions …/>` for snapshot rows, environments, snapshots.
 * - `label?: string` — badge text override; `subject?: string` — what is judged, for the
 *   button's accessible name ("Why is runner:16d9990 compliant?"); `defaultOpen?: boolean`.
 */
import { useId, useState, type ReactNode } from 'react'
import type { ComplianceState } from '@/api/domain'
import { ComplianceBadge, toComplianceState } from '@/components/compliance-badge'

export interface ComplianceWhyProps {
  value: ComplianceState | boolean | null | undefined
  children: ReactNode
  label?: string
  subject?: string
  defaultOpen?: boolean
}

const WORD: Record<ComplianceState, string> = {
  COMPLIANT: 'compliant',
  'NON-COMPLIANT': 'non-compliant',
  INCOMPLETE: 'incomplete',
  MISSING: 'missing',
  UNKNOWN: 'of unknown compliance',
}

export function ComplianceWhy({
  value,
  children,
  label,
  subject,
  defaultOpen = false,
}: ComplianceWhyProps) {
  const [open, setOpen] = useState(defaultOpen)
  const id = useId()
  const state = toComplianceState(value)
  const name = `Why is ${subject ?? 'this'} ${WORD[state]}?`
  return (
    <div className="inline-block max-w-full align-top">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        title={open ? 'Hide why' : 'Show why'}
        onClick={() => setOpen((current) => !current)}
        className="inline-flex items-center gap-1 rounded hover:opacity-90"
      >
        <ComplianceBadge value={value} label={label} />
        <span className="text-xs text-accent underline-offset-2 hover:underline">
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>why?
        </span>
        <span className="sr-only">{name}</span>
      </button>
      <div id={id} hidden={!open} className="mt-2 rounded border border-line bg-surface p-3">
        {open ? children : null}
      </div>
    </div>
  )
}
