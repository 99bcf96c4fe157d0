import { describe, expect, it } from 'vitest'
import { annotationRows, customData } from './attestation-details'
import { evidenceProxyPath } from './evidence-link'

describe('free-form attestation readers', () => {
  it('reads custom data and annotations defensively', () => {
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
