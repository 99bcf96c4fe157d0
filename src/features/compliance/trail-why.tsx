/**
 * Trail compliance, explained by the trail's template checklist (`compliance_status`).
 *
 * - `TrailComplianceWhy` — the badge-button for a trail already loaded (trail page, trail lists).
 * - `TrailChecklistLoader` — the checklist of a trail known only by name: fetches it when shown
 *   (artifacts, flows, a snapshot artifact's flows). `highlight` marks one artifact's slot.
 */
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { trailQueries, type Trail } from '@/api/trails'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ComplianceChecklist } from './compliance-checklist'
import { ComplianceWhy } from './compliance-why'
import { trailPath } from '@/lib/app-paths'

function NoChecklist({ trail }: { trail: string }) {
  return (
    <p className="text-muted">
      Kosli did not include the compliance status of trail {trail}, so its checklist is unknown.
    </p>
  )
}

/** The checklist of one trail, with a heading naming it. */
export function TrailChecklist({
  org,
  trail,
  highlight = null,
  heading,
  headingLevel = 3,
}: {
  org: string
  trail: Trail
  highlight?: string | null
  heading?: string
  headingLevel?: 2 | 3 | 4
}) {
  if (!trail.checklist) return <NoChecklist trail={trail.name} />
  return (
    <ComplianceChecklist
      checklist={trail.checklist}
      trail={{ org, flow: trail.flow, name: trail.name }}
      heading={heading ?? `Checklist of trail ${trail.name}`}
      headingLevel={headingLevel}
      highlight={highlight}
    />
  )
}

export function TrailChecklistLoader({
  org,
  flow,
  trail,
  highlight = null,
  headingLevel = 3,
}: {
  org: string
  flow: string
  trail: string
  highlight?: string | null
  headingLevel?: 2 | 3 | 4
}) {
  const query = useQuery(trailQueries.detail(org, flow, trail))
  if (query.isPending) return <Skeleton rows={3} label={`Loading trail ${trail}`} />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return (
    <div className="space-y-2">
      <TrailChecklist
        org={org}
        trail={query.data}
        highlight={highlight}
        headingLevel={headingLevel}
      />
      <Link className="text-accent hover:underline" to={trailPath(org, flow, trail)}>
        Open trail {trail}
      </Link>
    </div>
  )
}

export function TrailComplianceWhy({
  org,
  trail,
  heading,
  headingLevel,
}: {
  org: string
  trail: Trail
  heading?: string
  headingLevel?: 2 | 3 | 4
}) {
  return (
    <ComplianceWhy value={trail.state} subject={`trail ${trail.name}`}>
      <TrailChecklist org={org} trail={trail} heading={heading} headingLevel={headingLevel} />
    </ComplianceWhy>
  )
}
