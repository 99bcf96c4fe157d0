import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

const RUNNER_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const SEED_DIFF = '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365'

const LOAD = { timeout: 30_000 }

/** Opens the empty diff page's pickers; From is set to aws-prod#64. */
async function openPickers(page: Page): Promise<{ from: Locator; to: Locator }> {
  await page.goto('/cyber-dojo/diff')
  await expect(page.getByRole('heading', { name: 'Compare snapshots' })).toBeVisible(LOAD)
  const from = page.getByRole('group', { name: 'From' })
  const to = page.getByRole('group', { name: 'To' })
  await pickSide(from, 'aws-prod', 'index')
  await from.getByLabel('Snapshot number').fill('64')
  return { from, to }
}

async function pickSide(side: Locator, env: string, mode: 'index' | 'time') {
  await side.getByLabel('Environment').selectOption(env)
  await side.getByLabel('Snapshot', { exact: true }).selectOption(mode)
}

function pairOf(page: Page) {
  const url = new URL(page.url())
  return [url.searchParams.get('from'), url.searchParams.get('to')]
}

/** Compares the picked pair: the URL names `pair`, and the diff shows runner:16d9990 added. */
async function compare(page: Page, pair: [string, string]) {
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByTestId('diff-summary')).toHaveText(/^1 added, 0 removed/, LOAD)
  expect(pairOf(page)).toEqual(pair)
}

