import { QueryClient } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { matchRoutes } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '@mocks/node'
import { ACME, BUSY_FLOW, BUSY_FP } from '@mocks/world/acme'
import { renderRoute } from '@/test/render-route'
import { diffKeys } from '@/api/diff'
import { snapshotKeys } from '@/api/snapshots'
import { keptAnswerUrl } from './persist-store'
import { preloadPlan, ROUTE_HINTS } from './route-preload'
import { createRoutes } from './router'

const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

/** One real address per hint, with the values the demo world has. */
const SAMPLES: Record<string, string> = {
  overview: '/cyber-dojo/overview',
  flows: '/cyber-dojo/flows',
  'flows/:flow': '/cyber-dojo/flows/runner-ci',
  'flows/:flow/artifacts/:fingerprint': `/cyber-dojo/flows/runner/artifacts/${SEED_FP}`,
  'flows/:flow/trails/:trail':
    '/cyber-dojo/flows/runner-ci/trails/16d9990ad23a40eecaf087abac2a58a2d2a4b3f4',
  environments: '/cyber-dojo/environments',
  'environments/:env': '/cyber-dojo/environments/aws-prod',
  'environments/:env/snapshots': '/cyber-dojo/environments/aws-prod/snapshots',
  'environments/:env/events': '/cyber-dojo/environments/aws-prod/events',
  'flows/:flow/trails': '/cyber-dojo/flows/runner-ci/trails',
  'environments/:env/snapshots/:index': '/cyber-dojo/environments/aws-prod/snapshots/65',
  'environments/:env/:index': '/cyber-dojo/environments/aws-prod/65',
  diff: '/cyber-dojo/diff',
  search: '/cyber-dojo/search',
  audit: '/cyber-dojo/audit',
}

describe('preloadPlan', () => {
  it('has a hint for every page of the router, and no hint without a page', () => {
    const [root] = createRoutes(new QueryClient(), 'cyber-dojo')
    const org = root?.children?.find((route) => route.path === ':org')
    const pages = (org?.children?.[0]?.children ?? [])
      .map((route) => route.path)
      .filter((path) => path !== undefined && path !== '*')
    expect(pages).toEqual(ROUTE_HINTS.map((hint) => hint.pattern))
    expect(Object.keys(SAMPLES).sort()).toEqual(pages.sort())
  })

  it('names the route module the router loads for every hinted address', async () => {
    const routes = createRoutes(new QueryClient(), 'cyber-dojo')
    for (const hint of ROUTE_HINTS) {
      const path = SAMPLES[hint.pattern]
      expect(path, hint.pattern).toBeDefined()
      const match = matchRoutes(routes, path ?? '')?.at(-1)
      expect(match?.route.path, path).toBe(hint.pattern)
      const lazy = match?.route.lazy
      if (typeof lazy !== 'function') throw new Error(`${hint.pattern} is not a lazy route`)
      const loaded = await lazy()
      const module = (await import(/* @vite-ignore */ `/${hint.module}`)) as { Component: unknown }
      expect(loaded.Component, hint.pattern).toBe(module.Component)
      expect(preloadPlan(path ?? '')?.module).toBe(hint.module)
    }
  })

  it('decodes segments, and knows nothing of other or malformed addresses', () => {
    expect(preloadPlan('/acme%2Dcorp/environments/prod%20eu/snapshots/3')?.api).toEqual([
      '/api/v2/environments/acme-corp/prod%20eu',
      '/api/v2/snapshots/acme-corp/prod%20eu/3',
    ])
    expect(preloadPlan('/')).toBeNull()
    expect(preloadPlan('/cyber-dojo')).toBeNull()
    expect(preloadPlan('/cyber-dojo/nowhere')).toBeNull()
    expect(preloadPlan('/cyber-dojo/flows/%E0%A4%A')).toBeNull()
  })

  it("reads the diff's two sides from the query string, as its loader does", () => {
    expect(preloadPlan('/cyber-dojo/diff', '?from=aws-prod%2364&to=aws-prod~1')?.api).toEqual([
      '/api/v2/env-diff/cyber-dojo?snappish1=aws-prod%2364&snappish2=aws-prod%7E1',
      '/api/v2/environments/cyber-dojo',
    ])
    // A side that does not parse, or is missing: the page shows the pickers, without a diff.
    expect(preloadPlan('/cyber-dojo/diff', '?from=aws-prod%2364&to=%23%23')?.api).toEqual([
      '/api/v2/environments/cyber-dojo',
    ])
    expect(preloadPlan('/cyber-dojo/diff', '?to=aws-prod%2365')?.api).toEqual([
      '/api/v2/environments/cyber-dojo',
    ])
    expect(preloadPlan('/cyber-dojo/diff')?.api).toEqual(['/api/v2/environments/cyber-dojo'])
  })

  it('asks for no data it cannot be sure of: short fingerprints, snapshot expressions', () => {
    expect(preloadPlan('/cyber-dojo/flows/runner/artifacts/9af401c4')?.api).toEqual([])
    expect(preloadPlan('/cyber-dojo/environments/aws-prod/snapshots/-1')?.api).toEqual([])
    expect(preloadPlan('/cyber-dojo/environments/aws-prod/snapshots/0')?.api).toEqual([])
    // `?at=` opens a snapshot first, and usually redirects to it.
    expect(preloadPlan('/cyber-dojo/environments/aws-prod', '?at=aws-prod~1')?.api).toEqual([])
  })

  it("reads the page of a flow's artifacts and of an environment's snapshots", () => {
    expect(preloadPlan('/cyber-dojo/flows/runner-ci', '?page=3')?.api).toEqual(
      expect.arrayContaining([
        '/api/v2/artifacts/cyber-dojo?flow_name=runner-ci&page=3&per_page=20',
        '/api/v2/artifacts/cyber-dojo?flow_name=runner-ci&page=4&per_page=20',
      ]),
    )
    expect(preloadPlan('/cyber-dojo/environments/aws-prod/snapshots', '?page=2')?.api).toContain(
      '/api/v2/snapshots/cyber-dojo/aws-prod?page=2&per_page=20',
    )
    expect(preloadPlan('/cyber-dojo/environments/aws-prod/events')?.api).toEqual([
      '/api/v2/snapshots/cyber-dojo/aws-prod/-1',
      '/api/v2/environments/cyber-dojo/aws-prod',
    ])
  })
})

