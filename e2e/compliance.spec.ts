import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

/** The saver hotfix pushed straight to main: non-compliant, ran in aws-beta #7900–#7940. */
const HOTFIX = '81fd55e4b27cce4c40bbf37fe4a8fe2b4647890eed6b62eb3d87fdea7c96e08a'
const HOTFIX_TRAIL = 'e1f0c3ae00b202452a2bcf334c921af5757afb7a'
/** The saver that replaced it: started in aws-beta#7939 before its scan was in; compliant now. */
const LATE_SCAN = '2ec004d6e7c2668ff407b4384d6b4c62f92d9606ae18447c5fb326211921bc6a'

const artifactPage = (fingerprint: string) => `/cyber-dojo/flows/saver-ci/artifacts/${fingerprint}`

// The first page of a run builds the demo world (in the worker or the mock server): allow it.
const FIRST_LOAD = { timeout: 30_000 }

/** The table row whose header cell matches (the `has` locator is relative to each row). */
function row(page: Page, scope: Page | Locator, header: string | RegExp): Locator {
  return scope.getByRole('row').filter({ has: page.getByRole('rowheader', { name: header }) })
}

test.describe('compliance, explained', () => {
  test(
    'the non-compliant hotfix says why on its page, and again in the snapshot it ran in',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(artifactPage(HOTFIX))
      const heading = page.getByRole('heading', { level: 1 })
      await expect(heading).toContainText('saver', FIRST_LOAD)

      // The page's badge: one click shows the trail's checklist.
      const why = page.getByRole('button', {
        name: 'Non-compliant: Why is saver:e1f0c3a non-compliant?',
      })
      await expect(why).toHaveAttribute('aria-expanded', 'false')
      await why.click()
      await expect(why).toHaveAttribute('aria-expanded', 'true')
      const checklist = page.getByRole('group', { name: `Checklist of trail ${HOTFIX_TRAIL}` })
      await expect(checklist).toBeVisible()
      const pullRequest = checklist.getByRole('listitem').filter({ hasText: 'pull-request' })
      await expect(pullRequest).toContainText('Missing')
      await expect(pullRequest).toContainText('Required by the template but not reported.')
      const unitTest = checklist.getByRole('listitem').filter({ hasText: 'saver.unit-test' })
      await expect(unitTest.first()).toContainText('Non-compliant')
      await page.keyboard.press('Escape')
      await expect(checklist).toHaveCount(0)

      // Where it started running: aws-beta#7900, non-compliant then as now.
      const started = page.getByRole('region', { name: 'Compliance when it started running' })
      await expect(
        started.getByText(
          'Its compliance now is the same as when it started running in each environment.',
        ),
      ).toBeVisible()
      await started.getByRole('link', { name: 'aws-beta#7900' }).click()
      await expect(page.getByRole('heading', { name: 'aws-beta#7900', level: 1 })).toBeVisible()

      // In the snapshot, the row's badge shows the policy decisions and Kosli's reasons.
      const hotfixRow = row(page, page, /saver:e1f0c3a/)
      const rowWhy = hotfixRow.getByRole('button', {
        name: 'Non-compliant: Why is saver:e1f0c3a in aws-beta#7900 non-compliant?',
      })
      await rowWhy.click()
      const decisions = hotfixRow.getByRole('group', {
        name: 'Policy decisions for saver:e1f0c3a',
      })
      await expect(decisions).toBeVisible()
      await expect(
        decisions.getByText("Missing attestation 'pull_request' required by policy 'pull-request'"),
      ).toBeVisible()
      await expect(
        decisions.getByText(
          'Missing attestation: no pull_request attestation was reported, and the policy requires one.',
        ),
      ).toBeVisible()
      await expect(
        decisions.getByRole('link', { name: `saver-ci / ${HOTFIX_TRAIL}` }).first(),
      ).toHaveAttribute('href', `/cyber-dojo/flows/saver-ci/trails/${HOTFIX_TRAIL}`)

      // The snapshot's own verdict names the same artifact.
      await page.keyboard.press('Escape')
      await page
        .getByRole('button', {
          name: 'Non-compliant: Why is snapshot aws-beta#7900 non-compliant?',
        })
        .click()
      const verdict = page.getByRole('group', { name: 'Compliance of aws-beta#7900' })
      await expect(verdict.getByText('1 running artifact is not compliant:')).toBeVisible()
      await expect(verdict.getByRole('link', { name: 'saver:e1f0c3a' })).toHaveAttribute(
        'href',
        artifactPage(HOTFIX),
      )
    },
  )

  test('an artifact shows its compliance when it started running next to its compliance now', async ({
    page,
  }) => {
    await page.goto(artifactPage(LATE_SCAN))
    const started = page.getByRole('region', { name: 'Compliance when it started running' })
    await expect(
      started.getByText(
        'Its compliance has changed since it started running in aws-beta: it is compliant now.',
      ),
    ).toBeVisible(FIRST_LOAD)

    const beta = row(page, started, 'aws-beta')
    await expect(beta.getByRole('link', { name: 'aws-beta#7939' })).toBeVisible()
    const then = beta.getByRole('button', {
      name: /^Non-compliant: Why is saver:36f0420 in aws-beta#7939 non-compliant\?$/,
    })
    await expect(then).toBeVisible()
    await expect(
      beta.getByRole('button', { name: 'Compliant: Why is saver:36f0420 now compliant?' }),
    ).toBeVisible()
    await expect(beta.getByText('changed since it started')).toBeVisible()

    const prod = row(page, started, 'aws-prod')
    await expect(prod.getByRole('link', { name: 'aws-prod#5220' })).toBeVisible()
    await expect(
      prod.getByRole('button', { name: /^Compliant: Why is saver:36f0420 in aws-prod#5220/ }),
    ).toBeVisible()
    await expect(prod.getByText('same as then')).toBeVisible()

    // Why it was not compliant then: the scan was not in yet.
    await then.click()
    const decisions = beta.getByRole('group', { name: 'Policy decisions for saver:36f0420' })
    await expect(
      decisions.getByText(
        "Missing attestation 'snyk-container-scan' required by policy 'snyk-scan-aws-beta'",
      ),
    ).toBeVisible()
    // And the history shows it arriving after the start.
    const lifecycle = page.getByRole('region', { name: 'Lifecycle' })
    const rows = lifecycle.getByRole('listitem')
    const texts = await rows.allTextContents()
    const startedAt = texts.findIndex((text) => text.includes('started running in aws-beta#7939'))
    const scannedAt = texts.findIndex((text) => text.includes('snyk-container-scan attested'))
    expect(startedAt).toBeGreaterThanOrEqual(0)
    expect(scannedAt).toBeGreaterThan(startedAt)
  })

  test('the why-popover works from the keyboard alone', async ({ page }) => {
    await page.goto(artifactPage(LATE_SCAN))
    const started = page.getByRole('region', { name: 'Compliance when it started running' })
    await expect(started.getByText(/changed since it started running/)).toBeVisible(FIRST_LOAD)
    const why = page.getByRole('button', { name: 'Compliant: Why is saver:36f0420 compliant?' })

    // Reach the page badge with Tab from the heading's neighbour, open it with Enter.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'saver-ci' })
      .focus()
    await page.keyboard.press('Tab')
    await expect(why).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(why).toHaveAttribute('aria-expanded', 'true')
    const panel = page.getByRole('group', { name: 'Why is saver:36f0420 compliant?' })
    await expect(panel).toBeVisible()
    await expect(panel.getByRole('group', { name: /^Checklist of trail / })).toBeVisible()

    // Tab goes into the explanation, in reading order.
    await page.keyboard.press('Tab')
    await expect(panel.getByRole('button', { name: 'Close explanation' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(panel.getByRole('link').first()).toBeFocused()
    await expectNoAxeViolations(page)

    // Escape closes it and gives focus back to the badge.
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(why).toHaveAttribute('aria-expanded', 'false')
    await expect(why).toBeFocused()

    // Space opens it again; the close button closes it, focus back on the badge.
    await page.keyboard.press('Space')
    await expect(why).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(why).toHaveAttribute('aria-expanded', 'false')
    await expect(why).toBeFocused()
  })
})
