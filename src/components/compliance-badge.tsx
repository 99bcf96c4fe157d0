import type { ComplianceState } from '@/api/domain'

type BadgeValue = ComplianceState | boolean | null | undefined

const LOOK: Record<ComplianceState, { label: string; icon: string; className: string }> = {
  COMPLIANT: { label: 'Compliant', icon: '✓', className: 'bg-ok-soft text-ok border-ok/40' },
  'NON-COMPLIANT': {
    label: 'Non-compliant',
    icon: '✕',
    className: 'bg-bad-soft text-bad border-bad/40',
  },
  INCOMPLETE: {
    label: 'Incomplete',
    icon: '◐',
    className: 'bg-warn-soft text-warn border-warn/40',
  },
  MISSING: { label: 'Missing', icon: '!', className: 'bg-warn-soft text-warn border-warn/40' },
  UNKNOWN: { label: 'Unknown', icon: '?', className: 'bg-raised text-muted border-line' },
}

export function toComplianceState(value: BadgeValue): ComplianceState {
  if (value === true) return 'COMPLIANT'
  if (value === false) return 'NON-COMPLIANT'
  return value ?? 'UNKNOWN'
}

const WORD: Record<ComplianceState, string> = {
  COMPLIANT: 'compliant',
  'NON-COMPLIANT': 'non-compliant',
  INCOMPLETE: 'incomplete',
  MISSING: 'missing',
  UNKNOWN: 'of unknown compliance',
}

/** The state inside a sentence: 'it is non-compliant', 'it is of unknown compliance'. */
export function complianceWord(value: BadgeValue): string {
  return WORD[toComplianceState(value)]
}

/** The badge's words: 'Non-compliant', or the label given instead. */
export function complianceLabel(value: BadgeValue, label?: string): string {
  return label ?? LOOK[toComplianceState(value)].label
}

/** Compliance as icon + word, never colour alone. */
export function ComplianceBadge({ value, label }: { value: BadgeValue; label?: string }) {
  const state = toComplianceState(value)
  const look = LOOK[state]
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${look.className}`}
    >
      <span aria-hidden="true">{look.icon}</span>
      {label ?? look.label}
    </span>
  )
}
