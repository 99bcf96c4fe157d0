import { describe, expect, it } from 'vitest'
import type { PolicyDecision, RuleEvaluation } from '@/api/policy-decisions'
import {
  attestationPhrase,
  describeResolution,
  failingPolicyAttestations,
  failureReasons,
  readRuleDefinition,
  resolutionSentence,
  resolutionTone,
  ruleLabel,
  ruleOutcome,
  ruleRequirement,
} from './policy-text'

const attestationRule: Pick<RuleEvaluation, 'type' | 'definition'> = {
  type: 'attestation',
  definition: {
    if: { text: 'flow.tags.kind == "build"' },
    name: '*',
    type: 'pull_request',
    must_be_compliant: true,
    for_control: 'SDLC-CTRL-0002',
  },
}
const namedRule = {
  type: 'attestation',
  definition: { if: null, name: 'unit-test', type: 'junit', must_be_compliant: true },
}
const provenanceRule = { type: 'provenance', definition: { required: true, exceptions: [] } }
const res = (
  type: string,
  extra: Partial<{ flow: string; trail: string; artifactStatus: string }> = {},
) => ({
  type,
  flow: extra.flow ?? null,
  trail: extra.trail ?? null,
  artifactStatus: extra.artifactStatus ?? null,
  forControl: null,
})

describe('describeResolution', () => {
  it('says every resolution type in plain words', () => {
    expect(describeResolution(res('missing_attestation'), attestationRule)).toBe(
      'Missing attestation: no pull_request attestation was reported, and the policy requires one.',
    )
    expect(describeResolution(res('non_compliant_attestation'), namedRule)).toBe(
      'Non-compliant attestation: the junit attestation named "unit-test" was reported but is not compliant, and the policy requires it to be compliant.',
    )
    expect(
      describeResolution(res('non_compliant_in_trail', { artifactStatus: 'NON-COMPLIANT' }), {
        type: 'trail-compliance',
        definition: { required: true },
      }),
    ).toBe(
      'Not compliant in its trail (its status there is NON-COMPLIANT), and the policy requires trail compliance.',
    )
    expect(describeResolution(res('no_provenance'), provenanceRule)).toMatch(
      /^No provenance: no flow reported/,
    )
    expect(describeResolution(res('missing_provenance'), provenanceRule)).toMatch(
      /^Missing provenance: the policy requires/,
    )
    expect(describeResolution(res('rule_satisfied'), attestationRule)).toBe(
      'Satisfied: the rule is met.',
    )
    expect(describeResolution(res('rule_not_applicable'), attestationRule)).toBe(
      'Not applicable: the rule only applies when flow.tags.kind == "build".',
    )
    expect(describeResolution(res('rule_not_applicable'), provenanceRule)).toBe(
      'Not applicable: the rule does not apply here.',
    )
    expect(describeResolution(res('legacy_flow'), provenanceRule)).toMatch(/^Legacy flow/)
    expect(describeResolution(res('brand_new_kind'), provenanceRule)).toBe(
      'Unrecognised resolution "brand_new_kind".',
    )
  })

  it('adds the place for exports', () => {
    expect(
      resolutionSentence(
        res('missing_attestation', { flow: 'saver-ci', trail: 'e1f0c3a' }),
        attestationRule,
      ),
    ).toMatch(/In trail e1f0c3a of flow saver-ci\.$/)
  })

  it('classifies resolutions as pass / fail / neutral', () => {
    expect(resolutionTone('rule_satisfied')).toBe('pass')
    for (const type of [
      'missing_attestation',
      'non_compliant_attestation',
      'non_compliant_in_trail',
      'no_provenance',
      'missing_provenance',
    ]) {
      expect(resolutionTone(type)).toBe('fail')
    }
    expect(resolutionTone('rule_not_applicable')).toBe('neutral')
  })
})

