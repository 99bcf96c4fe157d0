import { commitInfo, makeArtifact } from './artifacts'
import { AUDIT, BETA, ORG } from './cyber-dojo-moments'
import { addArtifact, rankOf, requireArtifact } from './cyber-dojo-pins'
import type { Clock, PinBoard } from './cyber-dojo-pins'
import type { ArtifactRec, EnvRec, OrgRec } from './model'
import type { Action } from './timeline'
import { setAttestations, setMissing, standardAttestations, trailAttestations } from './trails'
import { utc } from './time'

/** The auditor's cases in aws-beta (2026): what non-compliance looks like once deployed. */

export interface AuditArtifacts {
  hotfix: ArtifactRec
  busybox: ArtifactRec
}

export function addAuditArtifacts(org: OrgRec): AuditArtifacts {
  const hotfixCreated = utc(2026, 8, 7, 16, 20, 11)
  const hotfix = addArtifact(
    org,
    makeArtifact({
      org: ORG,
      service: 'saver',
      fingerprint: AUDIT.saverHotfix.fingerprint,
      commit: AUDIT.saverHotfix.commit,
      createdAt: hotfixCreated,
      era: 'modern',
      flow: 'saver-ci',
      state: 'NON-COMPLIANT',
      gitCommitInfo: commitInfo(
        'saver',
        AUDIT.saverHotfix.commit,
        hotfixCreated - 260,
        'Hotfix: raise saver write timeout (pushed straight to main)',
      ),
      reasons: [
        "Missing attestation 'pull_request' required by policy 'pull-request'",
        "Attestation 'unit-test' is not compliant (3 of 412 tests failed)",
        "Attestation 'snyk-container-scan' is not compliant (2 high severity vulnerabilities)",
        "Trail '" +
          AUDIT.saverHotfix.commit +
          "' is not compliant (policy 'trail-compliance-aws-beta')",
      ],
      eventRank: rankOf('saver'),
    }),
  )
  hotfix.policyFailures = {
    'pull-request': 'missing_attestation',
    'snyk-scan-aws-beta': 'non_compliant_attestation',
    'trail-compliance-aws-beta': 'non_compliant_in_trail',
  }
  setAttestations(
    hotfix.fingerprint,
    trailAttestations({
      pullRequest: null,
      tests: { total: 412, passed: 407, failed: 3, skipped: 2 },
      vulnerabilities: { high: 2, medium: 5, low: 11 },
      metrics: {
        coverage: { lines: 88.2, branches: 79.5 },
        failing: ['test_save_kata_timeout', 'test_event_batch_limit', 'test_retry_backoff'],
      },
    }),
  )
  setMissing(hotfix.fingerprint, [
    { name: 'pull-request', type: 'pull_request', onArtifact: false },
  ])
  const busybox = addArtifact(
    org,
    makeArtifact({
      org: ORG,
      service: 'busybox',
      fingerprint: AUDIT.busybox.fingerprint,
      commit: null,
      createdAt: 0,
      era: 'modern',
      flow: null,
      state: 'NON-COMPLIANT',
      runtimeName: `docker.io/library/busybox:1.36@sha256:${AUDIT.busybox.fingerprint}`,
      filename: 'docker.io/library/busybox:1.36',
      repoUrl: null,
      trail: null,
      templateRef: null,
      reasons: ["Artifact has no provenance (policy 'provenance' requires it)"],
      repoName: null,
      eventRank: 50,
    }),
  )
  return { hotfix, busybox }
}

/** The hotfix that skipped review ran in aws-beta, replaced blue-green. */
export function pinAudit(board: PinBoard, audit: AuditArtifacts): void {
  const start = AUDIT.saverHotfix.start
  board.pin(BETA, audit.hotfix, start, 1, true, [Math.floor(board.clock.tsOf(BETA, start)) - 35])
}

/** Snapshots whose contents the auditor's case relies on. */
export const AUDIT_CHECKPOINTS: Record<string, number[]> = {
  [BETA]: [AUDIT.saverHotfix.start + 60],
}

/** A debug container without provenance, started by hand and gone three snapshots later. */
export function busyboxActions(clock: Clock, audit: AuditArtifacts): Action[] {
  const startedAt = Math.floor(clock.tsOf(BETA, AUDIT.busybox.start)) - 12
  audit.busybox.createdAt = startedAt
  return [
    {
      kind: 'deploy',
      at: AUDIT.busybox.start,
      service: 'busybox',
      fp: audit.busybox.fingerprint,
      count: 1,
      creation: [startedAt],
      blueGreen: false,
    },
    { kind: 'retire', at: AUDIT.busybox.end, service: 'busybox' },
  ]
}

/** `AUDIT.lateScan`: its snyk-container-scan arrives while it already runs in aws-beta. */
export function scanReportedLate(org: OrgRec, beta: EnvRec, clock: Clock): void {
  const { fingerprint, trail, betaStart, betaCompliantFrom } = AUDIT.lateScan
  const art = requireArtifact(org, fingerprint)
  const run = beta.runs.find((r) => r.fp === fingerprint)
  if (!run || run.start !== betaStart || run.end === null || run.end <= betaCompliantFrom) {
    throw new Error('world: the late-scan saver no longer runs where AUDIT.lateScan says')
  }
  // Reported a few minutes before the snapshot that first sees it compliant.
  const scannedAt = Math.floor(clock.tsOf(BETA, betaCompliantFrom)) - 240
  if (scannedAt <= clock.tsOf(BETA, betaCompliantFrom - 1)) {
    throw new Error('world: late scan too early')
  }
  art.earlier = {
    until: scannedAt,
    state: 'INCOMPLETE',
    reasons: [
      "Missing attestation 'snyk-container-scan' required by policy 'snyk-scan-aws-beta'",
      `Trail '${trail}' is not compliant (policy 'trail-compliance-aws-beta')`,
    ],
    policyFailures: {
      'snyk-scan-aws-beta': 'missing_attestation',
      'trail-compliance-aws-beta': 'non_compliant_in_trail',
    },
  }
  setAttestations(
    fingerprint,
    standardAttestations(art).map((spec) =>
      spec.name === 'snyk-container-scan' ? { ...spec, offset: scannedAt - art.createdAt } : spec,
    ),
  )
}
