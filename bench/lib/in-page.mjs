/**
 * Functions that run INSIDE the page (Playwright serialises them), so each must be
 * self-contained: no imports, no closures over module scope.
 *
 * "Painted" is approximated as: requestAnimationFrame (runs just before the frame that shows
 * the DOM change is drawn) followed by a MessageChannel message (runs right after that frame).
 * All times are performance.now() values, i.e. milliseconds since navigation start.
 */

/**
 * Init script: records when `selector` first matches and the paint after it, and collects
 * long tasks (> 50 ms) from the start of the page.
 * @param {string} selector
 */
export function installPaintWatch(selector) {
  const state = {
    selector,
    found: /** @type {number | null} */ (null),
    painted: /** @type {number | null} */ (null),
  }
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = []
  Object.assign(window, { __benchPaint: state, __benchLongTasks: longTasks })
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // no long task API: the scroll case reports frame gaps only
  }
  const afterPaint = (/** @type {(time: number) => void} */ done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(null)
    })
  const check = () => {
    if (state.found !== null || !document.querySelector(selector)) return
    state.found = performance.now()
    observer.disconnect()
    afterPaint((time) => {
      state.painted = time
    })
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
}

/**
 * After the watch fired: the paint time, when the page's API data arrived, and long tasks.
 * @param {string} apiMarker a substring of the API URL the page waits for
 */
export function collectLoad(apiMarker) {
  const w = /** @type {any} */ (window)
  const state = w.__benchPaint
  const resources = /** @type {PerformanceResourceTiming[]} */ (
    performance.getEntriesByType('resource')
  )
  const api = resources.filter((entry) => entry.name.includes('/api/'))
  const main = api.filter((entry) => entry.name.includes(apiMarker))
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
    performance.getEntriesByType('navigation')[0]
  )
  const tasks = /** @type {{ start: number, duration: number }[]} */ (w.__benchLongTasks)
  const untilPaint = tasks.filter((task) => task.start < state.painted)
  return {
    found: state.found,
    painted: state.painted,
    documentEnd: nav ? nav.responseEnd : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    apiRequests: api.map((entry) => ({
      url: entry.name.replace(location.origin, ''),
      start: entry.startTime,
      end: entry.responseEnd,
      bytes: entry.encodedBodySize,
    })),
    dataStart: main.length ? Math.min(...main.map((entry) => entry.startTime)) : null,
    dataEnd: main.length ? Math.max(...main.map((entry) => entry.responseEnd)) : null,
    apiBeforePaint: (() => {
      const before = api.filter((entry) => entry.startTime < state.painted)
      return {
        requests: before.length,
        bytes: before.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        lastEnd: before.reduce((max, entry) => Math.max(max, entry.responseEnd), 0),
      }
    })(),
    longestTaskBeforePaint: untilPaint.reduce((max, task) => Math.max(max, task.duration), 0),
    longTaskTotalBeforePaint: untilPaint.reduce((sum, task) => sum + task.duration, 0),
  }
}

/**
 * The physical limit: fetch the same API response and JSON.parse it, timed in the page.
 * Waits for an idle moment first so the app's own work does not inflate the number.
 * @param {string} url
 */
export async function fetchAndParse(url) {
  await new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 3000 }))
  const t0 = performance.now()
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  const text = await response.text()
  const t1 = performance.now()
  const value = JSON.parse(text)
  const t2 = performance.now()
  return {
    status: response.status,
    chars: text.length,
    fetchMs: t1 - t0,
    parseMs: t2 - t1,
    totalMs: t2 - t0,
    items: Array.isArray(value)
      ? value.length
      : Array.isArray(value?.artifacts)
        ? value.artifacts.length
        : null,
  }
}

/**
 * Fetches and parses in a page without the app, keeping only the parsed value alive, so the
 * heap delta is the size of the parsed response.
 * @param {string} url
 */
export async function parseAndKeep(url) {
  const response = await fetch(url, { cache: 'no-store' })
  const text = await response.text()
  Object.assign(window, { __benchParsed: JSON.parse(text) })
  return { chars: text.length, bytes: new TextEncoder().encode(text).length }
}

/**
 * Scrolls the virtualised container (the nearest scrollable ancestor of the rows) from the top,
 * one step per frame, and reports the long tasks and frame gaps meanwhile. With `screens` ≥ 1
 * (a fling) the step is that many screens, or more, so the bottom is reached in about
 * `maxFrames` frames; below 1 (paging) it is that fraction of a screen, for `maxFrames` frames or
 * until the bottom. Stops after `maxMs` so a page that janks badly cannot stall the run
 * (reported as `timedOut`).
 * @param {{ selector: string, maxFrames: number, maxMs: number, screens?: number }} options
 */
