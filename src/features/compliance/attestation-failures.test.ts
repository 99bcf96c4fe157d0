import { describe, expect, it } from 'vitest'
import snyk from '../../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import {
  attestationFailures,
  failureFinding,
  findingClause,
  findingSentence,
  jiraIssues,
  junitSummary,
  pullRequests,
  snykSummary,
  sonarSummary,
} from './attestation-failures'

describe('type-aware attestation readers', () => {
  it('totals junit suites and counts failures', () => {
    const summary = junitSummary({
      junit_results: [
        { name: 'unit', total: 400, failures: 3, errors: 1, skipped: 2, duration: 12.5 },
        { name: 'lint', total: 12, failures: 0, errors: 0, skipped: 0, duration: 1 },
      ],
    })
    expect(summary).toMatchObject({
      total: 412,
      failures: 3,
      errors: 1,
      skipped: 2,
      passed: 406,
      duration: 13.5,
    })
    expect(summary?.suites.map((suite) => suite.name)).toEqual(['unit', 'lint'])
    expect(junitSummary({ junit_results: 'garbage' })).toBeNull()
    expect(junitSummary({ junit_results: [{ total: -5, failures: 'x' }] })?.total).toBe(0)
  })

  it('counts snyk results by severity from the captured attestation', () => {
    const raw = snyk[0] as unknown as Record<string, unknown>
    expect(snykSummary(raw)).toEqual({
      tool: 'Snyk Container 1.1296.2',
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
      results: 2,
    })
    expect(
      snykSummary({
        processed_snyk_results: { results: [{ high_count: 2, low_count: 1 }, { high_count: 1 }] },
      }),
    ).toMatchObject({ high: 3, low: 1, medium: 0, tool: null })
    expect(snykSummary({})).toBeNull()
  })

  it('reads pull requests in both shapes with their approvers', () => {
    const prs = pullRequests({
      pull_requests: [
        { url: 'https://github.com/o/r/pull/1', state: 'merged', approvers: ['ann', 'bob'] },
        {
          url: 'https://github.com/o/r/pull/2',
          title: 'Fix',
          state: 'open',
          author: 'cy',
          approvers: [{ username: 'dee', state: 'APPROVED' }, { nope: 1 }],
        },
      ],
    })
    expect(prs?.map((pr) => pr.approvers)).toEqual([['ann', 'bob'], ['dee']])
    expect(prs?.[1]).toMatchObject({ title: 'Fix', author: 'cy', state: 'open' })
    expect(pullRequests({})).toBeNull()
    expect(pullRequests({ pull_requests: [] })).toEqual([])
  })

  it('reads jira and sonar defensively', () => {
    expect(
      jiraIssues({
        jira_results: [
          {
            issue_id: 'OPS-1',
            issue_url: 'https://x.atlassian.net/browse/OPS-1',
            issue_exists: true,
            issue_fields: { summary: 'Do it', status: { name: 'Done' } },
          },
          { issue_id: 'OPS-2', issue_exists: false },
        ],
      }),
    ).toEqual([
      {
        id: 'OPS-1',
        url: 'https://x.atlassian.net/browse/OPS-1',
        exists: true,
        summary: 'Do it',
        status: 'Done',
      },
      { id: 'OPS-2', url: null, exists: false, summary: null, status: null },
    ])
    expect(
      sonarSummary({
        sonar_results: {
          project: { key: 'k', url: 'https://sonar/x' },
          qualityGate: { status: 'OK' },
        },
      }),
    ).toMatchObject({ project: 'k', qualityGate: 'OK', status: null })
    expect(sonarSummary({ sonar_results: [] })).toBeNull()
  })
})

describe('readers of either wire shape', () => {
  it('sums junit suites that give `total` or `tests`, skipping junk', () => {
    const summary = junitSummary({
      attestation_type: 'junit',
      junit_results: [
        { name: 'a', total: 10, failures: 1, errors: 0, skipped: 2 },
        { name: 'b', tests: 5, failures: 0, errors: 1, skipped: 0 },
        'junk',
      ],
    })
    expect(summary).toMatchObject({ total: 15, failures: 1, errors: 1, skipped: 2, passed: 11 })
    expect(summary?.suites).toHaveLength(2)
  })

  it('reads snyk counts from the processed results or the raw ones', () => {
    const results = {
      tool: { name: 'Snyk Container' },
      results: [
        { high_count: 2, medium_count: 1, low_count: 0 },
        { high_count: 0, medium_count: 3, low_count: 4, critical_count: 1 },
      ],
    }
    const expected = {
      tool: 'Snyk Container',
      critical: 1,
      high: 2,
      medium: 4,
      low: 4,
      results: 2,
    }
    expect(snykSummary({ processed_snyk_results: results })).toEqual(expected)
    expect(snykSummary({ snyk_results: results })).toEqual(expected)
  })
})

