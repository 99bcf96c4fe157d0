import { Link } from 'react-router'
import { auditPath, type AuditSubject } from '@/lib/app-paths'

/** The link from a page to its print-ready audit report. */
export function AuditReportLink({
  org,
  subject,
  children = 'Audit report',
}: {
  org: string
  subject: AuditSubject
  children?: string
}) {
  return (
    <Link
      to={auditPath(org, subject)}
      className="no-print inline-flex items-center gap-1 rounded border border-line px-2 py-0.5 text-sm text-accent hover:bg-raised"
    >
      {children}
    </Link>
  )
}
