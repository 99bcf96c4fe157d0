/** Every keyboard shortcut, for the help view. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['Ctrl+K'], does: 'Open the command palette (⌘+K on a Mac)' },
  { keys: ['/'], does: 'Focus the search box' },
  { keys: ['?'], does: 'Show these keyboard shortcuts' },
  { keys: ['g', 'f'], does: 'Go to flows' },
  { keys: ['g', 'e'], does: 'Go to environments' },
  { keys: ['j'], does: 'Next row of the table on the page' },
  { keys: ['k'], does: 'Previous row of the table on the page' },
  { keys: ['Enter'], does: 'Open the focused row or option' },
  { keys: ['Esc'], does: 'Close the palette or the suggestions' },
]
