import { describe, expect, it } from 'vitest'
import { AUDIT } from '../world/cyber-dojo'
import { getJson, snap } from '../test/api'
import type { Artifact, Snapshot } from '../test/api'

interface Trail {
  compliance_state: string
  compliance_status: {
    attestations_statuses: { attestation_name: string; status: string }[]
    artifacts_statuses: Record<
      string,
      {
        attestations_statuses: {
          attestation_name: string
          attestation_id: string
          is_compliant: boolean
        }[]
      }
    >
  }
  events: { type: string; attestation_id?: string }[]
}

describe('what an auditor needs', () => {
  it('a non-compliant artifact ran in aws-beta, with the reasons and policy decisions', async () => {
    const s = await getJson<Snapshot>(snap('aws-beta', AUDIT.saverHotfix.start))
    const a = s.artifacts.find((x) => x.fingerprint === AUDIT.saverHotfix.fingerprint)
    expect(a?.annotation.type).toBe('started-non-compliant')
    expect(a?.compliant).toBe(false)
    expect(a?.reasons_for_incompliance?.[0]).toMatch(/pull_request/)
    const failing = (a?.policy_decisions ?? []).filter((p) => p.status === 'NON-COMPLIANT')
    expect(failing.map((p) => p.policy_name).sort()).toEqual([
      'pull-request',
      'snyk-scan-aws-beta',
      'trail-compliance-aws-beta',
    ])
    expect(JSON.stringify(a?.policy_decisions)).toContain('"missing_attestation"')
    expect(s.compliant).toBe(false)
    expect(s.artifact_compliance_count.false).toBe(1)
  })

  it('its trail lists the MISSING pull-request and the failing junit and snyk evidence', async () => {
    const art = await getJson<Artifact & { trail_name: string }>(
      `artifacts/cyber-dojo/saver-ci/fingerprint/${AUDIT.saverHotfix.fingerprint}`,
    )
    expect(art.state).toBe('NON-COMPLIANT')
    expect(art.exited[0]?.environment_name).toBe('aws-beta')
    expect(art.history.some((h) => h.type === 'artifact_attestation_reported')).toBe(true)
    const trail = await getJson<Trail>(`trails/cyber-dojo/saver-ci/${art.trail_name}`)
    expect(trail.compliance_state).toBe('NON-COMPLIANT')
    expect(trail.compliance_status.attestations_statuses).toContainEqual(
      expect.objectContaining({ attestation_name: 'pull-request', status: 'MISSING' }),
    )
    const statuses =
      trail.compliance_status.artifacts_statuses['saver']?.attestations_statuses ?? []
    const junit = statuses.find((x) => x.attestation_name === 'unit-test')
    expect(junit?.is_compliant).toBe(false)
    const byId = await getJson<{ data: Record<string, unknown>[] }>(
      `attestations/cyber-dojo?attestation_id=${junit?.attestation_id ?? ''}`,
    )
    expect(byId.data[0]).toMatchObject({
      attestation_type: 'junit',
      is_compliant: false,
      user_data: { totals: { tests: 412, failures: 3, errors: 0, skipped: 2 } },
    })
    expect(trail.events.some((e) => e.attestation_id === junit?.attestation_id)).toBe(true)
    const snyk = await getJson<Record<string, unknown>[]>(
      `attestations/cyber-dojo/saver-ci/artifact/${AUDIT.saverHotfix.fingerprint}/snyk-container-scan`,
    )
    expect(snyk[0]?.['processed_snyk_results']).toMatchObject({ results: [{ high_count: 2 }] })
  })

  it('an artifact with no provenance ran in aws-beta and is found by search', async () => {
    const s = await getJson<Snapshot>(snap('aws-beta', AUDIT.busybox.start))
    const a = s.artifacts.find((x) => x.fingerprint === AUDIT.busybox.fingerprint)
    expect(a?.compliant).toBe(false)
    expect(JSON.stringify(a?.policy_decisions)).toContain('"no_provenance"')
    const found = await getJson<{
      artifacts: { has_provenance: boolean; exited_from: string[] }[]
    }>(`search/cyber-dojo/sha/${AUDIT.busybox.fingerprint.slice(0, 12)}`)
    expect(found.artifacts[0]).toMatchObject({ has_provenance: false, exited_from: ['aws-beta'] })
  })

  it('every evidence type is retrievable from a modern trail', async () => {
    const runners = await getJson<{ fingerprint: string; trail_name: string | null }[]>(
      'artifacts/cyber-dojo/runner-ci?per_page=40',
    )
    const synthetic = runners.find((r) => r.trail_name && !r.trail_name.startsWith('a2ffba5'))
    const trailName = synthetic?.trail_name ?? ''
    const pr = await getJson<Record<string, unknown>[]>(
      `attestations/cyber-dojo/runner-ci/trail/${trailName}/pull-request`,
    )
    expect(pr[0]).toMatchObject({ attestation_type: 'pull_request' })
    expect(JSON.stringify(pr[0]?.['pull_requests'])).toContain('approvers')
    for (const [name, type] of [
      ['unit-test', 'junit'],
      ['snyk-container-scan', 'snyk'],
      ['sbom', 'generic'],
      ['unit-test-metrics', 'custom:test-metrics'],
    ]) {
      const list = await getJson<Record<string, unknown>[]>(
        `attestations/cyber-dojo/runner-ci/artifact/${synthetic?.fingerprint ?? ''}/${name}`,
      )
      expect(list[0]?.['attestation_type']).toBe(type)
    }
  })
})
