/** The search page for typed text: a shareable link that resolves again when opened. */
export function searchPath(org: string, query: string): string {
  return `/${encodeURIComponent(org)}/search?${new URLSearchParams({ q: query.trim() }).toString()}`
}
