/**
 * Chromium traces (CDP Tracing, via Playwright's browser.startTracing): the page's main thread
 * and the time it spent working, as wall time and as thread CPU time. On a busy machine the
 * wall time includes waiting for a CPU; the CPU time does not.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
  'loading',
]

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number, args?: any }} TraceEvent
 */

/**
 * The page's renderer main thread (CrRendererMain with the most work): its complete events
 * sorted by start, and the trace time (µs) of its navigation start, which performance.now()
 * counts from.
 * @param {TraceEvent[]} events
 * @returns {{ thread: TraceEvent[], origin: number } | null}
 */
export function rendererMainThread(events) {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  /** @type {Map<string, { events: TraceEvent[], busy: number }>} */
  const byThread = new Map()
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue
    const id = `${e.pid}:${e.tid}`
    if (!mains.has(id)) continue
    const entry = byThread.get(id) ?? { events: [], busy: 0 }
    entry.events.push(e)
    entry.busy += e.dur
    byThread.set(id, entry)
  }
  const thread = [...byThread.values()].sort((a, b) => b.busy - a.busy)[0]?.events
  if (!thread) return null
  thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const pid = thread[0]?.pid
  const navStart = events.find((e) => e.name === 'navigationStart' && e.pid === pid)
  return { thread, origin: navStart ? navStart.ts : (thread[0]?.ts ?? 0) }
}

/**
 * Wall and CPU milliseconds of the main thread's outermost events (its tasks) between two page
 * times (ms since navigation start), a task that straddles an edge counted in proportion, and
 * the longest task that overlaps.
 * @param {{ thread: TraceEvent[], origin: number }} main
 * @param {number} from
 * @param {number} to
 */
export function busyBetween(main, from, to) {
  const start = main.origin + from * 1000
  const end = main.origin + to * 1000
  let wall = 0
  let cpu = 0
  let longest = 0
  let openUntil = -Infinity
  for (const event of main.thread) {
    // Nested events lie inside the task that holds them.
    if (event.ts < openUntil) continue
    const dur = event.dur ?? 0
    openUntil = event.ts + dur
    const overlap = Math.min(end, event.ts + dur) - Math.max(start, event.ts)
    if (overlap <= 0 || dur <= 0) continue
    const share = overlap / dur
    wall += (dur * share) / 1000
    cpu += ((event.tdur ?? dur) * share) / 1000
    longest = Math.max(longest, dur / 1000)
  }
  return { wall, cpu, longest }
}
