import type { Virtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEventHandler,
  type ReactNode,
} from 'react'
import { ComplianceBadge } from '@/components/compliance-badge'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { ImageName } from '@/components/image-name'
import { usePreferences } from '@/components/preferences'
import { ShortId } from '@/components/short-id'
import { Table, type TableColumn } from '@/components/table'
import { TimeCell, TimeStamp } from '@/components/time-stamp'
import { useTableRows } from '@/components/use-table-rows'
import { SnapshotArtifactWhy } from '@/features/compliance/snapshot-why'
import { artifactPath, flowPath } from '@/lib/app-paths'
import { eventTypeIcon } from '@/lib/event-kind'
import { shortSha } from '@/lib/format'
import { shortImageReference } from '@/lib/image-reference'
import { displayItemKeys, type DisplayItem, type SnapshotRow } from './snapshot-rows'
import { SnapshotRowDetails } from './snapshot-row-details'

/** Above this many items the table renders only what is on screen. */
export const VIRTUALISE_ABOVE = 150
const COLUMNS = 8

/** Annotations said otherwise than their type; the rest read as they are. */
const ANNOTATION_WORDS: Record<string, string> = {
  'started-compliant': 'started',
  'started-non-compliant': 'started',
  'started-unknown': 'started',
  'updated-provenance': 'provenance updated',
  'became-compliant': 'became compliant',
  'became-non-compliant': 'became non-compliant',
}

function Annotation({ row }: { row: SnapshotRow }) {
  const { annotation, previousReplicas, replicas } = row.artifact
  if (!annotation) return <span className="text-muted">unknown</span>
  const counted =
    previousReplicas !== null && previousReplicas !== replicas
      ? ` (${previousReplicas} → ${replicas})`
      : ''
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true" className="mr-1 text-muted">
        {eventTypeIcon(annotation)}
      </span>
      {ANNOTATION_WORDS[annotation] ?? annotation}
      {counted}
    </span>
  )
}

/** A row's tint, shared by full and skim rows so one never looks unlike the other. */
function rowClass(exited: boolean, grouped: boolean): string {
  return `align-top ${exited ? 'text-muted' : ''} ${grouped ? 'bg-info-soft/40' : ''}`
}

/** The first cell's edge marking a blue-green member. */
function groupEdge(grouped: boolean): string {
  return grouped ? 'border-l-4 border-info' : ''
}

function rowId(fingerprint: string, position: number) {
  return `snapshot-row-${position}-${fingerprint.slice(0, 16)}`
}

/**
 * Memoised: while scrolling, rows that stay on screen keep their DOM and skip rendering. Its
 * in-app links are plain anchors (the table's `useInAppAnchors` navigates): a router `<Link>`
 * redraws on every navigation, and typing in the filter writes the URL on every key.
 */
