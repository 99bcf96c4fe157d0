import type { PolicyDecision } from '@/api/policy-decisions'

/** The pull-request policy failing because trail saver-ci/e1f0c3a has no pull_request attestation. */
export const MISSING_PULL_REQUEST: PolicyDecision = {
  policy: 'pull-request',
  version: 3,
  compliant: false,
  rules: [
    {
      type: 'attestation',
      definition: { name: '*', type: 'pull_request', must_be_compliant: true },
      satisfied: false,
      ignored: false,
      resolutions: [
        {
          type: 'missing_attestation',
          flow: 'saver-ci',
          trail: 'e1f0c3a',
          artifactStatus: null,
          forControl: null,
        },
      ],
    },
  ],
}
