import type { JsonBodyType } from 'msw'
import { serve, snappish } from '@/test/serve-api'
import attestations from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import events from '../../fixtures/kosli/environment-events_aws-prod.json'
import environment from '../../fixtures/kosli/environment_aws-prod.json'
import environments from '../../fixtures/kosli/environments.json'
import flow from '../../fixtures/kosli/flow_dashboard-ci.json'
import flows from '../../fixtures/kosli/flows.json'
import snapshot4357 from '../../fixtures/kosli/snapshot_aws-prod_4357.json'
import snapshotLatest from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import snapshots from '../../fixtures/kosli/snapshots_aws-prod.json'
import trailCreator from '../../fixtures/kosli/trail_creator-ci.json'
import trailDashboard from '../../fixtures/kosli/trail_dashboard-ci.json'
import trailDiffer from '../../fixtures/kosli/trail_differ-ci.json'
import trailRunner from '../../fixtures/kosli/trail_runner-ci.json'
import { fetchArtifactAttestations } from './attestations'
import { fetchSnapshotDiff } from './diff'
import { fetchEnvironment, fetchEnvironments } from './environments'
import { fetchEnvironmentEvents } from './events'
import { fetchFlow, fetchFlows } from './flows'
import { fetchSnapshot, fetchSnapshotList } from './snapshots'
import { fetchTrail } from './trails'

const diffCaptures = import.meta.glob<{ default: unknown }>(
  '../../fixtures/kosli/env-diff/*.json',
  {
    eager: true,
  },
)

describe('every real capture parses into domain types', () => {
  it('flows list and one flow', async () => {
    serve('flows/cyber-dojo', flows)
    const list = await fetchFlows('cyber-dojo')
    expect(list).toHaveLength(39)
    expect(list.every((item) => typeof item.name === 'string' && item.name.length > 0)).toBe(true)

    serve('flows/cyber-dojo/dashboard-ci', flow)
    const one = await fetchFlow('cyber-dojo', 'dashboard-ci')
    expect(one.name).toBe('dashboard-ci')
    expect(one.template).toContain('version: 1')
  })

  it('environments list (plain array) and one environment', async () => {
    serve('environments/cyber-dojo', environments)
    const list = await fetchEnvironments('cyber-dojo')
    expect(list.map((env) => env.name)).toContain('aws-prod')
    const logical = list.find((env) => env.type === 'logical')
    expect(logical?.includedEnvironments.length).toBeGreaterThan(0)

    serve('environments/cyber-dojo/aws-prod', environment)
    const prod = await fetchEnvironment('cyber-dojo', 'aws-prod')
    expect(prod.compliant).toBe(true)
    expect(prod.policies).toContain('provenance')
  })

  it('environments list in its paginated shape', async () => {
    serve('environments/cyber-dojo', {
      page: 1,
      per_page: 15,
      total_pages: 1,
      total_count: environments.length,
      environments,
    })
    expect(await fetchEnvironments('cyber-dojo')).toHaveLength(environments.length)
  })

  it('environment events with header pagination; sha256 becomes the fingerprint', async () => {
    serve('environments/cyber-dojo/aws-prod/events', events, {
      'X-Total-Count': '4000',
      'X-Per-Page': '15',
      'X-Current-Page': '1',
      'X-Total-Pages': '267',
    })
    const page = await fetchEnvironmentEvents('cyber-dojo', 'aws-prod', { page: 1, perPage: 15 })
    expect(page.totalCount).toBe(4000)
    expect(page.totalPages).toBe(267)
    expect(page.events[0]?.fingerprint).toBe(events[0]?.sha256)
    expect(page.events[0]?.flow).toBe('runner-ci')
  })

  it('snapshot list reads to: 0 as still current', async () => {
    serve('snapshots/cyber-dojo/aws-prod', snapshots)
    const list = await fetchSnapshotList('cyber-dojo', 'aws-prod', 1, 15)
    expect(list.snapshots[0]?.to).toBeNull()
    expect(list.snapshots[1]?.to).toBeGreaterThan(0)
  })

  it.each([
    ['latest', snapshotLatest],
    ['#4357', snapshot4357],
  ])('snapshot %s', async (_name, body) => {
    serve('snapshots/cyber-dojo/aws-prod/*', body)
    const result = await fetchSnapshot('cyber-dojo', snappish('aws-prod'))
    expect(result.index).toBe(body.index)
    expect(result.artifacts.length).toBe(body.artifacts.length)
    const running = result.artifacts.filter((artifact) => !artifact.exited)
    expect(running.length).toBe(
      result.complianceCount.compliant +
        result.complianceCount.nonCompliant +
        result.complianceCount.unknown,
    )
    expect(result.artifacts.every((artifact) => artifact.fingerprint.length === 64)).toBe(true)
    expect(result.artifacts[0]?.policyDecisions.length).toBeGreaterThan(0)
  })

  it.each([trailCreator, trailDashboard, trailDiffer, trailRunner])('trail $name', async (body) => {
    serve('trails/cyber-dojo/*', body)
    const trail = await fetchTrail('cyber-dojo', body.flow.name, body.name)
    expect(trail.name).toBe(body.name)
    expect(trail.events.length).toBe(body.events.length)
    expect(trail.checklist?.state).toBe(body.compliance_status.status)
  })

  it('attestations by name on an artifact', async () => {
    serve('attestations/cyber-dojo/differ-ci/artifact/*', attestations)
    const list = await fetchArtifactAttestations(
      'cyber-dojo',
      'differ-ci',
      'abcde',
      'snyk-container-scan',
    )
    expect(list[0]?.type).toBe('snyk')
    expect(list[0]?.raw.processed_snyk_results).toBeDefined()
  })

  it.each(Object.entries(diffCaptures))('env-diff %s', async (_path, module) => {
    serve('env-diff/cyber-dojo', module.default as JsonBodyType)
    const diff = await fetchSnapshotDiff('cyber-dojo', snappish('aws-beta'), snappish('aws-prod'))
    const wire = module.default as Record<string, { artifacts: unknown[] } | undefined>
    expect(diff.onlyInFrom).toHaveLength(wire.snappish1?.artifacts.length ?? 0)
    expect(diff.onlyInTo).toHaveLength(wire.snappish2?.artifacts.length ?? 0)
    expect(diff.unchanged).toHaveLength(wire['not-changed']?.artifacts.length ?? 0)
  })
})
