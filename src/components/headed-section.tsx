import type { ReactNode } from 'react'

const LOOK = {
  1: { row: 'flex flex-wrap gap-x-4 gap-y-1', heading: 'text-xl font-semibold' },
  2: { row: 'flex flex-wrap gap-3', heading: 'text-lg font-semibold' },
} as const

const ALIGN = { baseline: 'items-baseline', center: 'items-center' } as const

/**
 * A section named by its heading (a page's h1 or a part's h2), with what belongs beside the
 * heading (a count, a page note, an export menu) on the heading's line, wrapping when narrow.
 * Controls beside it (toggles, a range picker) line up on the heading's middle, text on its
 * baseline.
 */
export function HeadedSection({
  id,
  title,
  level = 2,
  align = 'baseline',
  beside,
  className,
  children,
}: {
  id: string
  title: ReactNode
  level?: 1 | 2
  align?: keyof typeof ALIGN
  beside?: ReactNode
  className?: string
  children: ReactNode
}) {
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <section aria-labelledby={id} className={className}>
      <div className={`${LOOK[level].row} ${ALIGN[align]}`}>
        <Heading id={id} className={LOOK[level].heading}>
          {title}
        </Heading>
        {beside}
      </div>
      {children}
    </section>
  )
}
