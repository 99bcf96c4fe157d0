import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-dev-shm-usage', '--disable-gpu'] })
const page = await browser.newPage({ timezoneId: 'Europe/Berlin' })
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)))
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('requestfinished', async (r) => { if (r.url().includes('/api/')) { const t = r.timing(); console.log('req', r.url().slice(0, 100), Math.round(t.responseEnd)) } })
page.on('requestfailed', (r) => console.log('failed', r.url().slice(0, 100), r.failure()?.errorText))
const t0 = Date.now()
await page.goto(process.argv[2])
try {
  await page.getByText(process.argv[3]).first().waitFor({ timeout: 120000 })
  console.log('ready after', Date.now() - t0)
} catch (e) { console.log('timeout', Date.now() - t0) }
await page.screenshot({ path: process.argv[4] ?? '/tmp/shots/probe.png', fullPage: false })
console.log((await page.locator('main').innerText()).slice(0, 600))
await browser.close()
