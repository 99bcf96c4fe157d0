import { describe, expect, it } from 'vitest'
import { auditQueryParams, describeAuditQuery, parseAuditQuery, parseIsoTime } from './audit-query'

const parse = (search: string) => parseAuditQuery(new URLSearchParams(search))
const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

describe('parseAuditQuery', () => {
  it('reads each kind of question', () => {
    expect(parse(`artifact=runner@${FP}`)).toEqual({
      kind: 'artifact',
      flow: 'runner',
      fingerprint: FP,
    })
    expect(parse('trail=runner-ci/a2ffba5')).toEqual({
      kind: 'trail',
      flow: 'runner-ci',
      trail: 'a2ffba5',
    })
    expect(parse('snapshot=aws-prod%2365')).toEqual({
      kind: 'snapshot',
      snappish: { kind: 'index', env: 'aws-prod', index: 65 },
    })
    expect(parse('env=aws-prod&from=2022-08-22&to=2022-08-25T00:00:00Z')).toEqual({
      kind: 'environment',
      env: 'aws-prod',
      from: Date.UTC(2022, 7, 22) / 1000,
      to: Date.UTC(2022, 7, 25) / 1000,
    })
    expect(parse('')).toEqual({ kind: 'none' })
  })

  it('turns bad values into a sentence instead of throwing', () => {
    expect(parse('artifact=runner:16d9990')).toMatchObject({ kind: 'invalid' })
    expect(parse('artifact=@@')).toMatchObject({ kind: 'invalid' })
    expect(parse('trail=no-slash')).toMatchObject({ kind: 'invalid' })
    expect(parse('snapshot=a#b#c')).toMatchObject({ kind: 'invalid' })
    expect(parse('env=aws-prod&from=yesterday&to=2022-08-25')).toMatchObject({ kind: 'invalid' })
    expect(parse('env=aws-prod&from=2022-08-26&to=2022-08-25')).toMatchObject({
      kind: 'invalid',
      error: 'env: from must be before to',
    })
  })

  it('reads ISO times as UTC unless they say otherwise', () => {
    expect(parseIsoTime('2022-08-22T10:00:00')).toBe(Date.UTC(2022, 7, 22, 10) / 1000)
    expect(parseIsoTime('2022-08-22T12:00:00+02:00')).toBe(Date.UTC(2022, 7, 22, 10) / 1000)
    expect(parseIsoTime('2022-13-45')).toBeNull()
    expect(parseIsoTime(null)).toBeNull()
  })

  it('describes the question and round-trips its params', () => {
    const query = parse('env=aws-prod&from=2022-08-22&to=2022-08-25')
    expect(describeAuditQuery(query)).toBe(
      'Environment aws-prod from 2022-08-22T00:00:00.000Z to 2022-08-25T00:00:00.000Z',
    )
    expect(parseAuditQuery(new URLSearchParams(auditQueryParams(query)))).toEqual(query)
    expect(describeAuditQuery(parse(`artifact=runner@${FP}`))).toBe(`Artifact runner@${FP}`)
  })
})