const ArtifactRow = memo(function ArtifactRow({
  org,
  where,
  row,
  grouped,
  position,
  rowIndex,
  open,
  highlighted,
  onToggle,
}: {
  org: string
  /** 'aws-beta#7939': the snapshot, for the compliance button's name. */
  where: string
  row: SnapshotRow
  grouped: boolean
  position: number
  rowIndex: number | undefined
  open: boolean
  /** The artifact a link asked for (`?fingerprint=`). */
  highlighted: boolean
  /** Called with the row's fingerprint; stable across renders. */
  onToggle: (fingerprint: string) => void
}) {
  const { artifact } = row
  const detailsId = `${rowId(artifact.fingerprint, position)}-details`
  return (
    <>
      <tr
        aria-rowindex={rowIndex}
        aria-current={highlighted ? 'true' : undefined}
        data-highlighted={highlighted ? '' : undefined}
        className={`${rowClass(artifact.exited, grouped)} ${highlighted ? 'bg-warn-soft outline-2 -outline-offset-2 outline-warn' : ''}`}
      >
        <td className={`px-3 py-2 ${groupEdge(grouped)}`}>
          <ShortId value={artifact.gitCommit} kind="commit" href={artifact.commitUrl} />
        </td>
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <div className="flex items-center gap-2 whitespace-nowrap">
            {artifact.flow ? (
              <a
                className="truncate font-medium text-accent hover:underline"
                href={artifactPath(org, artifact.flow, artifact.fingerprint)}
                title={row.shortName}
              >
                {row.shortName}
              </a>
            ) : (
              <span className="truncate font-medium" title={row.shortName}>
                {row.shortName}
              </span>
            )}
            {artifact.exited ? (
              <span className="shrink-0 rounded border border-line px-1 text-xs">
                <span aria-hidden="true">■ </span>exited
              </span>
            ) : null}
            {row.group ? (
              <span className="shrink-0 rounded border border-info/50 bg-info-soft px-1 text-xs text-info">
                <span aria-hidden="true">⇄ </span>blue-green
              </span>
            ) : null}
          </div>
          {/* One line for the image and its fingerprint keeps every row two lines high. */}
          <div className="flex min-w-0 items-center gap-2 text-xs">
            <ImageName name={artifact.name} />
            <span className="shrink-0">
              <ShortId value={artifact.fingerprint} kind="fingerprint" />
            </span>
          </div>
        </th>
        <td className="truncate px-3 py-2">
          {artifact.flow ? (
            <a
              className="text-accent hover:underline"
              href={flowPath(org, artifact.flow)}
              title={artifact.flow}
            >
              {artifact.flow}
            </a>
          ) : (
            <span className="text-muted">no provenance</span>
          )}
        </td>
        <td className="px-3 py-2">
          <SnapshotArtifactWhy org={org} artifact={artifact} where={where} />
          {row.reason ? (
            <p className="mt-1 truncate text-xs text-bad" title={row.reason}>
              {row.reason}
            </p>
          ) : null}
        </td>
        <td className="px-3 py-2">
          <TimeCell value={artifact.runningSince} />
        </td>
        <td className="px-3 py-2 text-right tabular-nums" data-label="replicas">
          {artifact.replicas}
        </td>
        <td className="px-3 py-2">
          <Annotation row={row} />
        </td>
        <td className="px-3 py-2">
          <button
            type="button"
            aria-label={`Details for ${row.shortName}`}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => onToggle(artifact.fingerprint)}
            className="rounded border border-line px-2 py-0.5 text-xs hover:bg-raised"
          >
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId}>
          <td colSpan={COLUMNS} className="border-t border-line p-0">
            <SnapshotRowDetails org={org} artifact={artifact} />
          </td>
        </tr>
      ) : null}
    </>
  )
})

/**
 * A row drawn while the table flies past (see `isSkimming`): the same columns as text, no links
 * or buttons, at the full row's height. About a third of a full row's elements.
 */
const SkimRow = memo(function SkimRow({
  row,
  grouped,
  rowIndex,
  height,
}: {
  row: SnapshotRow
  grouped: boolean
  rowIndex: number
  height: number
}) {
  const { artifact } = row
  return (
    <tr aria-rowindex={rowIndex} style={{ height }} className={rowClass(artifact.exited, grouped)}>
      <td className={`px-3 py-2 font-mono ${groupEdge(grouped)}`}>
        {shortSha(artifact.gitCommit)}
      </td>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <div className="truncate font-medium text-accent">{row.shortName}</div>
        <div className="truncate text-xs text-muted">{shortImageReference(artifact.name)}</div>
      </th>
      <td className="truncate px-3 py-2">{artifact.flow ?? 'no provenance'}</td>
      <td className="px-3 py-2">
        <ComplianceBadge value={artifact.compliant} />
      </td>
      <td className="px-3 py-2">
        <TimeStamp value={artifact.runningSince} variant="relative" />
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{artifact.replicas}</td>
      <td className="px-3 py-2">
        <Annotation row={row} />
      </td>
      <td />
    </tr>
  )
})

/**
 * Skim while a scroll moves more than a screen between two updates (a fling, a dragged scroll
 * bar): the rows it shows are gone before anyone could use their buttons, and drawing a screen of
 * full rows per frame is what makes such a scroll stutter. Slowing down or stopping ends it.
 */
export function isSkimming(scrolling: boolean, jump: number, viewport: number): boolean {
  return scrolling && viewport > 0 && jump > viewport
}

