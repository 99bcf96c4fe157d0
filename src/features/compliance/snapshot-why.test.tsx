import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AUDIT } from '@mocks/world/facts'
import type { Snapshot, SnapshotArtifact } from '@/api/snapshots'
import { MISSING_PULL_REQUEST } from '@/test/policy-decision'
import { renderUi } from '@/test/render-ui'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import {
  LISTED_PROBLEMS,
  SnapshotArtifactExplanation,
  SnapshotComplianceWhy,
  SnapshotExplanation,
} from './snapshot-why'
import { expectLink } from '@/test/expect-link'

const LOAD = { timeout: 15_000 }

function artifact(over: Partial<SnapshotArtifact>): SnapshotArtifact {
  return snapshotArtifact({
    name: 'registry.example/saver:abc@sha256:00',
    fingerprint: 'ab'.repeat(32),
    instanceStarts: [1],
    runningSince: 1,
    flow: 'saver-ci',
    ...over,
  })
}

function snapshot(artifacts: SnapshotArtifact[], policies = true): Snapshot {
  return {
    environment: 'aws-beta',
    index: 5,
    isLatest: false,
    timestamp: 1,
    nextSnapshotTimestamp: null,
    type: 'ECS',
    compliant: artifacts.every((item) => item.exited || item.compliant),
    htmlUrl: null,
    complianceCount: { compliant: 0, nonCompliant: 0, unknown: 0 },
    artifacts,
    appliedPolicies: policies
      ? [
          { id: 'a', name: 'pull-request', version: 3, dump: null },
          { id: 'b', name: 'provenance', version: null, dump: null },
        ]
      : [],
  }
}

describe('SnapshotExplanation', () => {
  it('rolls up, names the policies, and explains each running artifact that is not compliant', () => {
    renderUi(
      <SnapshotExplanation
        org="cyber-dojo"
        snapshot={snapshot([
          artifact({ fingerprint: '01'.repeat(32) }),
          artifact({
            name: 'registry.example/saver:e1f0c3a@sha256:11',
            fingerprint: '11'.repeat(32),
            compliant: false,
            policyDecisions: [MISSING_PULL_REQUEST],
            reasonsForIncompliance: ["Missing attestation 'pull_request'"],
          }),
          artifact({
            name: 'docker.io/library/busybox:1.36',
            fingerprint: '22'.repeat(32),
            compliant: false,
            flow: null,
          }),
          artifact({
            name: 'gone:1',
            fingerprint: '33'.repeat(32),
            compliant: false,
            exited: true,
          }),
        ])}
      />,
    )
    const group = screen.getByRole('group', { name: 'Compliance of aws-beta#5' })
    const box = within(group)
    expect(
      box.getByText('1 of 3 running artifacts compliant; 1 without provenance; 1 non-compliant.'),
    ).toBeVisible()
    expect(box.getByText('pull-request v3, provenance')).toBeVisible()
    expect(box.getByText('2 running artifacts are not compliant:')).toBeVisible()
    expect(box.getByRole('link', { name: 'saver:e1f0c3a' })).toHaveAttribute(
      'href',
      `/cyber-dojo/flows/saver-ci/artifacts/${'11'.repeat(32)}`,
    )
    // Its decisions, in words, with a link to the trail concerned.
    const saver = box.getByRole('group', { name: 'Policy decisions for saver:e1f0c3a' })
    expect(within(saver).getByText("Missing attestation 'pull_request'")).toBeVisible()
    expect(
      within(saver).getByText(/^Missing attestation: no pull_request attestation/),
    ).toBeVisible()
    expect(within(saver).getByRole('link', { name: 'saver-ci / e1f0c3a' })).toBeVisible()
    // No provenance: no link, and said so.
    expect(box.getByText('busybox:1.36')).toBeVisible()
    expect(box.getByText('no provenance')).toBeVisible()
    // Exited artifacts are not judged.
    expect(box.queryByText('gone:1')).toBeNull()
  })

  it('lists the first few problems and links to the rest', () => {
    const many = Array.from({ length: LISTED_PROBLEMS + 4 }, (_, index) =>
      artifact({
        name: `svc-${index}:1`,
        fingerprint: index.toString(16).padStart(64, '0'),
        compliant: false,
      }),
    )
    renderUi(<SnapshotExplanation org="cyber-dojo" snapshot={snapshot(many)} />)
    expect(screen.getAllByRole('group', { name: /^Policy decisions for / })).toHaveLength(
      LISTED_PROBLEMS,
    )
    expect(
      screen.getByRole('link', {
        name: `See all ${LISTED_PROBLEMS + 4} non-compliant artifacts in aws-beta#5`,
      }),
    ).toHaveAttribute(
      'href',
      '/cyber-dojo/environments/aws-beta/snapshots/5?compliance=non-compliant',
    )
  })

  it('says when all is well, and when nothing was judged', () => {
    const { unmount } = renderUi(
      <SnapshotExplanation org="cyber-dojo" snapshot={snapshot([artifact({})])} />,
    )
    expect(screen.getByText('Every running artifact satisfied every applied policy.')).toBeVisible()
    unmount()
    renderUi(<SnapshotExplanation org="cyber-dojo" snapshot={snapshot([artifact({})], false)} />)
    expect(screen.getByText(/^No policy was applied to aws-beta#5/)).toBeVisible()
    expect(screen.queryByText(/satisfied every applied policy/)).toBeNull()
  })
})

describe('explanations fetched on demand (demo world)', () => {
  const { fingerprint, betaStart, betaCompliantFrom } = AUDIT.lateScan

  it("explains the late-scanned saver's start in aws-beta with its missing attestation", async () => {
    renderUi(
      <SnapshotArtifactExplanation
        org="cyber-dojo"
        env="aws-beta"
        index={betaStart}
        fingerprint={fingerprint}
      />,
    )
    const group = await screen.findByRole(
      'group',
      { name: `Policy decisions in aws-beta#${betaStart}` },
      LOAD,
    )
    const box = within(group)
    expect(
      box.getByText(
        "Missing attestation 'snyk-container-scan' required by policy 'snyk-scan-aws-beta'",
      ),
    ).toBeVisible()
    expect(
      box.getByText(/^Missing attestation: no decision attestation named "snyk-container-scan"/),
    ).toBeVisible()
    expect(
      box.getByText(/^Not compliant in its trail \(its status there is INCOMPLETE\)/),
    ).toBeVisible()
  })

  it('opens a snapshot known only by number, from its badge', async () => {
    const user = userEvent.setup()
    renderUi(
      <SnapshotComplianceWhy
        org="cyber-dojo"
        env="aws-beta"
        index={betaCompliantFrom - 1}
        compliant={false}
      />,
    )
    await user.click(
      screen.getByRole('button', {
        name: `Non-compliant: Why is snapshot aws-beta#${betaCompliantFrom - 1} non-compliant?`,
      }),
    )
    const group = await screen.findByRole(
      'group',
      { name: `Compliance of aws-beta#${betaCompliantFrom - 1}` },
      LOAD,
    )
    expect(within(group).getByText('1 running artifact is not compliant:')).toBeVisible()
    expectLink(/^saver:/, `/cyber-dojo/flows/saver-ci/artifacts/${fingerprint}`, group)
  })
})
