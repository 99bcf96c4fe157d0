import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { AUDIT } from '@mocks/world/facts'
import { findHeading, renderRoute } from '@/test/render-route'
import { expectLink } from '@/test/expect-link'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const wait = { timeout: 10_000 }
const HOTFIX = AUDIT.saverHotfix

/** Every API path the page asks for, in order, while the test runs. */
function recordRequests(): string[] {
  const paths: string[] = []
  const record = ({ request }: { request: Request }) => {
    paths.push(decodeURIComponent(new URL(request.url).pathname))
  }
  server.events.on('request:start', record)
  stopRecording = () => server.events.removeListener('request:start', record)
  return paths
}
let stopRecording = () => {}
afterEach(() => stopRecording())

// Route tests build the demo world on first use; give them room on a busy machine.
describe('audit report', { timeout: 40_000 }, () => {
  it("states the seed artifact's facts, history and compliance with timestamps", async () => {
    renderRoute(`/cyber-dojo/audit?artifact=runner@${FP}`)
    expect(await findHeading('Audit report', wait, 1)).toBeVisible()
    expect(screen.getAllByText(`Artifact runner@${FP}`).length).toBeGreaterThan(0)
    expect(screen.getByText('Organization').nextElementSibling).toHaveTextContent('cyber-dojo')
    const artifact = await screen.findByRole(
      'region',
      { name: /^Artifact .*runner:16d9990$/ },
      wait,
    )
    const box = within(artifact)
    expect(box.getByText('Fingerprint').nextElementSibling).toHaveTextContent(FP)
    expect(box.getByText('Git commit').nextElementSibling).toHaveTextContent(
      '16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
    )
    expect(box.getByText('State').nextElementSibling).toHaveTextContent('COMPLIANT')
    // Tests run in UTC: the seed's 11:35:00 CEST is 09:35:00 UTC.
    expect(box.getByText('Created').nextElementSibling).toHaveTextContent(
      'Mon, 22 Aug 2022 09:35:00 UTC',
    )
    const history = box.getByRole('table', { name: /History/ })
    expect(within(history).getByText('Started running in aws-prod#65 environment')).toBeVisible()
    expect(within(history).getByText('No longer running in aws-prod#96 environment')).toBeVisible()
    expect(within(history).getAllByRole('row')).toHaveLength(11)
    expect(screen.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible()
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeVisible()
    // Tests run without the demo meta tag, i.e. live: the API's own package via the proxy.
    expectLink('Kosli audit package', `/api/v2/artifacts/cyber-dojo/runner/${FP}/audit_package`)
  })

  it('explains a snapshot with its policies and non-compliant artifacts', async () => {
    renderRoute('/cyber-dojo/audit?snapshot=aws-beta%237921')
    const compliance = await screen.findByRole('region', { name: 'Compliance' }, wait)
    expect(within(compliance).getByText('NON-COMPLIANT')).toBeVisible()
    expect(
      within(compliance).getByText(
        /busybox.*Artifact has no provenance \(policy 'provenance' requires it\)/,
      ),
    ).toBeVisible()
    expect(screen.getByRole('table', { name: /Applied policies/ })).toBeVisible()
    expect(screen.getByText('Roll-up').nextElementSibling).toHaveTextContent(/without provenance/)
  })

  it('asks what to report on when nothing (or nonsense) was asked', async () => {
    renderRoute('/cyber-dojo/audit?artifact=nonsense')
    expect(await screen.findByRole('alert', {}, wait)).toHaveTextContent(/artifact:/)
    expect(screen.getByLabelText('Artifact (flow@fingerprint)')).toBeVisible()
    expect(screen.getByLabelText('From (ISO, UTC)')).toBeVisible()
  })

  it("names the hotfix's failed tests, vulnerabilities and missing attestation, reading each once", async () => {
    const paths = recordRequests()
    renderRoute(`/cyber-dojo/audit?artifact=saver-ci@${HOTFIX.fingerprint}`)
    const compliance = await screen.findByRole('region', { name: 'Compliance' }, wait)
    const reasons = within(compliance)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(reasons).toContain(
      'pull-request (pull_request): Required by the template but not reported.',
    )
    expect(reasons).toContain(
      'saver.unit-test (junit): Reported, but not compliant: 3 of 412 tests failed.',
    )
    expect(reasons).toContain(
      'saver.snyk-container-scan (snyk): Reported, but not compliant: 2 high severity vulnerabilities.',
    )
    const checklist = screen.getByRole('table', { name: /Template checklist/ })
    expect(within(checklist).getByText(/: 3 of 412 tests failed\.$/)).toBeVisible()
    // One plan: the loader reads each resource once and the page reads the same queries.
    const trail = `/api/v2/trails/cyber-dojo/saver-ci/${HOTFIX.commit}`
    const unitTest = `/api/v2/attestations/cyber-dojo/saver-ci/trail/${HOTFIX.commit}/unit-test`
    expect(paths.filter((path) => path === trail)).toHaveLength(1)
    expect(paths.filter((path) => path === unitTest)).toHaveLength(1)
    expect(
      paths.filter(
        (path) =>
          path === `/api/v2/artifacts/cyber-dojo/saver-ci/fingerprint/${HOTFIX.fingerprint}`,
      ),
    ).toHaveLength(1)
  })

  it('still renders, saying so, when the failing attestations cannot be read', async () => {
    server.use(
      http.get('*/api/v2/attestations/:org/:flow/trail/:trail/:name', () =>
        HttpResponse.json({ message: 'Attestations are resting' }, { status: 503 }),
      ),
    )
    renderRoute(`/cyber-dojo/audit?artifact=saver-ci@${HOTFIX.fingerprint}`)
    const compliance = await screen.findByRole('region', { name: 'Compliance' }, wait)
    expect(
      within(compliance).getByText(
        'saver.unit-test (junit): Reported, but not compliant: its details could not be read (Attestations are resting).',
      ),
    ).toBeVisible()
    expect(screen.getByRole('region', { name: /^Artifact / })).toBeVisible()
  })
})
