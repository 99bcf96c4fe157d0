import type { Page } from '@playwright/test'
import { chooseTheme, expect, expectNoAxeViolations, reviewShot, test } from './fixtures'

/**
 * Live pages against the mock Kosli API: a snapshot the mock adds while a page is open appears
 * without a reload, and a hidden tab asks nothing. Playwright's clock stands in for the 15 s
 * poll interval, so no test waits for it.
 */

const POLL_MS = 15_000

async function advance(mockApi: string | undefined): Promise<number> {
  if (!mockApi) throw new Error('advancing the world needs the live project')
  const response = await fetch(`${mockApi}/__mock/advance`, { method: 'POST' })
  if (!response.ok) throw new Error(`could not advance the mock: ${response.status}`)
  return ((await response.json()) as { index: number }).index
}

/**
 * The mock takes a new snapshot while `polls` poll intervals pass on a page that must not poll:
 * the page asks the API nothing and still shows #5253. Returns the API requests it makes from now
 * on.
 */
async function advanceUnasked(
  page: Page,
  mockApi: string | undefined,
  polls: number,
): Promise<string[]> {
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/v2/')) asked.push(request.url())
  })
  await advance(mockApi)
  await page.clock.runFor(polls * POLL_MS)
  expect(asked).toEqual([])
  await expect(page.getByRole('heading', { name: 'Latest snapshot #5253' })).toBeVisible()
  return asked
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', {
      value: value ? 'hidden' : 'visible',
      configurable: true,
    })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }, hidden)
}

test.describe('live pages', () => {
  test.afterEach(async ({ mockApi }) => {
    if (!mockApi) return
    const response = await fetch(`${mockApi}/__mock/advance`, { method: 'DELETE' })
    // Later tests in this worker expect the world as it started.
    if (!response.ok) throw new Error(`could not reset the mock: ${response.status}`)
  })

  test('a snapshot added while the page is open appears without a reload', async ({
    page,
    mockApi,
  }) => {
    await page.clock.install()
    await page.goto('/cyber-dojo/environments/aws-prod/events')
    await expect(page.getByRole('heading', { name: 'Latest snapshot #5253' })).toBeVisible()
    const typeFilter = page.getByLabel('Event type')
    await typeFilter.focus()
    const url = page.url()

    const index = await advance(mockApi)
    expect(index).toBe(5254)
    await page.clock.runFor(POLL_MS + 1_000)

    await expect(page.getByRole('heading', { name: 'Latest snapshot #5254' })).toBeVisible()
    const notice = page.getByRole('status').filter({ hasText: 'New snapshot #5254' })
    await expect(notice).toContainText(/taken .* ago: now showing it/)
    await expect(page.getByRole('table', { name: /Artifacts running in/ })).toContainText('new')
    await expect(
      page.getByRole('status').filter({ hasText: /\b1 new event at the top/ }),
    ).toBeVisible()
    const log = page.getByRole('table', { name: /Change log of aws-prod/ })
    await expect(log.getByRole('row').nth(1)).toContainText('#5254')
    // The reader's place is kept: same address, focus where it was.
    expect(page.url()).toBe(url)
    await expect(typeFilter).toBeFocused()

    for (const theme of ['Light theme', 'Dark theme'] as const) {
      await chooseTheme(page, theme)
      await expectNoAxeViolations(page)
    }
    await reviewShot(page, 'live-environment')
  })

  test('a hidden tab polls nothing and catches up when shown again', async ({ page, mockApi }) => {
    await page.clock.install()
    await page.goto('/cyber-dojo/environments/aws-prod')
    await expect(page.getByRole('heading', { name: 'Latest snapshot #5253' })).toBeVisible()
    await setHidden(page, true)
    const asked = await advanceUnasked(page, mockApi, 4)

    await setHidden(page, false)
    await expect(page.getByRole('heading', { name: 'Latest snapshot #5254' })).toBeVisible()
    expect(asked.length).toBeGreaterThan(0)
  })

  test('Paused stops the refreshing and is remembered', async ({ page, mockApi }) => {
    await page.clock.install()
    await page.goto('/cyber-dojo/environments/aws-prod')
    await page.getByRole('button', { name: /^Live\W+pause live updates$/ }).click()
    await page.reload()
    const resume = page.getByRole('button', { name: /^Paused\W+resume live updates$/ })
    await expect(resume).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Latest snapshot #5253' })).toBeVisible()

    await advanceUnasked(page, mockApi, 2)
    // Resuming refreshes at once.
    await resume.click()
    await expect(page.getByRole('heading', { name: 'Latest snapshot #5254' })).toBeVisible()
  })
})