describe('rules', () => {
  it('labels and explains each rule type', () => {
    expect(ruleLabel(provenanceRule)).toBe('Provenance')
    expect(ruleLabel({ type: 'trail-compliance', definition: null })).toBe('Trail compliance')
    expect(ruleLabel(attestationRule)).toBe('Attestation: pull_request attestation')
    expect(ruleLabel(namedRule)).toBe('Attestation: junit attestation named "unit-test"')
    expect(ruleRequirement(attestationRule)).toBe(
      'Requires a compliant pull_request attestation when flow.tags.kind == "build" (control SDLC-CTRL-0002).',
    )
    expect(ruleRequirement({ type: 'provenance', definition: { required: false } })).toBe(
      'Provenance is not required by this policy.',
    )
    expect(
      ruleRequirement({
        type: 'trail-compliance',
        definition: { required: true, exceptions: [{ if: { text: 'flow.name == "x"' } }] },
      }),
    ).toBe('Every artifact must be compliant in its trail except when flow.name == "x".')
  })

  it('reads outcomes: ignored wins, then satisfied true/false, else not applicable', () => {
    expect(ruleOutcome({ satisfied: null, ignored: true })).toBe('ignored')
    expect(ruleOutcome({ satisfied: true, ignored: false })).toBe('satisfied')
    expect(ruleOutcome({ satisfied: false, ignored: false })).toBe('not-satisfied')
    expect(ruleOutcome({ satisfied: null, ignored: false })).toBe('not-applicable')
  })

  it('survives free-form definitions', () => {
    expect(readRuleDefinition('nonsense').required).toBeNull()
    expect(readRuleDefinition([1, 2]).exceptions).toEqual([])
    expect(attestationPhrase(readRuleDefinition(null))).toBe('any attestation')
  })
})

describe('failureReasons', () => {
  it('lists one sentence per failing resolution, and none for compliant policies', () => {
    const decisions: PolicyDecision[] = [
      { policy: 'ok', version: 1, compliant: true, rules: [] },
      {
        policy: 'pull-request',
        version: 3,
        compliant: false,
        rules: [
          {
            ...attestationRule,
            satisfied: false,
            ignored: false,
            resolutions: [
              res('missing_attestation', { flow: 'saver-ci', trail: 'e1f0c3a' }),
              res('rule_not_applicable', { flow: 'other', trail: 't' }),
            ],
          },
          { ...provenanceRule, satisfied: false, ignored: false, resolutions: [] },
        ],
      },
    ]
    expect(failureReasons(decisions)).toEqual([
      'Policy pull-request v3, Attestation: pull_request attestation: Missing attestation: no pull_request attestation was reported, and the policy requires one. In trail e1f0c3a of flow saver-ci.',
      'Policy pull-request v3, Provenance: not satisfied. Every artifact must have provenance (be reported by a flow).',
    ])
  })

  it("ends a non-compliant attestation's sentence with its own failures, or says they were unread", () => {
    const decisions: PolicyDecision[] = [
      {
        policy: 'snyk-scan-aws-beta',
        version: 1,
        compliant: false,
        rules: [
          {
            type: 'attestation',
            definition: { name: 'snyk-container-scan', type: 'snyk', must_be_compliant: true },
            satisfied: false,
            ignored: false,
            resolutions: [res('non_compliant_attestation', { flow: 'saver-ci', trail: 'e1f0c3a' })],
          },
          {
            ...namedRule,
            satisfied: false,
            ignored: false,
            resolutions: [res('non_compliant_attestation', { flow: 'saver-ci', trail: 'e1f0c3a' })],
          },
        ],
      },
    ]
    expect(failingPolicyAttestations(decisions)).toEqual([
      { flow: 'saver-ci', trail: 'e1f0c3a', name: 'snyk-container-scan' },
      { flow: 'saver-ci', trail: 'e1f0c3a', name: 'unit-test' },
    ])
    const reasons = failureReasons(decisions, (ref) =>
      ref.name === 'snyk-container-scan'
        ? {
            ok: true,
            attestations: [
              {
                id: 'a',
                type: 'snyk',
                compliant: false,
                createdAt: 1,
                raw: { processed_snyk_results: { results: [{ high_count: 2, medium_count: 5 }] } },
              },
            ],
          }
        : { ok: false, error: 'Not found' },
    )
    expect(reasons[0]).toBe(
      'Policy snyk-scan-aws-beta v1, Attestation: snyk attestation named "snyk-container-scan": Non-compliant attestation: the snyk attestation named "snyk-container-scan" was reported but is not compliant, and the policy requires it to be compliant. In trail e1f0c3a of flow saver-ci. It reports: 2 high severity vulnerabilities.',
    )
    expect(reasons[1]).toMatch(
      /In trail e1f0c3a of flow saver-ci\. Its details could not be read \(Not found\)\.$/,
    )
    // A rule about any attestation of a type names none to read.
    expect(
      failingPolicyAttestations([
        {
          policy: 'p',
          version: null,
          compliant: false,
          rules: [
            {
              ...attestationRule,
              satisfied: false,
              ignored: false,
              resolutions: [res('non_compliant_attestation', { flow: 'f', trail: 't' })],
            },
          ],
        },
      ]),
    ).toEqual([])
  })
})
