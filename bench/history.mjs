#!/usr/bin/env node
/**
 * The history chart at scale: the environment page of `k8s-scale` (5,100 artifact names,
 * 1,200 snapshots, 11,400 log events) with the history shown (`?history=chart`), in live mode
 * against the mock API. Measures the time from the last log or snapshot-list response (the
 * chart's data, fetched in parallel pages) to the paint that shows its first bar: building the
 * runs and drawing them. A Chromium trace of each run gives the main thread's CPU time in that
 * stretch, which a busy machine does not inflate. Then zoom steps: + and − on a focused bar
 * (keydown → the paint after the step's last DOM change) and Ctrl + wheel over the chart
 * (wheel → the paint of the step's window, before the URL takes it). `npm run bench` runs it
 * as the `history` case; alone:
 *
 *   node bench/history.mjs [--runs N] [--dist DIR] [--port-base N] [--check]
 */
import { cpus, loadavg } from 'node:os'
import { openAndWaitForPaint, pressKeys } from './lib/cases.mjs'
import { standaloneOptions, withServersAndBrowser } from './lib/standalone.mjs'
import { median } from './lib/stats.mjs'
import { busyBetween, rendererMainThread } from './lib/trace.mjs'

const options = standaloneOptions(process.argv.slice(2), 4960)
const ENV = 'k8s-scale'
const URL_PATH = `/cyber-dojo/environments/${ENV}?history=chart`
const SECTION = 'section[aria-labelledby="history-heading"]'
/** A bar of the chart. */
const BAR = `${SECTION} [data-bar]`
const TARGET_MS = 300
const TARGET_STEP_MS = 100
const ZOOM_KEYS = ['+', '+', '+', '-', '-', '-']
/** Ctrl + wheel: in, in, out, out. */
const WHEEL_DELTAS = [-200, -200, 200, 200]
/** Enough to see the main thread's tasks, light enough not to slow them much. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'loading']

/**
 * In the page: one Ctrl + wheel step over the middle of the chart; resolves with the wheel
 * event's time and the paint after the last DOM change it caused before the window is written
 * to the URL (300 ms later), then waits for that write to settle too.
 * @param {{ selector: string, deltaY: number }} step
 */
async function wheelStep({ selector, deltaY }) {
  const section = /** @type {HTMLElement} */ (document.querySelector(selector))
  const box = /** @type {HTMLElement} */ (section.querySelector('.overflow-y-auto'))
  const rect = box.getBoundingClientRect()
  /** @type {number | null} */
  let lastPaint = null
  let pending = 0
  let activity = performance.now()
  const afterPaint = (/** @type {(time: number) => void} */ done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(null)
    })
  const down = performance.now()
  const stepEnd = down + 250
  const observer = new MutationObserver(() => {
    const at = performance.now()
    activity = at
    if (at > stepEnd) return
    pending += 1
    afterPaint((time) => {
      lastPaint = time
      pending -= 1
    })
  })
  observer.observe(section, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  })
  box.dispatchEvent(
    new WheelEvent('wheel', {
      deltaY,
      ctrlKey: true,
      clientX: rect.left + rect.width * 0.6,
      clientY: rect.top + 40,
      bubbles: true,
      cancelable: true,
    }),
  )
  const givingUp = down + 15_000
  await new Promise((resolve) => {
    const poll = () =>
      requestIdleCallback(() => {
        const now = performance.now()
        if ((pending === 0 && now > down + 400 && now - activity > 200) || now > givingUp)
          resolve(null)
        else setTimeout(poll, 20)
      })
    poll()
  })
  observer.disconnect()
  return { down, paint: lastPaint }
}

/**
 * @typedef {{ down: number, paint: number, ms: number, cpu: number }} Step
 * @typedef {{ draw: number, drawCpu: number, drawLongest: number, painted: number, dataEnd: number, requests: number, bars: number, keys: Step[], wheels: Step[] }} Run
 */

