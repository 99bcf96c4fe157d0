import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { Snapshot } from '@/api/snapshots'
import { renderUi } from '@/test/render-ui'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import { LatestSnapshotNotice } from './latest-snapshot-notice'
import { RunningNow } from './running-now'
import { expectLink } from '@/test/expect-link'

const RUNNER = snapshotArtifact({ name: 'cyberdojo/runner:16d9990' })
const SAVER = snapshotArtifact({ name: 'cyberdojo/saver:5e4b987' })

function snapshot(index: number, artifacts = [RUNNER]): Snapshot {
  return {
    environment: 'aws-prod',
    index,
    isLatest: true,
    timestamp: 1_790_000_000 + index,
    nextSnapshotTimestamp: null,
    type: 'ECS',
    compliant: true,
    htmlUrl: null,
    complianceCount: { compliant: artifacts.length, nonCompliant: 0, unknown: 0 },
    artifacts,
    appliedPolicies: [],
  }
}

/** The environment page's live parts, with a button standing in for a refresh. */
function Page() {
  const [latest, setLatest] = useState(snapshot(64))
  return (
    <>
      <button type="button" onClick={() => setLatest(snapshot(65, [RUNNER, SAVER]))}>
        refresh
      </button>
      <LatestSnapshotNotice
        org="cyber-dojo"
        env="aws-prod"
        snapshot={latest}
        receivedAt={(1_790_000_000 + 75) * 1000}
      />
      <RunningNow org="cyber-dojo" env="aws-prod" snapshot={latest} />
    </>
  )
}

describe('the environment page as new snapshots arrive', () => {
  it('says nothing at first, then announces the new snapshot once and marks its new rows', async () => {
    renderUi(<Page />)
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('')
    expect(screen.queryByText('new')).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'refresh' }))

    expect(status).toHaveTextContent('New snapshot #65 taken 10s ago: now showing it.')
    expectLink(
      'What changed in #65',
      '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
      status,
    )
    const saverRow = screen.getByRole('rowheader', { name: /saver:5e4b987/ })
    expect(saverRow).toHaveTextContent('new')
    expect(screen.getByRole('rowheader', { name: /runner:16d9990/ })).not.toHaveTextContent('new')
  })
})
