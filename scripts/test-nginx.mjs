#!/usr/bin/env node
// deploy/nginx.conf in front of the built app and the mock API (deploy/nginx.test.ts).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ensureNginx } from './ensure-nginx.mjs'

if (!ensureNginx()) process.exit(1)
if (!existsSync('dist/index.html')) {
  const build = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const result = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--config', 'deploy/vitest.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
