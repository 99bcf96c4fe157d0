import { defineConfig } from '@playwright/test'
import CHROMIUM_FLAGS from './scripts/chromium-flags.json' with { type: 'json' }

/**
 * e2e runs against the production build (`dist/`). The live project runs every test against a
 * mock Kosli API behind Shiplog's server, one pair per worker (see e2e/fixtures.ts); the demo
 * project runs the tests tagged @demo against the service-worker demo data. Ports can be moved
 * with E2E_PORT_BASE so several runs can share a machine.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310)
const demoPort = base
const dist = process.env.SHIPLOG_DIST ?? 'dist'

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        // Without the network ones, Chromium's background connections are refused by a
        // closed network, many at a time.
        ...CHROMIUM_FLAGS,
        // Set by scripts/e2e.mjs: Playwright's own list plus headless Chromium's address-bar
        // popup, which would otherwise be built in every test's fresh context.
        ...(process.env.E2E_DISABLE_FEATURES
          ? [`--disable-features=${process.env.E2E_DISABLE_FEATURES}`]
          : []),
      ],
    },
  },
  projects: [
    {
      name: 'demo',
      grep: /@demo/,
      use: { baseURL: `http://127.0.0.1:${demoPort}` },
      metadata: { mode: 'demo' },
    },
    { name: 'live', grepInvert: /@demo-only/, metadata: { mode: 'live' } },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx server/serve.ts`,
      url: `http://127.0.0.1:${demoPort}/`,
      env: { PORT: String(demoPort), KOSLI_HOST: '', KOSLI_ORG: 'cyber-dojo', SHIPLOG_DIST: dist },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
})
