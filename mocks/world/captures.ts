import type { Json, JsonObject } from './model'
import { asArray, asObject, objects } from './json'
import flowsJson from '../../fixtures/kosli/flows.json'
import environmentsJson from '../../fixtures/kosli/environments.json'
import snapshotLatestJson from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import snapshot4357Json from '../../fixtures/kosli/snapshot_aws-prod_4357.json'
import snapshotsListJson from '../../fixtures/kosli/snapshots_aws-prod.json'
import eventsJson from '../../fixtures/kosli/environment-events_aws-prod.json'
import betaVsProdJson from '../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import trailCreatorJson from '../../fixtures/kosli/trail_creator-ci.json'
import trailDashboardJson from '../../fixtures/kosli/trail_dashboard-ci.json'
import trailDifferJson from '../../fixtures/kosli/trail_differ-ci.json'
import trailRunnerJson from '../../fixtures/kosli/trail_runner-ci.json'
import snykJson from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'

/** The real captures of the cyber-dojo org (2026), typed as plain JSON. */

const json = (value: unknown): Json => value as Json

export const capturedFlows: JsonObject[] = objects(json(flowsJson), 'flows')
export const capturedEnvironments: JsonObject[] = objects(json(environmentsJson), 'environments')
export const capturedSnapshotLatest: JsonObject = asObject(json(snapshotLatestJson), 'snapshot')
export const capturedSnapshot4357: JsonObject = asObject(json(snapshot4357Json), 'snapshot')
export const capturedSnapshotList: JsonObject[] = objects(json(snapshotsListJson), 'snapshots')
export const capturedEvents: JsonObject[] = objects(json(eventsJson), 'events')
export const capturedBetaVsProd: JsonObject = asObject(json(betaVsProdJson), 'env-diff')
export const capturedTrails: JsonObject[] = [
  trailCreatorJson,
  trailDashboardJson,
  trailDifferJson,
  trailRunnerJson,
].map((t, i) => asObject(json(t), `trail ${i}`))
export const capturedSnykAttestations: JsonObject[] = objects(json(snykJson), 'attestations')

export function snapshotArtifacts(snapshot: JsonObject): JsonObject[] {
  return objects(snapshot['artifacts'], 'artifacts')
}

export function diffArtifacts(part: string): JsonObject[] {
  return objects(asObject(capturedBetaVsProd[part], part)['artifacts'], `${part}.artifacts`)
}

export function trailEvents(trail: JsonObject): JsonObject[] {
  return objects(trail['events'], 'events')
}

export function appliedPolicies(snapshot: JsonObject): Json[] {
  return asArray(snapshot['applied_policies'], 'applied_policies')
}
