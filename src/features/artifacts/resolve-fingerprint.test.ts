import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { server } from '@mocks/node'
import { resolveFingerprintPrefix } from './resolve-fingerprint'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

function requested(): string[] {
  const paths: string[] = []
  server.events.on('request:start', ({ request }) => {
    paths.push(new URL(request.url).pathname)
  })
  return paths
}

afterEach(() => server.events.removeAllListeners())

describe('flow@<prefix>', () => {
  it('resolves through GET …/fingerprint/<prefix>, as the CLI does', async () => {
    const paths = requested()
    const result = await resolveFingerprintPrefix(
      new QueryClient(),
      'cyber-dojo',
      'runner',
      ' 9AF401C4'.trim(),
    )
    expect(result).toEqual({
      kind: 'one',
      path: `/cyber-dojo/flows/runner/artifacts/${FP}`,
    })
    expect(paths).toEqual(['/api/v2/artifacts/cyber-dojo/runner/fingerprint/9af401c4'])
  })

  it('falls back to the search for the candidates when the server names no single one', async () => {
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/runner/fingerprint/:fp', () =>
        HttpResponse.json({ message: 'ambiguous' }, { status: 409 }),
      ),
    )
    const paths = requested()
    const result = await resolveFingerprintPrefix(
      new QueryClient(),
      'cyber-dojo',
      'runner',
      '9af401c4',
    )
    expect(result.kind).toBe('one')
    expect(paths).toContain('/api/v2/search/cyber-dojo/sha/9af401c4')
  })

  it('a server failure is an error, not "no artifact"', async () => {
    server.use(
      http.get('*/api/v2/artifacts/cyber-dojo/runner/fingerprint/:fp', () =>
        HttpResponse.json({ message: 'boom' }, { status: 500 }),
      ),
    )
    await expect(
      resolveFingerprintPrefix(
        new QueryClient({ defaultOptions: { queries: { retry: false } } }),
        'cyber-dojo',
        'runner',
        '9af401c4',
      ),
    ).rejects.toThrow()
  })
})
