import { defineConfig } from '@playwright/test'

/**
 * e2e runs against the production build (`dist/`), twice: demo mode (service worker data)
 * and live mode (the app server proxying to the mock Kosli API). Ports can be moved with
 * E2E_PORT_BASE so several runs can share a machine.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310)
const demoPort = base
const mockPort = base + 1
const livePort = base + 2
const dist = process.env.SHIPLOG_DIST ?? 'dist'
export const LIVE_TOKEN = 'e2e-secret-token-7f3a'

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Demo mode builds the demo world in each fresh page, which is slow on a 2-core CI machine.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    trace: 'retain-on-failure',
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'demo', use: { baseURL: `http://127.0.0.1:${demoPort}` }, metadata: { mode: 'demo' } },
    {
      name: 'live',
      use: { baseURL: `http://127.0.0.1:${livePort}` },
      metadata: { mode: 'live', mockApi: `http://127.0.0.1:${mockPort}` },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx server/serve.ts`,
      url: `http://127.0.0.1:${demoPort}/`,
      env: { PORT: String(demoPort), KOSLI_HOST: '', KOSLI_ORG: 'cyber-dojo', SHIPLOG_DIST: dist },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node_modules/.bin/tsx mocks/server.ts`,
      url: `http://127.0.0.1:${mockPort}/api/v2/flows/cyber-dojo`,
      env: { MOCK_PORT: String(mockPort), MOCK_QUIET: '1' },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node_modules/.bin/tsx server/serve.ts`,
      url: `http://127.0.0.1:${livePort}/`,
      env: {
        PORT: String(livePort),
        KOSLI_HOST: `http://127.0.0.1:${mockPort}`,
        KOSLI_API_TOKEN: LIVE_TOKEN,
        KOSLI_ORG: 'cyber-dojo',
        SHIPLOG_DIST: dist,
      },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
})
