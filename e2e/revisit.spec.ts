import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** A numbered snapshot that is no longer the latest: what Shiplog keeps across visits. */
const KEPT = '/cyber-dojo/environments/aws-prod/snapshots/65'
const LATEST = '/cyber-dojo/environments/aws-prod'

/** The query hashes in Shiplog's IndexedDB store of kept answers. */
function keptKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open('shiplog-queries')
        request.onerror = () => resolve([])
        request.onsuccess = () => {
          const db = request.result
          if (!db.objectStoreNames.contains('entries')) return resolve([])
          const all = db.transaction('entries').objectStore('entries').getAllKeys()
          all.onsuccess = () => resolve(all.result.map(String))
          all.onerror = () => resolve([])
        }
      }),
  )
}

/** Opens `path` online and waits until the page's worker controls it (so it opens offline). */
async function visitOnline(page: Page, path: string) {
  await page.goto(path)
  await expect(page.getByRole('row').nth(1)).toBeVisible()
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        return Boolean(registration?.active && navigator.serviceWorker.controller)
      }),
    )
    .toBe(true)
}

test.describe('revisiting kept data', () => {
  test(
    'a numbered snapshot opened before shows its rows in a new tab while offline',
    { tag: '@demo' },
    async ({ context, page }) => {
      await visitOnline(page, KEPT)
      await expect
        .poll(() => keptKeys(page))
        .toContain(JSON.stringify(['snapshots', 'cyber-dojo', 'aws-prod', 'detail', 'aws-prod#65']))
      await page.close()

      await context.setOffline(true)
      const offline = await context.newPage()
      await offline.goto(KEPT)
      await expect(offline.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible()
      await expect(offline.getByRole('link', { name: /^runner:/ }).first()).toBeVisible()
      await expect(offline.getByText(/^Showing \d+ artifacts? of \d+$/)).toBeVisible()
      await expect(offline.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
      await offline.screenshot({
        path: test.info().outputPath('offline-revisit.png'),
        fullPage: true,
      })
    },
  )

  test('a latest page opened offline says so instead of showing old data', async ({
    context,
    page,
  }) => {
    await visitOnline(page, LATEST)
    await expect(page.getByRole('heading', { name: 'aws-prod', level: 1 })).toBeVisible()
    await page.close()

    await context.setOffline(true)
    const offline = await context.newPage()
    await offline.goto(LATEST)
    await expect(offline.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
    await expect(offline.getByRole('progressbar', { name: 'Loading page' })).toBeVisible()
    await expect(offline.getByRole('heading', { name: 'aws-prod', level: 1 })).toHaveCount(0)
    await expect(offline.getByRole('row')).toHaveCount(0)
    await offline.screenshot({ path: test.info().outputPath('offline-latest.png') })

    await context.setOffline(false)
    await expect(offline.getByRole('heading', { name: 'aws-prod', level: 1 })).toBeVisible()
  })
})

test.describe('what a revisit asks for again', () => {
  const LARGE = '/cyber-dojo/environments/k8s-scale/snapshots/1199'
  const LARGE_API = '/api/v2/snapshots/cyber-dojo/k8s-scale/1199'

  test('a large snapshot the browser keeps is not preloaded by its page again', async ({
    context,
    page,
  }) => {
    const first = await page.request.get(LARGE)
    expect(await first.text()).toContain(`href="${LARGE_API}"`)

    await page.goto(LARGE)
    await expect(page.getByRole('heading', { name: 'k8s-scale#1199', level: 1 })).toBeVisible()
    await expect(page.getByRole('row').nth(1)).toBeVisible()
    // Once kept, the browser says so in a cookie, and the page's HTML drops that preload.
    await expect
      .poll(async () => (await context.cookies()).find((c) => c.name === 'shiplog-kept')?.value)
      .toMatch(/^[0-9a-f]{8}/)
    const html = await (await page.request.get(LARGE)).text()
    expect(html).not.toContain(LARGE_API)
    expect(html).toContain('href="/api/v2/environments/cyber-dojo/k8s-scale"')

    // The revisit reads the kept answer: its rows show without asking the API for them.
    const asked: string[] = []
    const revisit = await context.newPage()
    revisit.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await revisit.goto(LARGE)
    await expect(revisit.getByRole('heading', { name: 'k8s-scale#1199', level: 1 })).toBeVisible()
    await expect(revisit.getByRole('row').nth(1)).toBeVisible()
    expect(asked).not.toContain(LARGE_API)
    await revisit.screenshot({ path: test.info().outputPath('kept-revisit.png') })
  })
})
