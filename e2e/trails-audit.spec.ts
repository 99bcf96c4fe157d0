import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { chooseTheme, expect, expectNoAxeViolations, reviewShot, test } from './fixtures'

const TRAIL = 'a2ffba5a5debbc8f4f199cf5a88e5899c7d6547e'
const TRAIL_PATH = `/cyber-dojo/flows/runner-ci/trails/${TRAIL}`
const UNIT_TEST = '295f7331-29b3-4152-ad9a-1ff93628'
const RUNNER_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const AUDIT_PATH = `/cyber-dojo/audit?artifact=runner%40${RUNNER_FP}`
// The demo world's saver hotfix that skipped review: failed tests, high vulnerabilities.
const HOTFIX_FP = '81fd55e4b27cce4c40bbf37fe4a8fe2b4647890eed6b62eb3d87fdea7c96e08a'

// The first page of a run builds the demo world (in the worker or the mock server): allow it.
const FIRST_LOAD = { timeout: 30_000 }

test.describe('trails and evidence', () => {
  test(
    'a trail opens an attestation by ?attestation_id= and shows its details',
    { tag: '@demo' },
    async ({ page, mode }) => {
      // Two axe runs, two themes and full-page screenshots.
      test.slow()
      await page.goto(`${TRAIL_PATH}?attestation_id=${UNIT_TEST}`)
      const drawer = page.getByRole('dialog', { name: 'unit-test' })
      await expect(drawer).toBeVisible(FIRST_LOAD)
      await expect(drawer.getByRole('heading', { name: 'unit-test' })).toBeFocused()
      await expect(
        drawer.getByText('412 tests: 410 passed, 0 failed, 0 errors, 2 skipped'),
      ).toBeVisible()
      await expect(drawer.getByText('ci-pipelines')).toBeVisible()
      await expect(
        drawer.getByRole('button', { name: /^Copy full evidence fingerprint [0-9a-f]{64}$/ }),
      ).toBeVisible()
      const download = drawer.getByRole('link', { name: 'Download evidence file' })
      if (mode === 'live') {
        await expect(download).toHaveAttribute(
          'href',
          `/api/v2/attestations/cyber-dojo/runner-ci/trail/${TRAIL}/attestation/${UNIT_TEST}/evidence`,
        )
      } else {
        await expect(download).toHaveCount(0)
        await expect(drawer.getByText('available in live mode only')).toBeVisible()
      }
      await expectNoAxeViolations(page)
      await reviewShot(page, `p7-trail-attestation-light-${mode}`)

      // Escape closes it and removes the parameter; the page stays.
      await page.keyboard.press('Escape')
      await expect(drawer).toHaveCount(0)
      await expect(page).toHaveURL(new RegExp(`${TRAIL}$`))

      // The timeline's sentences are the CLI's, and each attestation event opens its drawer.
      const events = page.getByRole('region', { name: 'Events' })
      await expect(events.getByText('trail started')).toBeVisible()
      await expect(
        events.getByText("artifact 'runner' started running in 'aws-prod'"),
      ).toBeVisible()
      await events
        .getByRole('link', {
          name: "'pull_request' attestation reported for pull-request on the trail",
        })
        .click()
      await expect(page).toHaveURL(/attestation_id=54901a94-f922-4d4d-babe-ad4316ff/)
      await expect(page.getByRole('dialog', { name: 'pull-request' })).toBeVisible()
      await page.getByRole('button', { name: 'Close attestation details' }).click()
      await expect(page.getByRole('dialog')).toHaveCount(0)

      // The compliance badge explains itself.
      const why = page.getByRole('button', { name: /Why is trail .* compliant\?/ })
      await expect(why).toHaveAttribute('aria-expanded', 'false')
      await why.click()
      await expect(why).toHaveAttribute('aria-expanded', 'true')
      await expect(page.getByRole('group', { name: 'What this verdict is based on' })).toBeVisible()

      // Dark theme, explanation open: still no axe violations.
      await chooseTheme(page, 'Dark theme')
      await expectNoAxeViolations(page)
      await events
        .getByRole('link', { name: "'junit' attestation reported for runner.unit-test" })
        .click()
      await expect(
        page.getByText('412 tests: 410 passed, 0 failed, 0 errors, 2 skipped'),
      ).toBeVisible()
      await reviewShot(page, `p7-trail-attestation-dark-${mode}`)
    },
  )

  test('a snyk attestation shows counts by severity', async ({ page }) => {
    await page.goto(
      '/cyber-dojo/flows/differ-ci/trails/5ccc5c141fdd1fbd97905b7fe0af87e5a592bfb6?attestation_id=f7cd9b3a-2738-47e6-be36-689d511d',
    )
    const drawer = page.getByRole('dialog', { name: 'snyk-container-scan' })
    await expect(drawer.getByRole('heading', { name: 'Vulnerabilities by severity' })).toBeVisible(
      FIRST_LOAD,
    )
    await expect(drawer.getByText('Snyk Container 1.1296.2 · 2 scanned projects')).toBeVisible()
    await expect(drawer.getByText('High')).toBeVisible()
  })
})

