/**
 * Lighthouse (the pinned devDependency's CLI) on a page, mobile or desktop, one run each.
 * Runs in its own headless Chromium (CHROME_PATH), one at a time: Lighthouse's throttling
 * simulation assumes it has the machine to itself.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import CHROMIUM_FLAGS from '../../scripts/chromium-flags.json' with { type: 'json' }

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...CHROMIUM_FLAGS].join(' ')

/**
 * @typedef {object} LighthouseResult
 * @property {number | null} performance 0..1
 * @property {number | null} accessibility 0..1
 * @property {Record<string, number | null>} metrics FCP, LCP, TBT (ms), CLS, Speed Index (ms)
 * @property {string[]} failedAccessibility ids of accessibility audits that did not pass
 * @property {string[]} opportunities performance audits with the biggest estimated savings
 */

/**
 * @param {{ root: string, url: string, formFactor: 'mobile' | 'desktop', chromePath: string }} options
 * @returns {Promise<LighthouseResult>}
 */
export async function runLighthouse({ root, url, formFactor, chromePath }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shiplog-lh-'))
  const output = path.join(dir, 'report.json')
  const cli = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js')
  const args = [
    cli,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${output}`,
    '--only-categories=performance,accessibility',
    `--chrome-flags=${CHROME_FLAGS}`,
    '--max-wait-for-load=60000',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ]
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env: { ...process.env, CHROME_PATH: chromePath },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (chunk) => {
        stderr = (stderr + chunk.toString()).slice(-2000)
      })
      child.on('error', reject)
      child.on('exit', (code) =>
        code === 0
          ? resolve(null)
          : reject(new Error(`lighthouse exited ${code}: ${stderr.trim()}`)),
      )
    })
    const report = JSON.parse(readFileSync(output, 'utf8'))
    /** @type {Record<string, { score: number | null, numericValue?: number, details?: { type?: string, overallSavingsMs?: number } }>} */
    const audits = report.audits
    const numeric = (/** @type {string} */ id) => audits[id]?.numericValue ?? null
    const a11yRefs = /** @type {{ id: string }[]} */ (
      report.categories.accessibility?.auditRefs ?? []
    )
    const failedAccessibility = a11yRefs
      .map((ref) => ref.id)
      .filter((id) => audits[id] && audits[id].score !== null && audits[id].score < 1)
    const opportunities = Object.entries(audits)
      .filter(([, audit]) => (audit.details?.overallSavingsMs ?? 0) >= 50)
      .sort(
        ([, a], [, b]) => (b.details?.overallSavingsMs ?? 0) - (a.details?.overallSavingsMs ?? 0),
      )
      .slice(0, 4)
      .map(([id, audit]) => `${id} (~${Math.round(audit.details?.overallSavingsMs ?? 0)} ms)`)
    return {
      performance: report.categories.performance?.score ?? null,
      accessibility: report.categories.accessibility?.score ?? null,
      metrics: {
        fcpMs: numeric('first-contentful-paint'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        speedIndexMs: numeric('speed-index'),
      },
      failedAccessibility,
      opportunities,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