const att = (type: string, compliant: boolean | null, raw: Record<string, unknown>) => ({
  type,
  compliant,
  raw,
})

describe('attestationFailures', () => {
  it('counts failed tests out of all tests', () => {
    const junit = (failures: number, errors: number, total = 412) =>
      att('junit', false, { junit_results: [{ name: 's', tests: total, failures, errors }] })
    expect(attestationFailures(junit(3, 0))).toEqual(['3 of 412 tests failed'])
    expect(attestationFailures(junit(0, 2))).toEqual(['2 of 412 tests had errors'])
    expect(attestationFailures(junit(3, 1))).toEqual(['3 of 412 tests failed and 1 had errors'])
    expect(attestationFailures(junit(1, 0, 1))).toEqual(['1 of 1 test failed'])
    expect(attestationFailures(junit(0, 0))).toEqual([])
  })

  it('names the serious vulnerabilities, and the lesser ones only when they are the reason', () => {
    const scan = (compliant: boolean, counts: Record<string, number>) =>
      att('snyk', compliant, { processed_snyk_results: { results: [counts] } })
    expect(
      attestationFailures(scan(false, { high_count: 2, medium_count: 5, low_count: 11 })),
    ).toEqual(['2 high severity vulnerabilities'])
    expect(attestationFailures(scan(false, { critical_count: 1, high_count: 1 }))).toEqual([
      '1 critical and 1 high severity vulnerabilities',
    ])
    expect(attestationFailures(scan(false, { high_count: 1 }))).toEqual([
      '1 high severity vulnerability',
    ])
    expect(attestationFailures(scan(false, { medium_count: 5, low_count: 11 }))).toEqual([
      '5 medium and 11 low severity vulnerabilities',
    ])
    expect(attestationFailures(scan(true, { medium_count: 5, low_count: 11 }))).toEqual([])
  })

  it('names a missing pull request, a missing Jira issue and a failed quality gate', () => {
    expect(attestationFailures(att('pull_request', false, { pull_requests: [] }))).toEqual([
      'No pull request was found for the commit',
    ])
    expect(
      attestationFailures(
        att('pull_request', false, { pull_requests: [{ url: 'https://x/1', approvers: [] }] }),
      ),
    ).toEqual(['The pull request has no approvers'])
    expect(
      attestationFailures(
        att('jira', false, {
          jira_results: [
            { issue_id: 'OPS-1', issue_exists: true },
            { issue_id: 'OPS-2', issue_exists: false },
          ],
        }),
      ),
    ).toEqual(['Jira issue OPS-2 was not found'])
    expect(
      attestationFailures(
        att('sonar', false, { sonar_results: { qualityGate: { status: 'ERROR' } } }),
      ),
    ).toEqual(['SonarQube quality gate is ERROR'])
    expect(
      attestationFailures(att('sonar', true, { sonar_results: { qualityGate: { status: 'OK' } } })),
    ).toEqual([])
    expect(attestationFailures(att('generic', false, {}))).toEqual([])
  })
})

describe('failureFinding', () => {
  const failing = (id: string, failures: number, createdAt: number) => ({
    id,
    createdAt,
    ...att('junit', false, { junit_results: [{ tests: 10, failures }] }),
  })

  it('reads the attested version asked for, else the newest', () => {
    const read = { ok: true as const, attestations: [failing('new', 1, 20), failing('old', 4, 10)] }
    expect(failureFinding(read, 'old')).toEqual({
      kind: 'found',
      failures: ['4 of 10 tests failed'],
    })
    expect(failureFinding(read, null)).toEqual({
      kind: 'found',
      failures: ['1 of 10 tests failed'],
    })
    expect(failureFinding({ ok: true, attestations: [] }, null)).toBeNull()
    expect(failureFinding(undefined, null)).toBeNull()
  })

  it('says when the details could not be read', () => {
    const finding = failureFinding({ ok: false, error: 'Not found' }, 'x')
    expect(finding).toEqual({ kind: 'unread', error: 'Not found' })
    expect(finding && findingClause(finding)).toBe(': its details could not be read (Not found).')
    expect(finding && findingSentence(finding)).toBe('Its details could not be read (Not found).')
    expect(findingSentence({ kind: 'found', failures: ['3 of 412 tests failed'] })).toBe(
      'It reports: 3 of 412 tests failed.',
    )
  })
})
