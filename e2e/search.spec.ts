import type { Locator, Page } from '@playwright/test'
import { chooseTheme, expect, expectNoAxeViolations, reviewShot, test } from './fixtures'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const ARTIFACT = `/cyber-dojo/flows/runner/artifacts/${FP}`

// The demo world is generated in the browser on first load, which is slow on a busy machine.
const FIRST_LOAD = { timeout: 30_000 }
// Navigation waits for the next page's loader, which can be slow on a busy machine too.
const NAVIGATION = { timeout: 30_000 }

/** The shortcuts load just after the first page, so the first Ctrl+K may come too early. */
async function pressUntilOpen(page: Page, dialog: Locator) {
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press('Control+k')
    await expect(dialog).toBeVisible({ timeout: 2_000 })
  }).toPass(NAVIGATION)
}

function headerSearch(page: Page) {
  return page.getByRole('combobox', { name: /Search flows, environments/ })
}

async function searchFromHeader(page: Page, text: string) {
  await page.goto('/cyber-dojo/flows')
  await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible(FIRST_LOAD)
  const box = headerSearch(page)
  await box.fill(text)
  return box
}

test.describe('search from the header', () => {
  test(
    'runner:16d9990 opens the seed artifact, and Back returns to the flows',
    { tag: '@demo' },
    async ({ page }) => {
      const box = await searchFromHeader(page, 'runner:16d9990')
      await expect(
        page.getByRole('option', {
          name: 'Open the artifact of flow runner built from commit 16d9990',
        }),
      ).toBeVisible()
      await box.press('Enter')
      await expect(page).toHaveURL(ARTIFACT, NAVIGATION)
      await page.goBack()
      await expect(page).toHaveURL(/\/cyber-dojo\/flows$/, NAVIGATION)
    },
  )

  test('a fingerprint prefix opens the artifact', async ({ page }) => {
    const box = await searchFromHeader(page, '9af401c4')
    await expect(
      page.getByRole('option', { name: /cyberdojo\/runner:16d9990, runner/ }),
    ).toBeVisible()
    await box.press('Enter')
    await expect(page).toHaveURL(ARTIFACT, NAVIGATION)
  })

  test('aws-prod#65 opens the snapshot', async ({ page }) => {
    const box = await searchFromHeader(page, 'aws-prod#65')
    await expect(page.getByRole('option', { name: 'Open snapshot aws-prod#65' })).toBeVisible()
    await box.press('Enter')
    await expect(page).toHaveURL('/cyber-dojo/environments/aws-prod/snapshots/65', NAVIGATION)
  })

  test('two snapshots open their diff', async ({ page }) => {
    const box = await searchFromHeader(page, 'aws-prod#64 aws-prod#65')
    await box.press('Enter')
    await expect(page).toHaveURL('/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365', NAVIGATION)
  })

  test('/ focuses the search box', async ({ page }) => {
    await page.goto('/cyber-dojo/environments')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible(FIRST_LOAD)
    await expect(async () => {
      await page.locator('body').press('/')
      await expect(headerSearch(page)).toBeFocused({ timeout: 2_000 })
    }).toPass(NAVIGATION)
  })
})

