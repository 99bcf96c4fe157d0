/**
 * Starts the two servers the benchmark needs, on free ports, and stops them again:
 * the mock Kosli API (`tsx mocks/server.ts`) and the production app server in live mode
 * (`tsx server/serve.ts` with KOSLI_HOST pointing at the mock).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'

/** The token the app server sends upstream; the mock accepts any. */
const TOKEN = 'bench-secret-token-2c91'
const HOST = '127.0.0.1'

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
async function isFree(port) {
  const server = net.createServer()
  server.unref()
  try {
    server.listen(port, HOST)
    await once(server, 'listening')
    server.close()
    await once(server, 'close')
    return true
  } catch {
    return false
  }
}

/**
 * The first free port at or after `from`, skipping `taken`.
 * @param {number} from
 * @param {ReadonlySet<number>} taken
 * @returns {Promise<number>}
 */
export async function freePort(from, taken = new Set()) {
  for (let port = from; port < from + 200; port += 1) {
    if (!taken.has(port) && (await isFree(port))) return port
  }
  throw new Error(`no free port between ${from} and ${from + 199}`)
}

/**
 * Polls a URL until it answers 2xx (or the child exits, or time runs out).
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 */
async function waitForUrl(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (response.ok) {
        await response.arrayBuffer()
        return
      }
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`)
}

/**
 * @typedef {object} Servers
 * @property {string} appUrl the app, e.g. http://127.0.0.1:4900
 * @property {string} mockUrl the mock Kosli API, e.g. http://127.0.0.1:4901
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ root: string, dist: string, portBase: number }} options
 * @returns {Promise<Servers>}
 */
export async function startServers({ root, dist, portBase }) {
  const appPort = await freePort(portBase)
  const mockPort = await freePort(appPort + 1, new Set([appPort]))
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = []
  /** @type {string[]} */
  const logs = []

  /**
   * @param {string} name
   * @param {string} script
   * @param {Record<string, string>} env
   */
  const start = (name, script, env) => {
    // Own process group, so stopping it also stops the node process tsx starts.
    const child = spawn(tsx, [script], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const keep = (/** @type {Buffer} */ chunk) => {
      logs.push(`[${name}] ${chunk.toString()}`)
      if (logs.length > 200) logs.shift()
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    children.push(child)
    return child
  }

  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.pid === undefined) return
        const exited = once(child, 'exit')
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {
          return
        }
        const timer = setTimeout(() => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
          } catch {
            // already gone
          }
        }, 5000)
        await exited
        clearTimeout(timer)
      }),
    )
  }

  try {
    const mockUrl = `http://${HOST}:${mockPort}`
    const appUrl = `http://${HOST}:${appPort}`
    // The demo world plus the bench's own scale org (bench/scale/).
    const mock = start('mock', 'bench/scale/mock-api.ts', {
      MOCK_PORT: String(mockPort),
      MOCK_HOST: HOST,
      MOCK_QUIET: '1',
    })
    const app = start('app', 'server/serve.ts', {
      PORT: String(appPort),
      HOST,
      KOSLI_HOST: mockUrl,
      KOSLI_API_TOKEN: TOKEN,
      KOSLI_ORG: 'cyber-dojo',
      SHIPLOG_DIST: path.resolve(root, dist),
      // Large responses (17 MB snapshots) take a few seconds from the mock.
      SHIPLOG_UPSTREAM_TIMEOUT_MS: '60000',
    })
    await Promise.all([
      waitForUrl(`${mockUrl}/__mock/health`, mock, 60_000),
      waitForUrl(`${appUrl}/`, app, 60_000),
    ])
    return { appUrl, mockUrl, stop }
  } catch (error) {
    await stop()
    const tail = logs.slice(-20).join('')
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`)
  }
}
