// `npm start`: the Vite dev server, demo or live per KOSLI_HOST (see server/vite-plugin.ts).
// Runs Vite's own bin with this Node as one child process (not `npx`, whose PID would not own
// the server), inherits stdio and passes signals on, so stopping this process stops Vite.
// Extra arguments are passed to Vite: `npm start -- --open`.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url))

const port = process.env.PORT || '5173'
const host = process.env.HOST || '127.0.0.1'
const org = process.env.KOSLI_ORG?.trim() || 'cyber-dojo'
const kosliHost = process.env.KOSLI_HOST?.trim()
const mode = kosliHost ? `live mode → ${kosliHost}` : 'demo mode'
const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(host) ? 'localhost' : host

console.log(`Shiplog (${mode}) on http://${shownHost}:${port}/${encodeURIComponent(org)}/flows`)

const child = spawn(
  process.execPath,
  [viteBin, '--host', host, '--port', port, '--strictPort', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } },
)

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}

child.on('error', (error) => {
  console.error(`Shiplog: could not start Vite (${viteBin}): ${error.message}`)
  process.exit(1)
})

child.on('exit', (code, signal) => {
  if (signal) {
    // Exit the way the child did, so callers see the signal.
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
    return
  }
  process.exit(code ?? 1)
})
