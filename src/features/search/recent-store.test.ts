import { describe, expect, it } from 'vitest'
import {
  RECENT_LIMIT,
  readRecentSearches,
  readRecentVisits,
  rememberSearch,
  rememberVisit,
  visitForPath,
  withoutSecrets,
} from './recent-store'

describe('recent searches', () => {
  it('keeps the newest first, without duplicates, per org', () => {
    rememberSearch('cyber-dojo', 'runner:16d9990', 1)
    rememberSearch('cyber-dojo', 'aws-prod#65', 2)
    rememberSearch('acme', 'flow-1', 3)
    rememberSearch('cyber-dojo', 'runner:16d9990', 4)
    expect(readRecentSearches('cyber-dojo').map((item) => item.query)).toEqual([
      'runner:16d9990',
      'aws-prod#65',
    ])
    expect(readRecentSearches('acme').map((item) => item.query)).toEqual(['flow-1'])
  })

  it(`keeps at most ${RECENT_LIMIT}`, () => {
    for (let i = 0; i < 30; i++) rememberSearch('o', `query-${i}`, i)
    const items = readRecentSearches('o')
    expect(items).toHaveLength(RECENT_LIMIT)
    expect(items[0]?.query).toBe('query-29')
  })

  it('never stores credentials or query strings of links', () => {
    expect(withoutSecrets('https://me:s3cret@app.kosli.com/o/flows?token=abc')).toBe(
      'https://app.kosli.com/o/flows',
    )
    rememberSearch('o', 'https://me:s3cret@app.kosli.com/o/flows?token=abc')
    expect(window.localStorage.getItem('shiplog.recentSearches')).not.toMatch(/s3cret|token/)
  })

  it('tolerates corrupt storage', () => {
    window.localStorage.setItem('shiplog.recentSearches', '{not json')
    expect(readRecentSearches('o')).toEqual([])
    window.localStorage.setItem('shiplog.recentSearches', JSON.stringify([1, null, { org: 'o' }]))
    expect(readRecentSearches('o')).toEqual([])
    rememberSearch('o', 'runner')
    expect(readRecentSearches('o').map((item) => item.query)).toEqual(['runner'])
  })
})

describe('recent visits', () => {
  const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

  it('recognises artifact and snapshot pages only', () => {
    expect(visitForPath(`/cyber-dojo/flows/runner/artifacts/${FP}`)).toEqual({
      org: 'cyber-dojo',
      kind: 'artifact',
      label: 'runner@9af401c4350b',
      path: `/cyber-dojo/flows/runner/artifacts/${FP}`,
    })
    expect(visitForPath('/cyber-dojo/environments/aws-prod/snapshots/65')).toMatchObject({
      kind: 'snapshot',
      label: 'aws-prod#65',
    })
    expect(visitForPath('/cyber-dojo/flows/runner')).toBeUndefined()
    expect(visitForPath('/cyber-dojo/environments/aws-prod/snapshots')).toBeUndefined()
  })

  it('moves a revisited page to the top and caps the list', () => {
    for (let i = 1; i <= 25; i++) {
      const visit = visitForPath(`/o/environments/e/snapshots/${i}`)
      if (visit) rememberVisit(visit, i)
    }
    const again = visitForPath('/o/environments/e/snapshots/10')
    if (again) rememberVisit(again, 100)
    const labels = readRecentVisits('o').map((item) => item.label)
    expect(labels).toHaveLength(RECENT_LIMIT)
    expect(labels[0]).toBe('e#10')
    expect(labels.filter((label) => label === 'e#10')).toHaveLength(1)
  })

  it('drops stored entries that are not safe in-app paths', () => {
    window.localStorage.setItem(
      'shiplog.recentVisits',
      JSON.stringify([{ org: 'o', kind: 'artifact', label: 'x', path: '//evil.example', at: 1 }]),
    )
    expect(readRecentVisits('o')).toEqual([])
  })
})
