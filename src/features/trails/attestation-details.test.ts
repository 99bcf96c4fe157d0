import { describe, expect, it } from 'vitest'
import snyk from '../../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import {
  annotationRows,
  customData,
  jiraIssues,
  junitSummary,
  pullRequests,
  snykSummary,
  sonarSummary,
} from './attestation-details'
import { evidenceProxyPath } from './evidence-link'

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

  it('reads jira, sonar, custom data and annotations defensively', () => {
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
    expect(customData({ attestation_data: { coverage: 91 } })).toEqual({ coverage: 91 })
    expect(customData({})).toBeNull()
    expect(annotationRows({ annotations: { team: 'red', n: 2 } })).toEqual([
      ['team', 'red'],
      ['n', '2'],
    ])
  })
})

describe('evidenceProxyPath', () => {
  const base = { id: 'f7cd', flow: 'differ-ci', trail: '5ccc', evidenceFingerprint: '8b67' }
  it('turns the API evidence link into the same-origin proxy path', () => {
    expect(
      evidenceProxyPath(
        {
          ...base,
          evidenceUrl:
            'https://app.kosli.com/api/v2/attestations/cyber-dojo/differ-ci/trail/5ccc/attestation/f7cd/evidence',
        },
        'cyber-dojo',
      ),
    ).toBe('/api/v2/attestations/cyber-dojo/differ-ci/trail/5ccc/attestation/f7cd/evidence')
  })
  it('builds the path when only the fingerprint says there is a file, and refuses odd links', () => {
    expect(evidenceProxyPath({ ...base, evidenceUrl: 'javascript:alert(1)' }, 'cyber-dojo')).toBe(
      '/api/v2/attestations/cyber-dojo/differ-ci/trail/5ccc/attestation/f7cd/evidence',
    )
    expect(
      evidenceProxyPath({ ...base, evidenceUrl: null, evidenceFingerprint: null }, 'cyber-dojo'),
    ).toBeNull()
  })
})
