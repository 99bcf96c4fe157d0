import {
  Fragment,
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'
import { useNavigate } from 'react-router'
import { usePreferences } from '@/components/preferences'
import { formatAbsolute, type TimeZoneChoice } from '@/lib/time'
import type { History, Lane, RunInterval, RunSegment } from './intervals'
import {
  LANE_PAD,
  ROW,
  layoutLanes,
  linesBetween,
  type LaneLine,
  type TimeWindow,
} from './lane-layout'
import { timeScale, timeTicks, type TimeScale } from './time-axis'

export type { TimeWindow }

export interface HistoryChartProps {
  history: History
  view: TimeWindow
  /** A new window: `commit` once a gesture ends (the URL changes then), not on every frame. */
  onViewChange: (view: TimeWindow, commit: boolean) => void
  /** Where a bar leads; null makes it a plain, still focusable, bar. */
  hrefFor: (interval: RunInterval) => string | null
  /** What to offer for a moment the user points at (or the start of the focused bar). */
  moment?: (time: number) => ReactNode
  /** Names the chart for assistive technology. */
  label: string
  /** The word for one lane, e.g. "artifact" or "environment". */
  laneNoun?: string
}

const AXIS_HEIGHT = 28
const MAX_HEIGHT = 520
/** Up to this many lines every lane is drawn; beyond it only those in view. */
const DRAW_ALL = 80
const OVERSCAN = 240
const MIN_SPAN = 120

function clampView(view: TimeWindow, bounds: TimeWindow): TimeWindow {
  const full = Math.max(bounds.to - bounds.from, MIN_SPAN)
  const span = Math.min(Math.max(view.to - view.from, MIN_SPAN), full)
  let from = view.from
  if (from < bounds.from) from = bounds.from
  if (from + span > bounds.from + full) from = bounds.from + full - span
  return { from, to: from + span }
}

export function zoomView(view: TimeWindow, factor: number, at: number, bounds: TimeWindow) {
  const from = at - (at - view.from) * factor
  const to = at + (view.to - at) * factor
  return clampView({ from, to }, bounds)
}

export function panView(view: TimeWindow, seconds: number, bounds: TimeWindow) {
  return clampView({ from: view.from + seconds, to: view.to + seconds }, bounds)
}

function replicasText(interval: RunInterval): string {
  const counts: number[] = []
  for (const segment of interval.segments) {
    if (counts[counts.length - 1] !== segment.replicas) counts.push(segment.replicas)
  }
  return counts.length === 1
    ? `${counts[0]} ${counts[0] === 1 ? 'replica' : 'replicas'}`
    : `replicas ${counts.join(' → ')}`
}

function complianceWords(interval: RunInterval): string {
  const states = new Set(interval.segments.map((segment) => segment.compliant))
  if (states.size > 1)
    return states.has(false) ? 'non-compliant for part of the run' : 'compliance changed'
  return interval.nonCompliant
    ? 'non-compliant'
    : states.has(null)
      ? 'compliance unknown'
      : 'compliant'
}

/** The bar's accessible name: what ran, from when to when, with how many, and its compliance. */
export function barLabel(interval: RunInterval, zone: TimeZoneChoice, subject?: string): string {
  const from = `${interval.startsBeforeLog ? 'before the log, first seen ' : ''}#${interval.startIndex} ${formatAbsolute(interval.start, { timeZone: zone })}`
  const to =
    interval.end === null
      ? 'still running'
      : `#${interval.endIndex ?? '?'} ${formatAbsolute(interval.end, { timeZone: zone })}`
  return `${subject ?? interval.label}: ${from} to ${to}, ${replicasText(interval)}, ${complianceWords(interval)}`
}

function tagOf(label: string): string {
  const colon = label.lastIndexOf(':')
  return colon === -1 ? label : label.slice(colon + 1)
}

/** What every lane is drawn with: the chart's scale and look, the bar in focus, the handlers. */
interface LaneShared {
  scale: TimeScale
  end: number
  labelWidth: number
  activeId: string | null
  focusedId: string | null
  hatchId: string
  zone: TimeZoneChoice
  laneSubject: (lane: Lane, interval: RunInterval) => string
  hrefFor: (interval: RunInterval) => string | null
  onBarFocus: (interval: RunInterval) => void
  onBarBlur: () => void
  onOpen: (event: MouseEvent, href: string) => void
}

/** Memoised on `shared` as a whole: the chart builds it again only when one of its parts changes. */
const LaneRow = memo(function LaneRow({ line, shared }: { line: LaneLine; shared: LaneShared }) {
  const {
    scale,
    end,
    labelWidth,
    activeId,
    focusedId,
    hatchId,
    zone,
    laneSubject,
    hrefFor,
    onBarFocus,
    onBarBlur,
    onOpen,
  } = shared
  const { lane, intervals, height } = line
  const clip = (x: number) => Math.max(-4, Math.min(scale.width + 4, x))
  return (
    <div
      className="absolute inset-x-0 flex border-b border-line/60"
      style={{ top: line.top, height }}
      data-lane={lane.name}
    >
      <div
        className="shrink-0 truncate border-r border-line px-2 text-xs leading-[22px]"
        style={{ width: labelWidth }}
        title={lane.image}
      >
        {lane.name}
      </div>
      <svg width={scale.width} height={height} className="block shrink-0 overflow-visible">
        {intervals.map((interval, position) => {
          const x0 = clip(scale.x(interval.start))
          const x1 = clip(scale.x(interval.end ?? end))
          const width = Math.max(x1 - x0, 3)
          const y = LANE_PAD / 2 + (line.rows[position] ?? 0) * ROW
          const href = hrefFor(interval)
          const active = interval.id === activeId
          const label = barLabel(interval, zone, laneSubject(lane, interval))
          const bar = (
            <>
              <title>{label}</title>
              {interval.segments.map((segment) => (
                <SegmentRect
                  key={segment.fromIndex}
                  segment={segment}
                  x0={clip(scale.x(segment.from))}
                  x1={clip(scale.x(segment.to ?? interval.end ?? end))}
                  y={y}
                  hatchId={hatchId}
                />
              ))}
              <rect
                x={x0}
                y={y}
                width={width}
                height={ROW - 4}
                rx={3}
                className={
                  focusedId === interval.id
                    ? 'fill-none stroke-accent stroke-[3px]'
                    : 'fill-none stroke-info/80'
                }
              />
            </>
          )
          return (
            <Fragment key={interval.id}>
              <a
                href={href ?? undefined}
                role={href ? undefined : 'img'}
                aria-label={label}
                tabIndex={active ? 0 : -1}
                data-bar={interval.id}
                className="cursor-pointer outline-none"
                onFocus={() => onBarFocus(interval)}
                onBlur={onBarBlur}
                onClick={href ? (event) => onOpen(event, href) : undefined}
              >
                {bar}
              </a>
              {/* Beside the link, not in it: its label already says this, and a link's visible
                text has to be part of its name (what a speech-input user says to click it). */}
              <g aria-hidden="true" className="pointer-events-none">
                {interval.segments.map((segment, position) => (
                  <SegmentWords
                    key={segment.fromIndex}
                    segment={segment}
                    x0={clip(scale.x(segment.from))}
                    x1={clip(scale.x(segment.to ?? interval.end ?? end))}
                    y={y}
                    tag={position === 0 ? tagOf(interval.label) : null}
                  />
                ))}
              </g>
            </Fragment>
          )
        })}
      </svg>
    </div>
  )
})

/** One stretch of a bar between `x0` and `x1`; the first of a bar also names the version's tag. */
function SegmentRect({
  segment,
  x0,
  x1,
  y,
  hatchId,
}: {
  segment: RunSegment
  x0: number
  x1: number
  y: number
  hatchId: string
}) {
  const width = Math.max(x1 - x0, 3)
  const bad = segment.compliant === false
  const unknown = segment.compliant === null
  return (
    <g>
      <rect
        x={x0}
        y={y}
        width={width}
        height={ROW - 4}
        className={bad ? 'fill-bad-soft' : unknown ? 'fill-raised' : 'fill-info-soft'}
      />
      {bad ? <rect x={x0} y={y} width={width} height={ROW - 4} fill={`url(#${hatchId})`} /> : null}
    </g>
  )
}

/** A segment's tag and replicas, as much as fits its width. */
function SegmentWords({
  segment,
  x0,
  x1,
  y,
  tag,
}: {
  segment: RunSegment
  x0: number
  x1: number
  y: number
  tag: string | null
}) {
  const width = Math.max(x1 - x0, 3)
  const bad = segment.compliant === false
  const replicas = `×${segment.replicas}`
  const words = bad ? (width > 120 ? `${replicas} non-compliant` : `${replicas} ✕`) : replicas
  const text =
    tag !== null && width > 40 + words.length * 7 + tag.length * 7
      ? `${tag} ${words}`
      : width > words.length * 7 + 6
        ? words
        : ''
  if (!text) return null
  return (
    <text
      x={Math.max(x0, 0) + 4}
      y={y + ROW / 2 + 2}
      className={`text-[11px] ${bad ? 'fill-bad font-semibold' : 'fill-ink'}`}
    >
      {text}
    </text>
  )
}

/** A picture over the lanes in view that takes no pointer events and says nothing. */
function Overlay({
  left,
  top,
  width,
  height,
  children,
}: {
  left: number
  top: number
  width: number
  height: number
  children: ReactNode
}) {
  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute"
      style={{ left, top }}
      width={width}
      height={height}
    >
      {children}
    </svg>
  )
}

