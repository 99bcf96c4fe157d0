/**
 * What a bench case run on its own (`node bench/<case>.mjs`) needs: its options, the servers
 * (bench/lib/servers.mjs) and Debian's headless Chromium, and stopping them again.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { launchChromium } from './browser.mjs'
import { startServers } from './servers.mjs'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * `--runs N`, `--dist DIR`, `--port-base N` and whether `--check` was given.
 * @param {string[]} argv
 * @param {number} defaultPortBase
 */
export function standaloneOptions(argv, defaultPortBase) {
  const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const at = argv.indexOf(name)
    return at >= 0 && argv[at + 1] ? String(argv[at + 1]) : fallback
  }
  return {
    runs: Number(option('--runs', '5')),
    dist: path.resolve(root, option('--dist', process.env.SHIPLOG_DIST ?? 'dist')),
    portBase: Number(option('--port-base', String(defaultPortBase))),
    check: argv.includes('--check'),
  }
}

/**
 * Starts the servers and the browser, runs `body`, then stops them whatever happened.
 * @template T
 * @param {{ dist: string, portBase: number }} options
 * @param {(setup: { appUrl: string, browser: import('playwright-core').Browser }) => Promise<T>} body
 * @returns {Promise<T>}
 */
export async function withServersAndBrowser({ dist, portBase }, body) {
  const servers = await startServers({ root, dist, portBase })
  try {
    const { browser } = await launchChromium(chromium, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    })
    try {
      return await body({ appUrl: servers.appUrl, browser })
    } finally {
      await browser.close()
    }
  } finally {
    await servers.stop()
  }
}
