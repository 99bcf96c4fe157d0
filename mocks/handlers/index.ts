import { http, HttpResponse } from 'msw'
import type { HttpHandler } from 'msw'
import { artifactHandlers } from './artifacts'
import { attestationHandlers } from './attestations'
import { diffHandlers } from './diff'
import { environmentHandlers } from './environments'
import { eventHandlers } from './events'
import { flowHandlers } from './flows'
import { orgHandlers } from './org'
import { policyHandlers } from './policies'
import { searchHandlers } from './search'
import { snapshotHandlers } from './snapshots'
import { trailHandlers } from './trails'

const notFound = http.all('*/api/v2/*', ({ request }) =>
  HttpResponse.json({ message: `Not Found: ${new URL(request.url).pathname}` }, { status: 404 }),
)

/** Every mock Kosli endpoint, split by domain; unknown `/api/v2/*` paths get a JSON 404. */
export const handlers: HttpHandler[] = [
  ...flowHandlers,
  ...artifactHandlers,
  ...environmentHandlers,
  ...eventHandlers,
  ...snapshotHandlers,
  ...diffHandlers,
  ...searchHandlers,
  ...trailHandlers,
  ...attestationHandlers,
  ...policyHandlers,
  ...orgHandlers,
  notFound,
]
