#!/usr/bin/env node
/**
 * Where does the time go? A CPU profile (CDP Profiler) of one page load, scroll or typing
 * session, in the same setup as `npm run bench`, summarised as the functions with the most
 * self time and the most inclusive time. Build without minification for readable names:
 *
 *   node_modules/.bin/vite build --minify false --outDir /tmp/dist-prof --emptyOutDir
 *   node bench/profile.mjs --dist /tmp/dist-prof --url /cyber-dojo/environments/k8s-scale/snapshots/1200
 *   node bench/profile.mjs --dist /tmp/dist-prof --url ... --action scroll   (or typing)
 *
 * Options: --url PATH (required), --trace FILE.json (also a CDP trace, summarised by event), --selector CSS (rows to wait for; default table rows, or the
 * timeline for artifact pages), --action load|revisit|scroll|typing (revisit: the load of a
 * second tab after a first visit in the same profile, HTTP cache and kept answers warm), --top N (25),
 * --out FILE.cpuprofile (open in Chrome DevTools › Performance), --port-base N (4950),
 * --warm N (loads before the profiled one, so the server's caches are warm; default 1).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import {
  CONTEXT_OPTIONS,
  TABLE_ROW,
  TIMELINE_ENTRY,
  typeIntoFilter,
  LOAD_TIMEOUT_MS,
  openAndWaitForPaint,
} from './lib/cases.mjs'
import { launchChromium } from './lib/browser.mjs'
import { collectLoad, installPaintWatch, scrollToBottom, settledScripts } from './lib/in-page.mjs'
import { startServers } from './lib/servers.mjs'
import { TRACE_CATEGORIES, rendererMainThread } from './lib/trace.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 */

/** @param {string[]} argv */
function parse(argv) {
  /** @type {Record<string, string>} */
  const options = { action: 'load', top: '25', 'port-base': '4950', dist: 'dist', warm: '1' }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    if (!arg.startsWith('--')) throw new Error(`unexpected ${arg}`)
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2)
    const value = inline ?? argv[++i]
    if (!name || value === undefined) throw new Error(`${arg} needs a value`)
    options[name] = value
  }
  if (!options.url) throw new Error('--url is required')
  if (!['load', 'revisit', 'scroll', 'typing'].includes(options.action ?? '')) {
    throw new Error('--action is load, revisit, scroll or typing')
  }
  return options
}

/**
 * Self and inclusive milliseconds per function (recursion counted once per sample).
 * @param {CpuProfile} profile
 */
export function summariseProfile(profile) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  /** @type {Map<number, number>} */
  const parent = new Map()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const key = (/** @type {ProfileNode} */ node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const file = url ? url.replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+\//, '') : ''
    return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim()
  }
  /** @type {Map<string, number>} */
  const self = new Map()
  /** @type {Map<string, number>} */
  const total = new Map()
  let all = 0
  profile.samples.forEach((sample, index) => {
    const delta = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000
    const node = byId.get(sample)
    if (!node) return
    all += delta
    const own = key(node)
    self.set(own, (self.get(own) ?? 0) + delta)
    /** @type {Set<string>} */
    const seen = new Set()
    /** @type {number | undefined} */
    let id = sample
    while (id !== undefined) {
      const current = byId.get(id)
      if (!current) break
      const k = key(current)
      if (!seen.has(k)) {
        seen.add(k)
        total.set(k, (total.get(k) ?? 0) + delta)
      }
      id = parent.get(id)
    }
  })
  const sorted = (/** @type {Map<string, number>} */ map) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms }))
  return { totalMs: all, self: sorted(self), inclusive: sorted(total) }
}

/**
 * @typedef {import('./lib/trace.mjs').TraceEvent} TraceEvent
 */

/**
 * Self time per trace event name on the page's main thread (CrRendererMain), overall and after
 * the API data arrived, plus the longest tasks — the "(program)" the CPU profile cannot name:
 * style, layout, paint, JSON parsing of response bodies, GC.
 * @param {{ traceEvents: TraceEvent[] }} trace
 * @param {{ dataEnd: number | null, painted: number | null }} load
 * @param {number} top
 */
