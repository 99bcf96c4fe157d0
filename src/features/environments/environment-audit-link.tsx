import { useState } from 'react'
import { useLocation } from 'react-router'
import { AuditReportLink } from '@/components/audit-report-link'
import { Labelled, type FieldProps } from '@/components/filter-fields'
import { auditSubjectForPage, environmentAuditSubject } from '@/lib/app-paths'

const control = 'rounded border border-line bg-surface px-1 py-0.5'

/**
 * The environment's audit report over a range of UTC days: the log's range when it has one,
 * otherwise the 30 days up to the environment's last report.
 */
export function EnvironmentAuditLink({
  org,
  env,
  lastReportedAt,
}: {
  org: string
  env: string
  lastReportedAt: number | null
}) {
  const { pathname, search } = useLocation()
  const [now] = useState(() => Date.now() / 1000)
  const initial = auditSubjectForPage(pathname, search, lastReportedAt ?? now)
  const start = initial && 'from' in initial ? initial.from.slice(0, 10) : ''
  const end = initial && 'to' in initial ? initial.to.slice(0, 10) : ''
  // Kept per range of the page: a new log range starts the fields again.
  return <AuditRange key={`${start}/${end}`} org={org} env={env} start={start} end={end} />
}

function AuditRange({
  org,
  env,
  start,
  end,
}: {
  org: string
  env: string
  start: string
  end: string
}) {
  const [from, setFrom] = useState(start)
  const [to, setTo] = useState(end)
  return (
    <div
      role="group"
      aria-label="Audit report range"
      className="flex flex-wrap items-center gap-2 text-sm"
    >
      <AuditReportLink org={org} subject={environmentAuditSubject(env, from, to)}>
        Audit report
      </AuditReportLink>
      <DayField label="from" value={from} onChange={setFrom} />
      <DayField label="to" value={to} onChange={setTo} />
      <span className="text-muted">(UTC days)</span>
    </div>
  )
}

/** A required day: clearing the field keeps the day it had. */
function DayField({ label, value, onChange }: FieldProps) {
  return (
    <Labelled label={label} className="flex items-center gap-1">
      <input
        type="date"
        className={control}
        value={value}
        required
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
    </Labelled>
  )
}
