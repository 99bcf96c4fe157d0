/**
 * The same-stack floor (bench/floor/): built by the bench, served by Shiplog's own server under
 * /__floor/ (a scratch directory of symlinks: dist/'s entries plus the floor build), so its
 * fetches are same-origin and go through the same proxy as Shiplog's. Also: the hand-written
 * page, revisits, and JavaScript counted as the browser fetched it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CONTEXT_OPTIONS, LOAD_TIMEOUT_MS, openAndWaitForPaint } from './cases.mjs'
import { collectLoad, installPaintWatch, settledScripts } from './in-page.mjs'

export const FLOOR_PREFIX = '/__floor/'

/**
 * @param {string} root the repository
 * @param {string} outDir absolute
 */
export function buildFloor(root, outDir) {
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'bench/floor/vite.config.ts', '--outDir', outDir],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (result.status !== 0) throw new Error(`the floor's vite build failed (${result.status})`)
}

/**
 * A directory to serve: every entry of dist/ as a symlink, plus `__floor` → the floor build.
 * @param {string} dist absolute
 * @param {string} floorDir absolute
 */
export function servedDir(dist, floorDir) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shiplog-bench-served-'))
  for (const entry of readdirSync(dist)) symlinkSync(path.join(dist, entry), path.join(dir, entry))
  symlinkSync(floorDir, path.join(dir, FLOOR_PREFIX.replaceAll('/', '')))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * @param {string} appUrl
 * @param {{ page: 'floor' | 'hand', apis: readonly string[], list?: boolean }} options
 */
export function floorUrl(appUrl, { page, apis, list = false }) {
  const search = new URLSearchParams()
  for (const api of apis) search.append('api', api)
  if (list) search.set('kind', 'list')
  const query = search.toString()
  return `${appUrl}${FLOOR_PREFIX}${page === 'floor' ? 'index' : 'hand'}.html${query ? `?${query}` : ''}`
}

/**
 * One load of a floor page (fresh context): navigation → first rows painted.
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, selector: string }} target
 */
export async function measureFloorRun(browser, target) {
  const { context, page } = await openAndWaitForPaint(browser, target.url, target.selector)
  try {
    const load = await page.evaluate(collectLoad, '/api/')
    return { painted: /** @type {number} */ (load.painted), load }
  } finally {
    await context.close()
  }
}

/**
 * The API answers a page needed for its first rows: every /api/ request that ended before the
 * paint (a preload and the fetch that used it count once).
 * @param {{ painted: number | null, apiRequests: { url: string, end: number, bytes: number }[] }} load
 */
export function apisBeforePaint(load) {
  const painted = load.painted ?? Infinity
  return [...new Set(load.apiRequests.filter((r) => r.end <= painted).map((r) => r.url))]
}

/**
 * A second visit in the same browser profile: the first load fills the HTTP cache and whatever
 * the page keeps (IndexedDB), then the same URL opens in a new tab and is timed; with
 * `offline`, that tab opens with the network cut (`context.setOffline(true)`).
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, selector: string, offline?: boolean }} target
 */
export async function measureRevisit(browser, target) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  try {
    await context.addInitScript(installPaintWatch, target.selector)
    const waitForPaint = (/** @type {import('playwright-core').Page} */ page) =>
      page.waitForFunction(() => /** @type {any} */ (window).__benchPaint?.painted != null, null, {
        timeout: LOAD_TIMEOUT_MS,
        polling: 100,
      })
    const first = await context.newPage()
    await first.goto(target.url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS })
    await waitForPaint(first)
    // Whatever the page stores after showing its rows (cache writes) has time to land.
    await first.evaluate(settledScripts, { quietMs: 1000, maxMs: 10_000 })
    await first.waitForTimeout(500)
    await first.close()
    if (target.offline) await context.setOffline(true)
    const again = await context.newPage()
    await again.goto(target.url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS })
    await waitForPaint(again)
    const load = await again.evaluate(collectLoad, '/api/')
    return { painted: /** @type {number} */ (load.painted), load }
  } finally {
    await context.close()
  }
}
