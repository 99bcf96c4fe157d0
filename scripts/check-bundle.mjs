#!/usr/bin/env node
// Bundle budget, checked in CI. JavaScript is counted as the browser fetches it for a first visit
// of each page (the bench measures the same in Chromium): "first rows" is the entry's static
// imports plus the page's route module and its static imports (what index.html and the server's
// modulepreload tags fetch before the rows can paint); "settled" adds the panels the layout loads
// once the page has painted (the entry's other dynamic imports, demo mode aside).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** The goals (issue 19's targets), printed beside each page. */
const TARGET = { firstRows: 130 * 1024, scripts: 8, settled: 150 * 1024 }
/** What fails the check: today's sizes plus a little room, so growth is a decision. */
const BUDGET = { firstRows: 172 * 1024, scripts: 8, settled: 182 * 1024 }
const DEMO_CODE = /setupWorker|mockServiceWorker|cyberdojo\/runner:16d9990/

const dist = process.env.SHIPLOG_DIST ?? 'dist'
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const sizes = new Map()
const gz = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file))).length)
  return sizes.get(file)
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

/** Every chunk `key` imports statically, itself included. */
function closure(key, into = new Set()) {
  if (into.has(key) || !manifest[key]) return into
  into.add(key)
  for (const imported of manifest[key].imports ?? []) closure(imported, into)
  return into
}
const scripts = (keys) =>
  [...new Set([...keys].map((key) => manifest[key]?.file))].filter((file) => file?.endsWith('.js'))
const total = (files) => files.reduce((sum, file) => sum + gz(file), 0)

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
const isRoute = (key) => /^src\/features\/[^/]+\/[^/]+-route\.tsx$/.test(key)
const isDemo = (key) => key.startsWith('mocks/')
const entryClosure = closure(entry)
const deferred = (manifest[entry].dynamicImports ?? []).filter((k) => !isRoute(k) && !isDemo(k))
const settledExtra = new Set()
for (const key of deferred) closure(key, settledExtra)

const failures = []
for (const file of scripts(entryClosure)) {
  if (DEMO_CODE.test(readFileSync(join(dist, file), 'utf8'))) {
    failures.push(`${file} (loaded in live mode) contains demo or MSW code`)
  }
}

const mark = (ok) => (ok ? '✓' : '✕')
console.log(
  `JS per first page (gzip; goal first rows ≤ ${kb(TARGET.firstRows)} in ≤ ${TARGET.scripts} scripts, settled ≤ ${kb(TARGET.settled)}):`,
)
for (const route of Object.keys(manifest).filter(isRoute).sort()) {
  const first = scripts(closure(route, new Set(entryClosure)))
  const settled = scripts(new Set([...closure(route, new Set(entryClosure)), ...settledExtra]))
  const firstBytes = total(first)
  const settledBytes = total(settled)
  const name = route.replace(/^src\/features\//, '')
  console.log(
    `  ${name.padEnd(44)} first rows ${kb(firstBytes).padStart(9)} in ${String(first.length).padStart(2)} ${mark(firstBytes <= TARGET.firstRows && first.length <= TARGET.scripts)}   settled ${kb(settledBytes).padStart(9)} in ${String(settled.length).padStart(2)} ${mark(settledBytes <= TARGET.settled)}`,
  )
  if (firstBytes > BUDGET.firstRows)
    failures.push(`${name}: first rows JS ${kb(firstBytes)} > ${kb(BUDGET.firstRows)}`)
  if (first.length > BUDGET.scripts)
    failures.push(`${name}: ${first.length} scripts before the first rows > ${BUDGET.scripts}`)
  if (settledBytes > BUDGET.settled)
    failures.push(`${name}: settled JS ${kb(settledBytes)} > ${kb(BUDGET.settled)}`)
}

if (failures.length) {
  console.error(`Bundle budget exceeded:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
console.log(
  `bundle budget ok (fails above first rows ${kb(BUDGET.firstRows)} or ${BUDGET.scripts} scripts, settled ${kb(BUDGET.settled)}; no demo code in live mode)`,
)