export async function scrollToBottom({ selector, maxFrames, maxMs, screens = 2 }) {
  const row = document.querySelector(selector)
  // Read now: virtualisation unmounts this row while scrolling.
  const rowCount = Number(row?.closest('table')?.getAttribute('aria-rowcount') ?? NaN)
  /** @type {Element | null} */
  let container = row ? row.parentElement : null
  while (container) {
    const style = getComputedStyle(container)
    if (
      container.scrollHeight > container.clientHeight + 1 &&
      /(auto|scroll)/.test(style.overflowY)
    )
      break
    container = container.parentElement
  }
  const scroller = /** @type {Element} */ (container ?? document.scrollingElement)
  const label = container
    ? `${container.tagName.toLowerCase()}${container.getAttribute('aria-label') ? `[aria-label="${container.getAttribute('aria-label')}"]` : ''}`
    : 'document'
  /** @type {{ start: number, duration: number }[]} */
  const tasks = []
  let observer = null
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration })
    })
    observer.observe({ type: 'longtask' })
  } catch {
    observer = null
  }
  scroller.scrollTop = 0
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const height = scroller.scrollHeight
  const paging = screens < 1
  const step = paging
    ? Math.round(scroller.clientHeight * screens)
    : Math.max(scroller.clientHeight * screens, Math.ceil(height / maxFrames))
  const frameLimit = paging ? maxFrames : maxFrames * 2
  const started = performance.now()
  let previous = started
  let worstFrame = 0
  let frames = 0
  let timedOut = false
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      worstFrame = Math.max(worstFrame, now - previous)
      previous = now
      frames += 1
      const bottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
      timedOut = now - started > maxMs
      if (bottom || timedOut || frames > frameLimit) {
        resolve(null)
        return
      }
      scroller.scrollTop += step
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  // Let the last frame's work land before reading the long tasks.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)))
  observer?.disconnect()
  const lastRow = [...document.querySelectorAll('[aria-rowindex]')].at(-1)
  return {
    container: label,
    scrollHeight: height,
    step,
    frames,
    durationMs: performance.now() - started,
    worstFrameMs: worstFrame,
    longTasks: tasks.map((task) => Math.round(task.duration)),
    longestTaskMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
    lastRowIndex: lastRow ? Number(lastRow.getAttribute('aria-rowindex')) : null,
    rowCount,
    timedOut,
  }
}

/**
 * Typing instrumentation: for each key, the keydown time and the paint after the last DOM
 * change it caused (or after the input's own echo when nothing else changed).
 * @param {string | { root: string, ignore: string }} where where to watch for DOM changes (the
 *   page's main content), optionally leaving out a part the keys do not change
 */
export function installTypingWatch(where) {
  const rootSelector = typeof where === 'string' ? where : where.root
  const ignore = typeof where === 'string' ? null : where.ignore
  /** @typedef {{ key: string, down: number, echo: number | null, lastPaint: number | null, mutations: number, activity: number, pending: number }} KeyState */
  /** @type {KeyState[]} */
  const keys = []
  const root = document.querySelector(rootSelector) ?? document.body
  const afterPaint = (/** @type {(time: number) => void} */ done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(null)
    })
  document.addEventListener(
    'keydown',
    (event) => {
      keys.push({
        key: event.key,
        down: event.timeStamp,
        echo: null,
        lastPaint: null,
        mutations: 0,
        activity: performance.now(),
        pending: 0,
      })
    },
    true,
  )
  document.addEventListener(
    'input',
    () => {
      const current = keys.at(-1)
      if (!current) return
      current.pending += 1
      afterPaint((time) => {
        current.echo = time
        current.pending -= 1
        current.activity = performance.now()
      })
    },
    true,
  )
  new MutationObserver((all) => {
    const current = keys.at(-1)
    const records = ignore
      ? all.filter((record) => {
          const node = record.target
          const element = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement
          return !element?.closest(ignore)
        })
      : all
    if (!current || records.length === 0) return
    // Every commit counts, even one that only touches the input (React re-applies its
    // attributes on each render): a deferred filter render that leaves the rows as they were
    // still ends with such a commit, and that commit is when the key's work is done.
    current.mutations += records.length
    current.activity = performance.now()
    current.pending += 1
    afterPaint((time) => {
      current.lastPaint = time
      current.pending -= 1
      current.activity = performance.now()
    })
  }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true })

  /**
   * Resolves once the main thread went idle and nothing changed for `quietMs`.
   * @param {number} quietMs
   */
  const settled = (quietMs) =>
    new Promise((resolve) => {
      const givingUp = performance.now() + 15_000
      const poll = () =>
        requestIdleCallback(
          () => {
            const current = keys.at(-1)
            const quiet =
              current && current.pending === 0 && performance.now() - current.activity >= quietMs
            if (quiet || performance.now() > givingUp) resolve(null)
            else setTimeout(poll, 20)
          },
          { timeout: 5000 },
        )
      poll()
    })
  Object.assign(window, { __benchTyping: { keys, settled } })
}

/**
 * Scripts the page fetched (module scripts, modulepreloads, dynamic imports), as the browser
 * saw them: path and start time. Waits first until no new resource started for `quietMs` (the
 * page "settled": idle prefetches and lazy panels are in), or `maxMs` passed.
 * @param {{ quietMs: number, maxMs: number }} options
 */
export async function settledScripts({ quietMs, maxMs }) {
  const started = performance.now()
  let seen = performance.getEntriesByType('resource').length
  let quietSince = performance.now()
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const now = performance.getEntriesByType('resource').length
    if (now !== seen) {
      seen = now
      quietSince = performance.now()
    } else if (performance.now() - quietSince >= quietMs) break
  }
  return /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
    .filter((entry) => /\.m?js(\?|$)/.test(new URL(entry.name).pathname))
    .map((entry) => ({
      path: new URL(entry.name).pathname,
      start: entry.startTime,
      end: entry.responseEnd,
      transferred: entry.transferSize,
    }))
}
