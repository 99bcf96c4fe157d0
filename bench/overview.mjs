#!/usr/bin/env node
/**
 * The overview at scale: `/scale-500x20/overview`, 500 flows × 20 environments (the bench's own
 * org, bench/scale/scale-org.ts). Measures navigation → every column settled and its rows
 * painted, and typing into the name filter (keydown → the paint after that key's last DOM
 * commit in the filter, its status and the matrix; the activity list below loads its logs on its
 * own meanwhile), as wall time and as the main thread's CPU time in that span (a Chromium trace),
 * so a busy machine can be told from a slow page. `npm run bench` runs it as the `overview`
 * case; alone:
 *
 *   node bench/overview.mjs [--runs N] [--dist DIR] [--port-base N]
 */
import { collectLoad, installTypingWatch } from './lib/in-page.mjs'
import { SETTLED_ROW, openAndWaitForPaint } from './lib/cases.mjs'
import { standaloneOptions, withServersAndBrowser } from './lib/standalone.mjs'
import { median } from './lib/stats.mjs'

const { runs, check, ...setup } = standaloneOptions(process.argv.slice(2), 4950)
const URL_PATH = '/scale-500x20/overview'
/** A flow name typed out, then widened again: 500 rows → 111 → 11 → 1 → 11 → 111. */
const KEYS = [...'svc-123', 'Backspace', 'Backspace']
const TARGET_KEY_MS = 100
/** Changes there are the activity's own, not the filter's. */
const NOT_THE_FILTER = 'section[aria-labelledby="activity-heading"]'

/**
 * Main-thread CPU milliseconds of the tasks that started in each key's span, from a trace with
 * a `bench-typing-origin` mark that ties the page's clock to the trace's.
 * @param {{ traceEvents: any[] }} trace
 * @param {number} originMs the mark's `startTime` in the page
 * @param {{ down: number, end: number }[]} spans page times
 */
function cpuPerKey(trace, originMs, spans) {
  const mark = trace.traceEvents.find((e) => e.name === 'bench-typing-origin')
  if (!mark) return spans.map(() => null)
  const offset = mark.ts - originMs * 1000
  const tasks = trace.traceEvents.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === mark.pid && e.tid === mark.tid,
  )
  return spans.map(({ down, end }) => {
    const from = down * 1000 + offset
    const to = end * 1000 + offset
    return (
      tasks
        .filter((task) => task.ts >= from && task.ts <= to)
        .reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000
    )
  })
}

/** @type {{ painted: number, rows: number, virtual: string | null, keys: number[], cpu: (number | null)[] }[]} */
const results = []
await withServersAndBrowser(setup, async ({ appUrl, browser }) => {
  // Warm the mock's lazily built org, so run 1 is like run 5.
  await fetch(`${appUrl}/api/v2/environments/scale-500x20`).then((r) => r.arrayBuffer())
  for (let run = 1; run <= runs; run++) {
    const { context, page } = await openAndWaitForPaint(
      browser,
      `${appUrl}${URL_PATH}`,
      SETTLED_ROW,
    )
    try {
      const load = await page.evaluate(collectLoad, '/snapshots/scale-500x20/')
      const summary = await page.evaluate(() => ({
        rows:
          Number(document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1,
        virtual: document.querySelector('[data-virtual]')?.getAttribute('data-virtual') ?? null,
      }))
      const input = page.getByRole('searchbox', { name: /Filter by flow/ })
      await input.click()
      await page.evaluate(installTypingWatch, { root: 'main', ignore: NOT_THE_FILTER })
      await browser.startTracing(page, {
        categories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
        ],
      })
      const originMs = await page.evaluate(() => performance.mark('bench-typing-origin').startTime)
      for (const key of KEYS) {
        await page.keyboard.press(key)
        await page.evaluate(() => /** @type {any} */ (window).__benchTyping.settled(150))
      }
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
      /** @type {{ down: number, echo: number | null, lastPaint: number | null }[]} */
      const keys = await page.evaluate(() =>
        /** @type {any} */ (window).__benchTyping.keys.map((/** @type {any} */ k) => ({ ...k })),
      )
      const spans = keys.map((k) => ({
        down: k.down,
        end: Math.max(k.lastPaint ?? 0, k.echo ?? 0),
      }))
      const result = {
        painted: Number(load.painted),
        ...summary,
        keys: spans.map((span) => span.end - span.down),
        cpu: cpuPerKey(trace, originMs, spans),
      }
      results.push(result)
      console.log(
        `overview run ${run}: painted ${Math.round(result.painted)} ms, ${summary.rows} rows (virtualised: ${summary.virtual}), keys ${result.keys
          .map((v) => Math.round(v))
          .join(' ')} ms (main-thread CPU ${result.cpu
          .map((v) => (v === null ? '?' : Math.round(v)))
          .join(' ')} ms)`,
      )
    } finally {
      await context.close()
    }
  }
})
const painted = results.map((r) => r.painted)
const keys = results.flatMap((r) => r.keys)
const cpu = results.flatMap((r) => r.cpu).filter((v) => v !== null)
const worst = results.map((r) => Math.max(...r.keys))
const ok = Math.max(...worst) <= TARGET_KEY_MS
console.log(
  `overview · 500 flows × 20 environments: page ${Math.round(median(painted))} ms (median of ${runs}; ${Math.round(Math.min(...painted))}–${Math.round(Math.max(...painted))}); ` +
    `filter key median ${Math.round(median(keys))} ms, worst per run ${worst.map((v) => Math.round(v)).join(', ')} ms ${ok ? '✓' : '✕'} (target ≤ ${TARGET_KEY_MS} ms); ` +
    `main-thread CPU per key median ${cpu.length ? Math.round(median(cpu)) : '?'} ms, worst ${cpu.length ? Math.round(Math.max(...cpu)) : '?'} ms`,
)
if (check && !ok) process.exit(1)
