import { describe, expect, it } from 'vitest'
import {
  chooseColumns,
  overviewSearchString,
  parseIsoTime,
  parseOverviewSearch,
} from './overview-search'

const parse = (text: string) => parseOverviewSearch(new URLSearchParams(text))

describe('overview search params', () => {
  it('has defaults for an empty query', () => {
    expect(parse('')).toEqual({
      q: '',
      drift: false,
      nonCompliant: false,
      envs: null,
      at: null,
      badAt: null,
      since: '7d',
    })
  })

  it('reads every control', () => {
    const search = parse(
      'q=runner&drift=1&noncompliant=true&envs=aws-beta,aws-prod&at=2022-08-22T09:40:00Z&since=24h',
    )
    expect(search).toMatchObject({
      q: 'runner',
      drift: true,
      nonCompliant: true,
      envs: ['aws-beta', 'aws-prod'],
      at: { seconds: 1661161200, snappishTime: '2022-08-22T09:40:00' },
      since: '24h',
    })
  })

  it('falls back to defaults on bad values, never throws', () => {
    expect(parse('since=1y').since).toBe('7d')
    expect(parse('drift=maybe').drift).toBe(false)
    expect(parse('envs=,,%20').envs).toBeNull()
    expect(parse('envs=aws-prod,<script>,aws-prod').envs).toEqual(['aws-prod'])
    expect(parse('at=yesterday')).toMatchObject({ at: null, badAt: 'yesterday' })
    expect(parse('at=2022-02-30T10:00:00Z')).toMatchObject({ at: null })
    expect(parse('at=%20')).toMatchObject({ at: null, badAt: null })
  })

  it('reads ISO times with a zone, or UTC without one', () => {
    expect(parseIsoTime('2022-08-22T11:40:00+02:00')).toBe(1661161200)
    expect(parseIsoTime('2022-08-22T09:40:00')).toBe(1661161200)
    expect(parseIsoTime('2022-08-22T09:40')).toBe(1661161200)
    expect(parseIsoTime('2022-08-22T09:40:00.250Z')).toBe(1661161200)
    expect(parseIsoTime('2022-08-22T25:40:00Z')).toBeUndefined()
    expect(parseIsoTime('')).toBeUndefined()
  })

  it('round-trips through the search string, leaving defaults out', () => {
    const text = overviewSearchString(parse('q=web&envs=aws-prod,aws-beta&at=2022-08-22T09:40:00Z'))
    expect(text).toBe('?q=web&envs=aws-prod%2Caws-beta&at=2022-08-22T09%3A40%3A00Z')
    expect(parse(text.slice(1))).toMatchObject({ q: 'web', envs: ['aws-prod', 'aws-beta'] })
    expect(overviewSearchString(parse('since=7d'))).toBe('')
  })

  it('chooses columns that exist, in the chosen order, else all', () => {
    const all = ['aws-beta', 'aws-prod', 'k8s']
    expect(chooseColumns(all, null)).toEqual(all)
    expect(chooseColumns(all, ['k8s', 'aws-beta'])).toEqual(['k8s', 'aws-beta'])
    expect(chooseColumns(all, ['gone'])).toEqual(all)
  })
})
