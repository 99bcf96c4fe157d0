// Playwright drives Debian's Chromium (no browser downloads here). Install it when missing and root.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export function ensureChromium() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium'
  if (existsSync(path)) return true
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(
      `Chromium is missing at ${path}. Install it with \`sudo apt-get install -y chromium\`, or set CHROME_PATH to a Chromium binary.`,
    )
    return false
  }
  console.log('Installing Debian chromium (apt-get)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status ===
      0
  if (!install || !existsSync(path)) {
    console.error(
      'Could not install chromium with apt-get. Install it by hand: apt-get install -y chromium',
    )
    return false
  }
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureChromium() ? 0 : 1)
}