test.describe('audit report', () => {
  test(
    "the seed artifact's report has its facts, prints to PDF and downloads verifiable JSON",
    { tag: '@demo' },
    async ({ page, mode }) => {
      // Axe twice, a PDF, a download and screenshots.
      test.slow()
      await page.goto(AUDIT_PATH)
      await expect(page.getByRole('heading', { level: 1, name: 'Audit report' })).toBeVisible(
        FIRST_LOAD,
      )
      const facts = page.getByRole('region', { name: /^Artifact .*runner:16d9990$/ })
      await expect(facts.getByText(RUNNER_FP, { exact: true })).toBeVisible()
      await expect(
        facts.getByText('16d9990ad23a40eecaf087abac2a58a2d2a4b3f4', { exact: true }),
      ).toBeVisible()
      await expect(facts.getByText('COMPLIANT', { exact: true })).toBeVisible()
      // Browser zone is Europe/Berlin: the seed's own times.
      await expect(facts.getByText('Mon, 22 Aug 2022 11:35:00 CEST').first()).toBeVisible()
      const history = facts.getByRole('table', { name: /History/ })
      await expect(history.getByText('Started running in aws-prod#65 environment')).toBeVisible()
      await expect(history.getByText('Mon, 22 Aug 2022 11:39:22 CEST')).toBeVisible()
      await expect(page.getByText('Organization', { exact: true }).locator('+ dd')).toHaveText(
        'cyber-dojo',
      )
      await expect(page.getByText('Data source', { exact: true }).locator('+ dd')).toHaveText(
        mode === 'demo' ? /Demo world/ : /\/api\/v2 \(Shiplog proxy/,
      )
      const pkg = page.getByRole('link', { name: 'Kosli audit package' })
      if (mode === 'live') {
        await expect(pkg).toHaveAttribute(
          'href',
          `/api/v2/artifacts/cyber-dojo/runner/${RUNNER_FP}/audit_package`,
        )
      } else {
        await expect(pkg).toHaveCount(0)
      }
      await reviewShot(page, `p7-audit-light-${mode}`)

      // Print: the app chrome is hidden and Chromium renders a real PDF.
      await page.emulateMedia({ media: 'print' })
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
      await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden()
      await reviewShot(page, `p7-audit-print-${mode}`)
      await page.emulateMedia({ media: 'screen' })
      const pdf = await page.pdf({ format: 'A4', printBackground: false })
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
      expect(pdf.length).toBeGreaterThan(1000)
      expect(pages.length).toBeGreaterThan(0)

      // Download JSON: one file whose manifest hashes its content.
      const downloadPromise = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Download JSON' }).click()
      const download = await downloadPromise
      expect(download.suggestedFilename()).toMatch(
        /^shiplog-audit-artifact-runner-9af401c4.*\.json$/,
      )
      const path = await download.path()
      const file = JSON.parse(await readFile(path, 'utf8')) as {
        manifest: {
          sha256: string
          org: string
          mode: string
          query: { params: Record<string, string> }
        }
        content: { subject: string; sections: unknown[] }
      }
      expect(file.manifest.org).toBe('cyber-dojo')
      expect(file.manifest.mode).toBe(mode)
      expect(file.manifest.query.params).toEqual({ artifact: `runner@${RUNNER_FP}` })
      expect(file.content.subject).toBe(`runner@${RUNNER_FP}`)
      expect(file.manifest.sha256).toBe(
        createHash('sha256').update(JSON.stringify(file.content), 'utf8').digest('hex'),
      )
      await expect(page.getByRole('status').filter({ hasText: file.manifest.sha256 })).toBeVisible()

      await chooseTheme(page, 'Dark theme')
      await reviewShot(page, `p7-audit-dark-${mode}`)
    },
  )

  test(
    'a non-compliant artifact report names the failed tests and vulnerabilities',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(`/cyber-dojo/audit?artifact=saver-ci%40${HOTFIX_FP}`)
      const compliance = page.getByRole('region', { name: 'Compliance' })
      await expect(
        compliance.getByText(
          'saver.unit-test (junit): Reported, but not compliant: 3 of 412 tests failed.',
          { exact: true },
        ),
      ).toBeVisible(FIRST_LOAD)
      await expect(
        compliance.getByText(
          'saver.snyk-container-scan (snyk): Reported, but not compliant: 2 high severity vulnerabilities.',
          { exact: true },
        ),
      ).toBeVisible()
    },
  )

  test('a snapshot report says why it is non-compliant', async ({ page }) => {
    await page.goto('/cyber-dojo/audit?snapshot=aws-beta%237921')
    const compliance = page.getByRole('region', { name: 'Compliance' })
    await expect(compliance.getByText(/^✕\s*NON-COMPLIANT$/)).toBeVisible(FIRST_LOAD)
    await expect(
      compliance.getByText(
        /busybox.*Artifact has no provenance \(policy 'provenance' requires it\)/,
      ),
    ).toBeVisible()
    await expectNoAxeViolations(page)
  })
})

test.describe('reaching the audit report', () => {
  test(
    'from the seed artifact runner:16d9990 to its report, and from the palette',
    { tag: '@demo' },
    async ({ page }) => {
      await page.goto(`/cyber-dojo/flows/runner/artifacts/${RUNNER_FP}`)
      await page.getByRole('link', { name: 'Audit report' }).click(FIRST_LOAD)
      await expect(page).toHaveURL(
        new RegExp(`/cyber-dojo/audit\\?artifact=runner%40${RUNNER_FP}$`),
      )
      await expect(page.getByRole('region', { name: /^Artifact .*runner:16d9990$/ })).toBeVisible(
        FIRST_LOAD,
      )

      await page.goto('/cyber-dojo/environments/aws-prod/snapshots/65')
      await expect(page.getByRole('heading', { name: 'aws-prod#65', level: 1 })).toBeVisible(
        FIRST_LOAD,
      )
      await page.keyboard.press('Control+k')
      await page.getByRole('dialog').getByRole('combobox').fill('audit report')
      await page.getByRole('option', { name: /Open the audit report of this page/ }).click()
      await expect(page).toHaveURL(/\/cyber-dojo\/audit\?snapshot=aws-prod%2365$/)
    },
  )
})
