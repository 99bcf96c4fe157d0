/**
 * Chromium for the bench: Playwright's launch, without headless Chromium's address-bar popup in
 * every fresh context (see scripts/chromium-features.mjs).
 */
import { disableFeaturesSwitch, disabledFeatures } from '../../scripts/chromium-features.mjs'

export { EXTRA_DISABLED_FEATURES } from '../../scripts/chromium-features.mjs'

/**
 * @param {import('playwright-core').BrowserType} browserType
 * @param {{ executablePath: string, args: string[] }} options
 * @returns {Promise<{ browser: import('playwright-core').Browser, disabledFeatures: string[] | null }>}
 */
export async function launchChromium(browserType, options) {
  const features = await disabledFeatures(browserType, options)
  const args = features ? [...options.args, disableFeaturesSwitch(features)] : options.args
  return { browser: await browserType.launch({ ...options, args }), disabledFeatures: features }
}
