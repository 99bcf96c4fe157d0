/**
 * AppliedPolicies — the policies a snapshot was judged by, each with its version and its rules
 * in words ("Requires a compliant pull_request attestation when flow.tags.kind == "build"").
 *
 * Props:
 * - `policies: AppliedPolicy[]` — `snapshot.appliedPolicies` (src/api/snapshots.ts).
 * - `heading?: string` (default "Applied policies"), `headingLevel?: 2 | 3` (default 3).
 */
import type { AppliedPolicy } from '@/api/snapshots'
import { appliedPolicyRules, policyTitle } from './applied-policy-text'

export interface AppliedPoliciesProps {
  policies: ReadonlyArray<AppliedPolicy>
  heading?: string
  headingLevel?: 2 | 3
}

export function AppliedPolicies({
  policies,
  heading = 'Applied policies',
  headingLevel = 3,
}: AppliedPoliciesProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div role="group" aria-label={heading} className="space-y-2">
      <Heading className="font-semibold">{heading}</Heading>
      {policies.length === 0 ? (
        <p className="text-muted">
          No policies are attached, so this environment's compliance is unknown.
        </p>
      ) : (
        <ul className="divide-y divide-line rounded border border-line bg-surface">
          {policies.map((policy, index) => (
            <li key={policy.id ?? `${policy.name}:${index}`} className="px-3 py-2">
              <p>
                <span className="font-medium">{policy.name}</span>{' '}
                <span className="text-muted">
                  {policy.version !== null ? `version ${policy.version}` : 'version unknown'}
                </span>
                <span className="sr-only"> ({policyTitle(policy)})</span>
              </p>
              <ul className="list-disc pl-5 text-muted">
                {appliedPolicyRules(policy).map((rule, ruleIndex) => (
                  <li key={ruleIndex}>{rule}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
