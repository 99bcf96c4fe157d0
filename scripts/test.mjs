#!/usr/bin/env node
// `npm test`: everything CI checks, stopping at the first failure. The three static checks run
// side by side (their output is printed when each ends); the rest run in order.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ensureChromium } from './ensure-chromium.mjs'

const staticChecks = [
  ['typecheck', 'node_modules/.bin/tsc', ['-b', '--noEmit']],
  ['lint', 'node_modules/.bin/eslint', ['.', '--max-warnings', '0']],
  ['format', 'node_modules/.bin/prettier', ['--check', '.', '--log-level', 'warn']],
]
const steps = [
  ['unit', 'node_modules/.bin/vitest', ['run']],
  ['build', 'node_modules/.bin/vite', ['build']],
  ['bundle budget', 'node', ['scripts/check-bundle.mjs']],
  // deploy/nginx.conf in front of the build just made (installs nginx when missing and root).
  ['nginx', 'node', ['scripts/test-nginx.mjs']],
  ['e2e', 'node', ['scripts/e2e.mjs']],
]

if (!existsSync('node_modules')) {
  console.error('node_modules is missing: run `npm ci` first.')
  process.exit(1)
}

const started = Date.now()
const since = (start) => ((Date.now() - start) / 1000).toFixed(1)

function runBuffered([name, command, args]) {
  return new Promise((resolve) => {
    const start = Date.now()
    const child = spawn(command, args, { env: process.env })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      if (output.trim()) console.log(`\n── ${name} ──\n${output.trimEnd()}`)
      console.log(
        code === 0 ? `✓ ${name} (${since(start)}s)` : `✕ ${name} failed after ${since(start)}s`,
      )
      resolve(code === 0)
    })
  })
}

console.log(`▶ ${staticChecks.map(([name]) => name).join(', ')}`)
const results = await Promise.all(staticChecks.map(runBuffered))
if (results.includes(false)) process.exit(1)

for (const [name, command, args] of steps) {
  if (name === 'e2e' && !ensureChromium()) process.exit(1)
  const stepStart = Date.now()
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`\n✕ ${name} failed after ${since(stepStart)}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`✓ ${name} (${since(stepStart)}s)`)
}
console.log(`\nAll checks passed in ${since(started)}s`)
