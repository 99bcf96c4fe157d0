import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import {
  chooseTheme,
  clearFaults,
  expect,
  expectNoAxeViolations,
  reviewShot,
  setFaults,
  test,
} from './fixtures'

/** The moment aws-prod#65 was current: runner:16d9990 had just started beside runner:85d83c6. */
const AT = '2022-08-22T10:00:00Z'
const TWO = 'envs=aws-beta,aws-prod'
const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const LOAD = { timeout: 30_000 }

function matrix(page: Page): Locator {
  return page.getByRole('region', { name: /Flows by environment/ })
}

function row(page: Page, flow: string): Locator {
  return matrix(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${flow}\\s*(,|$)`) }) })
}

/** A cell of a row, by the column's position among the environments (0 = first). */
function cell(page: Page, flow: string, column: number): Locator {
  return row(page, flow).getByRole('cell').nth(column)
}

interface WireArtifact {
  name: string
  fingerprint: string
  flow_name?: string | null
  git_commit?: string | null
  annotation?: { now?: number } | null
}

/** A snapshot as the API (mock or demo worker) serves it, read from inside the page. */
async function snapshotFromApi(page: Page, env: string, index: number) {
  return page.evaluate(
    async ([name, number]) => {
      const response = await fetch(`/api/v2/snapshots/cyber-dojo/${name}/${number}`)
      return (await response.json()) as { artifacts: WireArtifact[] }
    },
    [env, index] as const,
  )
}

test.describe('overview', () => {
  test(
    '/ opens the overview; the flows list is one click away',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto('/')
      await expect(page).toHaveURL(/\/cyber-dojo\/overview$/)
      await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Flows' })
        .click()
      await expect(page).toHaveURL(/\/cyber-dojo\/flows$/)
    },
  )

  test(
    '?at= shows the aws-prod#65 blue-green pair, with the values the snapshots hold',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(`/cyber-dojo/overview?${TWO}&at=${AT}`)
      await expect(matrix(page).getByRole('link', { name: 'aws-prod#65' })).toBeVisible(LOAD)
      await expect(matrix(page).getByRole('link', { name: 'aws-beta#85' })).toBeVisible(LOAD)
      await expect(matrix(page)).toHaveAttribute('data-settled', 'true')

      const prod = cell(page, 'runner', 1)
      const versions = prod.getByRole('listitem')
      await expect(versions).toHaveCount(2)
      await expect(versions.nth(0)).toContainText('16d9990')
      await expect(versions.nth(0)).toContainText('replicas: 3')
      await expect(versions.nth(1)).toContainText('85d83c6')
      await expect(versions.nth(1)).toContainText('replicas: 1')
      // The artifact name shows on focus.
      await versions.nth(0).getByRole('link', { name: '16d9990' }).focus()
      await expect(prod.getByRole('tooltip').first()).toBeVisible()
      await expect(prod.getByRole('tooltip').first()).toHaveText(/runner:16d9990$/)
      await expect(versions.nth(0).getByRole('link', { name: '16d9990' })).toHaveAttribute(
        'href',
        `/cyber-dojo/flows/runner/artifacts/${SEED_FP}`,
      )

      // Every flow's aws-prod cell lists exactly the commits aws-prod#65 runs for it.
      const snapshot = await snapshotFromApi(page, 'aws-prod', 65)
      const running = snapshot.artifacts.filter((a) => a.annotation?.now !== 0 && a.flow_name)
      const flows = [...new Set(running.map((a) => a.flow_name ?? ''))]
      expect(flows.length).toBeGreaterThan(5)
      for (const flow of flows) {
        const commits = running
          .filter((a) => a.flow_name === flow)
          .map((a) => (a.git_commit ?? a.fingerprint).slice(0, 7))
          .sort()
        const shown = await cell(page, flow, 1)
          .getByRole('listitem')
          .locator('a.font-mono')
          .allTextContents()
        expect(shown.sort(), flow).toEqual(commits)
      }
      await reviewShot(page, 'overview-at-65')
    },
  )

  test(
    'a drifting cell links to the flow’s cross-environment diff, filtered to that flow',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(`/cyber-dojo/overview?${TWO}&at=${AT}&drift=1`)
      await expect(row(page, 'runner')).toBeVisible(LOAD)
      // Only differing rows: every row says so, in text.
      const headers = matrix(page).getByRole('rowheader')
      await expect(headers).toHaveCount(1)
      await expect(headers.first()).toContainText('versions differ')
      await expect(cell(page, 'runner', 1).getByText('differs')).toBeVisible()
      await cell(page, 'runner', 1).getByRole('link', { name: 'diff vs aws-beta' }).click()
      await expect(page).toHaveURL(/\/cyber-dojo\/diff\?/)
      const url = new URL(page.url())
      expect(url.searchParams.get('from')).toBe('aws-beta@{2022-08-22T10:00:00}')
      expect(url.searchParams.get('to')).toBe('aws-prod@{2022-08-22T10:00:00}')
      expect(url.searchParams.get('flow')).toBe('runner')
      await expect(page.getByText('Flow: runner')).toBeVisible(LOAD)
      // aws-beta#85 runs 16d9990 only; aws-prod#65 runs it and 85d83c6 beside it.
      await expect(page.getByTestId('diff-summary')).toHaveText(
        /^1 added, 0 removed, 0 scaled, 1 unchanged$/,
      )
      await page.getByRole('button', { name: 'Show all flows' }).click()
      await expect(page).not.toHaveURL(/flow=/)
    },
  )

  test('filters, columns and the moment survive a reload; columns are remembered', async ({
    page,
  }) => {
    await page.goto(`/cyber-dojo/overview?${TWO}&at=${AT}`)
    await expect(row(page, 'runner')).toBeVisible(LOAD)
    await page.getByRole('searchbox', { name: /Filter by flow/ }).fill('run')
    await expect(page).toHaveURL(/q=run/)
    await expect(matrix(page).getByRole('rowheader')).toHaveCount(1)
    await page.getByText(/^Columns: 2 of/).click()
    await page.getByRole('button', { name: 'Move aws-prod left' }).click()
    await expect(page).toHaveURL(/envs=aws-prod%2Caws-beta/)
    await page.reload()
    await expect(page.getByRole('searchbox', { name: /Filter by flow/ })).toHaveValue('run')
    await expect(matrix(page).getByRole('columnheader').nth(1)).toContainText('aws-prod', LOAD)
    await expect(matrix(page).getByRole('rowheader')).toHaveCount(1)
    // Without ?envs= the remembered choice applies.
    await page.goto(`/cyber-dojo/overview?at=${AT}`)
    await expect(matrix(page).getByRole('columnheader')).toHaveCount(3, LOAD)
    await expect(matrix(page).getByRole('columnheader').nth(1)).toContainText('aws-prod')
  })

  test('one failing environment shows its error and a retry; the rest of the page works', async ({
    page,
    mockApi,
  }) => {
    await setFaults(mockApi, [{ path: '^/api/v2/snapshots/cyber-dojo/aws-beta/', fault: '500' }])
    try {
      await page.goto(`/cyber-dojo/overview?${TWO}`)
      const retry = page.getByRole('button', { name: 'Retry aws-beta' })
      await expect(retry).toBeVisible(LOAD)
      await expect(
        matrix(page).getByText(/aws-beta: The Kosli API failed \(HTTP 500\)/),
      ).toBeVisible()
      await expect(matrix(page).getByRole('link', { name: /^aws-prod#\d+$/ })).toBeVisible()
      await expect(cell(page, 'runner-ci', 0)).toHaveText('unavailable')
      await expect(cell(page, 'runner-ci', 1).getByRole('listitem')).toHaveCount(1)
      await clearFaults(mockApi)
      await retry.click()
      await expect(matrix(page).getByRole('link', { name: /^aws-beta#\d+$/ })).toBeVisible(LOAD)
      await expect(cell(page, 'runner-ci', 0).getByRole('listitem')).toHaveCount(1)
    } finally {
      await clearFaults(mockApi)
    }
  })

  test('exports the rows shown as CSV', async ({ page }) => {
    await page.goto(`/cyber-dojo/overview?${TWO}&at=${AT}&q=runner`)
    await expect(matrix(page).getByRole('rowheader')).toHaveCount(1, LOAD)
    await expect(matrix(page)).toHaveAttribute('data-settled', 'true')
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('overview-cyber-dojo-at-2022-08-22T100000.csv')
    const records = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n')
    expect(records[0]).toBe(
      'group,name,environment,state,snapshot,artifact,fingerprint,commit,replicas,compliant,reasons,running_since,differs',
    )
    expect(records.slice(1).map((line) => line.split(',').slice(1, 5).join(' '))).toEqual([
      'runner aws-beta running aws-beta#85',
      'runner aws-prod running aws-prod#65',
      'runner aws-prod running aws-prod#65',
    ])
  })

  test('a snapshot the mock adds while the overview is open shows in the activity and the matrix', async ({
    page,
    mockApi,
  }) => {
    if (!mockApi) throw new Error('advancing the world needs the live project')
    try {
      await page.clock.install()
      await page.goto(`/cyber-dojo/overview?${TWO}`)
      await expect(matrix(page).getByRole('link', { name: 'aws-prod#5253' })).toBeVisible(LOAD)
      const activity = page.getByRole('region', { name: 'Activity' })
      await expect(activity.getByText(/No changes in these environments/)).toBeVisible(LOAD)
      const filter = page.getByRole('searchbox', { name: /Filter by flow/ })
      await filter.fill('dashboard')
      await expect(matrix(page).getByRole('rowheader')).toHaveCount(1)
      await expect(page).toHaveURL(/q=dashboard/)
      const url = page.url()

      const response = await fetch(`${mockApi}/__mock/advance`, { method: 'POST' })
      expect(((await response.json()) as { index: number }).index).toBe(5254)
      // The live poll, 15 s later.
      await page.clock.runFor(16_000)

      await expect(matrix(page).getByRole('link', { name: 'aws-prod#5254' })).toBeVisible(LOAD)
      // The change's own row, not its day's.
      const started = activity
        .getByRole('listitem')
        .filter({ hasText: 'aws-prod#5254', hasNot: page.getByRole('heading') })
      await expect(started).toContainText(/started.*dashboard/)
      await expect(started).toContainText('new')
      await expect(activity.getByRole('status')).toHaveText(
        '1 new change at the top of the activity.',
      )
      await expect(cell(page, 'dashboard-ci', 1)).toContainText('new')
      await expect(cell(page, 'dashboard-ci', 0)).not.toContainText('new')
      await expect(page.getByText(/^1 cell changed/)).toBeVisible()
      // The reader's place is kept: same address, same filter.
      expect(page.url()).toBe(url)
      await expect(filter).toHaveValue('dashboard')

      for (const theme of ['Light theme', 'Dark theme'] as const) {
        await chooseTheme(page, theme)
        await expectNoAxeViolations(page)
        await reviewShot(page, `overview-live-${theme === 'Light theme' ? 'light' : 'dark'}`)
      }
    } finally {
      await fetch(`${mockApi}/__mock/advance`, { method: 'DELETE' })
    }
  })
})
