import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { usePreferences, type Theme } from '@/components/preferences'
import { OptionListbox } from '@/features/search/option-listbox'
import type { PickOption } from '@/features/search/pick-option'
import { readRecentSearches, readRecentVisits } from '@/features/search/recent-store'
import { useOptionCombobox } from '@/features/search/use-option-combobox'
import { useSearchNavigation } from '@/features/search/use-search-navigation'
import { useSearchOptions } from '@/features/search/use-search-options'
import type { PaletteView } from './global-shortcuts'
import { SHORTCUTS } from './shortcuts'
import {
  auditPath,
  auditSubjectForPage,
  diffPath,
  environmentsPath,
  flowsPath,
} from '@/lib/app-paths'

const ORG_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/
const THEMES: ReadonlyArray<{ theme: Theme; label: string }> = [
  { theme: 'light', label: 'Use the light theme' },
  { theme: 'dark', label: 'Use the dark theme' },
  { theme: 'system', label: 'Use the system theme' },
]

/** Every word typed appears in the label (so "dark" finds "Use the dark theme"). */
function actionMatches(label: string, text: string): boolean {
  const haystack = label.toLowerCase()
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word))
}

/**
 * The command palette (Ctrl/⌘ K): a modal combobox that searches like the header box and
 * offers actions. Focus stays in the input; options are chosen with the arrow keys and Enter.
 */
