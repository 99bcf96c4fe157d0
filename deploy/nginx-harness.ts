/**
 * Runs deploy/nginx.conf as shipped with Debian's nginx: unprivileged, on free loopback ports, in
 * a temporary prefix, with a self-signed certificate for its host name. Only ports, paths and the
 * upstream URL are changed. Used by deploy/nginx.test.ts and e2e/nginx.spec.ts.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const NGINX_HOST = 'shiplog.example.com'
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const DEPLOY = path.resolve(import.meta.dirname)
export const NGINX_CONFIG_FILE = path.join(DEPLOY, 'nginx.conf')
export const TOKEN_TEMPLATE_FILE = path.join(DEPLOY, 'shiplog-token.conf.template')

export interface NginxStack {
  tlsPort: number
  plainPort: number
  /** The certificate nginx presents for NGINX_HOST. */
  cert: Buffer
  /** The prefix folder; the copy of dist is in `dist/` inside it. */
  root: string
  stop: () => Promise<void>
}

export interface NginxOptions {
  /** The built app, copied so that nobody (nginx's user when started as root) can read it. */
  distDir: string
  /** Where /api/v2 goes instead of https://app.kosli.com. */
  upstream: string
  token: string
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** deploy/nginx.conf with these ports, paths and upstream; a pattern that is not found throws. */
export function localConfig(
  config: string,
  values: { tlsPort: number; plainPort: number; root: string; upstream: string },
): string {
  const { tlsPort, plainPort, root, upstream } = values
  const replacements: [RegExp, string][] = [
    [/listen 443\b/g, `listen 127.0.0.1:${tlsPort}`],
    [/listen 80\b/g, `listen 127.0.0.1:${plainPort}`],
    [/\/etc\/ssl\/shiplog\/fullchain\.pem/g, path.join(root, 'cert.pem')],
    [/\/etc\/ssl\/shiplog\/privkey\.pem/g, path.join(root, 'key.pem')],
    [/\/srv\/shiplog\/dist/g, path.join(root, 'dist')],
    [/\/etc\/nginx\/shiplog-token\.conf/g, path.join(root, 'shiplog-token.conf')],
    [/https:\/\/app\.kosli\.com/g, upstream],
  ]
  return replacements.reduce((text, [pattern, value]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx.conf no longer has ${String(pattern)}`)
    return text.replace(pattern, value)
  }, config)
}

function mainConfig(root: string): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(root, name)};`
  return [
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${path.join(root, 'nginx.pid')};`,
    `error_log ${path.join(root, 'error.log')} warn;`,
    'events { worker_connections 128; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
    `  include ${path.join(root, 'shiplog.conf')};`,
    '}',
  ].join('\n')
}

export async function startNginx(options: NginxOptions): Promise<NginxStack> {
  if (!existsSync(path.join(options.distDir, 'index.html'))) {
    throw new Error(`${options.distDir}/index.html is missing: run \`npm run build\` first.`)
  }
  if (!existsSync(NGINX_PATH)) {
    throw new Error(`nginx is missing at ${NGINX_PATH}: run \`node scripts/ensure-nginx.mjs\`.`)
  }
  const [tlsPort, plainPort] = [await freePort(), await freePort()]
  const root = mkdtempSync(path.join(tmpdir(), 'shiplog-nginx-'))
  cpSync(options.distDir, path.join(root, 'dist'), { recursive: true })
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...[
        '-days',
        '2',
        '-subj',
        `/CN=${NGINX_HOST}`,
        '-addext',
        `subjectAltName=DNS:${NGINX_HOST}`,
      ],
      ...['-keyout', path.join(root, 'key.pem'), '-out', path.join(root, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  )
  // What `envsubst '$KOSLI_API_TOKEN'` writes.
  const template = readFileSync(TOKEN_TEMPLATE_FILE, 'utf8')
  writeFileSync(
    path.join(root, 'shiplog-token.conf'),
    template.replaceAll('${KOSLI_API_TOKEN}', options.token),
  )
  const config = readFileSync(NGINX_CONFIG_FILE, 'utf8')
  writeFileSync(
    path.join(root, 'shiplog.conf'),
    localConfig(config, { tlsPort, plainPort, root, upstream: options.upstream }),
  )
  writeFileSync(path.join(root, 'nginx.conf'), mainConfig(root))

  // Never as root: started by root (as in CI), nginx runs as nobody, who then owns the prefix.
  const nobody = process.getuid?.() === 0 ? 65534 : undefined
  if (nobody !== undefined) execFileSync('chown', ['-R', `${nobody}:${nobody}`, root])
  const child: ChildProcess = spawn(
    NGINX_PATH,
    ['-p', root, '-c', path.join(root, 'nginx.conf'), '-e', path.join(root, 'error.log')],
    { stdio: 'ignore', ...(nobody !== undefined ? { uid: nobody, gid: nobody } : {}) },
  )
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })
    }
    rmSync(root, { recursive: true, force: true })
  }

  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && child.exitCode === null) {
    if (await portOpen(tlsPort)) {
      return { tlsPort, plainPort, cert: readFileSync(path.join(root, 'cert.pem')), root, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const logFile = path.join(root, 'error.log')
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
  await stop()
  throw new Error(`nginx did not start on port ${tlsPort}:\n${log}`)
}
