/**
 * Shiplog's mark beside its name in the header: the favicon's drawing, inline, so a page load
 * does not ask for it again (the favicon file revalidates on every request, and each header
 * image would be another request beside the page's scripts and API reads). index.html's
 * header, painted before the JavaScript runs, draws the same.
 */
export function ShiplogMark() {
  return (
    <svg viewBox="0 0 32 32" width={22} height={22} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#0f766e" />
      <path d="M6 20h20l-3 5H9z" fill="#fff" />
      <path d="M15 7v11h-6z" fill="#99f6e4" />
      <path d="M17 9v9h6z" fill="#fff" />
    </svg>
  )
}
