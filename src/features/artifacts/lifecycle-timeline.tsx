import { useMemo, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { HistoryEvent } from '@/api/artifacts'
import { usePreferences } from '@/components/preferences'
import { HeadedSection } from '@/components/headed-section'
import { TimeStamp } from '@/components/time-stamp'
import { useProgressive } from '@/components/use-progressive'
import { EVENT_KIND_ICON } from '@/lib/event-kind'
import { formatCount } from '@/lib/format'
import { formatDayHeading, formatGap, type TimeZoneChoice } from '@/lib/time'
import { snapshotPath } from '@/lib/app-paths'
import {
  KIND_LABELS,
  buildTimeline,
  firstEntries,
  parseTimelineFilter,
  splitSnapshotRefs,
  timelineFacets,
  writeTimelineFilter,
  type TimelineDay,
  type TimelineFilter,
  type TimelineKind,
} from './timeline'

function dayHeading(timestamp: number | null, timeZone: TimeZoneChoice): string {
  return timestamp === null ? 'Time not reported' : formatDayHeading(timestamp, { timeZone })
}

const firstScreenful = (days: TimelineDay[]) => firstEntries(days, 60)

const KIND_LOOK: Record<TimelineKind, { icon: string; className: string }> = {
  created: { icon: '✚', className: 'bg-info-soft text-info border-info/40' },
  evidence: { icon: '✎', className: 'bg-ok-soft text-ok border-ok/40' },
  approval: { icon: '✓', className: 'bg-ok-soft text-ok border-ok/40' },
  deployment: { icon: '⇪', className: 'bg-info-soft text-info border-info/40' },
  started: { icon: EVENT_KIND_ICON.started, className: 'bg-ok-soft text-ok border-ok/40' },
  scaled: { icon: EVENT_KIND_ICON.scaled, className: 'bg-warn-soft text-warn border-warn/40' },
  stopped: { icon: EVENT_KIND_ICON.stopped, className: 'bg-raised text-muted border-line' },
  other: { icon: EVENT_KIND_ICON.other, className: 'bg-raised text-muted border-line' },
}

function toggle<T>(list: ReadonlyArray<T>, value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value]
}

