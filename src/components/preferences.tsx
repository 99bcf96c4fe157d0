import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'

export type Theme = 'light' | 'dark' | 'system'
export type TimeZonePreference = 'local' | 'UTC'
/** How tight table rows are: `compact` fits more rows on a screen. */
export type Density = 'comfortable' | 'compact'

interface Preferences {
  theme: Theme
  setTheme: (theme: Theme) => void
  timeZone: TimeZonePreference
  setTimeZone: (zone: TimeZonePreference) => void
  density: Density
  setDensity: (density: Density) => void
}

const THEME_KEY = 'shiplog.theme'
const ZONE_KEY = 'shiplog.timeZone'
const DENSITY_KEY = 'shiplog.density'

function readStored<T extends string>(key: string, allowed: ReadonlyArray<T>, fallback: T): T {
  try {
    const value = window.localStorage.getItem(key)
    return value && (allowed as ReadonlyArray<string>).includes(value) ? (value as T) : fallback
  } catch {
    return fallback
  }
}

function store(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

function prefersDark(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  )
}

const PreferencesContext = createContext<Preferences | null>(null)

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>(() =>
    readStored(THEME_KEY, ['light', 'dark', 'system'], 'system'),
  )
  const [timeZone, setTimeZoneState] = useState<TimeZonePreference>(() =>
    readStored(ZONE_KEY, ['local', 'UTC'], 'local'),
  )
  const [density, setDensityState] = useState<Density>(() =>
    readStored(DENSITY_KEY, ['comfortable', 'compact'], 'comfortable'),
  )

  // The stylesheet tightens table rows under `data-density="compact"` (src/index.css).
  useEffect(() => {
    document.documentElement.dataset.density = density
  }, [density])

  useEffect(() => {
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && prefersDark())
      document.documentElement.classList.toggle('dark', dark)
      document.documentElement.classList.toggle('light', !dark)
    }
    apply()
    if (theme !== 'system' || typeof window.matchMedia !== 'function') return
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    query.addEventListener('change', apply)
    return () => query.removeEventListener('change', apply)
  }, [theme])

  const setTheme = useCallback((next: Theme) => {
    setThemeState(next)
    store(THEME_KEY, next)
  }, [])
  const setTimeZone = useCallback((next: TimeZonePreference) => {
    setTimeZoneState(next)
    store(ZONE_KEY, next)
  }, [])
  const setDensity = useCallback((next: Density) => {
    // At once, so the rows that draw next (and measure themselves) already have the new height.
    document.documentElement.dataset.density = next
    setDensityState(next)
    store(DENSITY_KEY, next)
  }, [])

  const value = useMemo(
    () => ({ theme, setTheme, timeZone, setTimeZone, density, setDensity }),
    [theme, setTheme, timeZone, setTimeZone, density, setDensity],
  )
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext)
  if (!value) throw new Error('usePreferences must be used inside PreferencesProvider')
  return value
}
