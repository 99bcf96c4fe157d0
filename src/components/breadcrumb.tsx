import { Fragment, type ReactNode } from 'react'
import { Link } from 'react-router'

const separator = <span aria-hidden="true"> / </span>

/** Where a page sits: links to the pages above it, then the page itself when it is named. */
export function Breadcrumb({
  links,
  current,
}: {
  links: ReadonlyArray<{ label: ReactNode; to: string }>
  current?: ReactNode
}) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted">
      {links.map((link, i) => (
        <Fragment key={link.to}>
          {i > 0 ? separator : null}
          <Link to={link.to} className="text-accent underline underline-offset-2">
            {link.label}
          </Link>
        </Fragment>
      ))}
      {current ? (
        <>
          {separator}
          <span aria-current="page" className="break-all">
            {current}
          </span>
        </>
      ) : null}
    </nav>
  )
}
