import { Suspense, useEffect, useState } from 'react'
import { NavLink, Outlet, useNavigation, useParams } from 'react-router'
import { LiveToggle } from './live-toggle'
import { optionalLazy } from './optional-lazy'
import { OfflineBanner } from './offline-banner'
import { PreferenceControls } from './preference-controls'
import { useAppConfig } from './config'
import { PageProgress } from '@/components/page-progress'
import { diffPath, environmentsPath, flowsPath, overviewPath } from '@/lib/app-paths'
import { ShiplogMark } from '@/components/shiplog-mark'

// Search and shortcuts load once the first page has painted (see useAfterFirstPaint), so their
// code is neither in its bundle nor downloaded while it is on its way.
const HeaderSearch = optionalLazy(
  () => import('./header-search').then((module) => module.HeaderSearch),
  SearchUnavailable,
)
const GlobalShortcuts = optionalLazy(
  () => import('@/features/palette/global-shortcuts').then((module) => module.GlobalShortcuts),
  () => null,
)

/** False until the browser is idle after the first commit (at most a second later). */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    const done = () => setReady(true)
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 1000 })
      return () => cancelIdleCallback(id)
    }
    const id = setTimeout(done, 0)
    return () => clearTimeout(id)
  }, [])
  return ready
}

function SearchPlaceholder({ unavailable = false }: { unavailable?: boolean }) {
  return (
    <input
      type="search"
      disabled
      aria-label={unavailable ? 'Search unavailable: reload the page' : 'Search (loading)'}
      className="w-full rounded border border-line bg-canvas px-2 py-1 text-sm sm:w-56"
    />
  )
}

/** The header search whose code did not download: the page works on without it. */
function SearchUnavailable() {
  return <SearchPlaceholder unavailable />
}

/** The main sections of an org, in the header's order. */
const SECTIONS: ReadonlyArray<readonly [label: string, path: (org: string) => string]> = [
  ['Overview', overviewPath],
  ['Flows', flowsPath],
  ['Environments', environmentsPath],
  ['Diff', diffPath],
]

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-1.5 py-1 font-medium sm:px-2 ${isActive ? 'bg-raised text-ink' : 'text-muted hover:text-ink'}`

export function AppLayout() {
  const { org = '' } = useParams()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const { mode } = useAppConfig()
  const extras = useAfterFirstPaint()
  return (
    <div className="min-h-screen bg-canvas text-ink">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <PageProgress busy={busy} />
      <header className="border-b border-line bg-surface">
        {/* Phones: the logo and the pages on one line, the org, search and settings on another. */}
        <div className="mx-auto flex min-h-[46px] max-w-7xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:gap-x-4">
          <NavLink
            to={overviewPath(org)}
            className="flex items-center gap-2 text-base font-semibold"
          >
            <ShiplogMark />
            <span className="max-sm:sr-only">Shiplog</span>
          </NavLink>
          <span
            className="rounded border border-line px-1.5 text-xs text-muted max-sm:order-1"
            title="Organization"
          >
            {org}
          </span>
          {mode === 'demo' ? (
            <span
              className="rounded bg-info-soft px-1.5 text-xs text-info max-sm:order-1"
              title="Data comes from the built-in demo world"
            >
              demo
            </span>
          ) : null}
          <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
            {SECTIONS.map(([label, path]) => (
              <NavLink key={label} to={path(org)} className={navClass}>
                {label}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-2 max-sm:order-1 max-sm:min-w-0 max-sm:flex-1 sm:ml-auto">
            <div className="min-w-0 max-sm:flex-1">
              {extras ? (
                <Suspense fallback={<SearchPlaceholder />}>
                  <HeaderSearch org={org} />
                </Suspense>
              ) : (
                <SearchPlaceholder />
              )}
            </div>
            <LiveToggle />
            <PreferenceControls />
          </div>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" className="mx-auto max-w-7xl px-4 py-4" aria-busy={busy}>
        <Outlet />
      </main>
      {extras ? (
        <Suspense fallback={null}>
          <GlobalShortcuts org={org} />
        </Suspense>
      ) : null}
    </div>
  )
}