function splitSearch(path: string): [string, string] {
  const at = path.indexOf('?')
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)]
}

describe('the URL a kept answer is listed under (the kept cookie)', () => {
  it('is the URL the server preloads for its page, so the cookie can leave that preload out', () => {
    const snapshot = preloadPlan('/acme/environments/prod%20eu/snapshots/7')?.api ?? []
    expect(snapshot).toContain(
      keptAnswerUrl(snapshotKeys.detail('acme', { kind: 'index', env: 'prod eu', index: 7 })),
    )
    const diff = preloadPlan('/acme/diff', '?from=prod%237&to=staging%2312')?.api ?? []
    expect(diff).toContain(
      keptAnswerUrl(
        diffKeys.pair(
          'acme',
          { kind: 'index', env: 'prod', index: 7 },
          { kind: 'index', env: 'staging', index: 12 },
        ),
      ),
    )
  })

  it('is null for answers that are not kept', () => {
    expect(keptAnswerUrl(snapshotKeys.detail('acme', { kind: 'latest', env: 'prod' }))).toBeNull()
    expect(keptAnswerUrl(snapshotKeys.list('acme', 'prod', 1, 20))).toBeNull()
  })
})

describe('preloaded API requests', () => {
  const seen: string[] = []
  const record = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    seen.push(`${url.pathname}${url.search}`)
  }
  afterEach(() => {
    server.events.removeListener('request:start', record)
    seen.length = 0
  })

  const pages = [
    // The bare overview reads every environment, the 5,000-artifact one too: one column is enough.
    ...Object.values(SAMPLES).filter((path) => path !== SAMPLES['overview']),
    '/cyber-dojo/overview?envs=aws-prod',
    `/${ACME}/flows/${BUSY_FLOW}/artifacts/${BUSY_FP}`,
    `/${ACME}/flows/${BUSY_FLOW}?page=2`,
    '/cyber-dojo/environments/aws-prod/snapshots?page=2',
    '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    '/cyber-dojo/diff?from=aws-beta~1&to=aws-prod',
  ].filter((path) => (preloadPlan(...splitSearch(path))?.api.length ?? 0) > 0)

  it.each(pages)('are the exact URLs the loader of %s requests', async (path) => {
    server.events.on('request:start', record)
    const expected = preloadPlan(...splitSearch(path))?.api ?? []
    renderRoute(path)
    await waitFor(() => expect(seen).toEqual(expect.arrayContaining(expected)), {
      timeout: 8000,
    })
  })
})
