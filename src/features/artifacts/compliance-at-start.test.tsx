import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { AUDIT, SEED } from '@mocks/world/facts'
import { renderArtifact, renderSnapshotText } from '@mocks/world/render'
import { getOrg } from '@mocks/world/world'
import { renderRoute } from '@/test/render-route'

const LOAD = { timeout: 15_000 }
const { fingerprint, betaStart, prodStart } = AUDIT.lateScan

/**
 * Serves snapshots from the demo world, but holds every answer until `expected` snapshot
 * requests have arrived: if the page asked one after the other, it would never get an answer.
 */
function snapshotsOnlyTogether(expected: number) {
  const org = getOrg('cyber-dojo')
  if (!org) throw new Error('no demo org')
  const requested: string[] = []
  let release: () => void = () => undefined
  const allArrived = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.get('*/api/v2/snapshots/cyber-dojo/:env/:expr', async ({ params }) => {
      const env = org.envs.get(String(params['env']))
      const index = Number(params['expr'])
      requested.push(`${String(params['env'])}#${String(params['expr'])}`)
      if (requested.length >= expected) release()
      await allArrived
      if (!env || !Number.isInteger(index)) return HttpResponse.json({}, { status: 404 })
      return new HttpResponse(renderSnapshotText(org, env, index), {
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
  return requested
}

/** Opens the artifact's page and waits for its "Compliance when it started running" section. */
async function openStartSection(flow: string, fp: string) {
  renderRoute(`/cyber-dojo/flows/${flow}/artifacts/${fp}`)
  const name = 'Compliance when it started running'
  return within(await screen.findByRole('region', { name }, LOAD))
}

describe('compliance when it started running (artifact page)', { timeout: 30_000 }, () => {
  it('shows the late-scanned saver non-compliant when it started in aws-beta and compliant now', async () => {
    const user = userEvent.setup()
    const requested = snapshotsOnlyTogether(2)
    const box = await openStartSection('saver-ci', fingerprint)
    expect(
      await box.findByText(
        /Its compliance has changed since it started running in aws-beta: it is compliant now\.$/,
        undefined,
        LOAD,
      ),
    ).toBeVisible()
    // One snapshot per environment it ran in, the one its run there started in; asked together.
    expect([...requested].sort()).toEqual([`aws-beta#${betaStart}`, `aws-prod#${prodStart}`])

    const beta = box.getByRole('row', { name: /^aws-beta / })
    expect(within(beta).getByRole('link', { name: `aws-beta#${betaStart}` })).toHaveAttribute(
      'href',
      `/cyber-dojo/environments/aws-beta/snapshots/${betaStart}`,
    )
    const then = within(beta).getByRole('button', {
      name: new RegExp(
        `^Non-compliant: Why is saver:\\w+ in aws-beta#${betaStart} non-compliant\\?$`,
      ),
    })
    expect(
      within(beta).getByRole('button', { name: /^Compliant: Why is saver:\w+ now compliant\?$/ }),
    ).toBeVisible()
    expect(within(beta).getByText('changed since it started')).toBeVisible()

    const prod = box.getByRole('row', { name: /^aws-prod / })
    expect(within(prod).getByRole('link', { name: `aws-prod#${prodStart}` })).toBeVisible()
    expect(
      within(prod).getByRole('button', { name: /^Compliant: Why is saver:\w+ in aws-prod#/ }),
    ).toBeVisible()
    expect(within(prod).getByText('same as then')).toBeVisible()

    // Why it was non-compliant then: the decisions of the snapshot it started in.
    await user.click(then)
    const decisions = within(beta).getByRole('group', { name: /^Policy decisions for saver:/ })
    expect(
      within(decisions).getByText(
        /^Missing attestation: no decision attestation named "snyk-container-scan" was reported/,
      ),
    ).toBeVisible()
  })

  it('says when nothing changed, for the seed runner in 2022', async () => {
    const box = await openStartSection('runner', SEED.runner16d9990.fingerprint)
    expect(
      await box.findByText(
        'Its compliance now is the same as when it started running in each environment.',
        undefined,
        LOAD,
      ),
    ).toBeVisible()
    expect(box.getByRole('link', { name: 'aws-beta#84' })).toBeVisible()
    expect(box.getByRole('link', { name: 'aws-prod#65' })).toBeVisible()
    expect(box.getAllByText('same as then')).toHaveLength(2)
  })

  it('finds the starts in the environments’ events, not in the history’s sentences', async () => {
    // The late-scanned saver, its history reworded so that no sentence names a snapshot: only
    // the rows' types and times are left to go by.
    const org = getOrg('cyber-dojo')
    const art = org?.artifacts.get(fingerprint)
    if (!org || !art) throw new Error('no late-scanned saver')
    const body = renderArtifact(org, art)
    const history = Array.isArray(body['history']) ? body['history'] : []
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/saver-ci/fingerprint/:fp', () =>
        HttpResponse.json({
          ...body,
          history: history.map((row, i) =>
            row && typeof row === 'object' && !Array.isArray(row)
              ? { ...row, event: `Ereignis ${i + 1}` }
              : row,
          ),
        }),
      ),
    )
    const box = await openStartSection('saver-ci', fingerprint)
    expect(await box.findByRole('link', { name: `aws-beta#${betaStart}` }, LOAD)).toBeVisible()
    expect(box.getByRole('link', { name: `aws-prod#${prodStart}` })).toBeVisible()
    expect(await box.findByText('changed since it started', undefined, LOAD)).toBeVisible()
  })

  it('says which snapshot could not be read, and retries it', async () => {
    const user = userEvent.setup()
    let broken = true
    const org = getOrg('cyber-dojo')
    server.use(
      http.get('*/api/v2/snapshots/cyber-dojo/aws-prod/:expr', ({ params }) => {
        const env = org?.envs.get('aws-prod')
        if (broken || !org || !env) {
          return HttpResponse.json({ message: 'boom' }, { status: 500 })
        }
        return new HttpResponse(renderSnapshotText(org, env, Number(params['expr'])), {
          headers: { 'Content-Type': 'application/json' },
        })
      }),
    )
    const box = await openStartSection('saver-ci', fingerprint)
    expect(
      await box.findByText(`Could not read aws-prod#${prodStart}.`, undefined, LOAD),
    ).toBeVisible()
    broken = false
    await user.click(box.getByRole('button', { name: 'Try again' }))
    expect(await box.findByText('same as then', undefined, LOAD)).toBeVisible()
  })
})
