import { http, HttpResponse, type JsonBodyType } from 'msw'
import { server } from '@mocks/node'
import { parseSnappish, type Snappish } from '@/lib/snappish'

/** Answers `GET /api/v2/<path>` (any host) with `body` as JSON for the rest of the test. */
export function serve(path: string, body: JsonBodyType, headers: Record<string, string> = {}) {
  server.use(http.get(`*/api/v2/${path}`, () => HttpResponse.json(body, { headers })))
}

/** A snapshot expression the test knows is valid, e.g. `aws-prod#65`. */
export function snappish(text: string): Snappish {
  const parsed = parseSnappish(text)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}
