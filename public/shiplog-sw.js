/**
 * Shiplog's offline page: a link opened without a connection still starts the app, which then
 * shows what it kept (numbered snapshots, diffs; src/app/persist-store.ts) and says it is offline
 * for the rest. Navigations go to the network first; only when that fails is the kept copy of
 * the app's page used. The hashed scripts it names come from the browser's cache (immutable).
 *
 * In demo mode the same worker also serves the demo data (`?mode=demo` imports MSW's worker,
 * which leaves navigations alone), since one scope has one worker.
 */
/* global importScripts */
const DEMO = new URL(self.location.href).searchParams.get('mode') === 'demo'
if (DEMO) importScripts('/mockServiceWorker.js')

const CACHE = 'shiplog-page-v1'
// `/` is the app's page without any one page's preload tags; the tab's icon is its only image.
const PAGE = '/'
const LOGO = '/favicon.svg'
let refreshed = false

function keepPage() {
  refreshed = true
  return caches
    .open(CACHE)
    .then((cache) =>
      cache.addAll([PAGE, LOGO].map((url) => new Request(url, { cache: 'no-cache' }))),
    )
    .catch(() => undefined)
}

self.addEventListener('install', (event) => {
  self.skipWaiting()
  event.waitUntil(keepPage())
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    Promise.all([
      self.registration.navigationPreload?.enable().catch(() => undefined),
      self.clients.claim(),
    ]),
  )
})

self.addEventListener('fetch', (event) => {
  // In demo mode MSW's worker answers every request but navigations.
  if (!DEMO && new URL(event.request.url).pathname === LOGO) {
    event.respondWith(fetch(event.request).catch(() => caches.match(LOGO, { cacheName: CACHE })))
    return
  }
  if (event.request.mode !== 'navigate') return
  event.respondWith(
    (async () => {
      try {
        const response = (await event.preloadResponse) ?? (await fetch(event.request))
        // A new build replaces the page: keep the current one, once per worker start.
        if (!refreshed && response.ok) event.waitUntil(keepPage())
        return response
      } catch (error) {
        const kept = await caches.match(PAGE, { cacheName: CACHE })
        if (!kept) throw error
        // A fresh response: the kept one may carry a redirect, which a navigation refuses.
        return new Response(await kept.blob(), { status: 200, headers: kept.headers })
      }
    })(),
  )
})
