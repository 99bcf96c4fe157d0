/**
 * ComplianceChecklist — a trail's template checklist: every required (or reported) attestation
 * and artifact slot with its status (complete / missing / non-compliant / incomplete / unexpected /
 * overridden) as icon + word + reason.
 *
 * Props:
 * - `checklist: ComplianceChecklist` — `trail.checklist` from `trailQueries.detail` (src/api/trails.ts).
 * - `trail: { org: string; flow: string; name: string }` — the trail the checklist belongs to; rows
 *   with an attestation id link to `/:org/flows/:flow/trails/:trail?attestation_id=<id>`.
 * - `heading?: string` — visible heading (default "Compliance checklist"); `headingLevel?: 2 | 3 | 4`.
 * - `highlight?: string | null` — a fingerprint: that artifact's rows are marked "this artifact".
 */
import { Link } from 'react-router'
import type { ComplianceChecklist as Checklist } from '@/api/trails'
import { ShortId } from '@/components/short-id'
import { TimeStamp } from '@/components/time-stamp'
import { CHECKLIST_LOOK, checklistItems, checklistSummary } from './checklist-items'
import { artifactPath, trailPath } from '@/lib/app-paths'
import { Title } from './title'

export interface ComplianceChecklistProps {
  checklist: Checklist
  trail: { org: string; flow: string; name: string }
  heading?: string
  headingLevel?: 2 | 3 | 4
  highlight?: string | null
}

export function ComplianceChecklist({
  checklist,
  trail,
  heading = 'Compliance checklist',
  headingLevel = 3,
  highlight = null,
}: ComplianceChecklistProps) {
  const items = checklistItems(checklist)
  return (
    <div role="group" aria-label={heading} className="space-y-2">
      <Title level={headingLevel} className="font-semibold">
        {heading}
      </Title>
      <p className="text-muted">
        {checklistSummary(items)}
        {checklist.evaluatedAt !== null ? (
          <>
            {' '}
            · evaluated <TimeStamp value={checklist.evaluatedAt} />
          </>
        ) : null}
      </p>
      {items.length ? (
        <ul className="divide-y divide-line rounded border border-line bg-surface">
          {items.map((item) => {
            const look = CHECKLIST_LOOK[item.status]
            const own = highlight !== null && item.fingerprint === highlight
            return (
              <li
                key={item.key}
                className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-1.5 ${item.depth ? 'pl-8' : ''} ${own ? 'bg-info-soft/40' : ''}`}
              >
                <span
                  className={`inline-flex w-32 shrink-0 items-center gap-1 font-medium ${look.tone}`}
                >
                  <span aria-hidden="true">{look.icon}</span>
                  {look.label}
                </span>
                <span className="min-w-0 font-medium break-words">
                  {item.attestationId ? (
                    <Link
                      className="text-accent hover:underline"
                      to={trailPath(trail.org, trail.flow, trail.name, item.attestationId)}
                    >
                      {item.label}
                    </Link>
                  ) : item.kind === 'artifact' && item.fingerprint ? (
                    <Link
                      className="text-accent hover:underline"
                      to={artifactPath(trail.org, trail.flow, item.fingerprint)}
                    >
                      {item.label}
                    </Link>
                  ) : (
                    item.label
                  )}
                </span>
                <span className="text-muted">
                  {item.kind === 'artifact' ? 'artifact' : (item.type ?? 'attestation')}
                </span>
                {item.kind === 'artifact' && item.fingerprint ? (
                  <ShortId value={item.fingerprint} kind="fingerprint" />
                ) : null}
                {own && item.kind === 'artifact' ? (
                  <span className="rounded border border-info/50 px-1 text-xs text-info">
                    this artifact
                  </span>
                ) : null}
                <span className="basis-full text-muted sm:basis-auto">{item.detail}</span>
              </li>
            )
          })}
        </ul>
      ) : null}
    </div>
  )
}
