import type { Page } from '@playwright/test'
import { hex } from '../mocks/world/random'
import { expect, test } from './fixtures'

/**
 * Hostile and odd data (org `odd-org` of the mock world: flow `odd-data`, environment `odd-env`): markup
 * and script in every text field, `javascript:`/`data:`/`vbscript:`/protocol-relative links,
 * emoji, right-to-left text and very long names. Everything must render as inert text, no unsafe
 * link may exist, and the layout must stay usable. Random paths must never crash a page.
 */

const ODD_FLOW = '/odd-org/flows/odd-data'
const ODD_ENV = '/odd-org/environments/odd-env'
const artifactPath = (seed: string) => `${ODD_FLOW}/artifacts/${hex(seed, 64)}`

/** Fails the test on any alert/confirm/prompt, which only injected script could open. */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = []
  page.on('dialog', (dialog) => {
    opened.push(dialog.message())
    void dialog.dismiss()
  })
  return opened
}

async function expectInertAndUsable(page: Page) {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  for (const href of hrefs) {
    // Only app paths, fragments and http(s) URLs are links.
    expect(href, `unsafe link ${href}`).toMatch(/^(\/(?!\/)|#|https?:\/\/)/)
  }
  expect(await page.locator('main script, main img[onerror], main svg[onload]').count()).toBe(0)
  await expect(page.locator('body')).not.toContainText(/undefined|NaN|Invalid Date|\[object /)
  // Long names wrap or scroll inside their box; the page itself does not grow sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(1)
}

test.describe('hostile and odd data', () => {
  test('the odd flow shows markup as text and no unsafe repo link', async ({ page }) => {
    const dialogs = forbidDialogs(page)
    await page.goto(ODD_FLOW)
    await expect(page.getByRole('heading', { name: 'odd-data', level: 1 })).toBeVisible()
    await expect(
      page.getByText('<script>alert(1)</script>', { exact: false }).first(),
    ).toBeVisible()
    await expect(page.getByText(/שלום עולם/).first()).toBeVisible()
    await expectInertAndUsable(page)
    expect(dialogs).toEqual([])
  })

  test('an artifact with script in every field renders it as text', async ({ page }) => {
    const dialogs = forbidDialogs(page)
    await page.goto(artifactPath('odd:script'))
    await expect(
      page.getByRole('heading', { name: '<img src=x onerror=alert(1)>', level: 1 }),
    ).toBeVisible()
    await expect(page.getByText(/<script>alert\("commit"\)<\/script>/).first()).toBeVisible()
    await expect(page.getByText('javascript:alert(document.cookie)')).toBeVisible()
    // Its commit and build URLs are javascript: — shown, never linked.
    await expect(page.getByRole('link', { name: /Build/ })).toHaveCount(0)
    await expectInertAndUsable(page)
    expect(dialogs).toEqual([])
  })

  test('data:, vbscript: and protocol-relative URLs never become links', async ({ page }) => {
    await page.goto(artifactPath('odd:data-url'))
    await expect(page.getByRole('heading', { name: /data-url-artifact/ }).first()).toBeVisible()
    await expectInertAndUsable(page)
  })

  test('emoji, right-to-left text and a 600-character name keep the layout', async ({ page }) => {
    await page.goto(artifactPath('odd:emoji'))
    await expect(page.getByText(/rocket-service/).first()).toBeVisible()
    await expectInertAndUsable(page)
    await page.goto(artifactPath('odd:long'))
    await expect(page.getByText(/very-long-path-segment/).first()).toBeVisible()
    await expectInertAndUsable(page)
  })

  test('the odd environment, its snapshot and log stay inert', async ({ page }) => {
    const dialogs = forbidDialogs(page)
    await page.goto(ODD_ENV)
    await expect(page.getByText(/<script>alert\(1\)<\/script>/).first()).toBeVisible()
    await expectInertAndUsable(page)
    await page.goto(`${ODD_ENV}/snapshots/2`)
    await expect(page.getByRole('heading', { name: 'odd-env#2', level: 1 })).toBeVisible()
    await expect(page.getByText('<script>alert("name")</script>:latest').first()).toBeVisible()
    await expectInertAndUsable(page)
    await page.goto(`${ODD_ENV}/events`)
    await expect(page.getByRole('navigation', { name: 'Log pages' })).toBeVisible()
    await expectInertAndUsable(page)
    expect(dialogs).toEqual([])
  })
})

/** Every table on the page fits the viewport: long strings wrap inside their cells. */
async function expectTablesFit(page: Page) {
  const widths = await page
    .locator('main table')
    .evaluateAll((tables) => tables.map((table) => table.getBoundingClientRect().width))
  expect(widths.length).toBeGreaterThan(0)
  const viewport = page.viewportSize()?.width ?? 1280
  for (const width of widths) expect(width).toBeLessThanOrEqual(viewport)
}

/** Rewrites the first item of a JSON list the API answers at `url` (these tests run live only). */
async function rewriteFirst(page: Page, url: string, change: Record<string, string>) {
  await page.route(url, async (route) => {
    const response = await route.fetch()
    const body: unknown = await response.json()
    const list = Array.isArray(body)
      ? body
      : ((body as { data?: unknown[]; flows?: unknown[] }).data ??
        (body as { flows?: unknown[] }).flows)
    if (Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null) {
      Object.assign(list[0], change)
    }
    await route.fulfill({ response, json: body })
  })
}

test.describe('unbroken text 100 kB long', () => {
  const HUGE = 'x'.repeat(100_000)

  test('a description in the change log wraps inside its table', async ({ page }) => {
    await rewriteFirst(page, '**/api/v2/environments/cyber-dojo/aws-prod/events**', {
      description: HUGE,
    })
    await page.goto('/cyber-dojo/environments/aws-prod/events')
    await expect(page.getByRole('navigation', { name: 'Log pages' })).toBeVisible()
    await expect(page.getByText(HUGE.slice(0, 200), { exact: false }).first()).toBeAttached()
    await expectTablesFit(page)
  })

  test('a flow description wraps inside the flows table', async ({ page }) => {
    await rewriteFirst(page, '**/api/v2/flows/cyber-dojo', { description: HUGE })
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible()
    await expect(page.getByText(HUGE.slice(0, 200), { exact: false }).first()).toBeAttached()
    await expectTablesFit(page)
  })
})

/** A fixed sample of nasty paths and queries, by page; the unit suite fuzzes the parsers. */
const RANDOM_PATHS: Record<string, string[]> = {
  flows: [
    '/cyber-dojo/flows/%E0%A4%A',
    '/cyber-dojo/flows/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/cyber-dojo/flows?q=%3Cscript%3E&sort=nope&dir=up',
    '/no-such-org/flows',
  ],
  artifacts: [
    '/cyber-dojo/flows/runner/artifacts/not-a-fingerprint',
    '/cyber-dojo/flows/runner/artifacts/' + 'f'.repeat(64),
    '/cyber-dojo/flows/runner/trails/%3Cscript%3E',
  ],
  environments: [
    '/cyber-dojo/environments/%3Cimg%20src=x%20onerror=alert(1)%3E',
    '/cyber-dojo/environments/aws-prod/snapshots/1e309',
    '/cyber-dojo/environments/aws-prod/snapshots/%23%23',
    '/cyber-dojo/environments/aws-prod/events?page=-5&per_page=abc&order=sideways',
    '/cyber-dojo/environments?type=%00&sort=%F0%9F%9A%80',
  ],
  'diff, search and audit': [
    '/cyber-dojo/diff?from=%25%25%25&to=aws-prod%40%7Bnot-a-time%7D',
    '/cyber-dojo/diff?from=aws-prod~99999999&to=aws-prod%23999999999999',
    '/cyber-dojo/search?q=' + 'a'.repeat(3000),
    '/cyber-dojo/audit?artifact=%3Cscript%3E&from=yesterday&to=tomorrow',
    '/cyber-dojo/%E2%80%AE/%00',
  ],
}

test.describe('random paths', () => {
  for (const [area, paths] of Object.entries(RANDOM_PATHS)) {
    test(`odd ${area} addresses answer with a page, not a crash`, async ({ page }) => {
      const dialogs = forbidDialogs(page)
      for (const path of paths) {
        await test.step(path.slice(0, 80), async () => {
          await page.goto(path)
          // The page it names, or a message saying what is wrong, inside the app shell.
          await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
          await expect(
            page.getByRole('heading', { level: 1 }).or(page.getByRole('alert')).first(),
          ).toBeVisible()
          await expect(page.getByRole('progressbar', { name: 'Loading page' })).toHaveCount(0)
          await expectInertAndUsable(page)
        })
      }
      expect(dialogs).toEqual([])
    })
  }
})
