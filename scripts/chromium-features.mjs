/**
 * Playwright's Chromium with two more features disabled, for the e2e tests and the bench.
 *
 * Headless Chromium builds its address-bar popup (a WebUI page of about a hundred modules) for
 * every new window, that is in every fresh browser context: once per e2e test and once per
 * measured page load. On two cores that work competes with the page under test for 0.5–1 s of
 * CPU, a cost a person opening a link in a browser that is already running never pays.
 *
 * Chromium honours only the last `--disable-features`, so ours must repeat Playwright's own
 * (which it does not export): a probe launch reads them off the browser's command line in /proc.
 * Where that is not possible the answer is null, and Playwright's defaults stay as they are.
 */
import { readFileSync, readdirSync } from 'node:fs'

export const EXTRA_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']
const FLAG = '--disable-features='

/** Command lines of this process's child processes (Linux). */
function childCommandLines() {
  /** @type {string[][]} */
  const lines = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // pid (comm) state ppid ...; comm may contain spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== process.pid) continue
      lines.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'))
    } catch {
      // the process ended meanwhile
    }
  }
  return lines
}

/**
 * The features to disable: Playwright's own plus EXTRA_DISABLED_FEATURES, or null when
 * Playwright's list cannot be read.
 * @param {import('playwright-core').BrowserType} browserType
 * @param {import('playwright-core').LaunchOptions} options
 * @returns {Promise<string[] | null>}
 */
export async function disabledFeatures(browserType, options) {
  const probe = await browserType.launch(options)
  try {
    const defaults = childCommandLines()
      .flat()
      .find((arg) => arg.startsWith(FLAG))
    if (!defaults) return null
    return [
      ...new Set([...defaults.slice(FLAG.length).split(','), ...EXTRA_DISABLED_FEATURES]),
    ].filter(Boolean)
  } catch {
    return null
  } finally {
    await probe.close()
  }
}

/** The switch for `features`, to go after Playwright's (the last one wins). */
export function disableFeaturesSwitch(/** @type {readonly string[]} */ features) {
  return `${FLAG}${features.join(',')}`
}
