/**
 * Turns raw results into the printed table (one row per number, with its target and ✓/✕)
 * and the summary saved in the JSON.
 */
import { MB, count, kB, ms, ratio, score, spread, summarise } from './stats.mjs'

export const TARGETS = {
  /** Shiplog ÷ the same-stack floor, per page. */
  floorRatio: 1.3,
  /** A revisit of immutable data ÷ the floor's page that fetches nothing. */
  revisitRatio: 1.2,
  firstRowsJsBytes: 130 * 1024,
  firstRowsScripts: 8,
  settledJsBytes: 150 * 1024,
  keyMs: 100,
  scrollTaskMs: 50,
  lighthouse: {
    mobile: { performance: 0.95, accessibility: 1 },
    desktop: { performance: 1, accessibility: 1 },
  },
}

/**
 * @typedef {object} Row
 * @property {string} section
 * @property {string} label
 * @property {string} value median (min–max), formatted
 * @property {string} target e.g. "≤ 1.5×", or "" when the number has none
 * @property {boolean | null} pass null when there is no target (or the case failed to run)
 * @property {string} [note]
 * @property {number | null} [number] the number the target is checked against
 */

/**
 * @param {any} results see run.mjs
 * @returns {Row[]}
 */
export function buildRows(results) {
  /** @type {Row[]} */
  const rows = []
  /**
   * @param {string} section
   * @param {{ status: string, error?: string } | undefined} result
   */
  const failed = (section, result) => {
    if (!result) return true
    if (result.status === 'ok') return false
    rows.push({
      section,
      label: result.status === 'skipped' ? 'skipped' : 'FAILED',
      value: '',
      target: '',
      pass: result.status === 'skipped' ? null : false,
      note: result.error ?? '',
    })
    return true
  }

  for (const id of ['snapshot', 'diff', 'artifact', 'flows', 'flow', 'environment', 'overview']) {
    const result = results.cases[id]
    if (!result) continue
    const section = result.title
    if (failed(section, result)) continue
    // The snapshot's runs live with the heap, scroll and typing numbers of the same page.
    const record = id === 'snapshot' ? results.cases.snapshotPage : result
    const runs = record?.runs ?? []
    if (!runs.length || !runs[0].limit) {
      rows.push({ section, label: 'no completed run', value: '', target: '', pass: false })
      continue
    }
    const painted = summarise(runs.map((/** @type {any} */ run) => run.load.painted))
    const dataEnd = summarise(runs.map((/** @type {any} */ run) => run.load.dataEnd))
    const afterData = summarise(
      runs.map((/** @type {any} */ run) =>
        run.load.dataEnd === null ? null : run.load.painted - run.load.dataEnd,
      ),
    )
    const limit = summarise(runs.map((/** @type {any} */ run) => run.limit.totalMs))
    const fetchMs = summarise(runs.map((/** @type {any} */ run) => run.limit.fetchMs))
    const parseMs = summarise(runs.map((/** @type {any} */ run) => run.limit.parseMs))
    const ratios = summarise(runs.map((/** @type {any} */ run) => run.ratio))
    const longest = summarise(runs.map((/** @type {any} */ run) => run.load.longestTaskBeforePaint))
    rows.push(
      {
        section,
        label: 'page: navigation start → rows painted',
        value: spread(painted, ms),
        target: '',
        pass: null,
      },
      {
        section,
        label: '  of which: API data arrived at',
        value: spread(dataEnd, ms),
        target: '',
        pass: null,
        note: apiNote(runs[0].load.apiBeforePaint),
      },
      {
        section,
        label: '  of which: data arrived → painted (client work)',
        value: spread(afterData, ms),
        target: '',
        pass: null,
        note: `longest task before paint ${spread(longest, ms)}`,
      },
      {
        section,
        label: `limit: fetch + JSON.parse (${MB(runs[0].limit.chars)})`,
        value: spread(limit, ms),
        target: '',
        pass: null,
        note: `fetch ${spread(fetchMs, ms)}, parse ${spread(parseMs, ms)}`,
      },
      {
        section,
        label: 'ratio page / limit',
        value: spread(ratios, ratio),
        target: '',
        pass: null,
      },
    )
    rows.push(...floorComparison(section, record, results.floorNoFetch ?? []))
  }

  const snapshotRuns = results.cases.snapshotPage?.runs ?? []
  const typing = results.cases.typing
  if (typing && !failed(typing.title, typing)) {
    const all = snapshotRuns.flatMap((/** @type {any} */ run) =>
      run.typing.keys.map((/** @type {any} */ key) => key.latencyMs),
    )
    const perRunWorst = summarise(
      snapshotRuns.map((/** @type {any} */ run) =>
        Math.max(...run.typing.keys.map((/** @type {any} */ key) => key.latencyMs)),
      ),
    )
    const worst = Math.max(...all)
    const keyMedian = summarise(all)
    const echo = summarise(
      snapshotRuns.flatMap((/** @type {any} */ run) =>
        run.typing.keys.map((/** @type {any} */ key) => key.echoMs),
      ),
    )
    rows.push(
      {
        section: typing.title,
        label: `median key → filtered rows painted (${all.length} keys)`,
        value: spread(keyMedian, ms),
        target: '',
        pass: null,
        note: `the input's own echo: ${spread(echo, ms)}`,
      },
      {
        section: typing.title,
        label: 'worst key (per run)',
        value: `${ms(worst)}${perRunWorst && perRunWorst.n > 1 ? ` (runs: ${spread(perRunWorst, ms)})` : ''}`,
        target: `≤ ${TARGETS.keyMs} ms`,
        pass: worst <= TARGETS.keyMs,
        number: worst,
      },
    )
  }

  const scroll = results.cases.scroll
  if (scroll && !failed(scroll.title, scroll)) {
    for (const [key, how] of /** @type {const} */ ([
      ['scroll', 'a fling, two screens a frame (rows skim)'],
      ['scrollPaging', 'paging, 0.9 of a screen a frame (full rows)'],
    ])) {
      const measured = snapshotRuns.filter((/** @type {any} */ run) => run[key])
      if (!measured.length) continue
      const longest = summarise(measured.map((/** @type {any} */ run) => run[key].longestTaskMs))
      const worstFrame = summarise(measured.map((/** @type {any} */ run) => run[key].worstFrameMs))
      const over = measured.map(
        (/** @type {any} */ run) =>
          run[key].longTasks.filter((/** @type {number} */ d) => d > TARGETS.scrollTaskMs).length,
      )
      const first = measured[0]?.[key]
      const max = longest ? longest.max : 0
      rows.push(
        {
          section: scroll.title,
          label: `${how}: longest task`,
          // The long-task API reports tasks over 50 ms only; 0 means none.
          value: spread(longest, (v) => (v > 0 ? ms(v) : 'none')),
          target: `≤ ${TARGETS.scrollTaskMs} ms`,
          pass: max <= TARGETS.scrollTaskMs,
          number: max,
          note: `tasks > 50 ms per run: ${over.join(', ')}`,
        },
        {
          section: scroll.title,
          label: `${how}: longest frame`,
          value: spread(worstFrame, ms),
          target: '',
          pass: null,
          note: first
            ? `${first.container}, ${count(first.frames)} frames of ${count(first.step)} px, reached row ${first.lastRowIndex ?? '?'} of ${Number.isFinite(first.rowCount) ? first.rowCount : '?'}${first.timedOut ? ' (stopped after 20 s)' : ''}`
            : '',
        },
      )
    }
  }

  const heap = results.cases.heap
  if (heap && !failed(heap.title, heap)) {
    const used = summarise(snapshotRuns.map((/** @type {any} */ run) => run.heap))
    const parsed = heap.parsed
    rows.push(
      {
        section: heap.title,
        label: 'JS heap used after the snapshot (after GC)',
        value: spread(used, MB),
        target: '',
        pass: null,
      },
      {
        section: heap.title,
        label: 'the response: JSON text',
        value: MB(parsed.bytes),
        target: '',
        pass: null,
      },
      {
        section: heap.title,
        label: 'the response: JSON.parse result, heap (no app)',
        value: MB(parsed.parsedHeap),
        target: '',
        pass: null,
      },
      {
        section: heap.title,
        label: 'ratio app heap / parsed response',
        value: used ? ratio(used.median / parsed.parsedHeap) : 'n/a',
        target: '',
        pass: null,
      },
    )
  }

  const bytes = results.cases.bytes
  if (bytes && !failed(bytes.title, bytes)) {
    for (const route of bytes.routes) {
      if (route.error) {
        rows.push({
          section: bytes.title,
          label: route.name,
          value: '',
          target: '',
          pass: false,
          note: route.error,
        })
        continue
      }
      const js = route.files.filter((/** @type {any} */ file) => file.type === 'js')
      const css = route.files.filter((/** @type {any} */ file) => file.type === 'css')
      const sum = (/** @type {any[]} */ files) =>
        files.reduce((total, file) => total + file.gzip, 0)
      const initial = sum(js.filter((/** @type {any} */ file) => file.initial))
      const lazy = js.filter((/** @type {any} */ file) => !file.initial)
      const biggest = lazy.reduce(
        (/** @type {any} */ max, /** @type {any} */ file) =>
          file.gzip > (max?.gzip ?? -1) ? file : max,
        null,
      )
      const wire = route.files.reduce(
        (/** @type {number} */ total, /** @type {any} */ file) => total + file.wire,
        0,
      )
      rows.push(
        {
          section: bytes.title,
          label: `${route.name}: initial JS`,
          value: kB(initial),
          target: '',
          pass: null,
          number: initial,
          note: `JS total ${kB(sum(js))}, CSS ${kB(sum(css))}; ${kB(wire)} on the wire (brotli)`,
        },
        {
          section: bytes.title,
          label: `${route.name}: lazy chunks (${lazy.length}), largest`,
          value: biggest ? `${kB(sum(lazy))}, largest ${kB(biggest.gzip)}` : 'none',
          target: '',
          pass: null,
          number: biggest?.gzip ?? 0,
          note: biggest ? biggest.file.replace(/^assets\//, '') : '',
        },
      )
    }
  }

  const bundle = results.cases.bundle
  if (bundle && !failed(bundle.title, bundle)) {
    rows.push({
      section: bundle.title,
      label: 'scripts/check-bundle.mjs',
      value: bundle.ok ? 'ok' : 'exceeded',
      target: 'ok',
      pass: bundle.ok,
      note: bundle.failures.length
        ? bundle.failures.join('; ')
        : 'first rows and settled JS per page within budget, no MSW in live',
    })
  }

  const lighthouse = results.cases.lighthouse
  if (lighthouse && !failed(lighthouse.title, lighthouse)) {
    for (const run of lighthouse.runs) {
      const label = `${run.page} (${run.formFactor})`
      if (run.error) {
        rows.push({
          section: lighthouse.title,
          label,
          value: '',
          target: '',
          pass: false,
          note: run.error,
        })
        continue
      }
      const want = TARGETS.lighthouse[/** @type {'mobile' | 'desktop'} */ (run.formFactor)]
      const m = run.metrics
      /** @param {'performance' | 'accessibility'} category @param {string} note */
      const scored = (category, note) => ({
        section: lighthouse.title,
        label: `${label}: ${category}`,
        value: run[category] === null ? 'n/a' : score(run[category]),
        target: `≥ ${score(want[category])}`,
        pass: run[category] !== null && run[category] >= want[category],
        number: run[category],
        note,
      })
      rows.push(
        scored(
          'performance',
          [
            `FCP ${fmt(m.fcpMs, ms)}, LCP ${fmt(m.lcpMs, ms)}, TBT ${fmt(m.tbtMs, ms)}, CLS ${fmt(m.cls, (v) => v.toFixed(3))}`,
            run.opportunities.length ? `savings: ${run.opportunities.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        ),
        scored(
          'accessibility',
          run.failedAccessibility.length ? `failing: ${run.failedAccessibility.join(', ')}` : '',
        ),
      )
    }
  }
  return rows
}

/**
 * The page beside the same-stack floor and the hand-written page (paired by run), the scripts
 * it fetched, and its revisit beside the floor's page that fetches nothing.
 * @param {string} section
 * @param {any} record
 * @param {{ run: number, painted: number }[]} noFetch
 * @returns {Row[]}
 */
function floorComparison(section, record, noFetch) {
  /** @type {Row[]} */
  const rows = []
  /** @type {(list: { run: number, painted: number }[]) => Map<number, number>} */
  const byRun = (list) => new Map((list ?? []).map((entry) => [entry.run, entry.painted]))
  const shiplog = byRun(
    record.runs.map((/** @type {any} */ run) => ({ run: run.run, painted: run.load.painted })),
  )
  const floor = byRun(record.floor)
  const hand = byRun(record.hand)
  const paired = (/** @type {Map<number, number>} */ a, /** @type {Map<number, number>} */ b) =>
    summarise([...a].map(([run, value]) => (b.has(run) ? value / Number(b.get(run)) : null)))
  const floorPainted = summarise([...floor.values()])
  const handPainted = summarise([...hand.values()])
  const overFloor = paired(shiplog, floor)
  const floorOverHand = paired(floor, hand)
  /**
   * A paired ratio's row, which passes when its median is within `most`.
   * @param {string} label
   * @param {import('./stats.mjs').Summary | null} ratios
   * @param {number} most
   * @returns {Row}
   */
  const ratioRow = (label, ratios, most) => ({
    section,
    label,
    value: spread(ratios, ratio),
    target: `≤ ${most}×`,
    pass: ratios ? ratios.median <= most : false,
    number: ratios?.median ?? null,
  })
  rows.push(
    {
      section,
      label: 'floor (same stack, no validation): → rows painted',
      value: spread(floorPainted, ms),
      target: '',
      pass: null,
      note: `hand-written (fetch + parse + innerHTML): ${spread(handPainted, ms)}${record.floorError ? `; floor failed: ${record.floorError}` : ''}${record.handError ? `; hand-written failed: ${record.handError}` : ''}`,
    },
    ratioRow('Shiplog ÷ floor', overFloor, TARGETS.floorRatio),
    {
      section,
      label: 'floor ÷ hand-written',
      value: spread(floorOverHand, ratio),
      target: '',
      pass: null,
    },
  )
  const withScripts = record.runs.filter((/** @type {any} */ run) => run.scripts)
  if (withScripts.length) {
    const first = summarise(
      withScripts.map((/** @type {any} */ run) => run.scripts.firstRows.bytes),
    )
    const firstCount = summarise(
      withScripts.map((/** @type {any} */ run) => run.scripts.firstRows.requests),
    )
    const settled = summarise(
      withScripts.map((/** @type {any} */ run) => run.scripts.settled.bytes),
    )
    const settledCount = summarise(
      withScripts.map((/** @type {any} */ run) => run.scripts.settled.requests),
    )
    const firstOk =
      first !== null &&
      firstCount !== null &&
      first.median <= TARGETS.firstRowsJsBytes &&
      firstCount.median <= TARGETS.firstRowsScripts
    rows.push(
      {
        section,
        label: 'first rows JS (gzip, scripts fetched before the paint)',
        value: `${spread(first, kB)} in ${spread(firstCount, count)}`,
        target: `≤ ${kB(TARGETS.firstRowsJsBytes)} in ≤ ${TARGETS.firstRowsScripts}`,
        pass: firstOk,
        number: first?.median ?? null,
      },
      {
        section,
        label: 'settled JS (gzip, every script until the network is idle)',
        value: `${spread(settled, kB)} in ${spread(settledCount, count)}`,
        target: `≤ ${kB(TARGETS.settledJsBytes)}`,
        pass: settled ? settled.median <= TARGETS.settledJsBytes : false,
        number: settled?.median ?? null,
      },
    )
  }
  if (record.revisits?.length || record.revisitError) {
    const revisit = byRun(record.revisits ?? [])
    const overNoFetch = paired(revisit, byRun(noFetch))
    const requests = (record.revisits ?? []).map(
      (/** @type {any} */ r) => r.load.apiBeforePaint.requests,
    )
    rows.push(
      {
        section,
        label: 'revisit (same profile, new tab): → rows painted',
        value: spread(summarise([...revisit.values()]), ms),
        target: '',
        pass: null,
        note: `API requests before paint per run: ${requests.join(', ') || 'n/a'}; floor without fetch, revisit: ${spread(summarise(noFetch.map((r) => r.painted)), ms)}${record.revisitError ? `; failed: ${record.revisitError}` : ''}`,
      },
      ratioRow('revisit ÷ floor without fetch', overNoFetch, TARGETS.revisitRatio),
    )
  }
  return rows
}

/**
 * Every API request the page started before it painted (run 1): overfetching and waterfalls
 * show up here.
 * @param {{ requests: number, bytes: number, lastEnd: number } | undefined} api
 */
function apiNote(api) {
  if (!api) return ''
  return `run 1: ${api.requests} API request${api.requests === 1 ? '' : 's'} before paint, ${MB(api.bytes)}, last ended at ${ms(api.lastEnd)}`
}

/**
 * @param {number | null} value
 * @param {(value: number) => string} format
 */
function fmt(value, format) {
  return value === null ? 'n/a' : format(value)
}

/**
 * @param {Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const labelWidth = Math.min(64, Math.max(...rows.map((row) => row.label.length)) + 2)
  const valueWidth = Math.min(40, Math.max(...rows.map((row) => row.value.length)) + 2)
  const targetWidth = Math.max(...rows.map((row) => row.target.length)) + 2
  /** @type {string[]} */
  const lines = []
  let section = ''
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section
      lines.push('', section)
    }
    const mark = row.pass === null ? ' ' : row.pass ? '✓' : '✕'
    lines.push(
      `  ${row.label.padEnd(labelWidth)}${row.value.padEnd(valueWidth)}${row.target.padEnd(targetWidth)}${mark}${row.note ? `  ${row.note}` : ''}`.trimEnd(),
    )
  }
  return lines.join('\n')
}
