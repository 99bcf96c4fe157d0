/** `j`/`k` on any page: move focus through the rows of the main table. */
export function moveRowFocus(step: 1 | -1, root: ParentNode = document): boolean {
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('main table tbody tr')].filter(
    (row) => !row.hidden,
  )
  if (rows.length === 0) return false
  const focused = document.activeElement
  const current = rows.findIndex((row) => focused !== null && row.contains(focused))
  const next =
    current === -1
      ? step > 0
        ? 0
        : rows.length - 1
      : Math.min(rows.length - 1, Math.max(0, current + step))
  const row = rows[next]
  if (!row) return false
  // The row's first link, so Enter then opens it natively; a row without one takes focus itself.
  let target = row.querySelector<HTMLElement>('a[href]')
  if (!target) {
    row.tabIndex = -1
    target = row
  }
  target.focus({ preventScroll: true })
  if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'nearest' })
  return true
}

/** Keys typed into a field belong to the field, not to shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type)
}
