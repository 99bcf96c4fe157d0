import type { Page } from '@playwright/test'
import { expect, reviewShot, test } from './fixtures'

const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const AROUND_65 = 'from=2022-08-22T06%3A00%3A00Z&to=2022-08-25T00%3A00%3A00Z'

function chart(page: Page, env: string) {
  return page.getByRole('group', { name: `Runs in ${env} over time` })
}

test.describe('history chart @demo', () => {
  test('aws-prod: the blue-green overlap at #65, 3 replicas then 1 at #94, gone at #96', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`/cyber-dojo/environments/aws-prod?${AROUND_65}&history=chart`)
    const picture = chart(page, 'aws-prod')
    const seed = picture.getByRole('link', {
      name: /^runner:16d9990: #65 .* to #96 .*, replicas 3 → 1, compliant$/,
    })
    const old = picture.getByRole('link', { name: /^runner:85d83c6: .* to #66 / })
    await expect(seed).toBeVisible({ timeout: 30_000 })
    await expect(old).toBeVisible()
    // Overlapping in time, one above the other.
    const [a, b] = [await old.boundingBox(), await seed.boundingBox()]
    expect(a && b && a.x < b.x && a.x + a.width > b.x).toBe(true)
    expect(a && b && a.y !== b.y).toBe(true)
    await reviewShot(page, 'history-aws-prod')

    // The keyboard reaches the bar; the moment it starts offers its snapshot and the diff.
    await seed.focus()
    await expect(
      page.getByRole('link', {
        name: /^Open snapshot aws-prod@\{2022-08-22T09:39:2\d\}, that is aws-prod#65$/,
      }),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Diff #64 → #65' })).toHaveAttribute(
      'href',
      '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    )
    await page.keyboard.press('ArrowUp')
    await expect(page.locator(':focus')).toHaveAccessibleName(/^repler:/)
    await page.keyboard.press('ArrowDown')
    await expect(page.locator(':focus')).toHaveAccessibleName(/^runner:/)

    // Zooming keeps the window in the URL, and a reload shows the same window.
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect(page).toHaveURL(/from=2022-08-22T22%3A30%3A00Z&to=2022-08-24T07%3A30%3A00Z/)
    await page.reload()
    await expect(
      page.getByText(/Tue, 23 Aug 2022 00:30:00 CEST – Wed, 24 Aug 2022 09:30:00 CEST/),
    ).toBeVisible({ timeout: 30_000 })

    // A bar opens its artifact.
    await chart(page, 'aws-prod')
      .getByRole('link', { name: /^runner:16d9990:/ })
      .click()
    await expect(page).toHaveURL(new RegExp(`/flows/runner/artifacts/${SEED_FP}$`))
  })

  test('the history is drawn on request, the request is in the URL, and it can be hidden again', async ({
    page,
  }) => {
    await page.goto('/cyber-dojo/environments/aws-prod')
    await expect(page.getByRole('heading', { name: /Latest snapshot/ })).toBeVisible({
      timeout: 30_000,
    })
    // Not drawn until asked: the picture reads the whole change log.
    await expect(chart(page, 'aws-prod')).toHaveCount(0)
    await page.getByRole('button', { name: 'Show the history' }).click()
    await expect(page).toHaveURL(/[?&]history=chart/)
    await expect(chart(page, 'aws-prod')).toBeVisible({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Hide the history' }).click()
    await expect(page).not.toHaveURL(/history=/)
    await expect(page.getByRole('button', { name: 'Show the history' })).toBeVisible()
  })

  test('aws-beta: 16d9990 from #84 to #119, 3 replicas then 2 at #117; the table agrees', async ({
    page,
  }) => {
    await page.goto(`/cyber-dojo/environments/aws-beta?${AROUND_65}&history=table`)
    const table = page.getByRole('table', { name: /Runs in aws-beta over time/ })
    const row = table.getByRole('row', { name: /runner:16d9990/ })
    await expect(row).toBeVisible({ timeout: 30_000 })
    await expect(row.getByRole('link', { name: '#84' })).toBeVisible()
    await expect(row.getByRole('link', { name: '#119' })).toBeVisible()
    await expect(row.getByRole('cell', { name: '3 → 2' })).toBeVisible()
    await page.getByRole('button', { name: 'Chart' }).click()
    await expect(
      chart(page, 'aws-beta').getByRole('link', {
        name: /^runner:16d9990: #84 .* to #119 .*, replicas 3 → 2, compliant$/,
      }),
    ).toBeVisible()
  })

  test('the artifact page shows where it ran, when, with how many replicas', async ({ page }) => {
    await page.goto(`/cyber-dojo/flows/runner/artifacts/${SEED_FP}`)
    const picture = page.getByRole('group', { name: 'Runs of this artifact by environment' })
    await expect(
      picture.getByRole('link', {
        name: /^aws-beta: #84 .* to #119 .*, replicas 3 → 2, compliant$/,
      }),
    ).toBeVisible({ timeout: 30_000 })
    const prod = picture.getByRole('link', {
      name: /^aws-prod: #65 .* to #96 .*, replicas 3 → 1, compliant$/,
    })
    await expect(prod).toBeVisible()
    await prod.click()
    await expect(page).toHaveURL(
      `/cyber-dojo/environments/aws-prod/snapshots/65?fingerprint=${SEED_FP}`,
    )
  })
})
