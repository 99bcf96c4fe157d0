import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFlowTemplate } from './flow-template'

// dashboard-ci's template from the live capture.
const DASHBOARD = `version: 1

trail:
  attestations:
    - name: pull-request
      type: pull_request
  artifacts:
    - name: dashboard
      attestations:
        - name: provenance-facts
          type: custom:provenance-facts
        - name: provenance-decision
          type: decision

        - name: snyk-container-scan
          type: decision
        - name: unit-test
          type: junit
`

describe('parseFlowTemplate', () => {
  it('reads trail attestations and artifacts with their attestations', () => {
    expect(parseFlowTemplate(DASHBOARD)).toEqual({
      version: '1',
      trailAttestations: [{ name: 'pull-request', type: 'pull_request' }],
      artifacts: [
        {
          name: 'dashboard',
          attestations: [
            { name: 'provenance-facts', type: 'custom:provenance-facts' },
            { name: 'provenance-decision', type: 'decision' },
            { name: 'snyk-container-scan', type: 'decision' },
            { name: 'unit-test', type: 'junit' },
          ],
        },
      ],
    })
  })

  it('reads several artifacts, list items at the key indent, quotes and comments', () => {
    const text = [
      'version: 1',
      '# a comment',
      'trail:',
      '  artifacts:',
      '  - name: "web"',
      '    attestations:',
      '    - name: unit-test # why',
      "      type: 'junit'",
      '  - name: nginx',
      '    attestations: ',
      '  - name: db',
    ].join('\n')
    expect(parseFlowTemplate(text)).toEqual({
      version: '1',
      trailAttestations: [],
      artifacts: [
        { name: 'web', attestations: [{ name: 'unit-test', type: 'junit' }] },
        { name: 'nginx', attestations: [] },
        { name: 'db', attestations: [] },
      ],
    })
  })

  it('reads one-line maps for attestations', () => {
    const text =
      '\nversion: 1\ntrail:\n  attestations:\n    - { name: pull-request, type: pull_request }\n' +
      '  artifacts:\n    - name: creator\n      attestations:\n        - { name: unit-test, type: junit }\n'
    expect(parseFlowTemplate(text)).toEqual({
      version: '1',
      trailAttestations: [{ name: 'pull-request', type: 'pull_request' }],
      artifacts: [{ name: 'creator', attestations: [{ name: 'unit-test', type: 'junit' }] }],
    })
  })

  it('keeps an attestation without a type', () => {
    const text = 'trail:\n  attestations:\n    - name: approved\n'
    expect(parseFlowTemplate(text)?.trailAttestations).toEqual([{ name: 'approved', type: null }])
  })

  it.each([
    ['empty', ''],
    ['null', null],
    ['legacy list template', 'pull-request\nunit-test\ncoverage'],
    ['flow style', 'trail: {attestations: [{name: a, type: junit}]}'],
    ['a one-line map without a name', 'trail:\n  attestations:\n    - { type: junit }'],
    ['unknown top-level key', 'version: 1\nstages:\n  - name: a'],
    ['nothing in it', 'version: 1\ntrail:\n'],
    ['tabs', 'trail:\n\tattestations:\n\t\t- name: a'],
  ])('returns null for %s, so the text is shown as it is', (_, text) => {
    expect(parseFlowTemplate(text)).toBeNull()
  })

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseFlowTemplate(text)
        expect(result === null || typeof result === 'object').toBe(true)
      }),
    )
  })
})
