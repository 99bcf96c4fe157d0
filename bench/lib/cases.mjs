/**
 * The browser cases: each page measured against its physical limit in the same browser,
 * plus typing, scrolling and heap on the 5,000-row snapshot, and bytes per route.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  collectLoad,
  fetchAndParse,
  installPaintWatch,
  installTypingWatch,
  parseAndKeep,
  scrollToBottom,
  settledScripts,
} from './in-page.mjs'

export const LOAD_TIMEOUT_MS = 120_000
/** Rows are `<th scope="row">` in every table the contract asks for. */
export const TABLE_ROW = 'table tbody tr th[scope="row"]'
export const TIMELINE_ENTRY = 'section[aria-labelledby="timeline-heading"] li'
/** The overview's rows once every column has its snapshot (the table says so). */
export const SETTLED_ROW = '[data-settled="true"] tbody tr th[scope="row"]'
/** The label of the snapshot page's name filter (src/features/snapshots/snapshot-route.tsx). */
export const SNAPSHOT_FILTER_LABEL = /name, fingerprint or commit/i
/**
 * A service name typed out (16 keys: all rows, then one namespace, then ~100, ~10, 1 row),
 * then 4 Backspaces widening it again: 20 keys.
 */
export const TYPING_KEYS = [...'checkout-svc-004', ...Array(4).fill('Backspace')]

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {import('playwright-core').Page} Page
 */

/** Like the e2e config, so pages render the same way. */
export const CONTEXT_OPTIONS = {
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
  timezoneId: 'Europe/Berlin',
}

/**
 * Opens `url` in a fresh context (cold cache) and waits until `selector` was painted.
 * `beforeNavigation` runs once the page exists, before it navigates (e.g. to start a trace).
 * @param {Browser} browser
 * @param {string} url
 * @param {string} selector
 * @param {(page: Page) => Promise<void>} [beforeNavigation]
 * @returns {Promise<{ context: BrowserContext, page: Page }>}
 */
