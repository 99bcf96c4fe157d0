import { z } from 'zod/mini'
import { textOrNull } from './domain'
import { optionalString } from './wire'

/** Policy decisions: how a snapshot artifact (or an assert) was judged, rule by rule. */

const resolutionWire = z.looseObject({
  type: z.string(),
  context: z.optional(
    z.nullable(
      z.looseObject({
        flow_name: optionalString,
        trail_name: optionalString,
        artifact_status: optionalString,
        for_control: z.optional(z.unknown()),
      }),
    ),
  ),
})

const ruleEvaluationWire = z.looseObject({
  rule: z.looseObject({ type: z.string(), definition: z.optional(z.unknown()) }),
  satisfied: z.optional(z.nullable(z.boolean())),
  ignored: z.optional(z.nullable(z.boolean())),
  resolutions: z.optional(z.nullable(z.array(resolutionWire))),
})

export const policyDecisionWire = z.looseObject({
  policy_name: z.string(),
  policy_version: z.optional(z.nullable(z.number())),
  status: optionalString,
  rule_evaluations: z.optional(z.nullable(z.array(ruleEvaluationWire))),
})

export interface Resolution {
  type: string
  flow: string | null
  trail: string | null
  artifactStatus: string | null
  forControl: unknown
}

export interface RuleEvaluation {
  type: string
  definition: unknown
  satisfied: boolean | null
  ignored: boolean
  resolutions: Resolution[]
}

export interface PolicyDecision {
  policy: string
  version: number | null
  compliant: boolean
  rules: RuleEvaluation[]
}

export function toPolicyDecision(wire: z.infer<typeof policyDecisionWire>): PolicyDecision {
  return {
    policy: wire.policy_name,
    version: wire.policy_version ?? null,
    compliant: (wire.status ?? '').toUpperCase() === 'COMPLIANT',
    rules: (wire.rule_evaluations ?? []).map((rule) => ({
      type: rule.rule.type,
      definition: rule.rule.definition ?? null,
      satisfied: rule.satisfied ?? null,
      ignored: rule.ignored ?? false,
      resolutions: (rule.resolutions ?? []).map((resolution) => ({
        type: resolution.type,
        flow: textOrNull(resolution.context?.flow_name),
        trail: textOrNull(resolution.context?.trail_name),
        artifactStatus: textOrNull(resolution.context?.artifact_status),
        forControl: resolution.context?.for_control ?? null,
      })),
    })),
  }
}
