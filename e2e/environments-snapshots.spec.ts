import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

const PROD = '/cyber-dojo/environments/aws-prod'

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

function artifactRow(page: Page, name: string): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(name.replace('.', '\\.')) }) })
}

const FIRST_LOAD = { timeout: 30_000 }

test.describe('environments and snapshots', () => {
  test('list → aws-prod → snapshots → #65 shows the seed’s artifacts and the blue-green overlap', async ({
    page,
  }) => {
    await page.goto('/cyber-dojo/environments')
    await expect(page.getByRole('heading', { name: 'Environments', level: 1 })).toBeVisible(
      FIRST_LOAD,
    )
    await page.getByRole('link', { name: 'aws-prod', exact: true }).first().click()
    await expect(page).toHaveURL(new RegExp(`${PROD}$`))
    await expect(page.getByRole('heading', { name: /Latest snapshot/ })).toBeVisible()

    await page.getByRole('link', { name: 'Snapshots', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${PROD}/snapshots$`))
    // #65 is far back in aws-prod's history: open it by address, as a shared link would.
    await page.goto(`${PROD}/snapshots/65`)
    await expect(page.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible()

    const replicas = {
      'runner:16d9990': '3',
      'shas:7c45272': '1',
      'runner:85d83c6': '1',
      'differ:1a2b170': '1',
    }
    for (const [name, count] of Object.entries(replicas)) {
      await expect(artifactRow(page, name).locator('td[data-label="replicas"]')).toHaveText(count)
    }
    const group = page.getByRole('cell', {
      name: /Blue-green: 2 versions of runner running at once/,
    })
    await expect(group).toBeVisible()
    await expect(group).toContainText('runner:16d9990 (3)')
    await expect(group).toContainText('runner:85d83c6 (1)')

    await expect(page.getByRole('link', { name: /Diff with previous/ })).toHaveAttribute(
      'href',
      '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    )
    await page.getByRole('link', { name: /Previous: #64/ }).click()
    await expect(page).toHaveURL(new RegExp(`${PROD}/snapshots/64$`))
    await expect(page.getByRole('heading', { name: 'aws-prod#64', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: /Next: #65/ }).click()
    await page.getByRole('link', { name: /Next: #66/ }).click()
    await expect(page).toHaveURL(new RegExp(`${PROD}/snapshots/66$`))
    await expect(page.getByRole('heading', { name: 'aws-prod#66', level: 1 })).toBeVisible()
  })

  test('filters live in the URL and details open on demand', async ({ page }) => {
    await page.goto(`${PROD}/snapshots/65?q=runner`)
    await expect(artifactRow(page, 'runner:16d9990')).toBeVisible(FIRST_LOAD)
    await expect(artifactRow(page, 'shas:7c45272')).toHaveCount(0)
    await page.getByLabel('Name, fingerprint or commit').fill('shas')
    await expect(page).toHaveURL(/q=shas/)
    await expect(artifactRow(page, 'shas:7c45272')).toBeVisible()
    await page.getByLabel('Name, fingerprint or commit').fill('runner')
    await page.getByRole('button', { name: 'Details for runner:16d9990' }).click()
    await expect(page.getByRole('heading', { name: 'Instance starts (3)' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Deployment diff' })).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('the CSV export holds exactly the rows on screen, filtered', async ({ page }) => {
    await page.goto(`${PROD}/snapshots/65`)
    await expect(artifactRow(page, 'runner:16d9990')).toBeVisible()
    await page.getByLabel('Name, fingerprint or commit').fill('runner')
    await expect(page).toHaveURL(/q=runner/)
    await expect(artifactRow(page, 'shas:7c45272')).toHaveCount(0)
    const onScreen = (await page.getByRole('table').getByRole('rowheader').allInnerTexts())
      .map((text) => /runner:[0-9a-f]{7}/.exec(text)?.[0])
      .filter(Boolean)
      .sort()
    expect(onScreen).toEqual(['runner:16d9990', 'runner:85d83c6'])

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/aws-prod.*65.*\.csv$/)
    const text = await readFile(await download.path(), 'utf8')
    const [columns = [], ...rows] = parseCsv(text)
    expect(columns.slice(0, 5)).toEqual(['commit', 'name', 'fingerprint', 'flow', 'compliance'])
    const nameAt = columns.indexOf('name')
    expect(rows.map((row) => /runner:[0-9a-f]{7}/.exec(row[nameAt] ?? '')?.[0]).sort()).toEqual(
      onScreen,
    )
    // The seed's runner 16d9990 runs 3 replicas, its predecessor 1: the blue-green overlap.
    const replicasAt = columns.indexOf('replicas')
    const replicas = Object.fromEntries(
      rows.map((row) => [/runner:[0-9a-f]{7}/.exec(row[nameAt] ?? '')?.[0], row[replicasAt]]),
    )
    expect(replicas).toEqual({ 'runner:16d9990': '3', 'runner:85d83c6': '1' })
  })

  test('time travel to 22 Aug 2022 11:40 Berlin time lands on aws-prod#65', async ({ page }) => {
    await page.goto(PROD)
    await expect(page.getByRole('heading', { name: /Latest snapshot/ })).toBeVisible(FIRST_LOAD)
    await page.getByLabel(/Date and time/).fill('2022-08-22T11:40')
    await page.getByRole('button', { name: 'Open at this time' }).click()
    await expect(page).toHaveURL(new RegExp(`${PROD}/snapshots/65$`))
    await expect(page.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible()
    // Back returns to the environment, not to an in-between address.
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`${PROD}$`))

    await page.getByLabel(/expression after/).fill('#64')
    await page.getByRole('button', { name: 'Open expression' }).click()
    await expect(page).toHaveURL(new RegExp(`${PROD}/snapshots/64$`))
  })

  test('the log pages through events with filters and order in the URL', async ({ page }) => {
    await page.goto(`${PROD}/events`)
    await expect(page.getByRole('heading', { name: /Latest snapshot/ })).toBeVisible(FIRST_LOAD)
    await expect(
      page
        .getByRole('navigation', { name: 'aws-prod views' })
        .getByRole('link', { name: 'Log', exact: true }),
    ).toHaveAttribute('aria-current', 'page')
    const table = page.getByRole('table', { name: /Change log of aws-prod/ })
    await expect(table).toBeVisible()
    await page.getByRole('button', { name: 'Oldest first' }).click()
    await expect(page).toHaveURL(/order=oldest/)
    await expect(page.getByRole('button', { name: 'Oldest first' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(table.getByRole('rowheader').first()).toHaveText('#1')
    await page
      .getByRole('navigation', { name: 'Log pages' })
      .getByRole('link', { name: /Newer/ })
      .click()
    await expect(page).toHaveURL(/page=2/)
  })

  test('the large environment’s latest snapshot renders and scrolls', async ({ page }) => {
    await page.goto('/cyber-dojo/environments/k8s-scale')
    const latest = page.getByRole('heading', { name: /Latest snapshot/ })
    const retry = page.getByRole('button', { name: 'Try again' })
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(latest.or(retry).first()).toBeVisible(FIRST_LOAD)
      if (await latest.isVisible()) break
      await retry.first().click()
    }
    await expect(latest).toBeVisible(FIRST_LOAD)
    await page.getByRole('link', { name: /^Open snapshot #\d+$/ }).click()
    await expect(page.getByRole('heading', { name: /^k8s-scale#\d+$/, level: 1 })).toBeVisible(
      FIRST_LOAD,
    )
    const region = page.getByRole('region', { name: /scrollable/ })
    const table = region.getByRole('table')
    const rowCount = Number(await table.getAttribute('aria-rowcount'))
    expect(rowCount).toBeGreaterThan(5000)
    const lastRow = table.locator(`tr[aria-rowindex="${rowCount}"]`)
    await expect(lastRow).toHaveCount(0)
    await region.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(lastRow).toBeVisible()
    // Only a window of rows is in the page, not all of them.
    expect(await table.locator('tbody').count()).toBeLessThan(200)

    // A fling (two screens a frame) draws plain rows on the way, and full rows once it stops.
    await region.evaluate((element) => element.scrollTo({ top: 0 }))
    const plainRowsSeen = await region.evaluate(async (element) => {
      let plain = 0
      const observer = new MutationObserver(() => {
        for (const body of element.querySelectorAll('tbody[data-kind="row"]')) {
          if (!body.querySelector('button')) plain += 1
        }
      })
      observer.observe(element, { childList: true, subtree: true })
      for (let frame = 0; frame < 10; frame++) {
        element.scrollTop += element.clientHeight * 2
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      observer.disconnect()
      return plain
    })
    expect(plainRowsSeen).toBeGreaterThan(0)
    const plainRowsNow = () =>
      region.evaluate(
        (element) =>
          [...element.querySelectorAll('tbody[data-kind="row"]')].filter(
            (body) => !body.querySelector('button'),
          ).length,
      )
    await expect.poll(plainRowsNow).toBe(0)
    await expect(region.getByRole('button', { name: /^Details for / }).first()).toBeVisible()
  })

  test('missing things get clear messages', async ({ page }) => {
    await page.goto(`${PROD}/snapshots/999999`)
    await expect(
      page.getByRole('heading', { name: 'Snapshot aws-prod#999999 does not exist' }),
    ).toBeVisible(FIRST_LOAD)
    await page.goto('/cyber-dojo/environments/no-such-env/snapshots/1')
    await expect(
      page.getByRole('heading', { name: 'Environment “no-such-env” not found' }),
    ).toBeVisible()
    await page.goto('/cyber-dojo/environments/empty-env/snapshots/1')
    await expect(
      page.getByRole('heading', { name: 'empty-env has no snapshots yet' }),
    ).toBeVisible()
    await page.goto('/cyber-dojo/environments/empty-env')
    await expect(page.getByRole('heading', { name: 'No snapshots yet' }).first()).toBeVisible()
  })
})
