/** Test helpers: call the mock API through MSW (the server is started by src/test/setup.ts). */

export const BASE = 'http://localhost/api/v2'

export async function get(path: string): Promise<Response> {
  return fetch(`${BASE}/${path}`)
}

export async function getJson<T = unknown>(path: string): Promise<T> {
  const response = await get(path)
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

export interface SnapshotArtifact {
  name: string
  fingerprint: string
  compliant: boolean
  annotation: { type: string; was: number; now: number }
  creationTimestamp: number[]
  flow_name?: string
  pods: Record<string, { namespace: string; creationTimestamp: number; owners: unknown[] }> | null
  reasons_for_incompliance?: string[]
  policy_decisions?: { policy_name: string; status: string }[]
}

export interface Snapshot {
  index: number
  is_latest: boolean
  next_snapshot_timestamp: number | null
  timestamp: number
  compliant: boolean
  type: string
  artifact_compliance_count: { true: number; false: number; null: number }
  artifacts: SnapshotArtifact[]
}

export interface DiffArtifact {
  fingerprint: string
  name: string
  most_recent_timestamp: number
  flow: string
  commit_url: string | null
  instance_count?: number
  s1_instance_count?: number
  s2_instance_count?: number
  pods?: string[]
}

export interface EnvDiff {
  snappish1: { snapshot_id: string; artifacts: DiffArtifact[] }
  snappish2: { snapshot_id: string; artifacts: DiffArtifact[] }
  changed: { artifacts: DiffArtifact[] }
  'not-changed': { artifacts: DiffArtifact[] }
}

export interface EnvEvent {
  environment_name: string
  snapshot_index: number
  sha256: string
  type: string
  description: string
  reported_at: number
  artifact_compliance: boolean | null
}

export interface Artifact {
  fingerprint: string
  filename: string
  flow_name: string
  state: string
  created_at: string
  git_commit: string | null
  commit_url: string | null
  build_url: string | null
  running: { environment_name: string; snapshot_index: number }[]
  exited: { environment_name: string; snapshot_index: number }[]
  history: { event: string; timestamp: number; type?: string }[]
}

export interface SnapshotListItem {
  index: number
  from: number
  to: number
  compliant: boolean
  duration: number
}

export const snap = (env: string, index: number) => `snapshots/cyber-dojo/${env}/${index}`
export const diff = (a: string, b: string) =>
  `env-diff/cyber-dojo?snappish1=${encodeURIComponent(a)}&snappish2=${encodeURIComponent(b)}`
