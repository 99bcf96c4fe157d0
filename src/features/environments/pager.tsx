import { Link } from 'react-router'

/** Previous/next page links that keep the other search params. */
export function Pager({
  label,
  page,
  totalPages,
  hasNext,
  hrefFor,
  previousLabel = 'Newer',
  nextLabel = 'Older',
}: {
  previousLabel?: string
  nextLabel?: string
  label: string
  page: number
  totalPages: number | null
  hasNext: boolean
  hrefFor: (page: number) => string
}) {
  const link = 'rounded border border-line px-2 py-1 hover:bg-raised'
  const off = 'rounded border border-line px-2 py-1 text-muted opacity-60'
  return (
    <nav aria-label={label} className="mt-3 flex items-center gap-2 text-sm">
      {page > 1 ? (
        <Link className={link} to={hrefFor(page - 1)}>
          <span aria-hidden="true">← </span>
          {previousLabel}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          <span aria-hidden="true">← </span>
          {previousLabel}
        </span>
      )}
      <span className="text-muted">
        Page {page}
        {totalPages !== null ? ` of ${Math.max(totalPages, 1)}` : ''}
      </span>
      {hasNext ? (
        <Link className={link} to={hrefFor(page + 1)}>
          {nextLabel}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {nextLabel}
          <span aria-hidden="true"> →</span>
        </span>
      )}
    </nav>
  )
}
