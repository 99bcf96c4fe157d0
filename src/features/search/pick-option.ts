/** One choice in a search listbox (header box or command palette). */
export interface PickOption {
  /** Stable within one list; used for React keys only. */
  key: string
  group: string
  label: string
  detail?: string
  /** A short type word shown beside the label, e.g. "flow". */
  tag?: string
  /** Input that is not understood or matches nothing is shown as a warning. */
  tone?: 'warn'
  onPick: () => void
}