const GroupHeading = memo(function GroupHeading({
  item,
  rowIndex,
}: {
  item: Extract<DisplayItem, { kind: 'group' }>
  rowIndex: number | undefined
}) {
  const versions = item.rows.map((row) => `${row.shortName} (${row.artifact.replicas})`).join(' + ')
  return (
    <tr aria-rowindex={rowIndex} className="bg-info-soft">
      <td
        colSpan={COLUMNS}
        className="truncate border-l-4 border-info px-3 py-1.5 text-left font-medium text-info"
        title={versions}
      >
        <span aria-hidden="true">⇄ </span>
        Blue-green: {item.rows.length} versions of {item.group.label} running at once
        <span className="ml-2 font-normal text-ink">{versions}</span>
      </td>
    </tr>
  )
})

const TABLE_COLUMNS: ReadonlyArray<TableColumn> = [
  { name: 'Commit', width: 'w-32' },
  'Artifact',
  { name: 'Flow', width: 'w-36' },
  { name: 'Compliance', width: 'w-44' },
  { name: 'Running since', width: 'w-48' },
  { name: 'Replicas', width: 'w-20', className: 'text-right' },
  { name: 'Change', width: 'w-32' },
  { name: '', heading: <span className="sr-only">Details</span>, width: 'w-24' },
]

/**
 * The shared table, fixed columns on wide screens; stacked cards below a laptop's width, where
 * eight columns would leave the artifact's name a few letters.
 */
const TABLE_PROPS = {
  compact: true,
  stackBelow: 'lg',
  bodies: true,
  stickyHead: true,
  columns: TABLE_COLUMNS,
  tableClassName: 'min-w-[64rem] table-fixed',
} as const

/** The snapshot's artifacts; virtualised when long so 5,000 rows scroll smoothly. */
export function SnapshotTable({
  org,
  where,
  items,
  caption,
  highlight = '',
  virtualise = items.length > VIRTUALISE_ABOVE,
}: {
  org: string
  /** 'aws-beta#7939'. */
  where: string
  items: ReadonlyArray<DisplayItem>
  caption: string
  /** A fingerprint to highlight and scroll to once, or ''. */
  highlight?: string
  /**
   * Render only what is on screen. Decide it from the whole snapshot, not the filtered rows, so
   * the table does not switch kind (and redraw every row) while someone types a filter.
   */
  virtualise?: boolean
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = useCallback(
    (fingerprint: string) =>
      setOpen((current) => {
        const next = new Set(current)
        if (next.has(fingerprint)) next.delete(fingerprint)
        else next.add(fingerprint)
        return next
      }),
    [],
  )

  const onAnchorClick = useInAppAnchors()
  const keys = useMemo(() => displayItemKeys(items), [items])
  const highlightIndex = useMemo(
    () =>
      highlight === ''
        ? -1
        : items.findIndex(
            (item) => item.kind === 'row' && item.row.artifact.fingerprint === highlight,
          ),
    [items, highlight],
  )
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (virtualise || highlightIndex === -1) return
    box.current
      ?.querySelector<HTMLElement>('[data-highlighted]')
      ?.scrollIntoView?.({ block: 'center' })
  }, [virtualise, highlightIndex])
  const renderItem = (
    item: DisplayItem,
    position: number,
    rowIndex: number | undefined,
    skimHeight: number | null = null,
  ) =>
    item.kind === 'group' ? (
      <GroupHeading item={item} rowIndex={rowIndex} />
    ) : skimHeight !== null &&
      rowIndex !== undefined &&
      !open.has(item.row.artifact.fingerprint) ? (
      <SkimRow row={item.row} grouped={item.grouped} rowIndex={rowIndex} height={skimHeight} />
    ) : (
      <ArtifactRow
        org={org}
        where={where}
        row={item.row}
        grouped={item.grouped}
        position={position}
        rowIndex={rowIndex}
        open={open.has(item.row.artifact.fingerprint)}
        highlighted={highlight !== '' && item.row.artifact.fingerprint === highlight}
        onToggle={toggle}
      />
    )

  if (!virtualise) {
    return (
      <Table {...TABLE_PROPS} boxRef={box} caption={caption} onClick={onAnchorClick}>
        {items.map((item, position) => (
          <tbody key={keys[position]} className="border-t border-line">
            {renderItem(item, position, undefined)}
          </tbody>
        ))}
      </Table>
    )
  }
  return (
    <VirtualTable
      items={items}
      keys={keys}
      caption={caption}
      renderItem={renderItem}
      scrollTo={highlightIndex}
      onClick={onAnchorClick}
    />
  )
}