export function CommandPalette({
  org,
  view,
  onViewChange,
  onClose,
}: {
  org: string
  view: PaletteView
  onViewChange: (view: PaletteView) => void
  onClose: () => void
}) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const location = useLocation()
  // When the palette opened: the end of an environment's default report range.
  const [openedAt] = useState(() => Date.now() / 1000)
  const { theme, setTheme, timeZone, setTimeZone } = usePreferences()
  const [text, setText] = useState('')
  const [status, setStatus] = useState('')
  const searchNavigation = useSearchNavigation(org)
  const search = useSearchOptions(org, text, { enabled: true, onDone: onClose })
  const query = text.trim()

  const options = useMemo(() => {
    const go = (path: string) => () => {
      void navigate(path)
      onClose()
    }
    // The page the palette was opened on may have an audit report of its own.
    const subject = auditSubjectForPage(location.pathname, location.search, openedAt)
    const actions: PickOption[] = [
      ...(subject
        ? [
            {
              key: 'audit-report',
              group: 'Actions',
              label: 'Open the audit report of this page',
              detail: Object.values(subject).join(' '),
              onPick: go(auditPath(org, subject)),
            },
          ]
        : []),
      {
        key: 'go-flows',
        group: 'Actions',
        label: 'Go to flows',
        detail: 'g f',
        onPick: go(flowsPath(org)),
      },
      {
        key: 'go-envs',
        group: 'Actions',
        label: 'Go to environments',
        detail: 'g e',
        onPick: go(environmentsPath(org)),
      },
      {
        key: 'go-diff',
        group: 'Actions',
        label: 'Compare two snapshots',
        onPick: go(diffPath(org)),
      },
      ...THEMES.map(({ theme: choice, label }) => ({
        key: `theme-${choice}`,
        group: 'Actions',
        label,
        ...(theme === choice ? { detail: 'current' } : {}),
        onPick: () => {
          setTheme(choice)
          setStatus(`Theme: ${choice}`)
        },
      })),
      {
        key: 'time-zone',
        group: 'Actions',
        label: timeZone === 'UTC' ? 'Show times in local time' : 'Show times in UTC',
        detail: `now ${timeZone === 'UTC' ? 'UTC' : 'local'}`,
        onPick: () => {
          const next = timeZone === 'UTC' ? 'local' : 'UTC'
          setTimeZone(next)
          setStatus(`Times are now shown in ${next === 'UTC' ? 'UTC' : 'your time zone'}`)
        },
      },
      {
        key: 'copy-link',
        group: 'Actions',
        label: 'Copy the link to this page',
        onPick: () => {
          const link = window.location.href
          const clipboard = navigator.clipboard as Clipboard | undefined
          if (!clipboard) {
            setStatus(`Copy this link: ${link}`)
            return
          }
          clipboard.writeText(link).then(
            () => setStatus('Link copied to the clipboard'),
            () => setStatus(`Could not copy; the link is ${link}`),
          )
        },
      },
      {
        key: 'help',
        group: 'Actions',
        label: 'Show keyboard shortcuts',
        detail: '?',
        onPick: () => onViewChange('help'),
      },
    ]

    if (query === '') {
      const recentSearches: PickOption[] = readRecentSearches(org)
        .slice(0, 5)
        .map((item) => ({
          key: `search:${item.query}`,
          group: 'Recent searches',
          label: item.query,
          onPick: () => {
            void searchNavigation.submit(item.query).then(onClose)
          },
        }))
      const recentVisits: PickOption[] = readRecentVisits(org)
        .slice(0, 5)
        .map((item) => ({
          key: `visit:${item.path}`,
          group: 'Recently visited',
          label: item.label,
          tag: item.kind,
          onPick: go(item.path),
        }))
      return [...recentSearches, ...recentVisits, ...actions]
    }

    const switchOrg: PickOption[] =
      ORG_NAME.test(query) && query !== org
        ? [
            {
              key: 'switch-org',
              group: 'Organization',
              label: `Switch to organization ${query}`,
              onPick: go(flowsPath(query)),
            },
          ]
        : []
    return [
      ...search.options,
      ...actions.filter((action) => actionMatches(action.label, query)),
      ...switchOrg,
    ]
  }, [
    org,
    query,
    location.pathname,
    location.search,
    openedAt,
    navigate,
    onClose,
    onViewChange,
    search.options,
    searchNavigation,
    theme,
    setTheme,
    timeZone,
    setTimeZone,
  ])

  const combobox = useOptionCombobox({
    options,
    open: view === 'commands',
    busy: search.pending,
    autoActivate: true,
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab') {
      // The input is the dialog's only stop: keep focus inside.
      event.preventDefault()
      dialogRef.current?.querySelector<HTMLElement>('input')?.focus()
    } else if (view === 'commands') {
      if (combobox.onArrowKey(event)) return
      if (event.key === 'Enter') {
        event.preventDefault()
        combobox.pickActive()
      }
    }
  }

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center p-4 pt-[12vh]"
      // A neutral scrim that dims the page in either theme.
      style={{ backgroundColor: 'rgb(0 0 0 / 0.55)' }}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className="flex max-h-[75vh] w-full max-w-xl flex-col overflow-hidden rounded-lg border border-line bg-surface text-ink shadow-2xl"
      >
        <h2 id={titleId} className="sr-only">
          {view === 'help' ? 'Keyboard shortcuts' : 'Command palette'}
        </h2>
        <input
          {...combobox.inputProps}
          aria-label="Search or type a command"
          // Focus moves here when the dialog opens; the header's focus is restored on close.
          autoFocus
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            combobox.reset()
            setStatus('')
            if (view === 'help') onViewChange('commands')
          }}
          placeholder="Search runner:16d9990, aws-prod#65… or type a command"
          className="w-full border-b border-line bg-surface px-4 py-3 text-base placeholder:text-muted focus:outline-none"
        />
        {view === 'commands' ? (
          <OptionListbox
            {...combobox.listboxProps}
            label="Results and actions"
            className="min-h-0 flex-1 overflow-y-auto py-1"
          />
        ) : (
          <ShortcutHelp />
        )}
        <p role="status" className="min-h-0 px-4 text-sm text-ok empty:hidden">
          {status}
        </p>
        <p className="border-t border-line px-4 py-2 text-xs text-muted">
          ↑ ↓ to move · Enter to choose · Esc to close
        </p>
      </div>
    </div>
  )
}

function ShortcutHelp() {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
      <h3 className="mb-2 font-semibold">Keyboard shortcuts</h3>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does}>
              <td className="py-1 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, index) => (
                  <span key={`${key}-${index}`}>
                    {index > 0 ? ' then ' : null}
                    <kbd className="rounded border border-line bg-raised px-1.5 font-mono text-xs">
                      {key}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
