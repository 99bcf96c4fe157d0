/**
 * Chromium for the bench: Playwright's launch with two more features disabled.
 *
 * Headless Chromium builds its address-bar popup (a WebUI page of about a hundred modules) for
 * every new window, which means in every fresh context the bench measures a page load in. On two
 * cores that work competed with the measured page for 0.5–1 s of CPU, a cost a person opening a
 * link in a browser that is already running never pays. Automation tools have started turning it
 * off for the same reason.
 *
 * Chromium honours only the last `--disable-features`, so the list must include Playwright's own
 * (which it does not export): a first launch reads it off the browser's command line in /proc.
 * Where that is not possible, the browser runs with Playwright's defaults unchanged.
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
      // the process ended meanwhile, or /proc is not readable
    }
  }
  return lines
}

/**
 * @param {import('playwright-core').BrowserType} browserType
 * @param {{ executablePath: string, args: string[] }} options
 * @returns {Promise<{ browser: import('playwright-core').Browser, disabledFeatures: string[] | null }>}
 */
export async function launchChromium(browserType, options) {
  /** @type {string | undefined} */
  let defaults
  const probe = await browserType.launch(options)
  try {
    defaults = childCommandLines()
      .flat()
      .find((arg) => arg.startsWith(FLAG))
  } catch {
    defaults = undefined
  } finally {
    await probe.close()
  }
  if (!defaults) return { browser: await browserType.launch(options), disabledFeatures: null }
  const features = [
    ...new Set([...defaults.slice(FLAG.length).split(','), ...EXTRA_DISABLED_FEATURES]),
  ].filter(Boolean)
  const browser = await browserType.launch({
    ...options,
    args: [...options.args, `${FLAG}${features.join(',')}`],
    ignoreDefaultArgs: [defaults],
  })
  return { browser, disabledFeatures: features }
}
