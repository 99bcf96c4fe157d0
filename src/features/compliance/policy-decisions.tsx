/**
 * PolicyDecisions — how an artifact in a snapshot was judged: each policy (name + version) and
 * its status, each rule (provenance, trail compliance, attestation) with its outcome (satisfied /
 * not satisfied / ignored / not applicable), what the rule requires, and each resolution in plain
 * words with a link to the trail concerned (`/:org/flows/:flow/trails/:trail`).
 *
 * Props:
 * - `decisions: PolicyDecision[]` — `snapshotArtifact.policyDecisions` (src/api/snapshots.ts) or an
 *   assert's `policy_evaluations` mapped with `toPolicyDecision`.
 * - `org: string` — for the trail links.
 * - `reasons?: string[]` — the API's `reasons_for_incompliance`, shown first when present.
 * - `heading?: string` (default "Policy decisions"), `headingLevel?: 2 | 3 | 4` (default 3).
 * Non-compliant policies start open; compliant ones are collapsed.
 */
import { Link } from 'react-router'
import type { PolicyDecision, Resolution, RuleEvaluation } from '@/api/policy-decisions'
import { ComplianceBadge } from '@/components/compliance-badge'
import { trailPath } from '@/lib/app-paths'
import { Title } from './title'
import {
  OUTCOME_LABEL,
  describeResolution,
  resolutionTone,
  ruleLabel,
  ruleOutcome,
  ruleRequirement,
  type ResolutionTone,
  type RuleOutcome,
} from './policy-text'

export interface PolicyDecisionsProps {
  decisions: ReadonlyArray<PolicyDecision>
  org: string
  reasons?: ReadonlyArray<string>
  heading?: string
  headingLevel?: 2 | 3 | 4
}

const OUTCOME_LOOK: Record<RuleOutcome, { icon: string; tone: string }> = {
  satisfied: { icon: '✓', tone: 'text-ok' },
  'not-satisfied': { icon: '✕', tone: 'text-bad' },
  ignored: { icon: '–', tone: 'text-muted' },
  'not-applicable': { icon: '○', tone: 'text-muted' },
}

const TONE_LOOK: Record<ResolutionTone, { icon: string; tone: string; word: string }> = {
  pass: { icon: '✓', tone: 'text-ok', word: 'Pass' },
  fail: { icon: '✕', tone: 'text-bad', word: 'Fail' },
  neutral: { icon: '○', tone: 'text-muted', word: 'Info' },
}

function ResolutionRow({
  resolution,
  rule,
  org,
}: {
  resolution: Resolution
  rule: RuleEvaluation
  org: string
}) {
  const look = TONE_LOOK[resolutionTone(resolution.type)]
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      <span className={`shrink-0 ${look.tone}`}>
        <span aria-hidden="true">{look.icon}</span>
        <span className="sr-only">{look.word}:</span>
      </span>
      <span>{describeResolution(resolution, rule)}</span>
      {resolution.flow && resolution.trail ? (
        <span className="text-muted">
          in{' '}
          <Link
            className="break-all text-accent hover:underline"
            to={trailPath(org, resolution.flow, resolution.trail)}
          >
            {resolution.flow} / {resolution.trail}
          </Link>
        </span>
      ) : resolution.flow ? (
        <span className="text-muted">in flow {resolution.flow}</span>
      ) : null}
    </li>
  )
}

export function PolicyDecisions({
  decisions,
  org,
  reasons = [],
  heading = 'Policy decisions',
  headingLevel = 3,
}: PolicyDecisionsProps) {
  return (
    <div role="group" aria-label={heading} className="space-y-2">
      <Title level={headingLevel} className="font-semibold">
        {heading}
      </Title>
      {reasons.length ? (
        <div className="rounded border border-bad/40 bg-bad-soft p-2">
          <p className="font-medium text-bad">
            <span aria-hidden="true">✕ </span>Reasons given by Kosli
          </p>
          <ul className="list-disc pl-5">
            {reasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {decisions.length === 0 ? (
        <p className="text-muted">No policy was applied, so compliance is not judged by policy.</p>
      ) : (
        <ul className="space-y-2">
          {decisions.map((decision, index) => (
            <li key={`${decision.policy}:${index}`}>
              <details open={!decision.compliant} className="rounded border border-line bg-surface">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-1.5">
                  <span className="font-medium">{decision.policy}</span>
                  <span className="text-muted">
                    {decision.version !== null ? `version ${decision.version}` : 'version unknown'}
                  </span>
                  <ComplianceBadge value={decision.compliant} />
                </summary>
                <ul className="divide-y divide-line border-t border-line">
                  {decision.rules.map((rule, ruleIndex) => {
                    const outcome = ruleOutcome(rule)
                    const look = OUTCOME_LOOK[outcome]
                    return (
                      <li key={ruleIndex} className="space-y-1 px-3 py-2">
                        <div className="flex flex-wrap items-baseline gap-x-3">
                          <span className="font-medium">{ruleLabel(rule)}</span>
                          <span className={`inline-flex items-center gap-1 ${look.tone}`}>
                            <span aria-hidden="true">{look.icon}</span>
                            {OUTCOME_LABEL[outcome]}
                          </span>
                        </div>
                        <p className="text-muted">{ruleRequirement(rule)}</p>
                        {rule.resolutions.length ? (
                          <ul className="space-y-0.5 pl-2">
                            {rule.resolutions.map((resolution, resolutionIndex) => (
                              <ResolutionRow
                                key={resolutionIndex}
                                resolution={resolution}
                                rule={rule}
                                org={org}
                              />
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    )
                  })}
                  {decision.rules.length === 0 ? (
                    <li className="px-3 py-2 text-muted">This policy has no rules.</li>
                  ) : null}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
