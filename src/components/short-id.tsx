import { shortSha } from '@/lib/format'
import { CopyButton } from './copy-button'
import { SafeLink } from './safe-link'

interface ShortIdProps {
  value: string | null | undefined
  /** What the value is, for the copy button's label: "fingerprint", "commit". */
  kind: string
  length?: number
  href?: string | null
}

/** A fingerprint or commit shown short, with the full value on hover and a copy button. */
export function ShortId({ value, kind, length = 7, href }: ShortIdProps) {
  if (!value) return <span className="text-muted">none</span>
  const short = <span className="font-mono">{shortSha(value, length)}</span>
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap" title={value}>
      {href ? <SafeLink href={href}>{short}</SafeLink> : short}
      <CopyButton value={value} label={`Copy full ${kind} ${value}`} />
    </span>
  )
}
