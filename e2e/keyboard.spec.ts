import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * The seed journey with the keyboard alone: flows → runner → artifact 16d9990 → aws-prod#65 →
 * its diff with #64. Every stop is reached with Tab and opened with Enter, and the focused
 * element always shows a visible focus ring.
 */

/** Presses Tab until `target` has focus, checking each focused element shows focus. */
async function tabTo(page: Page, target: Locator, limit = 200) {
  const handle = await target.elementHandle()
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    const focus = await page.evaluate((wanted) => {
      const element = document.activeElement
      if (!element || element === document.body) return null
      const style = getComputedStyle(element)
      return {
        reached: element === wanted,
        visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        text: (element.textContent ?? '').trim().slice(0, 60),
      }
    }, handle)
    if (!focus) continue
    expect(focus.visible, `focus ring on "${focus.text}"`).toBe(true)
    if (focus.reached) return
  }
  throw new Error(`${target.toString()} not reached within ${limit} Tab presses`)
}

test('the seed journey works with the keyboard alone', async ({ page }) => {
  await page.goto('/cyber-dojo/flows')
  const runner = page.getByRole('link', { name: 'runner', exact: true })
  await expect(runner).toBeVisible()
  await tabTo(page, runner)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/cyber-dojo\/flows\/runner$/)

  const artifact = page.getByRole('link', { name: 'cyberdojo/runner:16d9990' })
  await expect(artifact).toBeVisible()
  await tabTo(page, artifact)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/artifacts\/9af401c4/)

  const snapshot = page
    .getByRole('region', { name: 'Lifecycle' })
    .getByRole('link', { name: 'aws-prod#65' })
    .first()
  await expect(snapshot).toBeVisible()
  await tabTo(page, snapshot)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible()

  const diff = page.getByRole('link', { name: /Diff with previous/ })
  await tabTo(page, diff)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/cyber-dojo\/diff\?from=aws-prod%2364&to=aws-prod%2365/)
  await expect(page.getByTestId('diff-summary')).toHaveText(/^1 added, 0 removed/)
})

test('Escape and a finished search leave the header search, so shortcuts work again', async ({
  page,
}) => {
  await page.goto('/cyber-dojo/flows')
  const search = page.getByRole('combobox', { name: /Search flows, environments/ })
  await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible()

  await search.click()
  await expect(search).toBeFocused()
  await search.fill('runner')
  await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeHidden()
  await expect(search).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(search).not.toBeFocused()
  await expect(search).toHaveValue('')

  await search.click()
  await search.fill('aws-prod#65')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible()
  await expect(search).not.toBeFocused()
  // `?` is a page shortcut: typed into the search box it would be text, not the help.
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await expect(search).toHaveValue('')
})
