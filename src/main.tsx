import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { readConfig } from './app/config'
import { createLiveStore } from './app/live'
import { createQueryClient, openKeptAnswers } from './app/query-client'
import { createAppRouter } from './app/router'
import { FIRST_PAGE_WAIT_MS, firstPageReady, prepareFormattersWhenIdle } from './app/first-page'
import { listenForEarlyPaletteKey } from './features/palette/early-palette-key'
import './index.css'

/** public/shiplog-sw.js: opens the app offline; in demo mode it also serves the demo data. */
const OFFLINE_WORKER = '/shiplog-sw.js'
const OFFLINE_WORKER_DEMO = `${OFFLINE_WORKER}?mode=demo`

async function startDemoData(pollSeconds: number): Promise<string | null> {
  try {
    const { worker, startDemoReplay } = await import('@mocks/browser')
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: OFFLINE_WORKER_DEMO },
    })
    const replay = new URLSearchParams(window.location.search).get('replay')
    if (replay !== null && replay !== '0') startDemoReplay(pollSeconds || 15)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

async function main() {
  const root = document.getElementById('root')
  if (!root) return
  listenForEarlyPaletteKey()
  const config = readConfig()
  if (config.mode === 'demo') {
    const failure = await startDemoData(config.pollSeconds)
    if (failure) {
      // Its own chunk: only a browser that refused the demo's service worker needs it.
      const { showDemoFailure } = await import('./app/demo-failure')
      showDemoFailure(root, failure)
      return
    }
  }
  const live = createLiveStore(config.pollSeconds)
  const queryClient = createQueryClient(live, { keptAnswers: openKeptAnswers })
  const router = createAppRouter(queryClient, config.defaultOrg)
  prepareFormattersWhenIdle()
  await firstPageReady(router, FIRST_PAGE_WAIT_MS)
  // A transition, so React renders the first page in slices and the browser stays responsive
  // while it does; the header painted from the HTML stays until the page commits.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} config={config} live={live} />
      </StrictMode>,
    )
  })
  // After the first page, not before it; a browser that refuses only loses the offline page.
  if (config.mode === 'live' && 'serviceWorker' in navigator) {
    const register = () => void navigator.serviceWorker.register(OFFLINE_WORKER).catch(() => {})
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })
  }
}

void main()
