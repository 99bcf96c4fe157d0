import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Browser, BrowserContext } from '@playwright/test'
import { NGINX_HOST, startNginx } from '../deploy/nginx-harness.ts'
import type { NginxStack } from '../deploy/nginx-harness.ts'
import { expect, LIVE_TOKEN, test } from './fixtures.ts'

/**
 * The built app behind deploy/nginx.conf as shipped (see deploy/nginx-harness.ts), in a Chromium
 * that resolves the config's host name to it: the page and its API reads work under nginx's
 * headers, with no CSP violation and the token added by nginx.
 */
let stack: NginxStack
// Below the ports the workers' own stacks take (see fixtures.ts).
const mockUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT_BASE ?? 4310) + 8}`
let mock: ChildProcess | undefined
let browser: Browser
let context: BrowserContext
const errors: string[] = []

test.beforeAll(async ({ playwright, browserName }, testInfo) => {
  testInfo.setTimeout(60_000)
  expect(browserName).toBe('chromium')
  mock = spawn('node_modules/.bin/tsx', ['mocks/server.ts'], {
    env: { ...process.env, MOCK_PORT: new URL(mockUrl).port, MOCK_QUIET: '1' },
    stdio: 'ignore',
  })
  await expect
    .poll(
      () =>
        fetch(`${mockUrl}/__mock/health`).then(
          (r) => r.ok,
          () => false,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(true)
  stack = await startNginx({
    distDir: process.env.SHIPLOG_DIST ?? 'dist',
    upstream: mockUrl,
    token: LIVE_TOKEN,
  })
  const features = process.env.E2E_DISABLE_FEATURES
  browser = await playwright.chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      `--host-resolver-rules=MAP ${NGINX_HOST} 127.0.0.1`,
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      ...(features ? [`--disable-features=${features}`] : []),
    ],
  })
  // The certificate is the harness's own, made for this run. Chromium refuses a service worker
  // behind a certificate it had to be told to ignore (and logs it), so the offline worker is
  // left out here; e2e/revisit.spec.ts covers it.
  context = await browser.newContext({
    ignoreHTTPSErrors: true,
    serviceWorkers: 'block',
    baseURL: `https://${NGINX_HOST}:${stack.tlsPort}`,
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  })
})

test.afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  const child = mock
  if (child && child.exitCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  }
})

test('the app runs behind deploy/nginx.conf, its reads carrying the server-side token', async () => {
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  await page.goto('/cyber-dojo/flows')
  await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'runner', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'runner', level: 1 })).toBeVisible()
  await expect(
    page.getByRole('table', { name: /Artifacts of flow runner/ }).getByRole('row'),
  ).not.toHaveCount(0)
  const last = (await (await fetch(`${mockUrl}/__mock/last-request`)).json()) as {
    authorization: string | null
  }
  expect(last.authorization).toBe(`Bearer ${LIVE_TOKEN}`)

  // A reload of a deep link is the SPA fallback, under the same headers.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'runner', level: 1 })).toBeVisible()
  expect(errors, 'errors (CSP violations included) logged by the page').toEqual([])
})
