import { test as base, expect, type Page } from '@playwright/test'

export const LIVE_TOKEN = 'e2e-secret-token-7f3a'

interface ShiplogFixtures {
  /** `demo` or `live`, from the project. */
  mode: 'demo' | 'live'
  /** The mock Kosli API behind the live project (undefined in demo mode). */
  mockApi: string | undefined
  /** Errors the page logged; a test fails when any appear. */
  pageErrors: string[]
}

/**
 * Every test fails on uncaught page errors, console errors and CSP violations, and clears
 * any mock-API faults it set.
 */
export const test = base.extend<ShiplogFixtures>({
  mode: async ({}, use, testInfo) => {
    await use(testInfo.project.metadata.mode === 'live' ? 'live' : 'demo')
  },
  mockApi: async ({}, use, testInfo) => {
    const url = testInfo.project.metadata.mockApi as string | undefined
    await use(url)
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
  await fetch(`${mockApi}/__mock/faults`, { method: 'DELETE' })
}

export async function chooseTheme(
  page: Page,
  theme: 'Light theme' | 'Dark theme' | 'System theme',
) {
  await page.getByLabel('Theme').selectOption({ label: theme })
}
