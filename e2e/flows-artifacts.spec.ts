import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const COMMIT = '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4'
const ARTIFACT = `/cyber-dojo/flows/runner/artifacts/${FP}`

// The seed's `kosli get artifact runner:16d9990` history, as printed in Europe/Berlin.
const SEED_HISTORY: Array<[string, string]> = [
  ['Artifact created', 'Mon, 22 Aug 2022 11:35:00 CEST'],
  ['branch-coverage evidence received', 'Mon, 22 Aug 2022 11:36:02 CEST'],
  ['Deployment #18 to aws-beta environment', 'Mon, 22 Aug 2022 11:37:17 CEST'],
  ['Deployment #19 to aws-prod environment', 'Mon, 22 Aug 2022 11:38:21 CEST'],
  ['Started running in aws-beta#84 environment', 'Mon, 22 Aug 2022 11:38:28 CEST'],
  ['Started running in aws-prod#65 environment', 'Mon, 22 Aug 2022 11:39:22 CEST'],
  ['Scaled down from 3 to 2 in aws-beta#117 environment', 'Wed, 24 Aug 2022 18:03:42 CEST'],
  ['No longer running in aws-beta#119 environment', 'Wed, 24 Aug 2022 18:05:42 CEST'],
  ['Scaled down from 3 to 1 in aws-prod#94 environment', 'Wed, 24 Aug 2022 18:10:28 CEST'],
  ['No longer running in aws-prod#96 environment', 'Wed, 24 Aug 2022 18:12:28 CEST'],
]

const timeline = (page: Page) => page.getByRole('region', { name: 'Lifecycle' })

const FIRST_LOAD = { timeout: 30_000 }

test.describe('flows and artifacts: the seed story', () => {
  test(
    'flows list → runner → artifact 16d9990 → aws-prod#65',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto('/cyber-dojo/flows')
      await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible(FIRST_LOAD)
      await expect(page.getByText(/^\d+ flows$/)).toBeVisible()

      await page.getByLabel('Filter flows').fill('runner')
      await expect(page).toHaveURL(/\?q=runner$/)
      await expect(page.getByText(/flows? matching “runner”/)).toBeVisible()
      await page.getByLabel('Sort by').selectOption({ label: 'Name Z–A' })
      await expect(page).toHaveURL(/q=runner&dir=desc/)

      await page.getByRole('link', { name: 'runner', exact: true }).click()
      await expect(page).toHaveURL(/\/cyber-dojo\/flows\/runner$/)
      await expect(page.getByRole('heading', { name: 'runner', level: 1 })).toBeVisible(FIRST_LOAD)
      await expect(page.getByText('Test runner')).toBeVisible()
      const artifacts = page.getByRole('table', { name: /Artifacts of flow runner/ })
      await expect(artifacts).toBeVisible(FIRST_LOAD)

      await artifacts.getByRole('link', { name: 'cyberdojo/runner:16d9990' }).click()
      await expect(page).toHaveURL(ARTIFACT)
      await expect(
        page.getByRole('heading', { name: 'cyberdojo/runner:16d9990', level: 1 }),
      ).toBeVisible(FIRST_LOAD)

      const rows = timeline(page).getByRole('listitem')
      await expect(rows).toHaveCount(10)
      for (const [index, [text, time]] of SEED_HISTORY.entries()) {
        await expect(rows.nth(index)).toContainText(text)
        await expect(rows.nth(index)).toContainText(time)
      }
      await expect(page.getByRole('button', { name: `Copy full fingerprint ${FP}` })).toBeVisible()
      await expect(page.getByRole('link', { name: '16d9990' })).toHaveAttribute(
        'href',
        `https://github.com/cyber-dojo/runner/commit/${COMMIT}`,
      )
      await expect(page.getByText('Compliant').first()).toBeVisible()
      await expect(page.getByText('Mon, 22 Aug 2022 11:35:00 CEST').first()).toBeVisible()

      // One click switches every time on the page to UTC.
      await page.getByRole('button', { name: 'Times: local' }).click()
      await expect(rows.nth(0)).toContainText('Mon, 22 Aug 2022 09:35:00 UTC')
      await expect(rows.nth(9)).toContainText('Wed, 24 Aug 2022 16:12:28 UTC')
      await expect(page.getByText(/CEST/)).toHaveCount(0)
      await page.getByRole('button', { name: 'Times: UTC' }).click()
      await expect(rows.nth(0)).toContainText('11:35:00 CEST')

      await timeline(page).getByRole('link', { name: 'aws-prod#65' }).click()
      await expect(page).toHaveURL('/cyber-dojo/environments/aws-prod/snapshots/65')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible(FIRST_LOAD)
    },
  )

  test('the timeline filters live in the URL', async ({ page }) => {
    await page.goto(ARTIFACT)
    const rows = timeline(page).getByRole('listitem')
    await expect(rows).toHaveCount(10, FIRST_LOAD)
    await page.getByRole('button', { name: /Stopped/ }).click()
    await expect(page).toHaveURL(/kind=stopped/)
    await expect(rows).toHaveCount(2)
    await page.getByRole('button', { name: 'aws-prod', exact: true }).click()
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('No longer running in aws-prod#96 environment')
    await page.reload()
    await expect(rows).toHaveCount(1, FIRST_LOAD)
  })

  // Two ways into the seed artifact that end at its full address.
  for (const [title, path] of [
    ['a short fingerprint resolves to the full one', '/cyber-dojo/flows/runner/artifacts/9af401c4'],
    ['a commit search opens the artifact built from it', '/cyber-dojo/search?q=runner:16d9990'],
  ] as const) {
    test(title, async ({ page }) => {
      await page.goto(path)
      await expect(
        page.getByRole('heading', { name: 'cyberdojo/runner:16d9990', level: 1 }),
      ).toBeVisible(FIRST_LOAD)
      await expect(page).toHaveURL(ARTIFACT)
    })
  }

  test('the flows table keeps its columns still while the rest of a page of 100 arrives', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1350, height: 940 })
    await page.addInitScript(() => {
      const shifts: number[] = []
      Object.assign(window, { shifts })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
          shifts.push(entry.value)
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto('/acme/flows')
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(100, FIRST_LOAD)
    // Rows 26-100 render one pass after the first screenful; auto column widths moved the
    // visible rows by a layout-shift score of 0.035-0.05 when they did.
    const shift = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
    )
    expect(shift).toBeLessThan(0.01)
  })

  test('an unknown flow says so, with a link back', async ({ page }) => {
    await page.goto('/cyber-dojo/flows/x')
    await expect(
      page.getByRole('heading', { name: "Flow 'x' does not exist in org 'cyber-dojo'" }),
    ).toBeVisible(FIRST_LOAD)
    await page.getByRole('link', { name: /Back to the flows/ }).click()
    await expect(page).toHaveURL(/\/cyber-dojo\/flows$/)
  })
})
