import { chooseTheme, expect, expectNoAxeViolations, reviewShot, test } from './fixtures'
import { ENVIRONMENT_PAGE, heading, LOG_PAGE, SEED_FP, TRAIL, type PageCase } from './page-cases'

/**
 * axe on every route, in light and dark theme, with a screenshot of each for review.
 */

const routes: PageCase[] = [
  {
    name: 'overview',
    url: '/cyber-dojo/overview?at=2022-08-22T10%3A00%3A00Z',
    // Every column settled (the large synthetic environment's says it has no snapshot then).
    ready: async (page) =>
      expect(page.getByRole('region', { name: /Flows by environment/ })).toHaveAttribute(
        'data-settled',
        'true',
        { timeout: 30_000 },
      ),
  },
  {
    name: 'flows',
    url: '/cyber-dojo/flows',
    ready: async (page) =>
      expect(page.getByRole('link', { name: 'runner', exact: true })).toBeVisible(),
  },
  {
    name: 'flow',
    url: '/cyber-dojo/flows/runner',
    ready: async (page) =>
      expect(page.getByRole('table', { name: /Artifacts of flow runner/ })).toBeVisible(),
  },
  {
    name: 'artifact',
    url: `/cyber-dojo/flows/runner/artifacts/${SEED_FP}`,
    ready: async (page) =>
      expect(page.getByRole('region', { name: 'Lifecycle' }).getByRole('listitem')).toHaveCount(10),
  },
  {
    name: 'trail',
    url: `/cyber-dojo/flows/runner-ci/trails/${TRAIL}`,
    ready: heading(/a2ffba5/),
  },
  { name: 'environments', url: '/cyber-dojo/environments', ready: heading('Environments') },
  ENVIRONMENT_PAGE,
  {
    name: 'environment history',
    url: '/cyber-dojo/environments/aws-prod?history=chart&from=2022-08-22T06%3A00%3A00Z&to=2022-08-25T00%3A00%3A00Z',
    ready: async (page) =>
      expect(page.getByRole('link', { name: /^runner:16d9990: #65/ })).toBeVisible({
        timeout: 30_000,
      }),
  },
  {
    name: 'snapshots',
    url: '/cyber-dojo/environments/aws-prod/snapshots',
    ready: async (page) => expect(page.getByRole('link', { name: /^#\d+$/ }).first()).toBeVisible(),
  },
  LOG_PAGE,
  {
    name: 'snapshot',
    url: '/cyber-dojo/environments/aws-prod/snapshots/65',
    ready: heading('aws-prod#65'),
  },
  {
    name: 'diff',
    url: '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365&unchanged=show',
    ready: async (page) => expect(page.getByTestId('diff-summary')).toBeVisible(),
  },
  {
    name: 'search',
    url: '/cyber-dojo/search?q=aws',
    ready: async (page) =>
      expect(page.getByRole('table', { name: /matching 'aws'/ })).toBeVisible(),
  },
  {
    name: 'audit',
    url: `/cyber-dojo/audit?artifact=runner%40${SEED_FP}`,
    ready: heading('Audit report'),
  },
  { name: 'not-found', url: '/cyber-dojo/no/such/page', ready: heading('Page not found') },
]

test.describe('accessibility', () => {
  for (const route of routes) {
    test(`${route.name} has no axe violations in light and dark theme`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(route.url)
      await route.ready(page)
      await chooseTheme(page, 'Light theme')
      await expect(page.locator('html')).not.toHaveClass(/dark/)
      await expectNoAxeViolations(page)
      await reviewShot(page, `a11y-${route.name}-light`)
      await chooseTheme(page, 'Dark theme')
      await expect(page.locator('html')).toHaveClass(/dark/)
      await expectNoAxeViolations(page)
      await reviewShot(page, `a11y-${route.name}-dark`)
    })
  }
})
