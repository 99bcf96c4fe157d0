import http from 'node:http'
import type { IncomingHttpHeaders, RequestListener, Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** App routes that every server in front of the built app answers with index.html (200). */
export const APP_FALLBACK_ROUTES = [
  '/cyber-dojo/flows',
  '/cyber-dojo/environments/aws-prod/snapshots/65',
  '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
  '/cyber-dojo/environments/aws-prod.v2',
  '/index.html',
]

/** Paths that climb out of dist, plainly or encoded. */
export const OUTSIDE_DIST_PATHS = [
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/..%5csecret.txt',
]

/** /api/v2 paths that climb, re-encode or smuggle their way out of the API: never forwarded. */
export const API_TRAVERSAL_PATHS = [
  '/api/v2/../../etc/passwd',
  '/api/v2/%2e%2e/x',
  '/api/v2/%2E%2E/x',
  '/api/v2/..%2fsecret',
  '/api/v2/flows/..%2F..%2Fadmin',
  '/api/v2/%252e%252e/x',
  '/api/v2%2f..',
  '/api/v2/flows\\..\\admin',
  '/api/v2/%5c..%5cadmin',
  '/api/v2/./flows',
  '/api/v2/flows/..;/admin',
]

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
  raw: Buffer
}

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

export async function startServer(
  listener: RequestListener,
): Promise<{ server: Server; url: string }> {
  const server = http.createServer(listener)
  return { server, url: await listen(server) }
}

/**
 * An HTTP request with the path sent exactly as given (fetch would normalise `..` and `//`, which
 * is the very thing the tests need to send).
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString(), raw })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Every header value and the body, as one string, for "this secret never leaks" checks. */
export function everything(response: RawResponse): string {
  return JSON.stringify(response.headers) + response.body
}

/**
 * Response headers a hostile or broken upstream could send, each of which a browser would act on
 * for Shiplog's own origin. No proxy in front of Shiplog may pass any of them on.
 */
export const HOSTILE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  refresh: '0; url=https://evil.example/',
  'clear-site-data': '"cache", "cookies", "storage"',
  nel: '{"report_to":"default","max_age":31536000}',
  'report-to':
    '{"group":"default","max_age":31536000,"endpoints":[{"url":"https://evil.example/r"}]}',
  'reporting-endpoints': 'default="https://evil.example/r"',
  'cache-control': 'public, max-age=31536000',
  'content-security-policy': 'default-src *',
  'content-disposition': 'inline',
  'access-control-allow-credentials': 'true',
  'strict-transport-security': 'max-age=0',
  'x-frame-options': 'ALLOWALL',
  'permissions-policy': 'camera=*',
  'service-worker-allowed': '/',
  'set-cookie': 'hostile=1; Path=/',
}