/**
 * Runs as bars on a time axis: a lane per artifact name (grouped), a row per overlapping
 * version, a segment per replica count and compliance. Lanes out of view are not drawn.
 * Keyboard: one bar is in the tab order; arrows move between bars, + and − zoom.
 */
export function HistoryChart({
  history,
  view,
  onViewChange,
  hrefFor,
  moment: momentPanel,
  label,
  laneNoun = 'artifact',
}: HistoryChartProps) {
  const { timeZone } = usePreferences()
  const navigate = useNavigate()
  const hatchId = useId().replace(/:/g, '')
  const helpId = useId()
  const boxRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [boxWidth, setBoxWidth] = useState(960)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(MAX_HEIGHT)
  const [draft, setDraft] = useState<TimeWindow | null>(null)
  const [moment, setMoment] = useState<number | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const wantFocus = useRef(false)
  const drag = useRef<{ x: number; view: TimeWindow; moved: boolean } | null>(null)
  const commitTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const shown = draft ?? view
  const bounds = useMemo(
    () => ({ from: history.start, to: Math.max(history.end, history.start + MIN_SPAN) }),
    [history],
  )
  const labelWidth = boxWidth < 560 ? 96 : 168
  const plotWidth = Math.max(boxWidth - labelWidth - 2, 120)
  const scale = useMemo(() => timeScale(shown.from, shown.to, plotWidth), [shown, plotWidth])
  const ticks = useMemo(
    () => timeTicks(scale, timeZone, boxWidth < 560 ? 80 : 110),
    [scale, timeZone, boxWidth],
  )
  const tickXs = useMemo(() => ticks.map((tick) => scale.x(tick.time)), [ticks, scale])
  const {
    lines,
    laneLines,
    lanes,
    height: totalHeight,
  } = useMemo(() => layoutLanes(history, shown), [history, shown])

  useLayoutEffect(() => {
    const box = boxRef.current
    if (!box) return
    const measure = () => {
      if (box.clientWidth > 0) setBoxWidth(box.clientWidth)
      const scroller = scrollRef.current
      if (scroller && scroller.clientHeight > 0) setViewport(scroller.clientHeight)
    }
    measure()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    observer?.observe(box)
    return () => observer?.disconnect()
  }, [])

  const commit = useCallback(
    (next: TimeWindow, later: boolean) => {
      if (commitTimer.current) clearTimeout(commitTimer.current)
      if (later) {
        // A gesture: the chart follows each frame, the URL its end.
        setDraft(next)
        onViewChange(next, false)
        commitTimer.current = setTimeout(() => {
          setDraft(null)
          onViewChange(next, true)
        }, 300)
      } else {
        setDraft(null)
        onViewChange(next, true)
      }
    },
    [onViewChange],
  )
  useEffect(
    () => () => {
      if (commitTimer.current) clearTimeout(commitTimer.current)
    },
    [],
  )

  // What event handlers registered once (wheel, focus) read of the latest render.
  const liveRef = useRef({ draft, view, plotWidth, labelWidth })
  useEffect(() => {
    liveRef.current = { draft, view, plotWidth, labelWidth }
  })

  // Ctrl + wheel (and trackpad pinch) zooms around the pointer; sideways wheel pans.
  useEffect(() => {
    const box = scrollRef.current
    if (!box) return
    const onWheel = (event: WheelEvent) => {
      const rect = box.getBoundingClientRect()
      const live = liveRef.current
      const current = live.draft ?? live.view
      const plot = timeScale(current.from, current.to, live.plotWidth)
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault()
        const at = plot.time(event.clientX - rect.left - live.labelWidth)
        commit(zoomView(current, Math.exp(event.deltaY * 0.002), at, bounds), true)
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault()
        const seconds = (event.deltaX / Math.max(live.plotWidth, 1)) * (current.to - current.from)
        commit(panView(current, seconds, bounds), true)
      }
    }
    box.addEventListener('wheel', onWheel, { passive: false })
    return () => box.removeEventListener('wheel', onWheel)
  }, [bounds, commit])
  const visible = useMemo(
    () =>
      lines.length <= DRAW_ALL
        ? lines
        : linesBetween(lines, scrollTop - OVERSCAN, scrollTop + viewport + OVERSCAN),
    [lines, scrollTop, viewport],
  )

  const drawnTop = visible[0]?.top ?? 0
  const lastDrawn = visible[visible.length - 1]
  const drawnHeight = lastDrawn ? lastDrawn.top + lastDrawn.height - drawnTop : 0
  const momentInView = moment !== null && moment >= shown.from && moment <= shown.to ? moment : null

  // The bar in the tab order: the focused one while it is in view, else the first.
  const firstId = laneLines[0]?.intervals[0]?.id ?? null
  const activeInView =
    activeId !== null && laneLines.some((line) => line.intervals.some((i) => i.id === activeId))
  const tabId = activeInView ? activeId : firstId

  useEffect(() => {
    if (!wantFocus.current || tabId === null) return
    const scroller = scrollRef.current
    const element = scroller?.querySelector<SVGAElement>(`[data-bar="${CSS.escape(tabId)}"]`)
    if (element) {
      wantFocus.current = false
      element.focus({ preventScroll: false })
      return
    }
    // Not drawn yet: bring its lane into view, the next render draws it.
    const line = laneLines.find((l) => l.intervals.some((i) => i.id === tabId))
    if (line && scroller) {
      scroller.scrollTop = Math.max(0, line.top - viewport / 2)
      setScrollTop(scroller.scrollTop)
    }
  }, [tabId, laneLines, viewport, visible])

  const moveTo = (interval: RunInterval | undefined) => {
    if (!interval) return
    wantFocus.current = true
    setActiveId(interval.id)
    // Keep the bar in the window: pan when it lies outside.
    const current = draft ?? view
    if (interval.start > current.to || (interval.end ?? bounds.to) < current.from) {
      const span = current.to - current.from
      commit(
        clampView({ from: interval.start - span / 2, to: interval.start + span / 2 }, bounds),
        false,
      )
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = draft ?? view
    if (event.key === '+' || event.key === '=' || event.key === '-') {
      event.preventDefault()
      const at = moment ?? (current.from + current.to) / 2
      commit(zoomView(current, event.key === '-' ? 2 : 0.5, at, bounds), false)
      return
    }
    if (tabId === null) return
    const laneIndex = laneLines.findIndex((line) => line.intervals.some((i) => i.id === tabId))
    const line = laneLines[laneIndex]
    if (!line) return
    const position = line.intervals.findIndex((i) => i.id === tabId)
    const here = line.intervals[position]
    const nearest = (target: LaneLine | undefined) => {
      if (!target || !here) return undefined
      let best = target.intervals[0]
      for (const candidate of target.intervals) {
        if (best && Math.abs(candidate.start - here.start) < Math.abs(best.start - here.start))
          best = candidate
      }
      return best
    }
    const moves: Record<string, () => RunInterval | undefined> = {
      ArrowRight: () => line.intervals[position + 1],
      ArrowLeft: () => line.intervals[position - 1],
      ArrowDown: () => nearest(laneLines[laneIndex + 1]),
      ArrowUp: () => nearest(laneLines[laneIndex - 1]),
      Home: () => line.intervals[0],
      End: () => line.intervals[line.intervals.length - 1],
      PageDown: () => nearest(laneLines[Math.min(laneIndex + 10, laneLines.length - 1)]),
      PageUp: () => nearest(laneLines[Math.max(laneIndex - 10, 0)]),
    }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    moveTo(move())
  }

  const onBarFocus = useCallback((interval: RunInterval) => {
    setActiveId(interval.id)
    setFocusedId(interval.id)
    // Its start, or where it enters the window when it began before.
    const current = liveRef.current.draft ?? liveRef.current.view
    setMoment(Math.min(Math.max(interval.start + 1, current.from), current.to))
  }, [])
  const onBarBlur = useCallback(() => setFocusedId(null), [])
  const onOpen = useCallback(
    (event: MouseEvent, href: string) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return
      event.preventDefault()
      if (drag.current?.moved) return
      void navigate(href)
    },
    [navigate],
  )
  const laneSubject = useCallback(
    (lane: Lane, interval: RunInterval) =>
      laneNoun === 'artifact' ? interval.label : `${lane.name}`,
    [laneNoun],
  )
  const laneShared = useMemo<LaneShared>(
    () => ({
      scale,
      end: history.end,
      labelWidth,
      activeId: tabId,
      focusedId,
      hatchId,
      zone: timeZone,
      laneSubject,
      hrefFor,
      onBarFocus,
      onBarBlur,
      onOpen,
    }),
    [
      scale,
      history.end,
      labelWidth,
      tabId,
      focusedId,
      hatchId,
      timeZone,
      laneSubject,
      hrefFor,
      onBarFocus,
      onBarBlur,
      onOpen,
    ],
  )

  const timeAtPointer = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = event.clientX - rect.left - labelWidth
    return x < 0 ? null : scale.time(x)
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    drag.current = { x: event.clientX, view: shown, moved: false }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const time = timeAtPointer(event)
    if (time !== null) setMoment(time)
    const start = drag.current
    if (!start || (event.buttons & 1) === 0) return
    const dx = event.clientX - start.x
    if (!start.moved && Math.abs(dx) < 4) return
    if (!start.moved) event.currentTarget.setPointerCapture?.(event.pointerId)
    start.moved = true
    const seconds = (-dx / plotWidth) * (start.view.to - start.view.from)
    const next = panView(start.view, seconds, bounds)
    setDraft(next)
    onViewChange(next, false)
  }
  const onPointerUp = () => {
    const start = drag.current
    if (start?.moved && draft) commit(draft, false)
    // Let the click that follows a drag see `moved`, then forget the gesture.
    setTimeout(() => {
      drag.current = null
    }, 0)
  }

  const zoom = (factor: number) => {
    const current = draft ?? view
    commit(zoomView(current, factor, (current.from + current.to) / 2, bounds), false)
  }
  const pan = (share: number) => {
    const current = draft ?? view
    commit(panView(current, (current.to - current.from) * share, bounds), false)
  }
  const whole = shown.from <= bounds.from + 1 && shown.to >= bounds.to - 1
  const button =
    'rounded border border-line px-2 py-1 text-sm hover:bg-raised disabled:cursor-not-allowed disabled:opacity-50'

  return (
    <div ref={boxRef} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Time range">
        <button
          type="button"
          className={button}
          onClick={() => pan(-0.5)}
          disabled={shown.from <= bounds.from + 1}
        >
          <span aria-hidden="true">← </span>Earlier
        </button>
        <button
          type="button"
          className={button}
          onClick={() => pan(0.5)}
          disabled={shown.to >= bounds.to - 1}
        >
          Later<span aria-hidden="true"> →</span>
        </button>
        <button
          type="button"
          className={button}
          onClick={() => zoom(0.5)}
          disabled={shown.to - shown.from <= MIN_SPAN}
        >
          Zoom in
        </button>
        <button type="button" className={button} onClick={() => zoom(2)} disabled={whole}>
          Zoom out
        </button>
        <button
          type="button"
          className={button}
          onClick={() => commit(bounds, false)}
          disabled={whole}
        >
          Whole history
        </button>
        <span className="text-sm text-muted">
          {formatAbsolute(shown.from, { timeZone })} – {formatAbsolute(shown.to, { timeZone })}
        </span>
      </div>
      <p id={helpId} className="sr-only">
        Each bar is one version running. Arrow keys move between bars: left and right along a lane,
        up and down between lanes. Plus and minus zoom. Enter opens the bar.
      </p>
      <div
        className="overflow-hidden rounded border border-line bg-surface"
        role="group"
        aria-label={label}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
      >
        <svg
          width={boxWidth}
          height={AXIS_HEIGHT}
          className="block border-b border-line"
          aria-hidden="true"
        >
          <defs>
            <pattern
              id={hatchId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1="0" y1="0" x2="0" y2="6" className="stroke-bad" strokeWidth="2" />
            </pattern>
          </defs>
          <text x={6} y={18} className="fill-muted text-[11px]">
            {lanes} {laneNoun === 'artifact' ? 'artifact names' : `${laneNoun}s`}
          </text>
          {ticks.map((tick, position) => {
            const x = labelWidth + (tickXs[position] ?? 0)
            return (
              <g key={tick.time}>
                <line
                  x1={x}
                  x2={x}
                  y1={AXIS_HEIGHT - 8}
                  y2={AXIS_HEIGHT}
                  className="stroke-muted"
                />
                <text x={x + 3} y={16} className="fill-muted text-[11px]">
                  {tick.label}
                </text>
              </g>
            )
          })}
          {momentInView !== null ? (
            <line
              x1={labelWidth + scale.x(momentInView)}
              x2={labelWidth + scale.x(momentInView)}
              y1={0}
              y2={AXIS_HEIGHT}
              className="stroke-accent"
            />
          ) : null}
        </svg>
        <div
          ref={scrollRef}
          className="relative touch-pan-y overflow-y-auto select-none"
          style={{ maxHeight: MAX_HEIGHT, height: Math.min(totalHeight, MAX_HEIGHT) || undefined }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <div className="relative" style={{ height: totalHeight }}>
            {/* The grid once behind the lanes in view, and the moment's line once above them. */}
            <Overlay left={labelWidth} top={drawnTop} width={plotWidth} height={drawnHeight}>
              {tickXs.map((x) => (
                <line key={x} x1={x} x2={x} y1={0} y2={drawnHeight} className="stroke-line/60" />
              ))}
            </Overlay>
            {visible.map((line) =>
              line.kind === 'group' ? (
                <div
                  key={line.key}
                  className="absolute inset-x-0 truncate border-b border-line bg-raised px-2 text-xs leading-[26px] font-semibold"
                  style={{ top: line.top, height: line.height }}
                >
                  {line.title}
                </div>
              ) : (
                <LaneRow key={line.key} line={line} shared={laneShared} />
              ),
            )}
            {momentInView !== null ? (
              <Overlay left={labelWidth} top={drawnTop} width={plotWidth} height={drawnHeight}>
                <line
                  x1={scale.x(momentInView)}
                  x2={scale.x(momentInView)}
                  y1={0}
                  y2={drawnHeight}
                  className="stroke-accent"
                />
              </Overlay>
            ) : null}
          </div>
        </div>
      </div>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span className="inline-flex items-center gap-1">
          <svg width="22" height="12" aria-hidden="true">
            <rect width="22" height="12" rx="2" className="fill-info-soft stroke-info" />
          </svg>
          compliant, ×N replicas
        </span>
        <span className="inline-flex items-center gap-1">
          <svg width="22" height="12" aria-hidden="true">
            <rect width="22" height="12" rx="2" className="fill-bad-soft stroke-info" />
            <rect width="22" height="12" rx="2" fill={`url(#${hatchId})`} />
          </svg>
          hatched, ✕: non-compliant
        </span>
        <span className="inline-flex items-center gap-1">
          <svg width="22" height="12" aria-hidden="true">
            <rect width="22" height="12" rx="2" className="fill-raised stroke-info" />
          </svg>
          compliance unknown
        </span>
        <span>
          Rows stack versions that ran at the same time. Drag or Ctrl + wheel to move and zoom.
        </span>
      </p>
      {momentPanel && moment !== null ? (
        <div className="rounded border border-line bg-surface px-3 py-2 text-sm">
          {momentPanel(moment)}
        </div>
      ) : null}
    </div>
  )
}
