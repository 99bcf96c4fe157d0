import { hex, kosliId } from './random'
import type { ArtifactRec, ComplianceState, GitCommitInfo, HistoryRow, JsonObject } from './model'

export const LEGACY_REGISTRY = '274425519734.dkr.ecr.eu-central-1.amazonaws.com'
export const MODERN_REGISTRY = '244531986313.dkr.ecr.eu-central-1.amazonaws.com'
export const APP = 'https://app.kosli.com'

export interface ArtifactSpec {
  org: string
  service: string
  fingerprint: string
  commit: string | null
  createdAt: number
  era: 'legacy' | 'modern'
  flow: string | null
  state?: ComplianceState
  filename?: string
  runtimeName?: string
  id?: string
  trail?: string | null
  templateRef?: string | null
  gitCommitInfo?: GitCommitInfo | null
  commitUrl?: string | null
  buildUrl?: string | null
  repoUrl?: string | null
  repoName?: string | null
  snapshotTemplate?: JsonObject | null
  reasons?: string[]
  eventRank?: number
}

/** An artifact record with cyber-dojo-style defaults for everything the spec leaves out. */
export function makeArtifact(spec: ArtifactSpec): ArtifactRec {
  const short = spec.commit ? spec.commit.slice(0, 7) : hex(spec.fingerprint, 7)
  const modern = spec.era === 'modern'
  const repoUrl =
    spec.repoUrl === undefined ? `https://github.com/cyber-dojo/${spec.service}` : spec.repoUrl
  const runtimeName =
    spec.runtimeName ??
    (modern
      ? `${MODERN_REGISTRY}/${spec.service}:${short}@sha256:${spec.fingerprint}`
      : `${LEGACY_REGISTRY}/${spec.service}:${short}`)
  const filename =
    spec.filename ??
    (modern ? `${MODERN_REGISTRY}/${spec.service}:${short}` : `cyberdojo/${spec.service}:${short}`)
  return {
    org: spec.org,
    fingerprint: spec.fingerprint,
    id: spec.id ?? kosliId(`${spec.org}/${spec.fingerprint}`),
    flow: spec.flow,
    service: spec.service,
    filename,
    runtimeName,
    trail: spec.trail === undefined ? (modern ? spec.commit : null) : spec.trail,
    templateRef: spec.templateRef === undefined ? (modern ? spec.service : null) : spec.templateRef,
    gitCommit: spec.commit,
    commitUrl:
      spec.commitUrl === undefined
        ? spec.commit && repoUrl
          ? `${repoUrl}/commit/${spec.commit}`
          : null
        : spec.commitUrl,
    buildUrl:
      spec.buildUrl === undefined
        ? repoUrl
          ? `${repoUrl}/actions/runs/${buildNumber(spec.fingerprint, modern)}`
          : null
        : spec.buildUrl,
    repoUrl,
    repoName:
      spec.repoName === undefined ? (repoUrl ? `cyber-dojo/${spec.service}` : null) : spec.repoName,
    createdAt: spec.createdAt,
    era: spec.era,
    state: spec.state ?? 'COMPLIANT',
    reasons: spec.reasons ?? [],
    gitCommitInfo: spec.gitCommitInfo === undefined ? null : spec.gitCommitInfo,
    preHistory: [],
    evidence: {},
    deployments: {},
    previous: null,
    snapshotTemplate: spec.snapshotTemplate ?? null,
    policyFailures: {},
    earlier: null,
    eventRank: spec.eventRank ?? 100,
    k8s: null,
  }
}

function buildNumber(seed: string, modern: boolean): number {
  const n = parseInt(hex(`build:${seed}`, 7), 16)
  return modern ? 14_000_000_000 + n * 60 : 2_000_000_000 + n * 3
}

export function commitInfo(
  service: string,
  sha: string,
  timestamp: number,
  message: string,
  repoUrl = `https://github.com/cyber-dojo/${service}`,
): GitCommitInfo {
  return {
    sha1: sha,
    message,
    author: 'Jon Jagger <jon@kosli.com>',
    branch: 'main',
    timestamp: Math.floor(timestamp),
    url: `${repoUrl}/commit/${sha}`,
  }
}

export function htmlUrl(art: ArtifactRec): string | null {
  if (!art.flow) return null
  return `${APP}/${art.org}/flows/${art.flow}/artifacts/${art.fingerprint}?artifact_id=${art.id}`
}

export function sortHistory(rows: HistoryRow[]): HistoryRow[] {
  return [...rows].sort((a, b) => a.timestamp - b.timestamp)
}
