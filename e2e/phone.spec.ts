import type { Page } from '@playwright/test'
import { chooseTheme, expect, reviewShot, test } from './fixtures'
import { ENVIRONMENT_PAGE, heading, LOG_PAGE, SEED_FP, TRAIL, type PageCase } from './page-cases'

/**
 * Every page of the seed story at phone size (390×844): nothing scrolls sideways, the key values
 * are on screen, tables are stacked cards with each cell's column name, and the header keeps to
 * two lines. Screenshots of both themes for review with SHOTS_DIR.
 */

const pages: PageCase[] = [
  {
    name: 'overview',
    url: '/cyber-dojo/overview?at=2022-08-22T10%3A00%3A00Z',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: /Flows by environment/ })).toHaveAttribute(
        'data-settled',
        'true',
        { timeout: 30_000 },
      )
      await expect(page.getByRole('link', { name: 'runner', exact: true }).first()).toBeVisible()
    },
  },
  {
    name: 'flows',
    url: '/cyber-dojo/flows',
    ready: async (page) => {
      await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible()
      await expect(page.getByText('Test runner').first()).toBeVisible()
    },
  },
  {
    name: 'flow',
    url: '/cyber-dojo/flows/runner',
    ready: async (page) => {
      const table = page.getByRole('table', { name: /Artifacts of flow runner/ })
      await expect(table.getByRole('rowheader').first()).toBeVisible()
      await expect(
        table.getByRole('button', { name: /Copy full fingerprint/ }).first(),
      ).toBeVisible()
    },
  },
  {
    name: 'artifact',
    url: `/cyber-dojo/flows/runner/artifacts/${SEED_FP}`,
    ready: async (page) => {
      await expect(
        page.getByRole('region', { name: 'Lifecycle' }).getByRole('listitem'),
      ).toHaveCount(10)
      await expect(page.getByText('16d9990').first()).toBeVisible()
    },
  },
  {
    name: 'trail',
    url: `/cyber-dojo/flows/runner-ci/trails/${TRAIL}`,
    ready: async (page) => {
      await heading(/a2ffba5/)(page)
      await expect(page.getByRole('heading', { name: 'Artifacts produced' })).toBeVisible()
    },
  },
  {
    name: 'environments',
    url: '/cyber-dojo/environments',
    ready: async (page) =>
      expect(page.getByRole('link', { name: 'aws-prod', exact: true }).first()).toBeVisible(),
  },
  ENVIRONMENT_PAGE,
  {
    name: 'snapshots',
    url: '/cyber-dojo/environments/aws-prod/snapshots',
    ready: async (page) => {
      await expect(page.getByRole('link', { name: /^#\d+$/ }).first()).toBeVisible()
      await expect(page.getByRole('link', { name: /Diff with previous/ }).first()).toBeVisible()
    },
  },
  LOG_PAGE,
  {
    name: 'snapshot',
    url: '/cyber-dojo/environments/aws-prod/snapshots/65',
    ready: async (page) => {
      await heading('aws-prod#65')(page)
      const runner = page.getByRole('link', { name: 'runner:16d9990', exact: true }).first()
      await runner.scrollIntoViewIfNeeded()
      await expect(runner).toBeInViewport()
    },
  },
  {
    name: 'diff',
    url: '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    ready: async (page) => {
      await expect(page.getByTestId('diff-summary')).toBeVisible()
      const added = page.locator('tr[data-kind="added"]')
      await expect(added.getByRole('link', { name: 'runner:16d9990' })).toBeVisible()
      await expect(added.getByText('Added')).toBeVisible()
    },
  },
  {
    name: 'search',
    url: '/cyber-dojo/search?q=aws',
    ready: async (page) =>
      expect(
        page
          .getByRole('table', { name: /matching 'aws'/ })
          .getByRole('link', { name: 'aws-prod', exact: true }),
      ).toBeVisible(),
  },
  {
    name: 'audit',
    url: `/cyber-dojo/audit?artifact=runner%40${SEED_FP}`,
    ready: async (page) => {
      await heading('Audit report')(page)
      await expect(page.getByText(SEED_FP).first()).toBeVisible()
    },
  },
]

/** Every stacked row's cells that show their column's name (CSS `content` from --col-N). */
async function labelledCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.shiplog-table > tbody > tr > td:not([colspan])')]
      .map((cell) => getComputedStyle(cell, '::before').content)
      .filter((content) => content !== 'none' && content !== 'normal'),
  )
}

