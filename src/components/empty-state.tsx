import type { ReactNode } from 'react'

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-line bg-surface p-6 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-muted">{children}</div> : null}
    </div>
  )
}
