import type { AppliedPolicy } from '@/api/snapshots'
import { readRuleDefinition, ruleRequirement } from './policy-text'

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/**
 * The rules of an applied policy (`policy_dump`) as sentences. Only rules that
 * ask for something are listed; an unreadable dump says so rather than guessing.
 */
export function appliedPolicyRules(policy: Pick<AppliedPolicy, 'dump'>): string[] {
  const artifacts = record(record(policy.dump)?.['artifacts'])
  if (!artifacts) return ['The policy text was not included in the snapshot.']
  const rules: string[] = []
  const provenance = readRuleDefinition(artifacts['provenance'])
  if (provenance.required) {
    rules.push(ruleRequirement({ type: 'provenance', definition: artifacts['provenance'] }))
  }
  const trail = readRuleDefinition(artifacts['trail_compliance'])
  if (trail.required) {
    rules.push(
      ruleRequirement({ type: 'trail-compliance', definition: artifacts['trail_compliance'] }),
    )
  }
  const attestations = Array.isArray(artifacts['attestations']) ? artifacts['attestations'] : []
  for (const attestation of attestations) {
    rules.push(ruleRequirement({ type: 'attestation', definition: attestation }))
  }
  return rules.length ? rules : ['This policy requires nothing.']
}

/** 'pull-request v3'. */
export function policyTitle(policy: Pick<AppliedPolicy, 'name' | 'version'>): string {
  return policy.version !== null ? `${policy.name} v${policy.version}` : policy.name
}
