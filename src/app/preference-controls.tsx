import { useId, useState, type ReactNode } from 'react'
import { usePreferences, type Theme } from '@/components/preferences'

/**
 * Time zone, row density and theme. Beside the search on wide screens; on phones behind one
 * "Settings" button, so the header keeps to two lines.
 */
export function PreferenceControls() {
  const { theme, setTheme, timeZone, setTimeZone, density, setDensity } = usePreferences()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <div className="relative text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="rounded border border-line px-2 py-1 hover:bg-raised sm:hidden"
      >
        <span aria-hidden="true">⚙</span>
        <span className="sr-only">Settings</span>
      </button>
      <div
        id={panelId}
        className={`${open ? 'flex' : 'hidden'} absolute top-full right-0 z-30 mt-1 flex-col items-stretch gap-2 rounded border border-line bg-surface p-2 shadow-lg sm:static sm:mt-0 sm:flex sm:flex-row sm:items-center sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none`}
      >
        <Toggle
          pressed={timeZone === 'UTC'}
          onToggle={() => setTimeZone(timeZone === 'UTC' ? 'local' : 'UTC')}
          title="Show times in UTC or in your time zone"
        >
          {timeZone === 'UTC' ? 'Times: UTC' : 'Times: local'}
        </Toggle>
        <Toggle
          pressed={density === 'compact'}
          onToggle={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
          title="Compact rows fit more on a screen; off, rows are comfortable"
          pressedLook
        >
          <span aria-hidden="true">{density === 'compact' ? '✓ ' : ''}</span>Compact
          <span className="sr-only"> rows</span>
        </Toggle>
        <label className="sr-only" htmlFor="theme-select">
          Theme
        </label>
        <select
          id="theme-select"
          value={theme}
          onChange={(event) => setTheme(event.target.value as Theme)}
          className="rounded border border-line bg-surface px-1 py-1"
        >
          <option value="system">System theme</option>
          <option value="light">Light theme</option>
          <option value="dark">Dark theme</option>
        </select>
      </div>
    </div>
  )
}

/** A setting that is on or off; `pressedLook` also shades it while on. */
function Toggle({
  pressed,
  onToggle,
  title,
  pressedLook = false,
  children,
}: {
  pressed: boolean
  onToggle: () => void
  title: string
  pressedLook?: boolean
  children: ReactNode
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={`rounded border border-line px-2 py-1 whitespace-nowrap hover:bg-raised${pressedLook ? ' aria-pressed:bg-raised' : ''}`}
      title={title}
    >
      {children}
    </button>
  )
}
