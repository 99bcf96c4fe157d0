import { usePreferences, type Theme } from '@/components/preferences'

export function PreferenceControls() {
  const { theme, setTheme, timeZone, setTimeZone } = usePreferences()
  return (
    <div className="flex items-center gap-2 text-sm">
      <button
        type="button"
        aria-pressed={timeZone === 'UTC'}
        onClick={() => setTimeZone(timeZone === 'UTC' ? 'local' : 'UTC')}
        className="rounded border border-line px-2 py-1 hover:bg-raised"
        title="Show times in UTC or in your time zone"
      >
        {timeZone === 'UTC' ? 'Times: UTC' : 'Times: local'}
      </button>
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
  )
}
