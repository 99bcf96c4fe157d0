import { describe, expect, it } from 'vitest'
import flowsJson from '../../fixtures/kosli/flows.json'
import { getJson } from '../test/api'

interface Status {
  attestation_name: string
  attestation_id: string | null
  is_compliant: boolean | null
}

interface Trail {
  name: string
  last_modified_at: number
  created_at: number
  compliance_state: string
  compliance_status: {
    status: string
    attestations_statuses: Status[]
    artifacts_statuses: Record<string, { attestations_statuses: Status[] }>
  }
  template: { content: string } | null
  events: { type: string; timestamp: number; attestation_id?: string }[]
}

interface Attestation {
  attestation_id: string
  attestation_name: string
  is_compliant: boolean
  trail_name: string
  user_data: Record<string, unknown>
}

/** The captured flows that Kosli lists as active since 2024 but the world once gave no trails. */
const FLOWS = [
  'docker-base-ci',
  'monorepo-co-deployment',
  'monorepo-creator',
  'monorepo-dashboard',
  'monorepo-web',
  'production-server-access',
  'secrets',
  'snyk-aws-beta-per-vuln',
  'snyk-aws-prod-per-vuln',
  'terraform-plan-beta-terraform-base-infra',
  'terraform-plan-prod-terraform-base-infra',
]

const captured = new Map(flowsJson.map((flow) => [flow.name, flow]))

describe('trails of the captured flows without CI builds in an environment', () => {
  it.each(FLOWS)(
    '%s: the newest trail is the capture’s latest activity and state',
    async (name) => {
      const flow = captured.get(name)
      if (!flow) throw new Error(`${name} is not captured`)
      const trails = await getJson<Trail[]>(`trails/cyber-dojo/${name}`)
      expect(trails.length).toBeGreaterThanOrEqual(3)
      const newest = trails.reduce((a, b) => (b.last_modified_at > a.last_modified_at ? b : a))
      expect(newest.last_modified_at).toBe(flow.latest_activity_at)
      expect(newest.compliance_state).toBe(flow.latest_state)
      expect(newest.compliance_status.status).toBe(flow.latest_state)
      // Every attestation and artifact the flow's template names is on the newest trail.
      const reported = [
        ...newest.compliance_status.attestations_statuses.map((s) => s.attestation_name),
        ...Object.entries(newest.compliance_status.artifacts_statuses).flatMap(([slot, item]) => [
          slot,
          ...item.attestations_statuses.map((s) => s.attestation_name),
        ]),
      ]
      const named = [...flow.template.matchAll(/name:\s*([\w-]+)/g)].map((m) => m[1])
      expect(reported).toEqual(expect.arrayContaining(named.filter((n) => n !== 'artifact')))
      for (const trail of trails) {
        expect(trail.created_at).toBeLessThanOrEqual(trail.last_modified_at)
        expect(Math.max(...trail.events.map((e) => e.timestamp))).toBe(trail.last_modified_at)
      }
    },
  )

  it.each(FLOWS)(
    '%s: every attestation on a trail is served by the attestation API',
    async (name) => {
      const [newest] = await getJson<Trail[]>(`trails/cyber-dojo/${name}`)
      if (!newest) throw new Error('no trail')
      const statuses = [
        ...newest.compliance_status.attestations_statuses,
        ...Object.values(newest.compliance_status.artifacts_statuses).flatMap(
          (slot) => slot.attestations_statuses,
        ),
      ]
      expect(statuses.length).toBeGreaterThan(0)
      for (const status of statuses) {
        const { data } = await getJson<{ data: Attestation[] }>(
          `attestations/cyber-dojo?attestation_id=${status.attestation_id ?? ''}`,
        )
        expect(data[0]?.attestation_name).toBe(status.attestation_name)
        expect(data[0]?.trail_name).toBe(newest.name)
        expect(data[0]?.is_compliant).toBe(status.is_compliant)
      }
    },
  )

  it('the terraform-plan and server-access trails carry the attestations their templates name', async () => {
    const plan = await getJson<Trail[]>(
      'trails/cyber-dojo/terraform-plan-prod-terraform-base-infra',
    )
    const access = await getJson<Trail[]>('trails/cyber-dojo/production-server-access')
    const names = (trail: Trail | undefined) =>
      trail?.compliance_status.attestations_statuses.map((s) => s.attestation_name)
    expect(names(plan[0])).toEqual(['terraform-plan'])
    expect(names(access[0])).toEqual([
      'command-logs',
      'user-identity',
      'service-identity',
      'sso-session-data',
    ])
  })

  it('secrets is non-compliant because its newest check found a secret about to expire', async () => {
    const [newest] = await getJson<Trail[]>('trails/cyber-dojo/secrets')
    const failing = newest?.compliance_status.attestations_statuses.filter(
      (s) => s.is_compliant === false,
    )
    expect(failing?.map((s) => s.attestation_name)).toEqual(['expiring-secrets'])
    const [attestation] = await getJson<Attestation[]>(
      `attestations/cyber-dojo/secrets/trail/${newest?.name ?? ''}/expiring-secrets`,
    )
    expect(attestation?.is_compliant).toBe(false)
    expect(attestation?.user_data['message']).toMatch(
      /^Secret AWS_ACCESS_KEY_CI expires in 9 days$/,
    )
  })

  it('the monorepo flows built the same commits, and the artifacts answer in their flow', async () => {
    const creator = await getJson<Trail[]>('trails/cyber-dojo/monorepo-creator')
    const web = await getJson<Trail[]>('trails/cyber-dojo/monorepo-web')
    const binding = await getJson<Trail[]>('trails/cyber-dojo/monorepo-co-deployment')
    expect(web.map((t) => t.name)).toEqual(creator.map((t) => t.name))
    expect(binding.map((t) => t.name)).toEqual(creator.map((t) => t.name))
    const artifacts = await getJson<{ fingerprint: string; trail_name: string }[]>(
      'artifacts/cyber-dojo/monorepo-creator',
    )
    expect(artifacts.map((a) => a.trail_name)).toEqual(creator.map((t) => t.name))
  })
})
