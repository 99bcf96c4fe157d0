import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { resolveCommit } from './resolve-commit'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe('resolveCommit', () => {
  it('resolves the seed commit to its one artifact page', async () => {
    const result = await resolveCommit(client(), 'cyber-dojo', 'runner', '16d9990')
    expect(result).toMatchObject({
      kind: 'one',
      path: `/cyber-dojo/flows/runner/artifacts/${FP}`,
    })
  })

  it('lists several artifacts of one commit, newest first', async () => {
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/runner/commit_sha/:sha', () =>
        HttpResponse.json([
          { fingerprint: 'a'.repeat(64), filename: 'old', created_at: '100' },
          { fingerprint: 'b'.repeat(64), filename: 'new', created_at: 200 },
        ]),
      ),
    )
    const result = await resolveCommit(client(), 'cyber-dojo', 'runner', '1234567')
    expect(result.kind).toBe('many')
    if (result.kind === 'many') expect(result.artifacts.map((a) => a.name)).toEqual(['new', 'old'])
  })

  it('treats a 404 and an empty list as none, and rethrows other failures', async () => {
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/runner/commit_sha/1111111', () =>
        HttpResponse.json({ message: 'No artifacts' }, { status: 404 }),
      ),
      http.get('*/api/v2/artifacts/cyber-dojo/runner/commit_sha/2222222', () =>
        HttpResponse.json([]),
      ),
      http.get('*/api/v2/artifacts/cyber-dojo/runner/commit_sha/3333333', () =>
        HttpResponse.json({ message: 'boom' }, { status: 500 }),
      ),
    )
    expect(await resolveCommit(client(), 'cyber-dojo', 'runner', '1111111')).toEqual({
      kind: 'none',
    })
    expect(await resolveCommit(client(), 'cyber-dojo', 'runner', '2222222')).toEqual({
      kind: 'none',
    })
    await expect(resolveCommit(client(), 'cyber-dojo', 'runner', '3333333')).rejects.toThrow('boom')
  })
})