/** Stacked cells whose content is wider than the cell: text the card's edge cuts off. */
async function clippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.shiplog-table > tbody > tr > td')]
      .filter((cell) => cell.offsetWidth > 0 && cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => (cell.textContent ?? '').slice(0, 60)),
  )
}

test.describe('phone layout', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  for (const route of pages) {
    test(`${route.name} fits a 390 px phone without sideways scrolling`, async ({ page }) => {
      await page.goto(route.url)
      await route.ready(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      )
      const header = await page.locator('body > div header, header').first().boundingBox()
      expect(header?.height ?? 0).toBeLessThanOrEqual(100)
      if ((await page.locator('.shiplog-table').count()) > 0) {
        expect(await labelledCells(page)).not.toEqual([])
        // No value runs out of its card (a cell that kept one line would be cut off).
        expect(await clippedCells(page)).toEqual([])
      }
      await reviewShot(page, `phone-${route.name}-light`)
      if (process.env.SHOTS_DIR) {
        await page.getByRole('button', { name: 'Settings' }).click()
        await chooseTheme(page, 'Dark theme')
        await page.getByRole('button', { name: 'Settings' }).click()
        await reviewShot(page, `phone-${route.name}-dark`)
      }
    })
  }

  test('a stacked row names each value by its column', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'runner' }) })
    await expect(row.first()).toBeVisible()
    const labels = await row
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content))
    expect(labels).toEqual([
      '"Description"',
      '"Visibility"',
      '"Tags"',
      '"Latest state"',
      '"Latest activity"',
    ])
  })

  test('the settings sit behind one button, and still work', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('button', { name: /^Times:/ })).toBeHidden()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Times: local' }).click()
    await expect(page.getByRole('button', { name: 'Times: UTC' })).toBeVisible()
  })
})

test.describe('between phone and laptop', () => {
  test.use({ viewport: { width: 800, height: 900 } })

  for (const route of pages.filter((each) =>
    ['environment', 'snapshots', 'snapshot'].includes(each.name),
  )) {
    test(`${route.name} fits 800 px: no sideways page, no clipped value`, async ({ page }) => {
      await page.goto(route.url)
      await route.ready(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        800,
      )
      expect(await clippedCells(page)).toEqual([])
      await reviewShot(page, `tablet-${route.name}`)
    })
  }

  test("a snapshot's eight columns become cards, each value named", async ({ page }) => {
    await page.goto('/cyber-dojo/environments/aws-prod/snapshots/65')
    const table = page.getByRole('table', { name: /aws-prod#65/ })
    await expect(table.getByRole('rowheader').first()).toBeVisible()
    expect(await labelledCells(page)).not.toEqual([])
  })
})

test.describe('laptop header', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('keeps to one line with the search and every setting in it', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('combobox', { name: /Search flows, environments/ })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Times:/ })).toBeVisible()
    const header = await page.locator('header').first().boundingBox()
    expect(header?.height ?? 0).toBeLessThanOrEqual(60)
  })
})

test.describe('row density', () => {
  test('compact rows are shorter, and the choice is remembered', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('/cyber-dojo/environments/aws-prod/snapshots/65')
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'runner:16d9990' }) })
    await expect(row.first()).toBeVisible()
    const comfortable = (await row.first().boundingBox())?.height ?? 0
    await page.getByRole('button', { name: 'Compact rows' }).click()
    await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect
      .poll(async () => (await row.first().boundingBox())?.height ?? 0)
      .toBeLessThan(comfortable - 4)
    await page.reload()
    await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(page.locator('html')).toHaveAttribute('data-density', 'compact')
  })

  test('a flow with many tags shows two and folds the rest into "+N"', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('/cyber-dojo/flows')
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'creator-ci', exact: true }) })
    const tags = row.getByRole('list', { name: 'Tags' })
    await expect(tags.getByRole('button', { name: '+2 more tags' })).toBeVisible()
    // Two tags and the button.
    await expect(tags.getByRole('listitem')).toHaveCount(3)
    await tags.getByRole('button', { name: '+2 more tags' }).click()
    await expect(tags.getByRole('button')).toHaveCount(0)
    await expect(tags.getByRole('listitem')).toHaveCount(4)
  })
})
