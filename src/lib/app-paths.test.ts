import { describe, expect, it } from 'vitest'
import {
  APP_ROUTES,
  artifactPath,
  auditPath,
  auditSubjectForPage,
  diffPath,
  diffSearchString,
  diffWithPreviousPath,
  environmentPath,
  flowsPath,
  searchPath,
  snapshotPath,
  trailPath,
} from './app-paths'

describe('app paths', () => {
  it('encodes every segment', () => {
    expect(flowsPath('acme corp')).toBe('/acme%20corp/flows')
    expect(artifactPath('o', 'a/b', 'f#1')).toBe('/o/flows/a%2Fb/artifacts/f%231')
    expect(environmentPath('o', 'prod eu', 'events')).toBe('/o/environments/prod%20eu/events')
    expect(snapshotPath('o', 'prod?', 3)).toBe('/o/environments/prod%3F/snapshots/3')
  })

  it('opens an attestation on its trail', () => {
    expect(trailPath('o', 'ci', 't1')).toBe('/o/flows/ci/trails/t1')
    expect(trailPath('o', 'ci', 't1', 'a b')).toBe('/o/flows/ci/trails/t1?attestation_id=a%20b')
  })

  it('links the diff page with or without a pair', () => {
    expect(diffPath('o')).toBe('/o/diff')
    expect(diffPath('o', 'aws-prod#64', { kind: 'index', env: 'aws-prod', index: 65 })).toBe(
      '/o/diff?from=aws-prod%2364&to=aws-prod%2365',
    )
    expect(diffSearchString('a#1', 'a#2', true)).toBe('?from=a%231&to=a%232&unchanged=show')
    expect(diffWithPreviousPath('o', 'a', 2)).toBe('/o/diff?from=a%231&to=a%232')
    expect(diffWithPreviousPath('o', 'a', 1)).toBeUndefined()
  })

  it('links search and audit with their query strings', () => {
    expect(searchPath('o', ' runner:16d9990 ')).toBe('/o/search?q=runner%3A16d9990')
    expect(auditPath('o')).toBe('/o/audit')
    expect(auditPath('o', { trail: 'ci/t1' })).toBe('/o/audit?trail=ci%2Ft1')
  })

  it('names each pattern once', () => {
    const patterns = APP_ROUTES.map((route) => route.pattern)
    expect(new Set(patterns).size).toBe(patterns.length)
  })
})

describe('auditSubjectForPage', () => {
  const now = Date.UTC(2026, 7, 19, 12) / 1000
  it('names the report of artifact, trail and snapshot pages', () => {
    expect(auditSubjectForPage('/cyber-dojo/flows/runner/artifacts/9af401c4', '', now)).toEqual({
      artifact: 'runner@9af401c4',
    })
    expect(auditSubjectForPage('/cyber-dojo/flows/runner-ci/trails/a2ffba5', '', now)).toEqual({
      trail: 'runner-ci/a2ffba5',
    })
    expect(auditSubjectForPage('/cyber-dojo/environments/aws-prod/snapshots/65', '', now)).toEqual({
      snapshot: 'aws-prod#65',
    })
    expect(auditSubjectForPage('/cyber-dojo/environments/aws-prod/65', '', now)).toEqual({
      snapshot: 'aws-prod#65',
    })
  })

  it("takes an environment's range from its log, or the 30 days up to now", () => {
    expect(
      auditSubjectForPage(
        '/cyber-dojo/environments/aws-prod/events',
        '?from=2026-07-01&to=2026-09-30',
        now,
      ),
    ).toEqual({ env: 'aws-prod', from: '2026-07-01T00:00:00Z', to: '2026-09-30T23:59:59Z' })
    expect(auditSubjectForPage('/cyber-dojo/environments/aws-prod', '', now)).toEqual({
      env: 'aws-prod',
      from: '2026-07-21T00:00:00Z',
      to: '2026-08-19T23:59:59Z',
    })
  })

  it('has no report for lists and other pages', () => {
    for (const path of ['/cyber-dojo/flows', '/cyber-dojo/environments', '/cyber-dojo/overview']) {
      expect(auditSubjectForPage(path, '', now)).toBeUndefined()
    }
    expect(auditSubjectForPage('/cyber-dojo/flows/%E0%A4%A/artifacts/x', '', now)).toBeUndefined()
  })
})
