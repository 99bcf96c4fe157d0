#!/usr/bin/env node
/**
 * The history chart at scale: the environment page of `k8s-scale` (5,100 artifact names,
 * 1,200 snapshots, 11,400 log events), in live mode against the mock API. Measures the time
 * from the last log or snapshot-list response (the chart's data, fetched in parallel pages)
 * to the paint that shows its first bar: building the runs and drawing them. `npm run bench`
 * runs it as the `history` case; alone:
 *
 *   node bench/history.mjs [--runs N] [--dist DIR] [--port-base N] [--check]
 */
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { launchChromium } from './lib/browser.mjs'
import { openAndWaitForPaint } from './lib/cases.mjs'
import { startServers } from './lib/servers.mjs'
import { median } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = argv.indexOf(name)
  return at >= 0 && argv[at + 1] ? String(argv[at + 1]) : fallback
}
const runs = Number(option('--runs', '5'))
const dist = path.resolve(root, option('--dist', process.env.SHIPLOG_DIST ?? 'dist'))
const portBase = Number(option('--port-base', '4960'))
const ENV = 'k8s-scale'
const URL_PATH = `/cyber-dojo/environments/${ENV}`
/** A bar of the chart. */
const BAR = 'section[aria-labelledby="history-heading"] [data-bar]'
const TARGET_MS = 300

const servers = await startServers({ root, dist, portBase })
const { browser } = await launchChromium(chromium, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
})
/** @type {{ draw: number, painted: number, dataEnd: number, requests: number, bars: number }[]} */
const results = []
try {
  // Warm the mock's lazily built environment, so run 1 is like run 5.
  await fetch(`${servers.appUrl}/api/v2/environments/cyber-dojo/${ENV}/events?per_page=1`).then(
    (r) => r.arrayBuffer(),
  )
  for (let run = 1; run <= runs; run++) {
    const { context, page } = await openAndWaitForPaint(
      browser,
      `${servers.appUrl}${URL_PATH}`,
      BAR,
    )
    try {
      const timing = await page.evaluate((env) => {
        const state = /** @type {any} */ (window).__benchPaint
        const data = /** @type {PerformanceResourceTiming[]} */ (
          performance.getEntriesByType('resource')
        ).filter(
          (entry) =>
            entry.name.includes(`/environments/cyber-dojo/${env}/events`) ||
            entry.name.includes(`/snapshots/cyber-dojo/${env}?`),
        )
        return {
          painted: Number(state.painted),
          dataEnd: Math.max(...data.map((entry) => entry.responseEnd)),
          requests: data.length,
          bars: document.querySelectorAll('[data-bar]').length,
        }
      }, ENV)
      results.push({ ...timing, draw: timing.painted - timing.dataEnd })
      console.log(
        `history run ${run}: data in ${Math.round(timing.dataEnd)} ms (${timing.requests} requests), first bar painted ${Math.round(timing.painted)} ms, draw ${Math.round(timing.painted - timing.dataEnd)} ms, ${timing.bars} bars drawn`,
      )
    } finally {
      await context.close()
    }
  }
} finally {
  await browser.close()
  await servers.stop()
}
const draws = results.map((r) => r.draw)
const ok = median(draws) <= TARGET_MS
console.log(
  `history · ${ENV} (5,100 artifact names, 1,200 snapshots, 11,400 events): draw from data ${Math.round(median(draws))} ms (median of ${runs}; ${Math.round(Math.min(...draws))}–${Math.round(Math.max(...draws))}) ${ok ? '✓' : '✕'} (target ≤ ${TARGET_MS} ms); data ready ${Math.round(median(results.map((r) => r.dataEnd)))} ms after navigation`,
)
if (loadavg()[0] > cpus().length)
  console.log(
    `WARNING: load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs: other processes competed for the CPU, so these times are inflated.`,
  )
if (argv.includes('--check') && !ok) process.exit(1)
