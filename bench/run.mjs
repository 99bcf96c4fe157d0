#!/usr/bin/env node
/**
 * `npm run bench`: Shiplog's performance harness (issue 8).
 *
 * Serves the production build in live mode against the mock Kosli API (both started here, on
 * free ports), drives Debian's headless Chromium with playwright-core, and measures each page
 * against its physical limit — fetch + JSON.parse of the same API response, in the same page —
 * plus filter typing, scrolling and heap on the 5,000-row snapshot, bytes per route, the bundle
 * budget (scripts/check-bundle.mjs) and Lighthouse. Prints median (min–max) next to each target
 * and writes bench/results/<timestamp>.json and bench/results/latest.json.
 *
 *   npm run bench                     # 5 runs per case + Lighthouse (several minutes)
 *   npm run bench -- --quick          # 1 run, no Lighthouse (CI)
 *   npm run bench -- --quick --check  # ... and exit 1 when a target is missed
 *   npm run bench -- --help
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { USAGE, parseArgs } from './lib/args.mjs'
import {
  SETTLED_ROW,
  TABLE_ROW,
  TIMELINE_ENTRY,
  initialFiles,
  measureLoadRun,
  measureSnapshotRun,
  parsedResponseHeap,
  routeBytes,
} from './lib/cases.mjs'
import { EXTRA_DISABLED_FEATURES, launchChromium } from './lib/browser.mjs'
import {
  apisBeforePaint,
  buildFloor,
  floorUrl,
  measureFloorRun,
  measureRevisit,
  servedDir,
} from './lib/floor.mjs'
import { runLighthouse } from './lib/lighthouse.mjs'
import { TARGETS, buildRows, formatTable } from './lib/report.mjs'
import { startServers } from './lib/servers.mjs'
import CHROMIUM_FLAGS from '../scripts/chromium-flags.json' with { type: 'json' }
import { count, ms, ratio, spread, summarise } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
/** The flags the e2e tests use, plus exact heap numbers. */
const CHROME_ARGS = [...CHROMIUM_FLAGS, '--enable-precise-memory-info']
const ORG = 'cyber-dojo'
const SCALE_ENV = 'k8s-scale'
const SEED_ARTIFACT = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
/** Routes whose first visit's JS and CSS are counted (small seed data, so it is quick). */
const BYTE_ROUTES = [
  { name: 'flows', path: `/${ORG}/flows` },
  { name: 'flow', path: `/${ORG}/flows/runner` },
  { name: 'artifact', path: `/${ORG}/flows/runner/artifacts/${SEED_ARTIFACT}` },
  { name: 'environments', path: `/${ORG}/environments` },
  { name: 'snapshot', path: `/${ORG}/environments/aws-prod/snapshots/65` },
  { name: 'diff', path: `/${ORG}/diff?from=aws-prod%2364&to=aws-prod%2365` },
  { name: 'search', path: `/${ORG}/search?q=runner` },
]
const LIGHTHOUSE_PAGES = [
  { name: 'flows', path: `/${ORG}/flows` },
  { name: 'snapshot aws-prod#65', path: `/${ORG}/environments/aws-prod/snapshots/65` },
  { name: 'artifact (seed)', path: `/${ORG}/flows/runner/artifacts/${SEED_ARTIFACT}` },
]

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error))
/** @param {string} text */
const log = (text) =>
  console.log(`bench [${String(Math.round((Date.now() - t0) / 1000)).padStart(3)} s] ${text}`)
const t0 = Date.now()

/**
 * GET JSON from the mock API directly (discovery happens outside the browser).
 * @param {string} url
 */
async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) })
  const text = await response.text()
  if (!response.ok)
    throw new Error(
      `${url.replace(/^https?:\/\/[^/]+/, '')} → ${response.status} ${text.slice(0, 160)}`,
    )
  return JSON.parse(text)
}

/**
 * @param {string} dist absolute
 */