export async function openAndWaitForPaint(browser, url, selector, beforeNavigation) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  const page = await context.newPage()
  /** @type {string[]} */
  const problems = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text().slice(0, 200)}`)
  })
  await page.addInitScript(installPaintWatch, selector)
  try {
    await beforeNavigation?.(page)
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS })
    await page.waitForFunction(
      () => /** @type {any} */ (window).__benchPaint?.painted != null,
      null,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    )
  } catch (error) {
    const shown = await page
      .evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 300) ?? '')
      .catch(() => '')
    await context.close()
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(
      `${url}: "${selector}" never painted (${detail}). Page shows: "${shown}"${problems.length ? `; ${problems.slice(0, 3).join('; ')}` : ''}`,
    )
  }
  return { context, page }
}

/**
 * One run of a render-vs-limit case: the page load, the scripts it fetched, then the limit in
 * the same page. Without `apiUrl` the limit fetches the largest answer the page needed.
 * @param {Browser} browser
 * @param {{ url: string, selector: string, apiUrl?: string, apiMarker: string, appUrl: string, served: string }} target
 */
export async function measureLoadRun(browser, target) {
  const { context, page } = await openAndWaitForPaint(browser, target.url, target.selector)
  try {
    const load = await page.evaluate(collectLoad, target.apiMarker)
    const scripts = await scriptsOf(page, target.served, /** @type {number} */ (load.painted))
    const apiUrl = target.apiUrl ?? largestApi(load, target.appUrl)
    const limit = await page.evaluate(fetchAndParse, apiUrl)
    if (limit.status !== 200) throw new Error(`${apiUrl} answered ${limit.status}`)
    return { load, scripts, limit, ratio: /** @type {number} */ (load.painted) / limit.totalMs }
  } finally {
    await context.close()
  }
}

/**
 * @param {{ painted: number | null, apiRequests: { url: string, end: number, bytes: number }[] }} load
 * @param {string} appUrl
 */
function largestApi(load, appUrl) {
  const before = load.apiRequests.filter((r) => r.end <= (load.painted ?? Infinity))
  const largest = before.reduce(
    (/** @type {{ url: string, bytes: number } | null} */ max, r) =>
      r.bytes > (max?.bytes ?? -1) ? r : max,
    null,
  )
  if (!largest) throw new Error('the page painted its rows without an API request')
  return `${appUrl}${largest.url}`
}

/**
 * The page's scripts after it settled, with gzip sizes of the served files: those that started
 * before the first rows painted ("first rows JS") and all of them ("settled JS").
 * @param {import('playwright-core').Page} page
 * @param {string} served the served directory
 * @param {number} painted
 */
export async function scriptsOf(page, served, painted) {
  const scripts = await page.evaluate(settledScripts, { quietMs: 1000, maxMs: 10_000 })
  /** @type {Map<string, number>} */
  const sizes = new Map()
  for (const script of scripts) {
    if (sizes.has(script.path)) continue
    try {
      sizes.set(script.path, gzipSync(readFileSync(path.join(served, script.path))).length)
    } catch {
      sizes.set(script.path, 0)
    }
  }
  const tally = (/** @type {typeof scripts} */ list) => {
    const paths = [...new Set(list.map((s) => s.path))]
    return {
      requests: paths.length,
      bytes: paths.reduce((sum, p) => sum + (sizes.get(p) ?? 0), 0),
      files: paths.map((p) => ({ path: p, gzip: sizes.get(p) ?? 0 })),
    }
  }
  return {
    firstRows: tally(scripts.filter((s) => s.start < painted)),
    settled: tally(scripts),
  }
}

/**
 * Heap after a page painted: JS heap in use after two forced garbage collections (CDP).
 * @param {Page} page
 */
export async function usedHeap(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')
  return used ? used.value : NaN
}

/**
 * The heap cost of just the parsed response: a page of the same origin without the app
 * (the favicon), heap before and after keeping JSON.parse's result.
 * @param {Browser} browser
 * @param {string} appUrl
 * @param {string} apiUrl
 */
export async function parsedResponseHeap(browser, appUrl, apiUrl) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  try {
    const page = await context.newPage()
    await page.goto(`${appUrl}/favicon.svg`)
    const before = await usedHeap(page)
    const size = await page.evaluate(parseAndKeep, apiUrl)
    const after = await usedHeap(page)
    return { ...size, parsedHeap: after - before }
  } finally {
    await context.close()
  }
}

/**
 * The 5,000-row snapshot, one run: load vs limit, heap, scroll and typing in the same page.
 * @param {Browser} browser
 * @param {{ url: string, apiUrl: string, apiMarker: string, appUrl: string, served: string, cases: Set<string> }} target
 */
export async function measureSnapshotRun(browser, target) {
  const { context, page } = await openAndWaitForPaint(browser, target.url, TABLE_ROW)
  try {
    const load = await page.evaluate(collectLoad, target.apiMarker)
    /** @type {Record<string, unknown>} */
    const result = { load }
    result.scripts = await scriptsOf(page, target.served, /** @type {number} */ (load.painted))
    if (target.cases.has('heap')) result.heap = await usedHeap(page)
    if (target.cases.has('snapshot')) {
      const limit = await page.evaluate(fetchAndParse, target.apiUrl)
      if (limit.status !== 200) throw new Error(`${target.apiUrl} answered ${limit.status}`)
      result.limit = limit
      result.ratio = /** @type {number} */ (load.painted) / limit.totalMs
      // The limit's garbage must not be collected in the middle of the scroll below.
      await usedHeap(page)
    }
    // Scroll and typing fail on their own, so one broken interaction keeps the load numbers.
    if (target.cases.has('scroll')) {
      try {
        const toTop = () =>
          page.evaluate(() => {
            for (const element of document.querySelectorAll('*')) {
              if (element.scrollTop > 0) element.scrollTop = 0
            }
          })
        // A fling: two screens a frame, top to bottom (the table skims).
        result.scroll = await page.evaluate(scrollToBottom, {
          selector: TABLE_ROW,
          maxFrames: 300,
          maxMs: 20_000,
        })
        await toTop()
        // Paging: 0.9 of a screen a frame, for 150 frames (full rows all the way).
        result.scrollPaging = await page.evaluate(scrollToBottom, {
          selector: TABLE_ROW,
          maxFrames: 150,
          maxMs: 20_000,
          screens: 0.9,
        })
        await toTop()
      } catch (error) {
        result.scrollError = error instanceof Error ? error.message : String(error)
      }
    }
    if (target.cases.has('typing')) {
      try {
        result.typing = await typeIntoFilter(page)
      } catch (error) {
        result.typingError = error instanceof Error ? error.message : String(error)
      }
    }
    return result
  } finally {
    await context.close()
  }
}

/**
 * Types TYPING_KEYS into the snapshot's filter, one key at a time, waiting for the page to
 * settle after each, and returns each key's keydown → paint latency.
 * @param {Page} page
 */
export async function typeIntoFilter(page) {
  const input = page.getByLabel(SNAPSHOT_FILTER_LABEL)
  if ((await input.count()) !== 1) {
    throw new Error(
      `typing: expected one input labelled ${SNAPSHOT_FILTER_LABEL}, found ${await input.count()}`,
    )
  }
  await input.click()
  const status = page
    .locator('main [role="status"]')
    .filter({ hasText: /showing/i })
    .first()
  /** @type {string[]} */
  const shown = []
  const keys = await pressKeys(page, 'main', TYPING_KEYS, async () => {
    shown.push(await status.innerText({ timeout: 1000 }).catch(() => ''))
  })
  return {
    keys: keys.map((k, index) => ({
      key: k.key,
      shown: shown[index] ?? '',
      latencyMs: Math.max(k.lastPaint ?? 0, k.echo ?? 0) - k.down,
      echoMs: k.echo === null ? null : k.echo - k.down,
      mutations: k.mutations,
    })),
  }
}

/**
 * Presses `keys` one at a time in the focused element, each once the page settled after the
 * one before (installTypingWatch on `rootSelector`), and returns each key's times: keydown,
 * the paint after the input's echo and the paint after the last DOM change it caused.
 * @param {Page} page
 * @param {string} rootSelector
 * @param {string[]} keys
 * @param {() => Promise<void>} [afterKey]
 * @returns {Promise<{ key: string, down: number, echo: number | null, lastPaint: number | null, mutations: number }[]>}
 */
export async function pressKeys(page, rootSelector, keys, afterKey) {
  await page.evaluate(installTypingWatch, rootSelector)
  for (const key of keys) {
    await page.keyboard.press(key)
    await page.evaluate(() => /** @type {any} */ (window).__benchTyping.settled(150))
    await afterKey?.()
  }
  return page.evaluate(() =>
    /** @type {any} */ (window).__benchTyping.keys.map((/** @type {any} */ k) => ({ ...k })),
  )
}

/**
 * JavaScript and CSS a route's first visit loads (fresh context, so nothing is cached):
 * gzip sizes of the same files in dist/ (like scripts/check-bundle.mjs), and bytes on the wire.
 * @param {Browser} browser
 * @param {{ url: string, dist: string, initial: ReadonlySet<string> }} target
 */
export async function routeBytes(browser, target) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  try {
    const page = await context.newPage()
    /** @type {import('playwright-core').Response[]} */
    const responses = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type === 'script' || type === 'stylesheet') responses.push(response)
    })
    await page.goto(target.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS })
    // The page's heading means its route chunk ran; then let late chunks (idle prefetches,
    // lazy panels) arrive, but do not wait for ever on a busy machine.
    await page.locator('main h1').first().waitFor({ timeout: LOAD_TIMEOUT_MS })
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
    /** @type {{ file: string, type: string, gzip: number, raw: number, wire: number, initial: boolean }[]} */
    const files = []
    for (const response of responses) {
      const file = new URL(response.url()).pathname.replace(/^\//, '')
      let raw
      try {
        raw = readFileSync(path.join(target.dist, file))
      } catch {
        continue
      }
      const sizes = await response.request().sizes()
      files.push({
        file,
        type: response.request().resourceType() === 'script' ? 'js' : 'css',
        gzip: gzipSync(raw).length,
        raw: raw.length,
        wire: sizes.responseBodySize,
        initial: target.initial.has(file),
      })
    }
    return files
  } finally {
    await context.close()
  }
}

/**
 * The files index.html loads before any route: entry script and modulepreloads.
 * @param {string} dist
 */
export function initialFiles(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const refs = (/** @type {RegExp} */ pattern) =>
    [...html.matchAll(pattern)].map((match) => String(match[1]).replace(/^\//, ''))
  return new Set([
    ...refs(/<script[^>]+src="([^"]+\.js)"/g),
    ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ])
}
