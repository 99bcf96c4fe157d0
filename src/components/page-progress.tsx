/** The thin bar across the top of the window while a page loads. */
export function PageProgress({ busy }: { busy: boolean }) {
  return (
    <div className="fixed inset-x-0 top-0 z-40 h-0.5 overflow-hidden" aria-hidden={!busy}>
      {busy ? (
        <div
          role="progressbar"
          aria-label="Loading page"
          className="h-full w-2/5 bg-accent"
          style={{ animation: 'shiplog-progress 1s ease-in-out infinite' }}
        />
      ) : null}
    </div>
  )
}
