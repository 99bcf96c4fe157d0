import { clearFaults, expect, setFaults, test } from './fixtures'

/**
 * The fault matrix: every page type against the mock API misbehaving. Each case checks a clear
 * message, that the rest of the app still works, and that "Try again" is offered exactly where
 * retrying can help (and then recovers once the fault clears).
 * Live mode only: faults are injected into the mock Kosli API behind Shiplog's proxy.
 */

const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

interface PageCase {
  name: string
  url: string
  /** The API request the page depends on (prefix or regular expression for the mock). */
  api: string
  /** Something visible once the page has loaded properly. */
  ready: RegExp
}

const pages: PageCase[] = [
  {
    name: 'flows list',
    url: '/cyber-dojo/flows',
    api: '^/api/v2/flows/cyber-dojo($|\\?)',
    ready: /^Flows$/,
  },
  {
    name: 'flow',
    url: '/cyber-dojo/flows/runner',
    api: '^/api/v2/flows/cyber-dojo/runner($|\\?)',
    ready: /runner/,
  },
  {
    name: 'artifact',
    url: `/cyber-dojo/flows/runner/artifacts/${SEED_FP}`,
    api: '/api/v2/artifacts/cyber-dojo/runner/fingerprint/',
    ready: /runner:16d9990/,
  },
  {
    name: 'environments list',
    url: '/cyber-dojo/environments',
    api: '^/api/v2/environments/cyber-dojo($|\\?)',
    ready: /^Environments$/,
  },
  {
    name: 'environment',
    url: '/cyber-dojo/environments/aws-prod',
    api: '^/api/v2/environments/cyber-dojo/aws-prod($|\\?)',
    ready: /aws-prod/,
  },
  {
    name: 'snapshot',
    url: '/cyber-dojo/environments/aws-prod/snapshots/65',
    api: '/api/v2/snapshots/cyber-dojo/aws-prod/',
    ready: /aws-prod#65/,
  },
  {
    name: 'diff',
    url: '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    api: '/api/v2/env-diff/',
    ready: /aws-prod#64/,
  },
]

/**
 * One fault of each class per page, with what the page must say and whether "Try again" is
 * offered: authentication, not found, a refused query, a server error, the network, and an
 * unreadable answer. The other members of each class (403, 400, 409, 502 with HTML, 503,
 * malformed JSON) are checked on the flows list below; their message comes from the same code
 * on every page.
 */
const faults: Array<{ fault: string; says: RegExp; retry: boolean }> = [
  { fault: '401', says: /KOSLI_API_TOKEN/, retry: false },
  { fault: '404', says: /not found|does not exist/i, retry: false },
  { fault: '422', says: /not accepted|query\./i, retry: false },
  { fault: '500', says: /The Kosli API failed/, retry: true },
  { fault: 'drop', says: /Could not reach|The Kosli API failed/, retry: true },
  { fault: 'wrong-shape', says: /Unexpected response from GET/, retry: true },
]

