#!/usr/bin/env node
// Playwright e2e against the production build in dist/, in demo and live mode.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { disabledFeatures } from './chromium-features.mjs'
import { ensureChromium } from './ensure-chromium.mjs'
import { ensureNginx } from './ensure-nginx.mjs'

// e2e/nginx.spec.ts runs the app behind deploy/nginx.conf.
if (!ensureChromium() || !ensureNginx()) process.exit(1)
if (!existsSync('dist/index.html')) {
  const build = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
// playwright.config.ts adds these to Chromium's flags (see chromium-features.mjs).
const features = await disabledFeatures(chromium, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
}).catch(() => null)
const result = spawnSync('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: features ? { ...process.env, E2E_DISABLE_FEATURES: features.join(',') } : process.env,
})
process.exit(result.status ?? 1)