function EventText({ org, text }: { org: string; text: string }) {
  return (
    <>
      {splitSnapshotRefs(text).map((segment, index) =>
        segment.kind === 'snapshot' ? (
          <Link
            key={index}
            to={snapshotPath(org, segment.environment, segment.index)}
            className="font-medium text-accent underline underline-offset-2"
          >
            {segment.text}
          </Link>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}

function FilterButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded border px-2 py-0.5 text-sm ${
        pressed ? 'border-accent bg-accent text-accent-ink' : 'border-line hover:bg-raised'
      }`}
    >
      {children}
    </button>
  )
}

/** Every history event in time order, grouped by day, with gaps, filterable in the URL. */
export function LifecycleTimeline({
  org,
  history,
}: {
  org: string
  history: ReadonlyArray<HistoryEvent>
}) {
  const { timeZone } = usePreferences()
  const [searchParams, setSearchParams] = useSearchParams()
  const filter = useMemo(() => parseTimelineFilter(searchParams), [searchParams])
  const facets = useMemo(() => timelineFacets(history), [history])
  const allDays = useMemo(
    () => buildTimeline(history, filter, timeZone),
    [history, filter, timeZone],
  )
  // 2,000 events take a while to draw; the first screenful paints before the rest.
  const days = useProgressive(allDays, firstScreenful)
  const shown = allDays.reduce((sum, day) => sum + day.entries.length, 0)
  const filtered = filter.kinds.length > 0 || filter.environments.length > 0
  const setFilter = (next: TimelineFilter) =>
    setSearchParams((current) => writeTimelineFilter(current, next), {
      replace: true,
      preventScrollReset: true,
    })

  return (
    <HeadedSection
      id="timeline-heading"
      title="Lifecycle"
      className="space-y-3"
      beside={
        <p className="text-sm text-muted" aria-live="polite">
          {filtered
            ? `${formatCount(shown)} of ${formatCount(history.length)} events shown`
            : `${formatCount(history.length)} events`}
        </p>
      }
    >
      {history.length > 1 ? (
        <div className="space-y-2 rounded border border-line bg-surface p-3">
          <FacetGroup
            label="Show event kinds"
            title="Kinds:"
            values={facets.kinds}
            chosen={filter.kinds}
            onChange={(kinds) => setFilter({ ...filter, kinds })}
            render={(kind) => (
              <>
                <span aria-hidden="true">{KIND_LOOK[kind].icon} </span>
                {KIND_LABELS[kind]}
              </>
            )}
          />
          {facets.environments.length ? (
            <FacetGroup
              label="Show environments"
              title="Environments:"
              values={facets.environments}
              chosen={filter.environments}
              onChange={(environments) => setFilter({ ...filter, environments })}
              render={(name) => name}
            />
          ) : null}
          {filtered ? (
            <button
              type="button"
              className="text-sm text-accent underline underline-offset-2"
              onClick={() => setFilter({ kinds: [], environments: [] })}
            >
              Show all events
            </button>
          ) : null}
        </div>
      ) : null}

      {history.length === 0 ? (
        <p className="text-muted">The API reported no history for this artifact.</p>
      ) : shown === 0 ? (
        <p className="text-muted">No event matches the filter.</p>
      ) : (
        <div className="space-y-4">
          {days.map((day) => (
            <section key={day.key} aria-label={dayHeading(day.timestamp, timeZone)}>
              <h3 className="mb-1 text-sm font-semibold text-muted">
                {dayHeading(day.timestamp, timeZone)}
              </h3>
              <ol className="divide-y divide-line rounded border border-line bg-surface">
                {day.entries.map((entry) => {
                  const look = KIND_LOOK[entry.kind]
                  return (
                    <li
                      key={entry.position}
                      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 px-3 py-2 [contain-intrinsic-size:auto_2.6rem] [content-visibility:auto] sm:grid-cols-[auto_1fr_auto_4.5rem]"
                      data-kind={entry.kind}
                    >
                      <span
                        className={`inline-flex h-6 w-6 items-center justify-center rounded-full border text-xs ${look.className}`}
                        title={KIND_LABELS[entry.kind]}
                        aria-hidden="true"
                      >
                        {look.icon}
                      </span>
                      <span className="min-w-0 break-words">
                        <span className="sr-only">{KIND_LABELS[entry.kind]}: </span>
                        <EventText org={org} text={entry.event.event} />
                      </span>
                      <TimeStamp
                        value={entry.event.timestamp}
                        variant="absolute"
                        className="col-start-2 text-sm whitespace-nowrap sm:col-start-auto"
                      />
                      <span className="col-start-2 text-sm text-muted sm:col-start-auto sm:text-right">
                        {entry.gap === null ? null : (
                          <>
                            <span className="sr-only">after </span>
                            {formatGap(entry.gap)}
                          </>
                        )}
                      </span>
                    </li>
                  )
                })}
              </ol>
            </section>
          ))}
        </div>
      )}
    </HeadedSection>
  )
}

/** A row of toggles, one a value: pressing one adds it to the values shown or takes it away. */
function FacetGroup<T extends string>({
  label,
  title,
  values,
  chosen,
  onChange,
  render,
}: {
  label: string
  title: string
  values: readonly T[]
  chosen: readonly T[]
  onChange: (chosen: T[]) => void
  render: (value: T) => ReactNode
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted">{title}</span>
      {values.map((value) => (
        <FilterButton
          key={value}
          pressed={chosen.includes(value)}
          onClick={() => onChange(toggle(chosen, value))}
        >
          {render(value)}
        </FilterButton>
      ))}
    </div>
  )
}
