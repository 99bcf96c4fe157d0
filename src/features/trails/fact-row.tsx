import type { ReactNode } from 'react'
import { SafeLink } from '@/components/safe-link'

const LABEL_WIDTH = { narrow: 'grid-cols-[8rem_1fr]', wide: 'grid-cols-[9rem_1fr]' } as const

/** One fact of a description list: its label, then its value, on one grid row. */
export function FactRow({
  label,
  labelWidth = 'narrow',
  children,
}: {
  label: string
  labelWidth?: keyof typeof LABEL_WIDTH
  children: ReactNode
}) {
  return (
    <div className={`grid ${LABEL_WIDTH[labelWidth]} gap-2 py-0.5`}>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  )
}

/** Where something was reported from, as an outside link, or "none". */
export function OriginLink({ url }: { url: string | null }) {
  return url ? (
    <SafeLink href={url} className="break-all text-accent hover:underline" />
  ) : (
    <span className="text-muted">none</span>
  )
}
