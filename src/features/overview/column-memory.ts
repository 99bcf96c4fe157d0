/** The overview's column choice per org, remembered in this browser. */
const key = (org: string) => `shiplog.overview.columns.${org}`

export function rememberedColumns(org: string): string[] | null {
  try {
    const raw = window.localStorage.getItem(key(org))
    if (raw === null) return null
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return null
    const names = value.filter((item): item is string => typeof item === 'string' && item !== '')
    return names.length ? names : null
  } catch {
    return null
  }
}

export function rememberColumns(org: string, names: ReadonlyArray<string> | null): void {
  try {
    if (names === null || names.length === 0) window.localStorage.removeItem(key(org))
    else window.localStorage.setItem(key(org), JSON.stringify(names))
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}
