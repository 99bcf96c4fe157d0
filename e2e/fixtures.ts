import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, expect, type Page } from '@playwright/test'

export const LIVE_TOKEN = 'e2e-secret-token-7f3a'

/** The live-mode stack a worker owns: its own mock Kosli API and Shiplog server in front of it. */
interface LiveStack {
  appUrl: string
  mockApi: string
  /** What Shiplog's server logged (its stderr) since `since` (Date.now()). */
  serverLog: (since: number) => string[]
}

interface ShiplogFixtures {
  /** `demo` or `live`, from the project. */
  mode: 'demo' | 'live'
  /** The mock Kosli API behind this worker's live server (undefined in demo mode). */
  mockApi: string | undefined
  /** Errors the page logged; a test fails when any appear. */
  pageErrors: string[]
  /** Printed when a live test fails: the page's API requests and the server's log meanwhile. */
  failureTrail: void
}

interface ShiplogWorkerFixtures {
  liveStack: LiveStack | undefined
}

const portBase = Number(process.env.E2E_PORT_BASE ?? 4310)

function startProcess(
  script: string,
  env: Record<string, string>,
  lines: Array<{ at: number; text: string }> = [],
): ChildProcess {
  const child = spawn('node_modules/.bin/tsx', [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
    for (const text of chunk.toString().split('\n')) {
      if (text) lines.push({ at: Date.now(), text })
    }
    lines.splice(0, Math.max(0, lines.length - 200))
  })
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`${script} exited with ${code}\n${stderr}`)
  })
  return child
}

async function waitForUrl(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited (${child.exitCode})`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`server for ${url} did not start within 60 s`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/**
 * Every test fails on uncaught page errors, console errors and CSP violations. In the live
 * project each worker runs its own mock API and Shiplog server, so the faults one test injects
 * never reach a test running in parallel.
 */
export const test = base.extend<ShiplogFixtures, ShiplogWorkerFixtures>({
  liveStack: [
    async ({}, use, workerInfo) => {
      if (workerInfo.project.metadata.mode !== 'live') {
        await use(undefined)
        return
      }
      const mockPort = portBase + 10 + workerInfo.parallelIndex * 2
      const appPort = mockPort + 1
      const mockApi = `http://127.0.0.1:${mockPort}`
      const appUrl = `http://127.0.0.1:${appPort}`
      const mock = startProcess('mocks/server.ts', {
        MOCK_PORT: String(mockPort),
        MOCK_QUIET: '1',
      })
      const appLines: Array<{ at: number; text: string }> = []
      const app = startProcess(
        'server/serve.ts',
        {
          PORT: String(appPort),
          KOSLI_HOST: mockApi,
          KOSLI_API_TOKEN: LIVE_TOKEN,
          KOSLI_ORG: 'cyber-dojo',
          SHIPLOG_DIST: process.env.SHIPLOG_DIST ?? 'dist',
        },
        appLines,
      )
      const serverLog = (since: number) =>
        appLines.filter((line) => line.at >= since).map((line) => line.text)
      const killAll = () => {
        mock.kill('SIGKILL')
        app.kill('SIGKILL')
      }
      process.once('exit', killAll)
      try {
        await Promise.all([
          waitForUrl(`${mockApi}/api/v2/flows/cyber-dojo`, mock),
          waitForUrl(`${appUrl}/`, app),
        ])
        await use({ appUrl, mockApi, serverLog })
      } finally {
        process.off('exit', killAll)
        await Promise.all([stop(mock), stop(app)])
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ liveStack, baseURL }, use) => {
    await use(liveStack?.appUrl ?? baseURL)
  },
  mode: async ({}, use, testInfo) => {
    await use(testInfo.project.metadata.mode === 'live' ? 'live' : 'demo')
  },
  mockApi: async ({ liveStack }, use) => {
    await use(liveStack?.mockApi)
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const text = message.text()
        // Failed API responses are logged by the browser itself; the page shows them properly.
        if (/Failed to load resource/.test(text)) return
        errors.push(`console: ${text}`)
      })
      await use(errors)
      expect(errors, 'errors logged by the page').toEqual([])
    },
    { auto: true },
  ],
  failureTrail: [
    async ({ page, liveStack }, use, testInfo) => {
      if (!liveStack) {
        await use()
        return
      }
      const started = Date.now()
      const trail: string[] = []
      const api = (url: string) => {
        const parsed = new URL(url)
        return parsed.pathname.startsWith('/api/') ? `${parsed.pathname}${parsed.search}` : null
      }
      const note = (line: string) => trail.push(`${Date.now() - started} ms ${line}`)
      page.on('request', (request) => {
        const path = api(request.url())
        if (path) note(`→ ${path} (${request.resourceType()})`)
      })
      page.on('requestfinished', (request) => {
        const path = api(request.url())
        if (!path) return
        // The page may close before Playwright hands over the response: nothing to note then.
        request.response().then(
          (response) => note(`← ${response?.status() ?? '?'} ${path}`),
          () => undefined,
        )
      })
      page.on('requestfailed', (request) => {
        const path = api(request.url())
        if (path) note(`✕ ${request.failure()?.errorText ?? 'failed'} ${path}`)
      })
      await use()
      if (testInfo.status === testInfo.expectedStatus) return
      const server = liveStack.serverLog(started)
      console.log(
        [
          "The page's API requests:",
          ...trail.slice(-60),
          ...(server.length ? ["Shiplog's server log meanwhile:", ...server.slice(-40)] : []),
        ].join('\n'),
      )
    },
    { auto: true },
  ],
})

export { expect }

export async function setFaults(mockApi: string | undefined, rules: unknown[]) {
  if (!mockApi) throw new Error('fault injection needs the live project')
  const response = await fetch(`${mockApi}/__mock/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rules),
  })
  if (!response.ok) throw new Error(`could not set faults: ${response.status}`)
}

export async function clearFaults(mockApi: string | undefined) {
  if (!mockApi) return
  const response = await fetch(`${mockApi}/__mock/faults`, { method: 'DELETE' })
  // A fault left in place would make the test's retry fail for the wrong reason.
  if (!response.ok) throw new Error(`could not clear faults: ${response.status}`)
}

export async function chooseTheme(
  page: Page,
  theme: 'Light theme' | 'Dark theme' | 'System theme',
) {
  await page.getByLabel('Theme').selectOption({ label: theme })
}

/** Where screenshots for review go (`SHOTS_DIR`, else under test-results/). */
export function shotPath(name: string): string {
  return `${process.env.SHOTS_DIR ?? 'test-results/shots'}/${name}.png`
}

/** Saves a full-page screenshot for review when SHOTS_DIR is set (a cost CI does not pay). */
export async function reviewShot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return
  await page.screenshot({ path: shotPath(name), fullPage: true })
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/**
 * axe finds no violations on the page as it is now. axe-core runs in the page directly, asked for
 * violations only: several times faster than collecting every passing check as well.
 */
export async function expectNoAxeViolations(page: Page) {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (): Promise<AxeViolation[]> => {
    interface AxeResult {
      violations: Array<{
        id: string
        impact?: string | null
        help: string
        nodes: Array<{ target: unknown[] }>
      }>
    }
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  })
  expect(violations).toEqual([])
}