test.describe('fault matrix', () => {
  test.afterEach(async ({ mockApi }) => clearFaults(mockApi))

  for (const pageCase of pages) {
    for (const { fault, says, retry } of faults) {
      test(`${pageCase.name} × ${fault}`, async ({ page, mockApi }) => {
        await setFaults(mockApi, [{ path: pageCase.api, fault }])
        await page.goto(pageCase.url)
        const alert = page.getByRole('alert').first()
        await expect(alert).toContainText(says, { timeout: 20_000 })
        await expect(page.locator('body')).not.toContainText(/undefined|NaN|Invalid Date/)
        if (retry) {
          await clearFaults(mockApi)
          await alert.getByRole('button', { name: 'Try again' }).click()
          await expect(page.getByRole('alert')).toHaveCount(0)
          await expect(page.getByRole('heading', { name: pageCase.ready }).first()).toBeVisible()
        } else {
          // Retrying the same request cannot help: no button that pretends it might.
          await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
        }
        // The rest of the app still works: move to a section this fault does not touch.
        const elsewhere = pageCase.name === 'environments list' ? 'Flows' : 'Environments'
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: elsewhere })
          .click()
        await expect(
          page.getByRole('heading', { name: new RegExp(`^${elsewhere}$`) }),
        ).toBeVisible()
      })
    }
  }

  test('429 is retried after its delay without user action', async ({ page, mockApi }) => {
    await setFaults(mockApi, [
      { path: '^/api/v2/flows/cyber-dojo($|\\?)', fault: '429', times: 1, retryAfter: 1 },
    ])
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    // The 429 was served (its one-shot rule is used up), so the page is the retry's answer.
    const remaining = (await (await fetch(`${mockApi}/__mock/faults`)).json()) as unknown[]
    expect(remaining).toEqual([])
  })

  // The other members of each fault class, on the flows list.
  const rare: Array<{ fault: string; says: RegExp; retry: boolean }> = [
    { fault: '403', says: /KOSLI_API_TOKEN/, retry: false },
    { fault: '502-html', says: /The Kosli API failed|Bad gateway/, retry: true },
    { fault: '503', says: /The Kosli API failed|unavailable/, retry: true },
    { fault: 'malformed-json', says: /sent something unexpected/, retry: true },
    { fault: '400', says: /The Kosli API rejected|Bad request|400/, retry: false },
    { fault: '409', says: /conflict|409/i, retry: true },
  ]
  for (const { fault, says, retry } of rare) {
    test(`flows list × ${fault}`, async ({ page, mockApi }) => {
      await setFaults(mockApi, [{ path: '^/api/v2/flows/cyber-dojo($|\\?)', fault }])
      await page.goto('/cyber-dojo/flows')
      const alert = page.getByRole('alert').first()
      await expect(alert).toContainText(says)
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await clearFaults(mockApi)
      if (retry) {
        await alert.getByRole('button', { name: 'Try again' }).click()
        await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible()
      } else {
        await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
      }
    })
  }

  test('a very large response (20 MB, 100,000 flows) stays usable', async ({ page, mockApi }) => {
    await setFaults(mockApi, [{ path: '^/api/v2/flows/cyber-dojo($|\\?)', fault: 'huge' }])
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByText('100,000 flows')).toBeVisible()
    await expect(page.getByRole('link', { name: 'junk-0', exact: true })).toBeVisible()
    // Only a window of the rows is in the page.
    expect(await page.locator('tbody tr').count()).toBeLessThan(300)
    await page.getByLabel('Filter flows').fill('junk-99999')
    await expect(page.getByRole('link', { name: 'junk-99999', exact: true })).toBeVisible()
  })

  test('offline shows a banner, and navigation resumes when the connection is back', async ({
    page,
    context,
  }) => {
    // Visit the flow page once so its code is loaded; then go back to the list.
    await page.goto('/cyber-dojo/flows/runner')
    await expect(page.getByRole('heading', { name: 'runner', level: 1 })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Flows' })
      .click()
    await expect(page.getByRole('link', { name: 'saver', exact: true })).toBeVisible()

    await context.setOffline(true)
    const banner = page.getByRole('status').filter({ hasText: 'You are offline' })
    await expect(banner).toBeVisible()
    const header = page.getByRole('banner')
    await expect(
      header.getByRole('button', { name: /^Offline ?: pause live updates$/ }),
    ).toBeVisible()
    await page.getByRole('link', { name: 'saver', exact: true }).click()
    await expect(page.getByRole('progressbar', { name: 'Loading page' })).toBeVisible()
    await expect(page).toHaveURL(/\/flows$/)

    await context.setOffline(false)
    await expect(banner).toHaveCount(0)
    await expect(header.getByRole('button', { name: /^Live ?: pause live updates$/ })).toBeVisible()
    await expect(page).toHaveURL(/\/flows\/saver$/)
    await expect(page.getByRole('heading', { name: 'saver', level: 1 })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a page never opened before says offline that its code is missing, then loads once back', async ({
    page,
    context,
  }) => {
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'saver', exact: true })).toBeVisible()
    // The header search loads once the page is idle; the page under test is the diff.
    await expect(page.getByRole('searchbox', { name: 'Search (loading)' })).toHaveCount(0)

    await context.setOffline(true)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diff' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Part of Shiplog could not be downloaded')
    await expect(alert).toContainText('Offline, and not opened before: it loads once back online')
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)

    await context.setOffline(false)
    await expect(page.getByRole('heading', { name: 'Compare snapshots', level: 1 })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('the header search whose code fails to download leaves the page working and says so', async ({
    page,
  }) => {
    await page.route(/\/assets\/header-search-[^/]+\.js$/, (route) =>
      route.abort('internetdisconnected'),
    )
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'saver', exact: true })).toBeVisible()
    await expect(
      page.getByRole('searchbox', { name: 'Search unavailable: reload the page' }),
    ).toBeDisabled()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await page.getByLabel('Filter flows').fill('saver')
    await expect(page.getByRole('link', { name: 'runner', exact: true })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'saver', exact: true })).toBeVisible()
  })

  test('a slow answer shows progress, then the page', async ({ page, mockApi }) => {
    await setFaults(mockApi, [
      { path: '^/api/v2/flows/cyber-dojo/runner($|\\?)', fault: 'slow', delayMs: 2500 },
    ])
    await page.goto('/cyber-dojo/flows')
    await page.getByRole('link', { name: 'runner', exact: true }).click()
    await expect(page.getByRole('progressbar', { name: 'Loading page' })).toBeVisible()
    await expect(page).toHaveURL(/\/flows\/runner$/, { timeout: 15_000 })
    await expect(page.getByRole('progressbar', { name: 'Loading page' })).toHaveCount(0)
  })

  for (const fault of ['hang', 'hang-body']) {
    test(`a request that never finishes (${fault}) ends in a timeout message`, async ({
      page,
      mockApi,
    }) => {
      await setFaults(mockApi, [{ path: '^/api/v2/environments/cyber-dojo($|\\?)', fault }])
      await page.goto('/cyber-dojo/environments')
      await expect(page.getByRole('progressbar', { name: 'Loading page' })).toBeVisible()
      await expect(page.getByText('Still waiting for the Kosli API')).toBeVisible()
      const alert = page.getByRole('alert').first()
      await expect(alert).toContainText(/taking too long|did not answer/, { timeout: 40_000 })
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
    })
  }
})
