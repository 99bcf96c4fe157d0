import { screen, waitFor } from '@testing-library/react'
import fc from 'fast-check'
import { renderRoute } from '@/test/render-route'

/**
 * Any address — odd names, bad numbers, broken percent-encoding, unknown or hostile query
 * parameters — lands on a page that says something: a heading or an alert, inside the app
 * shell, never a crash, a blank page or "undefined". React errors fail the test (setup.ts).
 */

const TEMPLATES = [
  '/{org}/flows',
  '/{org}/flows/{a}',
  '/{org}/flows/{a}/artifacts/{b}',
  '/{org}/flows/{a}/trails/{b}',
  '/{org}/environments',
  '/{org}/environments/{a}',
  '/{org}/environments/{a}/snapshots',
  '/{org}/environments/{a}/events',
  '/{org}/environments/{a}/snapshots/{b}',
  '/{org}/diff',
  '/{org}/search',
  '/{org}/audit',
  '/{org}/{a}/{b}',
]

const PARAMS = [
  'q',
  'sort',
  'dir',
  'page',
  'per_page',
  'order',
  'type',
  'kind',
  'env',
  'from',
  'to',
  'unchanged',
  'attestation_id',
  'artifact',
  'snapshot',
  'flow',
]

/** A path segment: a known name, a number-ish value, free text, or raw (possibly broken) escapes. */
const segment = fc.oneof(
  fc.constantFrom('cyber-dojo', 'runner', 'aws-prod', 'k8s-scale', 'odd-env', '65', '-1', '0'),
  fc.constantFrom('1e309', 'NaN', '%E0%A4%A', '%00', '%2e%2e', '..%2f', '%F0%9F%9A%80', '~1'),
  fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).map(encodeURIComponent),
  fc.stringMatching(/^[0-9a-f]{1,64}$/),
)

const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PARAMS),
      fc.oneof(
        fc.string({ maxLength: 30, unit: 'grapheme' }),
        fc.constantFrom('aws-prod#64', '-5', 'asc'),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''))

const address = fc.tuple(fc.constantFrom(...TEMPLATES), segment, segment, segment, query).map(
  ([template, org, a, b, search]) =>
    template
      .replace('{org}', org === '65' ? 'cyber-dojo' : org)
      .replace('{a}', a)
      .replace('{b}', b) + search,
)

describe('random addresses', () => {
  it('always render a page that says something', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(address, async (path) => {
        const view = renderRoute(path)
        try {
          await waitFor(
            () => {
              const said =
                screen.queryAllByRole('heading', { level: 1 }).length +
                screen.queryAllByRole('alert').length
              expect(said, path).toBeGreaterThan(0)
            },
            { timeout: 10_000 },
          )
          const text = document.body.textContent ?? ''
          expect(text, path).not.toMatch(/undefined|Invalid Date/)
          // A known problem is named; the catch-all for a crash inside a page never shows.
          expect(text, path).not.toContain('Something went wrong')
          if (!path.includes('NaN')) expect(text, path).not.toContain('NaN')
        } finally {
          view.unmount()
        }
      }),
      { numRuns: 40, seed: 20261127 },
    )
  })
})