test.describe('the search page', () => {
  test('a shared search link replaces itself with the page it names', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible(FIRST_LOAD)
    await page.goto('/cyber-dojo/search?q=runner%3A16d9990')
    await expect(page).toHaveURL(ARTIFACT, NAVIGATION)
    await page.goBack()
    await expect(page).toHaveURL(/\/cyber-dojo\/flows$/, NAVIGATION)
  })

  test('nonsense explains the accepted forms, and is accessible in both themes', async ({
    page,
  }) => {
    const box = await searchFromHeader(page, '!!nonsense!!')
    await expect(
      page.getByRole('option', { name: /is not a flow or environment name/ }),
    ).toBeVisible()
    await box.press('Enter')
    await expect(page).toHaveURL(/\/cyber-dojo\/search\?q=/, NAVIGATION)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Not understood:')
    await expect(alert).toContainText('runner:16d9990')
    await expect(page.getByLabel(/Flow or environment name, expression/)).toHaveValue(
      '!!nonsense!!',
    )
    await expectNoAxeViolations(page)
  })

  test('a prefix that matches nothing says so; several matches are listed', async ({ page }) => {
    await page.goto('/cyber-dojo/search?q=abc12')
    await expect(page.getByRole('alert')).toContainText(
      "No artifact or commit starts with 'abc12'",
      FIRST_LOAD,
    )
    await page.goto('/cyber-dojo/search?q=aws')
    await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible(FIRST_LOAD)
    const table = page.getByRole('table', { name: /flows and environments matching 'aws'/ })
    await expect(table.getByRole('link', { name: 'aws-beta', exact: true })).toBeVisible()
    await reviewShot(page, 'p6-search-results-light')
    await chooseTheme(page, 'Dark theme')
    await reviewShot(page, 'p6-search-results-dark')
    await page.goto('/cyber-dojo/search?q=%21%21nonsense')
    await expect(page.getByRole('alert')).toBeVisible()
    await reviewShot(page, 'p6-search-message-dark')
  })
})

test.describe('the command palette', () => {
  async function openPalette(page: Page) {
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible(FIRST_LOAD)
    const dialog = page.getByRole('dialog', { name: 'Command palette' })
    await pressUntilOpen(page, dialog)
    const input = dialog.getByRole('combobox', { name: 'Search or type a command' })
    await expect(input).toBeFocused()
    return { dialog, input }
  }

  test('Ctrl+K opens it as a modal dialog with no accessibility violations', async ({ page }) => {
    const { dialog, input } = await openPalette(page)
    await expect(dialog).toHaveAttribute('aria-modal', 'true')
    await expect(dialog.getByRole('option', { name: /Go to flows/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expectNoAxeViolations(page)
    await reviewShot(page, 'p6-palette-light')
    await chooseThemeFromPalette(page, input)
    await input.fill('aws-prod#65')
    await expect(dialog.getByRole('option', { name: 'Open snapshot aws-prod#65' })).toBeVisible()
    await expectNoAxeViolations(page)
    await reviewShot(page, 'p6-palette-dark')
  })

  async function chooseThemeFromPalette(page: Page, input: ReturnType<Page['getByRole']>) {
    await input.pressSequentially('dark')
    await expect(page.getByRole('option', { name: /Use the dark theme/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveClass(/dark/)
  }

  test('is fully keyboard operable: actions, search, focus trap, Escape', async ({ page }) => {
    const { dialog, input } = await openPalette(page)
    await chooseThemeFromPalette(page, input)
    await page.keyboard.press('Tab')
    await expect(input).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await expect(input).toBeFocused()

    await input.fill('aws-prod#6')
    await input.press('5')
    await expect(dialog.getByRole('option', { name: 'Open snapshot aws-prod#65' })).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL('/cyber-dojo/environments/aws-prod/snapshots/65', NAVIGATION)
    await expect(dialog).toBeHidden()

    await headerSearch(page).focus()
    await page.keyboard.press('Control+k')
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(headerSearch(page)).toBeFocused()
  })

  test('recent visits are offered when empty, and ? shows the shortcuts', async ({ page }) => {
    await page.goto('/cyber-dojo/environments/aws-prod/snapshots/65')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible(FIRST_LOAD)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Flows' })
      .click()
    await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible(NAVIGATION)
    const dialog = page.getByRole('dialog', { name: 'Command palette' })
    await pressUntilOpen(page, dialog)
    await dialog.getByRole('option', { name: 'aws-prod#65, snapshot' }).click()
    await expect(page).toHaveURL('/cyber-dojo/environments/aws-prod/snapshots/65', NAVIGATION)
    await page.locator('body').press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help.getByRole('table', { name: 'Keyboard shortcuts' })).toContainText(
      'Go to flows',
    )
    await page.keyboard.press('Escape')
    await expect(help).toBeHidden()
    await page.locator('body').press('g')
    await page.locator('body').press('f')
    await expect(page).toHaveURL(/\/cyber-dojo\/flows$/, NAVIGATION)
  })
})
