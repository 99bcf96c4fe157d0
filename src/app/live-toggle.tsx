import { useLive } from '@/components/live-context'
import { useOnline } from './use-online'

/**
 * Live / Paused in the header: whether views of latest data refresh themselves. The name says
 * the state and what a click does, so it needs no pressed state on top. Offline, nothing
 * refreshes: it says so until the connection is back, and a click still pauses.
 */
export function LiveToggle() {
  const live = useLive()
  const online = useOnline()
  if (!live || live.pollSeconds <= 0) return null
  const on = !live.paused
  const waiting = on && !online
  return (
    <button
      type="button"
      onClick={() => live.setPaused(on)}
      className="flex items-center gap-1.5 rounded border border-line px-2 py-1 text-sm hover:bg-raised"
      title={
        waiting
          ? 'Offline: refreshes resume once back online. Click to pause.'
          : on
            ? `Latest data refreshes every ${live.pollSeconds} s while this tab is visible. Click to pause.`
            : 'Live updates are paused. Click to refresh latest data by itself again.'
      }
    >
      <span aria-hidden="true" className={waiting ? 'text-warn' : on ? 'text-ok' : 'text-muted'}>
        {waiting ? '○' : on ? '●' : '❚❚'}
      </span>
      {waiting ? 'Offline' : on ? 'Live' : 'Paused'}
      <span className="sr-only">{on ? ': pause live updates' : ': resume live updates'}</span>
    </button>
  )
}