test.describe('snapshot diff', () => {
  test(
    'aws-prod#64 → #65 shows exactly one added artifact: runner:16d9990',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(SEED_DIFF)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Diff aws-prod#64 → aws-prod#65',
        LOAD,
      )
      await expect(page.getByTestId('diff-summary')).toHaveText(
        /^1 added, 0 removed, 0 scaled, [\d,]+ unchanged$/,
      )
      const rows = page.getByRole('table').locator('tbody tr')
      await expect(rows).toHaveCount(1)
      const row = rows.first()
      await expect(row.getByText('Added', { exact: true })).toBeVisible()
      await expect(row.getByRole('link', { name: 'runner:16d9990' })).toBeVisible()
      await expect(
        row.getByRole('button', { name: `Copy full fingerprint ${RUNNER_FP}` }),
      ).toBeVisible()
      await expect(row.getByText(RUNNER_FP.slice(0, 7), { exact: true })).toBeVisible()
      await expect(row.getByText(/Mon, 22 Aug 2022 11:39:17 CEST/)).toBeVisible()
      await expect(row.getByText('Not in aws-prod#64')).toBeVisible()
      await expect(page.getByRole('table').getByText('Removed', { exact: true })).toHaveCount(0)

      // Unchanged rows are one click (and one URL parameter) away.
      await page.getByRole('button', { name: /^Show \d+ unchanged artifacts?$/ }).click()
      await expect(page).toHaveURL(/unchanged=show/)
      await expect(
        page.getByRole('table').getByText('Unchanged', { exact: true }).first(),
      ).toBeVisible()
    },
  )

  test('aws-beta vs aws-prod latest shows both sides', async ({ page }) => {
    await page.goto('/cyber-dojo/diff?from=aws-beta&to=aws-prod')
    const from = page.getByRole('link', { name: /^aws-beta#\d+$/ })
    const to = page.getByRole('link', { name: /^aws-prod#\d+$/ })
    await expect(from).toBeVisible(LOAD)
    await expect(to).toBeVisible()
    await expect(from).toHaveAttribute(
      'href',
      /\/cyber-dojo\/environments\/aws-beta\/snapshots\/\d+$/,
    )
    await expect(page.getByTestId('diff-summary')).toHaveText(
      /^[\d,]+ added, [\d,]+ removed, [\d,]+ scaled, [\d,]+ unchanged$/,
    )
    const headers = page.getByRole('columnheader')
    await expect(headers.filter({ hasText: /^From aws-beta#\d+$/ })).toHaveCount(1)
    await expect(headers.filter({ hasText: /^To aws-prod#\d+$/ })).toHaveCount(1)
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible()

    // The CSV export has the rows on screen: as many added and removed records as the summary.
    const summary = (await page.getByTestId('diff-summary').textContent()) ?? ''
    const [added = 0, removed = 0] = (summary.match(/\d+/g) ?? []).map(Number)
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const records = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n')
    expect(records[0]).toMatch(/^row,service,side,category,name,fingerprint,/)
    expect(records.filter((record) => record.includes(',added,'))).toHaveLength(added)
    expect(records.filter((record) => record.includes(',removed,'))).toHaveLength(removed)
  })

  test('previous / next pair buttons and [ ] keys move both sides', async ({ page }) => {
    await page.goto(SEED_DIFF)
    const next = page.getByRole('button', { name: 'Next pair' })
    const previous = page.getByRole('button', { name: 'Previous pair' })
    await expect(next).toHaveAttribute(
      'title',
      'Next pair: aws-prod#65 → aws-prod#66 (shortcut ])',
      LOAD,
    )
    await next.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Diff aws-prod#65 → aws-prod#66',
    )
    expect(pairOf(page)).toEqual(['aws-prod#65', 'aws-prod#66'])
    await previous.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Diff aws-prod#64 → aws-prod#65',
    )

    await page.keyboard.press(']')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Diff aws-prod#65 → aws-prod#66',
    )
    await page.keyboard.press('[')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Diff aws-prod#64 → aws-prod#65',
    )
    expect(pairOf(page)).toEqual(['aws-prod#64', 'aws-prod#65'])

    // Typing in a field is not a shortcut.
    await page.getByText('Change snapshots').click()
    const number = page.getByRole('group', { name: 'From' }).getByLabel('Snapshot number')
    await number.press(']')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Diff aws-prod#64 → aws-prod#65',
    )
  })

  test('the pickers choose a pair and swap reverses it', async ({ page }) => {
    const { to } = await openPickers(page)
    await pickSide(to, 'aws-prod', 'index')
    await to.getByLabel('Snapshot number').fill('65')
    await compare(page, ['aws-prod#64', 'aws-prod#65'])

    await page.getByRole('button', { name: 'Swap' }).click()
    await expect(page.getByTestId('diff-summary')).toHaveText(/^0 added, 1 removed/)
    expect(pairOf(page)).toEqual(['aws-prod#65', 'aws-prod#64'])
  })

  test('time pickers read the chosen time zone, like time travel', async ({ page }) => {
    const { to } = await openPickers(page)
    await pickSide(to, 'aws-prod', 'time')
    // The browser runs in Europe/Berlin (CEST in August): 11:39:30 there is 09:39:30 UTC.
    await to.getByLabel('Time (Europe/Berlin)').fill('2022-08-22T11:39:30')
    await compare(page, ['aws-prod#64', 'aws-prod@{2022-08-22T09:39:30}'])

    await page.getByRole('button', { name: /^Times:/ }).click()
    await page.getByText('Change snapshots').click()
    await expect(to.getByLabel('Time (UTC)')).toHaveValue('2022-08-22T09:39:30')
    await page.goto('/cyber-dojo/environments/aws-prod')
    await expect(page.getByLabel('Date and time (UTC)')).toBeVisible(LOAD)
  })

  test('a bad expression and an environment without snapshots render sensibly', async ({
    page,
  }) => {
    await page.goto('/cyber-dojo/diff?from=aws-prod%23zero&to=aws-prod')
    await expect(page.getByRole('alert')).toContainText(
      'Snapshot number must be a positive whole number',
      LOAD,
    )
    await expect(page.getByRole('form', { name: 'Choose snapshots to compare' })).toBeVisible()

    await page.goto('/cyber-dojo/diff?from=empty-env&to=aws-prod')
    await expect(page.getByText('empty-env has no snapshots yet')).toBeVisible(LOAD)
    await expect(page.getByRole('form', { name: 'Choose snapshots to compare' })).toBeVisible()
    await expectNoAxeViolations(page)
  })
})