function build(dist) {
  const args = ['build']
  if (dist !== path.join(root, 'dist')) args.push('--outDir', dist, '--emptyOutDir')
  log(`building ${path.relative(root, dist) || dist} (vite ${args.join(' ')})`)
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`)
}

/** Read-only git facts for the record. */
function gitInfo() {
  const git = (/** @type {string[]} */ args) =>
    spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? ''
  return {
    commit: git(['rev-parse', '--short', 'HEAD']) || null,
    changedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
  }
}

/**
 * scripts/check-bundle.mjs reads ./dist; run it in a scratch directory whose dist is ours.
 * @param {string} dist absolute
 */
function checkBundle(dist) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'shiplog-bundle-'))
  try {
    symlinkSync(dist, path.join(scratch, 'dist'))
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'check-bundle.mjs')], {
      cwd: scratch,
      encoding: 'utf8',
    })
    const output = `${result.stdout}${result.stderr}`
    const failures =
      result.status === 0
        ? []
        : (output.split('Bundle budget exceeded:')[1] ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
    return { ok: result.status === 0, failures, output: output.trim() }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Finds the concrete pages to measure in the mock world: the latest k8s-scale snapshot,
 * the long-history artifact, the 500-flow org.
 * @param {string} mockUrl
 * @param {import('./lib/args.mjs').BenchOptions} options
 */
async function discover(mockUrl, options) {
  const api = `${mockUrl}/api/v2`
  /** @type {Record<string, any>} */
  const found = {}
  try {
    const list = await getJson(`${api}/snapshots/${ORG}/${SCALE_ENV}`)
    const latest = Math.max(...list.map((/** @type {{ index: number }} */ s) => s.index))
    if (!Number.isFinite(latest) || latest < 2)
      throw new Error(`${SCALE_ENV} has ${list.length} snapshots`)
    const snapshot = await getJson(`${api}/snapshots/${ORG}/${SCALE_ENV}/${latest}`)
    const running = snapshot.artifacts.length
    found.snapshot = {
      title: `snapshot · ${count(running)} artifacts (${SCALE_ENV}#${latest})`,
      url: `/${ORG}/environments/${SCALE_ENV}/snapshots/${latest}`,
      apiUrl: `/api/v2/snapshots/${ORG}/${SCALE_ENV}/${latest}`,
      apiMarker: `/snapshots/${ORG}/${SCALE_ENV}/${latest}`,
      running,
    }
    const from = encodeURIComponent(`${SCALE_ENV}#${latest - 1}`)
    const to = encodeURIComponent(`${SCALE_ENV}#${latest}`)
    found.diff = {
      title: `diff · ${SCALE_ENV}#${latest - 1} → #${latest}`,
      url: `/${ORG}/diff?from=${from}&to=${to}`,
      apiUrl: `/api/v2/env-diff/${ORG}?snappish1=${from}&snappish2=${to}`,
      apiMarker: `/env-diff/${ORG}`,
    }
  } catch (error) {
    found.snapshotError = `could not find ${SCALE_ENV}'s latest snapshot: ${message(error)}`
  }
  const { org, flow } = options.artifact
  try {
    let fingerprint = options.artifact.fingerprint
    if (!fingerprint) {
      const list = await getJson(`${api}/artifacts/${org}?flow_name=${encodeURIComponent(flow)}`)
      const first = Array.isArray(list) ? list[0] : undefined
      fingerprint = first?.fingerprint
      if (!fingerprint) throw new Error(`no artifacts in ${org}/${flow}`)
    }
    const path = `/api/v2/artifacts/${org}/${encodeURIComponent(flow)}/fingerprint/${fingerprint}`
    const artifact = await getJson(`${mockUrl}${path}`)
    const events = Array.isArray(artifact.history) ? artifact.history.length : null
    found.artifact = {
      title: `artifact · ${events === null ? '?' : count(events)} history events (${org}/${flow})`,
      url: `/${org}/flows/${encodeURIComponent(flow)}/artifacts/${fingerprint}`,
      apiUrl: path,
      apiMarker: `/fingerprint/${fingerprint}`,
    }
  } catch (error) {
    found.artifactError = `could not find the long-history artifact ${org}/${flow}: ${message(error)}`
  }
  try {
    const flows = await getJson(`${api}/flows/acme`)
    found.flows = {
      title: `flows list · ${count(flows.length)} flows (acme)`,
      url: '/acme/flows',
      apiUrl: '/api/v2/flows/acme',
      apiMarker: '/flows/acme',
    }
  } catch (error) {
    found.flowsError = `could not list org acme's flows: ${message(error)}`
  }
  // The limit and the floor fetch what these pages fetched before their rows painted.
  found.flow = {
    title: 'flow · acme/busy-service',
    url: '/acme/flows/busy-service',
    apiMarker: '/acme',
  }
  found.environment = {
    title: 'environment · cyber-dojo/aws-prod',
    url: `/${ORG}/environments/aws-prod`,
    apiMarker: '/aws-prod',
  }
  found.overview = {
    title: 'overview · 500 flows × 20 environments (scale-500x20)',
    url: '/scale-500x20/overview',
    apiMarker: '/snapshots/scale-500x20/',
    selector: SETTLED_ROW,
    warmUrl: '/api/v2/environments/scale-500x20',
  }
  return found
}

