import { http, HttpResponse } from 'msw'
import { server } from '@mocks/node'
import attestations from '../../fixtures/kosli/attestations_differ-ci_artifact_snyk-container-scan.json'
import environments from '../../fixtures/kosli/environments.json'
import flows from '../../fixtures/kosli/flows.json'
import { fetchArtifactAttestations } from './attestations'
import { fetchEnvironments } from './environments'
import { fetchFlows } from './flows'
import { MAX_FOLLOWED_PAGES } from './pages'

/** Serves `items` in pages of `perPage`, wrapped by `envelope`, and records the pages asked for. */
function servePages<T>(
  path: string,
  items: T[],
  perPage: number,
  envelope: (slice: T[], page: number, pageCount: number) => object,
) {
  const asked: number[] = []
  server.use(
    http.get(`*/api/v2/${path}`, ({ request }) => {
      const url = new URL(request.url)
      const page = Number(url.searchParams.get('page') ?? '1')
      const size = Number(url.searchParams.get('per_page') ?? String(perPage))
      asked.push(page)
      const pageCount = Math.ceil(items.length / size)
      return HttpResponse.json(
        envelope(items.slice((page - 1) * size, page * size), page, pageCount),
      )
    }),
  )
  return asked
}

describe('lists the server pages are read to the end', () => {
  it('flows in the {data, pagination} envelope', async () => {
    const asked = servePages('flows/cyber-dojo', flows, 15, (data, page, pageCount) => ({
      data,
      pagination: { total: flows.length, page, per_page: 15, page_count: pageCount },
    }))
    const list = await fetchFlows('cyber-dojo')
    expect(list.map((flow) => flow.name)).toEqual(flows.map((flow) => flow.name))
    expect(asked).toEqual([1, 2, 3])
  })

  it('environments in the {environments, total_pages} shape', async () => {
    const asked = servePages('environments/cyber-dojo', environments, 4, (slice, page, pages) => ({
      page,
      per_page: 4,
      total_pages: pages,
      total_count: environments.length,
      environments: slice,
    }))
    const list = await fetchEnvironments('cyber-dojo')
    expect(list.map((env) => env.name)).toEqual(environments.map((env) => env.name))
    expect(asked.length).toBe(Math.ceil(environments.length / 4))
  })

  it('attestations of an artifact', async () => {
    const [one] = attestations
    const many = Array.from({ length: 5 }, (_, n) => ({ ...one, attestation_id: `id-${n}` }))
    servePages('attestations/cyber-dojo/differ-ci/artifact/*', many, 2, (data, page, pages) => ({
      data,
      pagination: { total: many.length, page, per_page: 2, page_count: pages },
    }))
    const list = await fetchArtifactAttestations('cyber-dojo', 'differ-ci', 'abcde', 'snyk')
    expect(list.map((item) => item.id)).toEqual(many.map((item) => item.attestation_id))
  })

  it('refuses, rather than cuts, a list of more pages than it reads', async () => {
    server.use(
      http.get('*/api/v2/flows/cyber-dojo', () =>
        HttpResponse.json({
          data: flows.slice(0, 1),
          pagination: { total: 10_000, page: 1, per_page: 1, page_count: MAX_FOLLOWED_PAGES + 1 },
        }),
      ),
    )
    await expect(fetchFlows('cyber-dojo')).rejects.toThrow(/pages/)
  })
})
