// The nginx test runs Debian's nginx. Install it when missing and root, like Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const NEEDED = [
  ['nginx', process.env.NGINX_PATH ?? '/usr/sbin/nginx'],
  ['openssl', '/usr/bin/openssl'],
]

export function ensureNginx() {
  const missing = NEEDED.filter(([, path]) => !existsSync(path)).map(([name]) => name)
  if (missing.length === 0) return true
  const command = `apt-get install -y ${missing.join(' ')}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`${missing.join(' and ')} missing: install with \`sudo ${command}\`.`)
    return false
  }
  console.log(`Installing Debian ${missing.join(' ')} (apt-get)…`)
  // Only the binary is needed: RUNLEVEL=1 keeps the package from starting a system nginx on :80.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env,
    }).status === 0
  if (!install || NEEDED.some(([, path]) => !existsSync(path))) {
    console.error(
      `Could not install ${missing.join(' ')} with apt-get. Install by hand: ${command}`,
    )
    return false
  }
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureNginx() ? 0 : 1)
}
