/**
 * Preload tags for the page an address opens: the route's JavaScript chunks (from Vite's build
 * manifest) and, in live mode, its main API requests. Added to index.html per request, so the
 * browser fetches them alongside the entry script instead of after it has run. An API answer the
 * browser says it keeps (the `shiplog-kept` cookie, src/app/kept-hint.ts) is left out: the page
 * reads it from IndexedDB, and preloading it again only costs that page time. A page with an
 * immutable answer also gets the kept-answer store's module: such an answer is looked up there
 * before it is fetched, so the module is on that page's way to its first paint either way.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { preloadPlan } from '../src/app/route-preload.ts'
import { keptHint } from '../src/app/kept-hint.ts'
import { escapeHtml } from './config.ts'
import { isImmutableAnswer } from './proxy.ts'

interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
  isEntry?: boolean
}

type Manifest = Record<string, ManifestChunk>

export interface Preloader {
  /**
   * `<link>` tags for this path and query string (empty when nothing is known about it), without
   * the API URLs whose digests are in `kept`.
   */
  tags(
    pathname: string,
    options: { api: boolean; search?: string; kept?: ReadonlySet<string> },
  ): string
}

const NONE: Preloader = { tags: () => '' }

/** The kept answers' store (src/app/query-client.ts imports it when the app starts). */
const KEPT_STORE_MODULE = 'src/app/persist-store.ts'

function hasImmutableAnswer(urls: ReadonlyArray<string>): boolean {
  return urls.some((url) => {
    const query = url.indexOf('?')
    return query < 0
      ? isImmutableAnswer(url, '')
      : isImmutableAnswer(url.slice(0, query), url.slice(query))
  })
}

/** Every chunk `key` imports statically, depth first, itself included. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into
  into.add(key)
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, into)
  return into
}

export function createPreloader(manifest: Manifest): Preloader {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entry) return NONE
  // The entry's own chunks are already in index.html.
  const loaded = staticClosure(manifest, entry)
  const cache = new Map<string, string[]>()
  const moduleFiles = (module: string): string[] => {
    let files = cache.get(module)
    if (!files) {
      files = [...staticClosure(manifest, module)]
        .filter((key) => !loaded.has(key))
        .map((key) => manifest[key]?.file)
        .filter((file): file is string => typeof file === 'string' && file.endsWith('.js'))
      cache.set(module, files)
    }
    return files
  }
  return {
    tags(pathname, options) {
      const plan = preloadPlan(pathname, options.search)
      if (!plan) return ''
      const kept = options.kept
      const api = options.api
        ? plan.api
            .filter((url) => !kept?.has(keptHint(url)))
            .map(
              (url) =>
                `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeHtml(url)}" />`,
            )
        : []
      const files = [...moduleFiles(plan.module)]
      if (hasImmutableAnswer(plan.api)) files.push(...moduleFiles(KEPT_STORE_MODULE))
      const modules = [...new Set(files)].map(
        (file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}" />`,
      )
      return [...api, ...modules].join('')
    },
  }
}

/** The preloader for a build directory; none when the build has no manifest. */
export function loadPreloader(distDir: string): Preloader {
  try {
    const text = readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')
    return createPreloader(JSON.parse(text) as Manifest)
  } catch {
    return NONE
  }
}