function VirtualTable({
  items,
  keys,
  caption,
  renderItem,
  scrollTo,
  onClick,
}: {
  items: ReadonlyArray<DisplayItem>
  keys: ReadonlyArray<string>
  caption: string
  /** An item to bring into view, or -1. */
  scrollTo: number
  onClick: MouseEventHandler<HTMLDivElement>
  /** `skimHeight`: draw a closed row as a `SkimRow` of this height. */
  renderItem: (
    item: DisplayItem,
    position: number,
    rowIndex: number,
    skimHeight: number | null,
  ) => ReactNode
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [skimming, setSkimming] = useState(false)
  const lastOffset = useRef(0)
  const onChange = useCallback((instance: Virtualizer<HTMLDivElement, Element>) => {
    const offset = instance.scrollOffset ?? 0
    const jump = Math.abs(offset - lastOffset.current)
    lastOffset.current = offset
    setSkimming(isSkimming(instance.isScrolling, jump, instance.scrollRect?.height ?? 0))
  }, [])
  // A closed row's height, learned from the first one drawn. Rows keep to one line per field, so
  // they share a height; when the estimate is exact a newly drawn row costs the virtualizer
  // nothing, where a wrong one makes it recompute every position below that row.
  const [typical, setTypical] = useState<Record<DisplayItem['kind'], number>>({
    row: 56,
    group: 34,
  })
  const learned = useRef(new Set<DisplayItem['kind']>())
  // The density switch changes every row's height: learn it again.
  const { density } = usePreferences()
  const learnedAt = useRef(density)
  const estimateSize = useCallback(
    (index: number) => typical[items[index]?.kind ?? 'row'],
    [items, typical],
  )
  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys])
  const { virtualizer, virtualItems, before, after } = useTableRows({
    count: items.length,
    scrollRef,
    estimateSize,
    getItemKey,
    // Few: jumping a screen at a time redraws every overscanned row in the same frame.
    overscan: 3,
    onChange,
  })
  useLayoutEffect(() => {
    if (learnedAt.current !== density) {
      learnedAt.current = density
      learned.current.clear()
    }
    const box = scrollRef.current
    if (!box || learned.current.size === 2) return
    const next = { ...typical }
    for (const kind of ['row', 'group'] as const) {
      if (learned.current.has(kind)) continue
      const body = box.querySelector<HTMLElement>(`tbody[data-kind="${kind}"]`)
      // No layout (jsdom) means nothing to learn yet.
      if (!body || body.offsetHeight === 0) continue
      learned.current.add(kind)
      next[kind] = body.offsetHeight
    }
    // A height is known only once a row is drawn; measuring it is what the effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (next.row !== typical.row || next.group !== typical.group) setTypical(next)
  }, [items, typical, density])
  useEffect(() => {
    if (scrollTo === -1) return
    virtualizer.scrollToIndex(scrollTo, { align: 'center' })
    scrollRef.current?.scrollIntoView?.({ block: 'nearest' })
  }, [scrollTo, virtualizer])
  return (
    <Table
      {...TABLE_PROPS}
      boxRef={scrollRef}
      className="max-h-[70vh] overflow-auto"
      region={`${caption} (scrollable)`}
      rowCount={items.length + 1}
      caption={caption}
      onClick={onClick}
    >
      {before > 0 ? (
        <tbody aria-hidden="true">
          <tr style={{ height: before }} />
        </tbody>
      ) : null}
      {virtualItems.map((virtualItem) => {
        const item = items[virtualItem.index]
        if (!item) return null
        return (
          <tbody
            key={virtualItem.key}
            data-index={virtualItem.index}
            data-kind={item.kind}
            ref={virtualizer.measureElement}
            className="border-t border-line"
          >
            {renderItem(
              item,
              virtualItem.index,
              virtualItem.index + 2,
              skimming ? typical.row : null,
            )}
          </tbody>
        )
      })}
      {after > 0 ? (
        <tbody aria-hidden="true">
          <tr style={{ height: after }} />
        </tbody>
      ) : null}
    </Table>
  )
}