/** Runs r = 1, 2, 3 … open Shiplog, the floor and the hand-written page in rotating order. */
const PAGE_ORDER = /** @type {const} */ (['shiplog', 'floor', 'hand'])
/** @param {number} run */
const pageOrder = (run) =>
  run === 1
    ? PAGE_ORDER
    : [...PAGE_ORDER.slice((run - 1) % 3), ...PAGE_ORDER.slice(0, (run - 1) % 3)]
/** Pages of immutable data: numbered snapshots, a diff of two of them, an artifact. */
const REVISIT_CASES = ['snapshotPage', 'diff', 'artifact']

/**
 * The kept-snapshot revisits beside the floor's page that fetches nothing.
 * @param {Record<string, any>} results
 */
function keptRevisitRows(results) {
  const noFetch = summarise((results.floorNoFetch ?? []).map((/** @type {any} */ r) => r.painted))
  return (results.keptRevisits ?? []).flatMap((/** @type {any} */ record) =>
    ['online', 'offline'].map((mode) => {
      const painted = summarise(record[mode])
      const over = painted && noFetch ? painted.median / noFetch.median : null
      return {
        section: `revisit of a kept snapshot · ${record.name}`,
        label: `${mode === 'online' ? 'new tab' : 'new tab, offline'}: rows painted ÷ floor without fetch`,
        value: over === null ? 'n/a' : ratio(over),
        target: `≤ ${TARGETS.revisitRatio}×`,
        pass: over !== null && over <= TARGETS.revisitRatio,
        number: over,
        note: `painted ${spread(painted, ms)}; floor without fetch ${spread(noFetch, ms)}${record[`${mode}Error`] ? `; failed: ${record[`${mode}Error`]}` : ''}`,
      }
    }),
  )
}