/** @type {Run[]} */
const results = await withServersAndBrowser(options, async ({ appUrl, browser }) => {
  /** @type {Run[]} */
  const runs = []
  // Warm the mock's lazily built environment, so run 1 is like run 5.
  await fetch(`${appUrl}/api/v2/environments/cyber-dojo/${ENV}/events?per_page=1`).then((r) =>
    r.arrayBuffer(),
  )
  for (let run = 1; run <= options.runs; run++) {
    const { context, page } = await openAndWaitForPaint(
      browser,
      `${appUrl}${URL_PATH}`,
      BAR,
      (page) => browser.startTracing(page, { categories: CATEGORIES }),
    )
    try {
      const timing = await page.evaluate((env) => {
        const state = /** @type {any} */ (window).__benchPaint
        const data = /** @type {PerformanceResourceTiming[]} */ (
          performance.getEntriesByType('resource')
        ).filter(
          (entry) =>
            // The page's own polls of the snapshot list may answer after the chart was drawn.
            entry.responseEnd <= Number(state.painted) &&
            (entry.name.includes(`/environments/cyber-dojo/${env}/events`) ||
              entry.name.includes(`/snapshots/cyber-dojo/${env}?`)),
        )
        return {
          painted: Number(state.painted),
          dataEnd: Math.max(...data.map((entry) => entry.responseEnd)),
          requests: data.length,
          bars: document.querySelectorAll('[data-bar]').length,
        }
      }, ENV)

      // Zoom with the keyboard from the bar in the tab order.
      await page.locator(`${BAR}[tabindex="0"]`).first().focus()
      const keyTimes = await pressKeys(page, SECTION, ZOOM_KEYS)
      const wheelTimes = []
      for (const deltaY of WHEEL_DELTAS)
        wheelTimes.push(await page.evaluate(wheelStep, { selector: SECTION, deltaY }))

      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
      const main = rendererMainThread(trace.traceEvents)
      if (!main) throw new Error('the trace has no renderer main thread')
      const draw = busyBetween(main, timing.dataEnd, timing.painted)
      const step = (/** @type {{ down: number, paint: number | null }} */ t) => {
        const paint = t.paint ?? t.down
        return {
          down: t.down,
          paint,
          ms: paint - t.down,
          cpu: busyBetween(main, t.down, paint).cpu,
        }
      }
      const keys = keyTimes.map((k) => step({ down: k.down, paint: k.lastPaint ?? k.echo }))
      const wheels = wheelTimes.map(step)
      runs.push({
        ...timing,
        draw: timing.painted - timing.dataEnd,
        drawCpu: draw.cpu,
        drawLongest: draw.longest,
        keys,
        wheels,
      })
      const list = (/** @type {Step[]} */ steps) =>
        steps.map((s) => `${Math.round(s.ms)}/${Math.round(s.cpu)}`).join(' ')
      console.log(
        `history run ${run}: data in ${Math.round(timing.dataEnd)} ms (${timing.requests} requests), first bar painted ${Math.round(timing.painted)} ms, draw ${Math.round(timing.painted - timing.dataEnd)} ms (main thread CPU ${Math.round(draw.cpu)} ms, longest task ${Math.round(draw.longest)} ms), ${timing.bars} bars drawn; zoom keys ${list(keys)} ms, wheel ${list(wheels)} ms (wall/CPU)`,
      )
    } finally {
      await context.close()
    }
  }
  return runs
})

const spanOf = (/** @type {number[]} */ values) =>
  `${Math.round(median(values))} ms (median of ${values.length}; ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`
const draws = results.map((r) => r.draw)
const cpus_ = results.map((r) => r.drawCpu)
const steps = results.flatMap((r) => [...r.keys, ...r.wheels])
const worstStep = Math.max(...steps.map((s) => s.ms))
const drawOk = median(draws) <= TARGET_MS
const stepOk = median(steps.map((s) => s.ms)) <= TARGET_STEP_MS
console.log(
  `history · ${ENV} (5,100 artifact names, 1,200 snapshots, 11,400 events): draw from data ${spanOf(draws)} ${drawOk ? '✓' : '✕'} (target ≤ ${TARGET_MS} ms), main thread CPU ${spanOf(cpus_)}; data ready ${Math.round(median(results.map((r) => r.dataEnd)))} ms after navigation`,
)
console.log(
  `history · zoom step (keys + − and Ctrl + wheel): paint ${spanOf(steps.map((s) => s.ms))}, worst ${Math.round(worstStep)} ms ${stepOk ? '✓' : '✕'} (target ≤ ${TARGET_STEP_MS} ms), main thread CPU ${spanOf(steps.map((s) => s.cpu))}`,
)
if (loadavg()[0] > cpus().length)
  console.log(
    `WARNING: load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs: other processes competed for the CPU, so the wall times are inflated; the CPU times are not.`,
  )
if (options.check && !(drawOk && stepOk)) process.exit(1)
