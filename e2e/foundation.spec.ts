import { LIVE_TOKEN, chooseTheme, expect, test } from './fixtures'

test.describe('app shell', () => {
  test('/ opens the default org’s overview', { tag: '@demo' }, async ({ page }) => {
    const warnings: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text())
    })
    await page.goto('/')
    await expect(page).toHaveURL(/\/cyber-dojo\/overview$/)
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
    await expect(
      page
        .getByRole('region', { name: /Flows by environment/ })
        .getByRole('rowheader')
        .first(),
    ).toBeVisible({ timeout: 30_000 })
    expect(warnings.filter((text) => /Matched leaf route/.test(text))).toEqual([])
  })

  test('navigation reaches environments and back, and unknown paths say so', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Environments' })
      .click()
    await expect(page).toHaveURL(/\/cyber-dojo\/environments$/)
    await page.goto('/cyber-dojo/no/such/page')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(page.getByText('/cyber-dojo/no/such/page')).toBeVisible()
    await page.getByRole('link', { name: 'Go to flows' }).click()
    await expect(page).toHaveURL(/\/cyber-dojo\/flows$/)
  })

  test('the header draws its mark without asking for an image', async ({ page }) => {
    const images: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'image') images.push(new URL(request.url()).pathname)
    })
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Environments' })
      .click()
    await expect(page.getByRole('heading', { name: 'Environments', level: 1 })).toBeVisible()
    // At most the tab's icon (`<link rel="icon">`), once; the header's mark is drawn inline.
    expect(images.filter((path) => path !== '/favicon.svg')).toEqual([])
    expect(images.length).toBeLessThanOrEqual(1)
    await expect(page.getByRole('banner').locator('svg').first()).toBeVisible()
  })

  test('the theme choice applies and is remembered', async ({ page }) => {
    await page.goto('/cyber-dojo/flows')
    await chooseTheme(page, 'Dark theme')
    await expect(page.locator('html')).toHaveClass(/dark/)
    await page.reload()
    await expect(page.locator('html')).toHaveClass(/dark/)
    await chooseTheme(page, 'Light theme')
    await expect(page.locator('html')).not.toHaveClass(/dark/)
  })
})

test.describe('the proxy', () => {
  test('the token is added server-side and never reaches the browser', async ({
    page,
    mockApi,
  }) => {
    const bodies: string[] = []
    page.on('response', async (response) => {
      const headers = JSON.stringify(await response.allHeaders())
      bodies.push(headers)
      if (/json|html|javascript/.test(response.headers()['content-type'] ?? '')) {
        bodies.push(await response.text().catch(() => ''))
      }
    })
    await page.goto('/cyber-dojo/flows')
    await expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible()
    const received = (await (await fetch(`${mockApi}/__mock/last-request`)).json()) as {
      authorization: string
    }
    expect(received.authorization).toBe(`Bearer ${LIVE_TOKEN}`)
    const storage = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    )
    expect(storage).not.toContain(LIVE_TOKEN)
    expect(await page.content()).not.toContain(LIVE_TOKEN)
    expect(page.url()).not.toContain(LIVE_TOKEN)
    expect(bodies.join('\n')).not.toContain(LIVE_TOKEN)
  })

  test('a 404 names what is missing', async ({ page }) => {
    await page.goto('/cyber-dojo/flows/no-such-flow')
    await expect(page.getByRole('alert')).toContainText('does not exist')
    await expect(page.getByRole('alert')).toContainText('no-such-flow')
  })
})
