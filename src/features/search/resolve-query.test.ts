import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { answerShaSearch, searchedArtifact } from '@/test/sha-search'
import { resolveQuery } from './resolve-query'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const ARTIFACT = `/cyber-dojo/flows/runner/artifacts/${FP}`

function client() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } })
}

describe('resolveQuery against the demo world', () => {
  it.each([
    ['runner:16d9990', ARTIFACT],
    ['runner@9af401c4', ARTIFACT],
    ['9af401c4', ARTIFACT],
    ['cyberdojo/runner:16d9990', ARTIFACT],
    ['274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990', ARTIFACT],
    [`274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990@sha256:${FP}`, ARTIFACT],
    ['aws-prod#65', '/cyber-dojo/environments/aws-prod/snapshots/65'],
    ['aws-prod#64 aws-prod#65', '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365'],
    ['aws-beta', '/cyber-dojo/environments/aws-beta'],
    ['runner', '/cyber-dojo/flows/runner'],
  ])('%s opens %s', async (query, path) => {
    expect(await resolveQuery(client(), 'cyber-dojo', query)).toEqual({ kind: 'go', path })
  })

  it('turns a moving snapshot expression into the numbered snapshot', async () => {
    const result = await resolveQuery(client(), 'cyber-dojo', 'aws-prod')
    // aws-prod is an environment (not a flow) in the demo world: its page, not a snapshot.
    expect(result).toEqual({ kind: 'go', path: '/cyber-dojo/environments/aws-prod' })
    const latest = await resolveQuery(client(), 'cyber-dojo', 'aws-prod~0')
    expect(latest.kind).toBe('go')
    expect(latest.kind === 'go' && latest.path).toMatch(
      /^\/cyber-dojo\/environments\/aws-prod\/snapshots\/[0-9]+$/,
    )
  })

  it('says plainly when no commit or fingerprint starts with the prefix', async () => {
    expect(await resolveQuery(client(), 'cyber-dojo', 'abc12')).toEqual({
      kind: 'message',
      tone: 'none',
      message: "No artifact or commit starts with 'abc12'",
    })
  })

  it('says when a flow has no artifact from that commit', async () => {
    expect(await resolveQuery(client(), 'cyber-dojo', 'runner:fffff')).toEqual({
      kind: 'message',
      tone: 'none',
      message: "No artifact of flow 'runner' was built from a commit starting with 'fffff'",
    })
  })

  it('explains input it does not understand', async () => {
    const result = await resolveQuery(client(), 'cyber-dojo', '!!nonsense!!')
    expect(result).toMatchObject({ kind: 'message', tone: 'invalid' })
  })

  it('lists several artifacts with their flow and where they run', async () => {
    answerShaSearch({ type: 'commit', full_match: null, fingerprints: null, commits: null }, [
      searchedArtifact('a'.repeat(64), 'runner', ['aws-prod', 'aws-beta', 'aws-prod']),
      searchedArtifact('b'.repeat(64), 'runner-ci', []),
    ])
    const result = await resolveQuery(client(), 'cyber-dojo', 'abc1234')
    expect(result).toMatchObject({ kind: 'artifacts', heading: '2 artifacts match abc1234' })
    expect(
      result.kind === 'artifacts' && result.artifacts.map((a) => [a.flow, a.runningIn]),
    ).toEqual([
      ['runner', ['aws-beta', 'aws-prod']],
      ['runner-ci', []],
    ])
  })

  it('lists a name that is both a flow and an environment', async () => {
    server.use(
      http.get('*/api/v2/flows/:org', () => HttpResponse.json([{ name: 'shared' }])),
      http.get('*/api/v2/environments/:org', () =>
        HttpResponse.json([{ name: 'shared', type: 'K8S' }]),
      ),
    )
    const result = await resolveQuery(client(), 'cyber-dojo', 'shared')
    expect(result).toMatchObject({ kind: 'names' })
    expect(result.kind === 'names' && result.matches.map((m) => m.path)).toEqual([
      '/cyber-dojo/environments/shared',
      '/cyber-dojo/flows/shared',
    ])
  })

  it('lets server failures through for the error boundary', async () => {
    server.use(
      http.get('*/api/v2/search/:org/sha/:value', () =>
        HttpResponse.json({ message: 'boom' }, { status: 500 }),
      ),
    )
    await expect(resolveQuery(client(), 'cyber-dojo', 'abcdef1')).rejects.toMatchObject({
      status: 500,
    })
  })
})
