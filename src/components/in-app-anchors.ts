import { useCallback, type MouseEvent } from 'react'
import { useNavigate } from 'react-router'

/**
 * One click handler for a large region of plain `<a href>` links to in-app paths.
 *
 * A router `<Link>` reads the router's location, so every link on the page redraws on each
 * navigation — even a search-param change, even inside a memoised table. A table of thousands of
 * links draws plain anchors instead and puts this handler on its container: a plain left click
 * on a same-origin link navigates in the app; a modified click, a middle click, `target` or
 * `download` keep the browser's own behaviour, as a `<Link>` would.
 */
export function useInAppAnchors(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate()
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const target = event.target
      if (!(target instanceof Element)) return
      const anchor = target.closest('a[href]')
      if (!(anchor instanceof HTMLAnchorElement) || !event.currentTarget.contains(anchor)) return
      if (anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return
      const url = new URL(anchor.href, window.location.href)
      if (url.origin !== window.location.origin) return
      event.preventDefault()
      void navigate(`${url.pathname}${url.search}${url.hash}`)
    },
    [navigate],
  )
}
