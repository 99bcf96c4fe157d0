#!/usr/bin/env node
// Bundle budget, checked in CI: first-page JavaScript, per-route chunks, and no demo code in live mode.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const INITIAL_BUDGET = 125 * 1024
const ROUTE_BUDGET = 30 * 1024
const dist = process.env.SHIPLOG_DIST ?? 'dist'
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length
const refs = (pattern) => [...html.matchAll(pattern)].map((match) => match[1].replace(/^\//, ''))

const entry = refs(/<script[^>]+src="([^"]+\.js)"/g)
const preloads = refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)
const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)
const initial = [...new Set([...entry, ...preloads])]
const initialBytes = initial.reduce((sum, file) => sum + gz(file), 0)
const cssBytes = css.reduce((sum, file) => sum + gz(file), 0)

const failures = []
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
console.log(
  `initial JS (gzip): ${kb(initialBytes)} in ${initial.length} file(s); CSS ${kb(cssBytes)}`,
)
if (initialBytes > INITIAL_BUDGET)
  failures.push(`initial JS ${kb(initialBytes)} > ${kb(INITIAL_BUDGET)}`)

for (const file of initial) {
  const text = readFileSync(join(dist, file), 'utf8')
  if (/mockServiceWorker|setupWorker|cyberdojo\/runner:16d9990/.test(text)) {
    failures.push(`${file} (loaded in live mode) contains demo or MSW code`)
  }
}

const assets = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'))
for (const file of assets) {
  const path = `assets/${file}`
  if (initial.includes(path)) continue
  const text = readFileSync(join(dist, path), 'utf8')
  // The demo world and MSW load only in demo mode; everything else is a route chunk.
  const demoOnly = /setupWorker|mockServiceWorker|cyberdojo\/runner:16d9990/.test(text)
  const size = gz(path)
  if (!demoOnly && size > ROUTE_BUDGET)
    failures.push(`route chunk ${file} is ${kb(size)} > ${kb(ROUTE_BUDGET)}`)
  console.log(`  ${demoOnly ? 'demo ' : 'route'} ${file.padEnd(48)} ${kb(size)}`)
}

if (failures.length) {
  console.error(`Bundle budget exceeded:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
console.log('bundle budget ok')
