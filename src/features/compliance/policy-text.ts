import type { PolicyDecision, Resolution, RuleEvaluation } from '@/api/policy-decisions'
import {
  failureFinding,
  findingSentence,
  type AttestationReads,
  type FailingAttestation,
} from './attestation-failures'

/**
 * Plain words for policy decisions. Kosli's own UI says "non-compliant"
 * without saying why; every sentence here names the rule, the outcome and where it applies.
 */

export type RuleOutcome = 'satisfied' | 'not-satisfied' | 'ignored' | 'not-applicable'
export type ResolutionTone = 'pass' | 'fail' | 'neutral'

/** The parts of a rule definition we can explain; absent parts are null. */
export interface RuleDefinition {
  required: boolean | null
  exceptions: string[]
  /** Attestation rules only. */
  attestationName: string | null
  attestationType: string | null
  mustBeCompliant: boolean | null
  condition: string | null
  forControl: string | null
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function conditionText(value: unknown): string | null {
  return text(record(value)?.['text']) ?? text(value)
}

/** Reads `rule.definition` (or a `policy_dump` entry) defensively: it is free-form on the wire. */
export function readRuleDefinition(definition: unknown): RuleDefinition {
  const data = record(definition) ?? {}
  const exceptions = Array.isArray(data['exceptions'])
    ? data['exceptions']
        .map((item) => conditionText(record(item)?.['if']) ?? conditionText(item))
        .filter((item): item is string => item !== null)
    : []
  return {
    required: typeof data['required'] === 'boolean' ? data['required'] : null,
    exceptions,
    attestationName: text(data['name']),
    attestationType: text(data['type']),
    mustBeCompliant:
      typeof data['must_be_compliant'] === 'boolean' ? data['must_be_compliant'] : null,
    condition: conditionText(data['if'] ?? data['if_condition']),
    forControl: text(data['for_control']),
  }
}

/** 'pull_request attestation' / 'junit attestation named "unit-test"' / 'any attestation'. */
export function attestationPhrase(definition: RuleDefinition): string {
  const type = definition.attestationType
  const name = definition.attestationName
  const kind = type ? `${type} attestation` : 'attestation'
  if (!name || name === '*') return type ? kind : 'any attestation'
  return `${kind} named "${name}"`
}

/** A short label for the rule: 'Provenance', 'Trail compliance', 'Attestation: junit named "x"'. */
export function ruleLabel(rule: Pick<RuleEvaluation, 'type' | 'definition'>): string {
  if (rule.type === 'provenance') return 'Provenance'
  if (rule.type === 'trail-compliance') return 'Trail compliance'
  if (rule.type === 'attestation') {
    return `Attestation: ${attestationPhrase(readRuleDefinition(rule.definition))}`
  }
  return `Rule "${rule.type}"`
}

/** What the rule asks for, as a sentence. */
export function ruleRequirement(rule: Pick<RuleEvaluation, 'type' | 'definition'>): string {
  const definition = readRuleDefinition(rule.definition)
  const exceptions = definition.exceptions.length
    ? ` except when ${definition.exceptions.join(' or ')}`
    : ''
  if (rule.type === 'provenance') {
    return definition.required === false
      ? 'Provenance is not required by this policy.'
      : `Every artifact must have provenance (be reported by a flow)${exceptions}.`
  }
  if (rule.type === 'trail-compliance') {
    return definition.required === false
      ? 'Trail compliance is not required by this policy.'
      : `Every artifact must be compliant in its trail${exceptions}.`
  }
  if (rule.type === 'attestation') {
    const compliant = definition.mustBeCompliant === false ? '' : 'compliant '
    const phrase = attestationPhrase(definition)
    const when = definition.condition ? ` when ${definition.condition}` : ''
    const control = definition.forControl ? ` (control ${definition.forControl})` : ''
    return `Requires a ${compliant}${phrase}${when}${control}.`
  }
  return `Unrecognised rule type "${rule.type}".`
}

export function ruleOutcome(rule: Pick<RuleEvaluation, 'satisfied' | 'ignored'>): RuleOutcome {
  if (rule.ignored) return 'ignored'
  if (rule.satisfied === true) return 'satisfied'
  if (rule.satisfied === false) return 'not-satisfied'
  return 'not-applicable'
}

export const OUTCOME_LABEL: Record<RuleOutcome, string> = {
  satisfied: 'Satisfied',
  'not-satisfied': 'Not satisfied',
  ignored: 'Ignored',
  'not-applicable': 'Not applicable',
}

export function resolutionTone(type: string): ResolutionTone {
  switch (type) {
    case 'rule_satisfied':
      return 'pass'
    case 'missing_attestation':
    case 'non_compliant_attestation':
    case 'non_compliant_in_trail':
    case 'no_provenance':
    case 'missing_provenance':
      return 'fail'
    default:
      return 'neutral'
  }
}

/** 'trail 85cac88… in flow runner-ci' or '' when the resolution names no trail. */
export function resolutionPlace(resolution: Pick<Resolution, 'flow' | 'trail'>): string {
  if (resolution.flow && resolution.trail) {
    return `trail ${resolution.trail} of flow ${resolution.flow}`
  }
  if (resolution.flow) return `flow ${resolution.flow}`
  if (resolution.trail) return `trail ${resolution.trail}`
  return ''
}

/**
 * One resolution in plain words, without the place (pages show the place as a link).
 * `rule` gives the attestation name/type the resolution is about.
 */
export function describeResolution(
  resolution: Pick<Resolution, 'type' | 'artifactStatus'>,
  rule: Pick<RuleEvaluation, 'type' | 'definition'>,
): string {
  const definition = readRuleDefinition(rule.definition)
  const phrase = attestationPhrase(definition)
  switch (resolution.type) {
    case 'missing_attestation':
      return `Missing attestation: no ${phrase} was reported, and the policy requires one.`
    case 'non_compliant_attestation':
      return `Non-compliant attestation: the ${phrase} was reported but is not compliant, and the policy requires it to be compliant.`
    case 'non_compliant_in_trail': {
      const status = resolution.artifactStatus
        ? ` (its status there is ${resolution.artifactStatus})`
        : ''
      return `Not compliant in its trail${status}, and the policy requires trail compliance.`
    }
    case 'no_provenance':
      return 'No provenance: no flow reported this artifact, so there is no record of the build that produced it.'
    case 'missing_provenance':
      return 'Missing provenance: the policy requires the artifact to be reported by a flow, and it was not.'
    case 'rule_satisfied':
      return 'Satisfied: the rule is met.'
    case 'rule_not_applicable':
      return definition.condition
        ? `Not applicable: the rule only applies when ${definition.condition}.`
        : 'Not applicable: the rule does not apply here.'
    case 'legacy_flow':
      return 'Legacy flow: the flow predates policies, so the rule was not evaluated.'
    default:
      return `Unrecognised resolution "${resolution.type}".`
  }
}

/** The full sentence including where, for reports and exports. */
export function resolutionSentence(
  resolution: Resolution,
  rule: Pick<RuleEvaluation, 'type' | 'definition'>,
): string {
  const place = resolutionPlace(resolution)
  return place
    ? `${describeResolution(resolution, rule)} In ${place}.`
    : describeResolution(resolution, rule)
}

/** The attestation a failing resolution is about, when it names one by name and place. */
function resolutionAttestation(
  resolution: Resolution,
  rule: Pick<RuleEvaluation, 'definition'>,
): FailingAttestation | null {
  if (resolution.type !== 'non_compliant_attestation') return null
  const name = readRuleDefinition(rule.definition).attestationName
  if (!name || name === '*' || !resolution.flow || !resolution.trail) return null
  return { flow: resolution.flow, trail: resolution.trail, name }
}

/** The reported, non-compliant attestations that policy decisions blame. */
export function failingPolicyAttestations(
  decisions: ReadonlyArray<PolicyDecision>,
): FailingAttestation[] {
  return decisions.flatMap((decision) =>
    decision.rules.flatMap((rule) =>
      rule.resolutions.flatMap((resolution) => resolutionAttestation(resolution, rule) ?? []),
    ),
  )
}

/**
 * Why a policy decision failed: one sentence per failing resolution (or per failing rule with no
 * resolutions), prefixed with the policy. Empty for compliant decisions. With `reads`, a
 * non-compliant attestation's own failures ('3 of 412 tests failed') end its sentence.
 */
export function failureReasons(
  decisions: ReadonlyArray<PolicyDecision>,
  reads: AttestationReads = () => undefined,
): string[] {
  const reasons: string[] = []
  for (const decision of decisions) {
    const policy = `Policy ${decision.policy}${decision.version !== null ? ` v${decision.version}` : ''}`
    for (const rule of decision.rules) {
      const failing = rule.resolutions.filter((r) => resolutionTone(r.type) === 'fail')
      for (const resolution of failing) {
        const ref = resolutionAttestation(resolution, rule)
        const finding = ref ? failureFinding(reads(ref), null) : null
        const found = finding ? ` ${findingSentence(finding)}` : ''
        reasons.push(
          `${policy}, ${ruleLabel(rule)}: ${resolutionSentence(resolution, rule)}${found}`,
        )
      }
      if (!failing.length && ruleOutcome(rule) === 'not-satisfied') {
        reasons.push(`${policy}, ${ruleLabel(rule)}: not satisfied. ${ruleRequirement(rule)}`)
      }
    }
  }
  return reasons
}
