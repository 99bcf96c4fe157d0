import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { rememberVisit, visitForPath } from '@/features/search/recent-store'
import { earlyPaletteKeyPressed, stopEarlyPaletteKey } from './early-palette-key'
import { isTypingTarget, moveRowFocus } from './row-focus'
import { environmentsPath, flowsPath } from '@/lib/app-paths'

// The palette is fetched on first use so it adds nothing to the first page.
const CommandPalette = lazy(() =>
  import('./command-palette').then((module) => ({ default: module.CommandPalette })),
)

export type PaletteView = 'commands' | 'help'

const CHORD_MS = 1500

/**
 * Keyboard shortcuts for every page, the lazily loaded command palette, and the record of
 * visited artifacts and snapshots for the palette's "recently visited".
 */
export function GlobalShortcuts({ org }: { org: string }) {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [view, setView] = useState<PaletteView | null>(() =>
    earlyPaletteKeyPressed() ? 'commands' : null,
  )
  const returnFocus = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const visit = visitForPath(pathname)
    if (visit) rememberVisit(visit)
  }, [pathname])

  const openPalette = useCallback((next: PaletteView) => {
    if (document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement
    setView(next)
  }, [])

  const closePalette = useCallback(() => {
    setView(null)
    const target = returnFocus.current
    returnFocus.current = null
    // After the dialog unmounts, so focus does not land inside it.
    window.setTimeout(() => {
      if (target && target.isConnected) target.focus()
    }, 0)
  }, [])

  const open = view !== null
  useEffect(() => {
    let chordAt = 0
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key
      if ((event.ctrlKey || event.metaKey) && !event.altKey && key.toLowerCase() === 'k') {
        event.preventDefault()
        if (!open) openPalette('commands')
        return
      }
      if (open || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target)) return
      const chord = chordAt !== 0 && Date.now() - chordAt < CHORD_MS
      chordAt = 0
      if (chord && key === 'f') {
        event.preventDefault()
        void navigate(flowsPath(org))
      } else if (chord && key === 'e') {
        event.preventDefault()
        void navigate(environmentsPath(org))
      } else if (key === 'g') {
        chordAt = Date.now()
      } else if (key === '?') {
        event.preventDefault()
        openPalette('help')
      } else if (key === '/') {
        const search = document.getElementById('header-search')
        if (search) {
          event.preventDefault()
          search.focus()
        }
      } else if (key === 'j' || key === 'k') {
        if (moveRowFocus(key === 'j' ? 1 : -1)) event.preventDefault()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    // From here on these shortcuts listen themselves. A press that came after the first render,
    // before this listener, is handed to it now.
    if (stopEarlyPaletteKey()) {
      window.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, cancelable: true }),
      )
    }
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [open, org, navigate, openPalette])

  return (
    <Suspense fallback={null}>
      {view ? (
        <CommandPalette org={org} view={view} onViewChange={setView} onClose={closePalette} />
      ) : null}
    </Suspense>
  )
}
