import type { ReactNode } from 'react'
import { safeHref } from '@/lib/safe-url'

/** An outside link only when the URL is http(s); anything else is shown as plain text. */
export function SafeLink({
  href,
  children,
  className,
}: {
  href: string | null | undefined
  children?: ReactNode
  className?: string
}) {
  const safe = safeHref(href)
  if (!safe) return <span className={className}>{children ?? href ?? ''}</span>
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      className={className ?? 'text-accent underline-offset-2 hover:underline'}
    >
      {children ?? safe}
    </a>
  )
}
