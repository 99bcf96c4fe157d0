#!/usr/bin/env node
// `npm test`: everything CI checks, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ensureChromium } from './ensure-chromium.mjs'

const steps = [
  ['typecheck', 'node_modules/.bin/tsc', ['-b', '--noEmit']],
  ['lint', 'node_modules/.bin/eslint', ['.', '--max-warnings', '0']],
  ['format', 'node_modules/.bin/prettier', ['--check', '.', '--log-level', 'warn']],
  ['unit', 'node_modules/.bin/vitest', ['run']],
  ['build', 'node_modules/.bin/vite', ['build']],
  ['bundle budget', 'node', ['scripts/check-bundle.mjs']],
  ['e2e', 'node', ['scripts/e2e.mjs']],
]

if (!existsSync('node_modules')) {
  console.error('node_modules is missing: run `npm ci` first.')
  process.exit(1)
}

const started = Date.now()
for (const [name, command, args] of steps) {
  if (name === 'e2e' && !ensureChromium()) process.exit(1)
  const stepStart = Date.now()
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n✕ ${name} failed after ${seconds}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`✓ ${name} (${seconds}s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)}s`)
