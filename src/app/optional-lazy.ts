import { lazy, type ComponentType } from 'react'

const ATTEMPTS = 3

/** Resolves when the browser comes back online. */
function backOnline(): Promise<void> {
  return new Promise((resolve) =>
    window.addEventListener('online', () => resolve(), { once: true }),
  )
}

/**
 * A lazily loaded piece of the shell that pages work without (the header search, the keyboard
 * shortcuts). When its code does not download (offline before it ever loaded, or a build
 * replaced since the tab opened), offline it waits for the connection and tries again, its
 * Suspense fallback showing meanwhile; otherwise it renders `fallback` until the page is loaded
 * again. It never takes the page down with it.
 */
export function optionalLazy<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ComponentType<Props>,
) {
  return lazy(async () => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return { default: await load() }
      } catch {
        // Online, trying the same URL again fails the same way (browsers keep a failed import).
        if (attempt === ATTEMPTS || navigator.onLine) break
        await backOnline()
      }
    }
    return { default: fallback }
  })
}
