import { readFile } from 'node:fs/promises'
import { clearFaults, expect, setFaults, test } from './fixtures'

const PROD = '/cyber-dojo/environments/aws-prod'
const FIRST_LOAD = { timeout: 30_000 }
// Reading 5,000+ events is 54 requests; a busy machine may take a while.
const WHOLE_LOG = { timeout: 60_000 }

/** The header and data rows of a CSV Shiplog wrote (no quoted line breaks in these columns). */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
}

test.describe('the change log, filtered over the whole history', () => {
  test(
    'type and flow filters read all 5,000+ events, page the matches and export them all',
    { tag: '@demo' },
    async ({ page }) => {
      test.slow()
      await page.goto(`${PROD}/events?type=exited&flow=runner-ci`)
      const status = page.getByRole('status').filter({ hasText: /match the filters/ })
      await expect(status).toHaveText(/^(\d+) of ([\d,]+) events match the filters\.$/, WHOLE_LOG)
      const [, matches = '0', total = '0'] =
        /^(\d+) of ([\d,]+) events/.exec(await status.innerText()) ?? []
      // The whole log, not its first page of 50 (which held one such exit).
      expect(Number(total.replaceAll(',', ''))).toBeGreaterThan(5000)
      expect(Number(matches)).toBeGreaterThan(1)
      const table = page.getByRole('table', { name: /events matching the filters/ })
      const rows = table.locator('tbody tr')
      await expect(rows).toHaveCount(Math.min(Number(matches), 50))
      for (const text of await rows.allInnerTexts()) {
        expect(text).toContain('exited')
        expect(text).toContain('runner-ci')
      }

      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export CSV' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('cyber-dojo-aws-prod-log-exited-runner-ci.csv')
      const [header = [], ...data] = csvRows(await readFile(await download.path(), 'utf8'))
      expect(data).toHaveLength(Number(matches))
      expect(new Set(data.map((row) => row[header.indexOf('type')]))).toEqual(new Set(['exited']))
      expect(new Set(data.map((row) => row[header.indexOf('flow')]))).toEqual(
        new Set(['runner-ci']),
      )
    },
  )

  test('"when did runner:16d9990 reach prod" is one link: aws-prod#65', async ({ page }) => {
    await page.goto(`${PROD}/events?artifact=runner%3A16d9990&type=started&order=oldest`)
    await expect(page.getByRole('status').filter({ hasText: /match the filters/ })).toHaveText(
      /^1 of [\d,]+ events match the filters\.$/,
      WHOLE_LOG,
    )
    const row = page.getByRole('table', { name: /events matching the filters/ }).locator('tbody tr')
    await expect(row.getByRole('rowheader')).toHaveText('#65')
    await expect(row.getByRole('link', { name: 'runner:16d9990' })).toBeVisible()
    await expect(page.getByRole('searchbox', { name: 'Artifact' })).toHaveValue('runner:16d9990')
  })

  test('a date range is in the URL, the page and the export', async ({ page }) => {
    await page.goto(`${PROD}/events?from=2022-08-22&to=2022-08-22`)
    await expect(
      page.getByRole('status').filter({ hasText: /from 2022-08-22 to 2022-08-22/ }),
    ).toHaveText(
      /^\d+ events? from 2022-08-22 to 2022-08-22 \(UTC\); \d+ on this page\.$/,
      FIRST_LOAD,
    )
    const table = page.getByRole('table', { name: /Change log of aws-prod/ })
    await expect(table.getByRole('rowheader', { name: '#65' })).toBeVisible()
    await expect(page.getByLabel('From (UTC)')).toHaveValue('2022-08-22')

    // Everything deployed that day, read whole, then exported.
    await page.getByLabel('Event type').selectOption('started')
    await expect(page).toHaveURL(/type=started&from=2022-08-22&to=2022-08-22/)
    await expect(page.getByRole('status').filter({ hasText: /match the filters/ })).toBeVisible(
      WHOLE_LOG,
    )
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON' }).click()
    const download = await downloading
    const events = JSON.parse(await readFile(await download.path(), 'utf8')) as Array<{
      type: string
      reported_at: string
    }>
    expect(events.length).toBeGreaterThan(0)
    for (const event of events) {
      expect(event.type).toMatch(/^started/)
      expect(event.reported_at.slice(0, 10)).toBe('2022-08-22')
    }
  })

  // Live only: the mock API answers slowly at first, so there is time to stop.
  test('reading the whole log can be stopped and continued', async ({ page, mockApi }) => {
    await setFaults(mockApi, [
      {
        path: '/api/v2/environments/cyber-dojo/aws-prod/events',
        fault: 'slow',
        delayMs: 2000,
        times: 6,
      },
    ])
    await page.goto(`${PROD}/events?type=became-non-compliant`)
    const progress = page.getByTestId('history-progress')
    await progress.getByRole('button', { name: 'Stop' }).click(FIRST_LOAD)
    await clearFaults(mockApi)
    await expect(progress).toHaveText(/Stopped after [\d,]+/)
    await progress.getByRole('button', { name: 'Continue reading' }).click()
    await expect(page.getByRole('status').filter({ hasText: /match the filters/ })).toBeVisible(
      WHOLE_LOG,
    )
    await expect(progress).toHaveCount(0)
  })
})