async function main() {
  /** @type {import('./lib/args.mjs').BenchOptions} */
  let options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`bench: ${message(error)}\n\n${USAGE}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(USAGE)
    return
  }
  const startedAt = new Date()
  const loadAtStart = loadavg()[0]
  const dist = path.resolve(root, options.dist)
  if (options.build || !existsSync(path.join(dist, 'index.html'))) build(dist)
  if (!existsSync(CHROME_PATH))
    throw new Error(`Chromium not found at ${CHROME_PATH} (set CHROME_PATH)`)

  const cases = options.cases
  const snapshotPageCases = ['snapshot', 'typing', 'scroll', 'heap'].filter((id) => cases.has(id))
  const needServers = [...cases].some((id) => id !== 'bundle')

  /** @type {Record<string, any>} */
  const results = { cases: {} }
  /** @type {import('./lib/servers.mjs').Servers | undefined} */
  let servers
  /** dist/ plus the floor pages under /__floor/ */
  let served = { dir: dist, remove: () => {} }
  /** @type {import('playwright-core').Browser | undefined} */
  let browser
  const cleanUp = async () => {
    await browser?.close().catch(() => {})
    await servers?.stop()
    served.remove()
  }
  let interrupted = false
  const onSignal = () => {
    interrupted = true
    cleanUp().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    if (needServers) {
      const floorDir = path.join(root, 'node_modules', '.tmp', 'bench-floor')
      log('building the floor pages (bench/floor/)')
      buildFloor(root, floorDir)
      served = servedDir(dist, floorDir)
      servers = await startServers({ root, dist: served.dir, portBase: options.portBase })
      log(`app ${servers.appUrl} (live) → mock API ${servers.mockUrl}`)
    }
    const found = servers ? await discover(servers.mockUrl, options) : {}
    results.discovery = found

    // Load cases share one shape; the snapshot page also carries heap, scroll and typing.
    /** @type {{ id: string, target: any, error?: string }[]} */
    const loadCases = []
    if (snapshotPageCases.length) {
      const title = found.snapshot?.title ?? `snapshot · ${SCALE_ENV}`
      results.cases.snapshotPage = { runs: [], floor: [], hand: [], revisits: [] }
      for (const id of snapshotPageCases) {
        const titles = {
          snapshot: title,
          typing: `typing into the filter of ${found.snapshot ? `${count(found.snapshot.running)}-row` : 'the'} snapshot (20 keys per run)`,
          scroll: `scrolling the ${found.snapshot ? `${count(found.snapshot.running)}-row` : ''} snapshot`,
          heap: `JS heap · ${title}`,
        }
        results.cases[id] = {
          title: titles[/** @type {keyof typeof titles} */ (id)],
          status: found.snapshot ? 'ok' : 'error',
          ...(found.snapshot ? {} : { error: found.snapshotError }),
        }
      }
      if (found.snapshot) loadCases.push({ id: 'snapshotPage', target: found.snapshot })
    }
    for (const id of ['diff', 'artifact', 'flows', 'flow', 'environment', 'overview']) {
      if (!cases.has(id)) continue
      const target = found[id === 'diff' ? 'diff' : id]
      const error = found[`${id === 'diff' ? 'snapshot' : id}Error`]
      results.cases[id] = target
        ? { title: target.title, status: 'ok', runs: [], floor: [], hand: [], revisits: [] }
        : { title: id, status: 'error', error }
      if (target) loadCases.push({ id, target })
    }

    if (servers && (loadCases.length || cases.has('bytes'))) {
      // Warm the mock's lazily built orgs and the server's caches, so run 1 is like run 5.
      const appUrl = servers.appUrl
      await Promise.all(
        loadCases.map(({ target }) =>
          fetch(`${appUrl}${target.apiUrl ?? target.warmUrl ?? '/'}`, {
            signal: AbortSignal.timeout(120_000),
          })
            .then((r) => r.arrayBuffer())
            .catch(() => {}),
        ),
      )
      const launched = await launchChromium(chromium, {
        executablePath: CHROME_PATH,
        args: CHROME_ARGS,
      })
      browser = launched.browser
      results.browser = browser.version()
      results.disabledFeatures = launched.disabledFeatures
    }

    results.floorNoFetch = []
    for (let run = 1; run <= options.runs && browser; run += 1) {
      for (const { id, target } of loadCases) {
        const record = id === 'snapshotPage' ? results.cases.snapshotPage : results.cases[id]
        if (
          id === 'snapshotPage'
            ? snapshotPageCases.every((c) => results.cases[c].status !== 'ok')
            : record.status !== 'ok'
        ) {
          continue
        }
        const appUrl = /** @type {import('./lib/servers.mjs').Servers} */ (servers).appUrl
        const absolute = { ...target, url: `${appUrl}${target.url}`, served: served.dir }
        const name = id === 'snapshotPage' ? 'snapshot' : id
        // Pages that come before Shiplog in this run's order (none on run 1).
        const order = pageOrder(run)
        /** The floor pages among `pages`, each measured once, once Shiplog's answers are known. */
        const measureFloors = async (/** @type {string[]} */ pages) => {
          for (const page of pages) {
            if (!target.floorApis) break
            try {
              const result = await measureFloorRun(browser, {
                url: floorUrl(appUrl, { page, apis: target.floorApis, list: id === 'artifact' }),
                selector: id === 'artifact' ? TIMELINE_ENTRY : TABLE_ROW,
              })
              record[page].push({ run, painted: result.painted })
              log(`run ${run}/${options.runs} ${name} ${page}: painted ${ms(result.painted)}`)
            } catch (error) {
              record[`${page}Error`] = message(error)
              log(`run ${run}/${options.runs} ${name} ${page}: FAILED ${message(error)}`)
            }
          }
        }
        await measureFloors(order.slice(0, order.indexOf('shiplog')))
        try {
          if (id === 'snapshotPage') {
            const result = await measureSnapshotRun(browser, { ...absolute, appUrl, cases })
            record.runs.push({ ...result, run })
            target.floorApis ??= apisBeforePaint(result.load)
            for (const [c, key] of [
              ['scroll', 'scrollError'],
              ['typing', 'typingError'],
            ]) {
              if (result[key] && results.cases[/** @type {string} */ (c)]) {
                Object.assign(results.cases[/** @type {string} */ (c)], {
                  status: 'error',
                  error: result[key],
                })
              }
            }
            const bits = [`painted ${ms(result.load.painted)}`]
            if (result.ratio)
              bits.push(`limit ${ms(result.limit.totalMs)}, ratio ${ratio(result.ratio)}`)
            if (result.scroll) bits.push(`fling longest task ${ms(result.scroll.longestTaskMs)}`)
            if (result.scrollPaging)
              bits.push(`paging longest task ${ms(result.scrollPaging.longestTaskMs)}`)
            if (result.typing) {
              const worst = Math.max(
                ...result.typing.keys.map((/** @type {any} */ k) => k.latencyMs),
              )
              bits.push(`typing worst ${ms(worst)}`)
            }
            log(`run ${run}/${options.runs} snapshot: ${bits.join(', ')}`)
          } else {
            const result = await measureLoadRun(browser, {
              ...absolute,
              appUrl,
              ...(target.apiUrl ? { apiUrl: `${appUrl}${target.apiUrl}` } : {}),
              selector: target.selector ?? (id === 'artifact' ? TIMELINE_ENTRY : TABLE_ROW),
            })
            record.runs.push({ ...result, run })
            target.floorApis ??= apisBeforePaint(result.load)
            log(
              `run ${run}/${options.runs} ${id}: painted ${ms(result.load.painted)}, limit ${ms(result.limit.totalMs)}, ratio ${ratio(result.ratio)}`,
            )
          }
        } catch (error) {
          log(
            `run ${run}/${options.runs} ${id === 'snapshotPage' ? 'snapshot' : id}: FAILED ${message(error)}`,
          )
          const ids = id === 'snapshotPage' ? snapshotPageCases : [id]
          for (const c of ids)
            Object.assign(results.cases[c], { status: 'error', error: message(error) })
        }
        // Pages after Shiplog in the order; on run 1 that is both, once Shiplog's first load
        // named the answers it needs.
        await measureFloors(order.slice(order.indexOf('shiplog') + 1))
        if (REVISIT_CASES.includes(id)) {
          try {
            const result = await measureRevisit(browser, {
              url: absolute.url,
              selector: id === 'artifact' ? TIMELINE_ENTRY : TABLE_ROW,
            })
            record.revisits.push({ run, painted: result.painted, load: result.load })
            log(
              `run ${run}/${options.runs} ${name} revisit: painted ${ms(result.painted)}, ${result.load.apiBeforePaint.requests} API request(s) before paint`,
            )
          } catch (error) {
            record.revisitError = message(error)
            log(`run ${run}/${options.runs} ${name} revisit: FAILED ${message(error)}`)
          }
        }
      }
      if (loadCases.some(({ id }) => REVISIT_CASES.includes(id)) && servers) {
        try {
          const result = await measureRevisit(browser, {
            url: floorUrl(servers.appUrl, { page: 'floor', apis: [] }),
            selector: TABLE_ROW,
          })
          results.floorNoFetch.push({ run, painted: result.painted })
          log(
            `run ${run}/${options.runs} floor without fetch, revisit: painted ${ms(result.painted)}`,
          )
        } catch (error) {
          results.floorNoFetchError = message(error)
        }
      }
    }

    // Kept answers (IndexedDB): numbered snapshots that are no longer the latest, reopened in a
    // new tab of the same profile, online and with the network cut.
    if (cases.has('snapshot') && browser && servers && found.snapshot) {
      const previous = found.snapshot.url.replace(/\d+$/, (n) => String(Number(n) - 1))
      const pages = [
        { name: 'aws-prod#65', url: `/${ORG}/environments/aws-prod/snapshots/65` },
        { name: `${SCALE_ENV}#${previous.split('/').pop()}`, url: previous },
      ]
      results.keptRevisits = pages.map((page) => ({ ...page, online: [], offline: [] }))
      for (let run = 1; run <= options.runs; run++) {
        for (const record of results.keptRevisits) {
          for (const mode of ['online', 'offline']) {
            const url = `${servers.appUrl}${record.url}`
            try {
              const result = await measureRevisit(browser, {
                url,
                selector: TABLE_ROW,
                offline: mode === 'offline',
              })
              record[mode].push(result.painted)
              log(
                `run ${run}/${options.runs} kept ${record.name} ${mode}: painted ${ms(result.painted)}`,
              )
            } catch (error) {
              record[`${mode}Error`] = message(error)
              log(
                `run ${run}/${options.runs} kept ${record.name} ${mode}: FAILED ${message(error)}`,
              )
            }
          }
        }
      }
    }

    if (
      cases.has('heap') &&
      results.cases.heap.status === 'ok' &&
      browser &&
      servers &&
      found.snapshot
    ) {
      try {
        results.cases.heap.parsed = await parsedResponseHeap(
          browser,
          servers.appUrl,
          `${servers.appUrl}${found.snapshot.apiUrl}`,
        )
      } catch (error) {
        Object.assign(results.cases.heap, { status: 'error', error: message(error) })
      }
    }

    if (cases.has('bytes') && browser && servers) {
      const initial = initialFiles(dist)
      const routes = []
      for (const route of BYTE_ROUTES) {
        try {
          routes.push({
            ...route,
            files: await routeBytes(browser, {
              url: `${servers.appUrl}${route.path}`,
              dist,
              initial,
            }),
          })
        } catch (error) {
          routes.push({ ...route, error: message(error) })
        }
      }
      results.cases.bytes = {
        title: 'bytes on first visit (gzip of the loaded files)',
        status: 'ok',
        routes,
      }
      log('bytes per route measured')
    }
    await browser?.close()
    browser = undefined

    if (cases.has('lighthouse') && servers) {
      const runs = []
      for (const page of LIGHTHOUSE_PAGES) {
        for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
          try {
            const result = await runLighthouse({
              root,
              url: `${servers.appUrl}${page.path}`,
              formFactor,
              chromePath: CHROME_PATH,
            })
            runs.push({ page: page.name, formFactor, ...result })
            log(
              `lighthouse ${page.name} ${formFactor}: performance ${result.performance}, accessibility ${result.accessibility}`,
            )
          } catch (error) {
            runs.push({ page: page.name, formFactor, error: message(error) })
            log(`lighthouse ${page.name} ${formFactor}: FAILED ${message(error)}`)
          }
        }
      }
      results.cases.lighthouse = { title: 'Lighthouse (one run each)', status: 'ok', runs }
    }
  } finally {
    await cleanUp()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }

  if (interrupted) return
  // The overview at scale runs its own servers (bench/overview.mjs) and prints its own line.
  if (cases.has('overview')) {
    const overview = spawnSync(
      process.execPath,
      [
        path.join(root, 'bench', 'overview.mjs'),
        ...['--runs', String(options.runs), '--dist', dist],
        ...['--port-base', String(options.portBase + 20)],
      ],
      { cwd: root, stdio: 'inherit' },
    )
    results.overviewTyping = { status: overview.status === 0 ? 'ok' : 'error' }
  }

  // The history chart at scale likewise (bench/history.mjs).
  if (cases.has('history')) {
    const history = spawnSync(
      process.execPath,
      [path.join(root, 'bench', 'history.mjs'), '--runs', String(options.runs), '--dist', dist],
      { cwd: root, stdio: 'inherit' },
    )
    results.cases.history = { status: history.status === 0 ? 'ok' : 'error' }
  }

  if (cases.has('bundle')) {
    results.cases.bundle = { title: 'bundle budget', status: 'ok', ...checkBundle(dist) }
  }

  const rows = [...buildRows(results), ...keptRevisitRows(results)]
  const finishedAt = new Date()
  const header = [
    `Shiplog bench · ${options.quick ? 'quick' : 'full'} · ${options.runs} run${options.runs === 1 ? '' : 's'} per case · ${results.browser ? `Chromium ${results.browser}` : 'no browser'} · ${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s`,
    'values: median (min–max) over the runs; ratio = page time / (fetch + JSON.parse of the same response, same page)',
  ]
  if (results.browser && !results.disabledFeatures) {
    header.push(
      `NOTE: could not read Playwright's --disable-features, so Chromium ran without also disabling ${EXTRA_DISABLED_FEATURES.join(', ')}: every new context builds the address-bar popup, and page times include that work.`,
    )
  }
  const busiest = Math.max(loadAtStart, loadavg()[0])
  if (busiest > cpus().length) {
    header.push(
      `WARNING: load average ${busiest.toFixed(1)} on ${cpus().length} CPUs: other processes competed for the CPU, so absolute times are inflated.`,
    )
  }
  console.log(`\n${header.join('\n')}\n${formatTable(rows)}\n`)
  const missed = rows.filter((row) => row.pass === false)
  console.log(missed.length ? `${missed.length} target(s) missed or failed.` : 'All targets hold.')

  const record = {
    meta: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      mode: options.quick ? 'quick' : 'full',
      runs: options.runs,
      cases: [...cases],
      dist: path.relative(root, dist) || dist,
      node: process.version,
      chromium: results.browser ?? null,
      disabledFeatures: results.disabledFeatures ?? null,
      cpus: cpus().length,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
      ...gitInfo(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    },
    targets: TARGETS,
    rows,
    results,
  }
  const dir = path.join(root, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  const json = `${JSON.stringify(record, null, 2)}\n`
  writeFileSync(file, json)
  writeFileSync(path.join(dir, 'latest.json'), json)
  console.log(`results: ${path.relative(root, file)} (and bench/results/latest.json)`)
  if (options.check && missed.length) process.exitCode = 1
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