function printTrace(trace, load, top) {
  const main = rendererMainThread(trace.traceEvents)
  if (!main) return
  const { thread, origin } = main
  const dataAt = load.dataEnd === null ? Infinity : origin + load.dataEnd * 1000
  const paintedAt = load.painted === null ? Infinity : origin + load.painted * 1000
  // Wall time and thread CPU time (tdur): on a busy machine only the CPU time is trustworthy.
  /** @type {Map<string, [number, number]>} */
  const selfAll = new Map()
  /** @type {Map<string, [number, number]>} */
  const selfAfterData = new Map()
  /** @type {{ event: TraceEvent, childTime: number, childCpu: number }[]} */
  const stack = []
  const add = (/** @type {Map<string, [number, number]>} */ map, name, wall, cpu) => {
    const [w, c] = map.get(name) ?? [0, 0]
    map.set(name, [w + wall, c + cpu])
  }
  const close = (
    /** @type {{ event: TraceEvent, childTime: number, childCpu: number }} */ frame,
  ) => {
    const wall = ((frame.event.dur ?? 0) - frame.childTime) / 1000
    const cpu = ((frame.event.tdur ?? 0) - frame.childCpu) / 1000
    add(selfAll, frame.event.name, wall, cpu)
    if (frame.event.ts >= dataAt && frame.event.ts <= paintedAt) {
      add(selfAfterData, frame.event.name, wall, cpu)
    }
  }
  for (const event of thread) {
    while (stack.length) {
      const last = /** @type {{ event: TraceEvent, childTime: number }} */ (stack.at(-1))
      if (event.ts >= last.event.ts + (last.event.dur ?? 0)) close(/** @type {any} */ (stack.pop()))
      else break
    }
    const parent = stack.at(-1)
    if (parent) {
      parent.childTime += event.dur ?? 0
      parent.childCpu += event.tdur ?? 0
    }
    stack.push({ event, childTime: 0, childCpu: 0 })
  }
  while (stack.length) close(/** @type {any} */ (stack.pop()))
  const print = (/** @type {string} */ title, /** @type {Map<string, [number, number]>} */ map) => {
    console.log(`\n${title} (wall ms, CPU ms)`)
    for (const [name, [wall, cpu]] of [...map.entries()]
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, top)) {
      console.log(`  ${wall.toFixed(0).padStart(7)} ${cpu.toFixed(0).padStart(7)}  ${name}`)
    }
  }
  print('trace, main thread self time by event (whole recording):', selfAll)
  print('trace, main thread self time between data arrival and rows painted:', selfAfterData)
  const tasks = thread
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
  console.log(`\ntasks > 50 ms: ${tasks.length}; longest:`)
  for (const task of tasks.slice(0, 10)) {
    const inside = thread.filter(
      (e) =>
        e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && (e.dur ?? 0) > 5000,
    )
    const names = inside
      .slice(0, 6)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${((e.tdur ?? 0) / 1000).toFixed(0)} CPU`,
      )
    console.log(
      `  ${((task.dur ?? 0) / 1000).toFixed(0).padStart(6)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(0)}) at ${((task.ts - origin) / 1000).toFixed(0)} ms: ${names.join(', ')}`,
    )
  }
}

async function main() {
  const options = parse(process.argv.slice(2))
  const url = /** @type {string} */ (options.url)
  const selector = options.selector ?? (url.includes('/artifacts/') ? TIMELINE_ENTRY : TABLE_ROW)
  const top = Number(options.top)
  const servers = await startServers({
    root,
    dist: /** @type {string} */ (options.dist),
    portBase: Number(options['port-base']),
  })
  const { browser } = await launchChromium(chromium, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  })
  try {
    // Earlier loads in throwaway contexts: the server's caches are warm, as after a bench run's first.
    for (let i = 0; i < Number(options.warm); i += 1) {
      const { context } = await openAndWaitForPaint(browser, `${servers.appUrl}${url}`, selector)
      await context.close()
    }
    const context = await browser.newContext(CONTEXT_OPTIONS)
    await context.addInitScript(installPaintWatch, selector)
    if (options.action === 'revisit') {
      // A first visit in the same profile fills the HTTP cache and the kept answers; the
      // profiled load is the second tab's, as in the bench's revisit case.
      const first = await context.newPage()
      await first.goto(`${servers.appUrl}${url}`, { waitUntil: 'commit' })
      await first.waitForFunction(
        () => /** @type {any} */ (window).__benchPaint?.painted != null,
        null,
        { timeout: LOAD_TIMEOUT_MS, polling: 100 },
      )
      await first.evaluate(settledScripts, { quietMs: 1000, maxMs: 10_000 })
      await first.waitForTimeout(500)
      await first.close()
    }
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    const profileLoad = options.action === 'load' || options.action === 'revisit'
    const tracing = Boolean(options.trace)
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    if (profileLoad) await cdp.send('Profiler.start')
    await page.goto(`${servers.appUrl}${url}`, { waitUntil: 'commit' })
    await page.waitForFunction(
      () => /** @type {any} */ (window).__benchPaint?.painted != null,
      null,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    )
    const load = await page.evaluate(collectLoad, '/api/')
    console.log(
      `painted at ${Math.round(load.painted ?? 0)} ms; API requests:`,
      load.apiRequests.map((r) => `${r.url} ${Math.round(r.start)}→${Math.round(r.end)} ms`),
    )
    /** @type {unknown} */
    let actionResult = null
    if (!profileLoad) {
      await cdp.send('HeapProfiler.enable')
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('Profiler.start')
      actionResult =
        options.action === 'scroll'
          ? await page.evaluate(scrollToBottom, { selector, maxFrames: 300, maxMs: 20_000 })
          : await typeIntoFilter(page)
    }
    const { profile } = /** @type {{ profile: CpuProfile }} */ (await cdp.send('Profiler.stop'))
    if (tracing) {
      const buffer = await browser.stopTracing()
      writeFileSync(/** @type {string} */ (options.trace), buffer)
      printTrace(JSON.parse(buffer.toString('utf8')), load, top)
    }
    if (options.out) writeFileSync(options.out, JSON.stringify(profile))
    if (actionResult) console.log(JSON.stringify(actionResult, null, 1).slice(0, 3000))
    const summary = summariseProfile(profile)
    const line = (/** @type {{ name: string, ms: number }} */ entry) =>
      `  ${entry.ms.toFixed(0).padStart(7)} ms  ${((entry.ms / summary.totalMs) * 100).toFixed(1).padStart(5)}%  ${entry.name}`
    console.log(`\nsampled ${summary.totalMs.toFixed(0)} ms\n\nself time:`)
    for (const entry of summary.self.slice(0, top)) console.log(line(entry))
    console.log('\ninclusive time:')
    for (const entry of summary.inclusive.slice(0, top * 2)) console.log(line(entry))
    await context.close()
  } finally {
    await browser.close()
    await servers.stop()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  })
}
