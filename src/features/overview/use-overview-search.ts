import { useEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'
import { overviewSearchString, parseOverviewSearch, type OverviewSearch } from './overview-search'

/**
 * The overview's view as kept in the URL, and a way to change part of it. A URL write lands
 * only when its navigation is done, so a change made meanwhile (the filter's delayed write,
 * then a click on a switch) starts from the last address asked for, not from the one still
 * shown: otherwise the second write would undo the first.
 */
export function useOverviewSearch() {
  const [params, setParams] = useSearchParams()
  const shown = params.toString()
  const search = parseOverviewSearch(params)
  /** Addresses asked for and not yet shown, oldest first. */
  const asked = useRef<string[]>([])
  useEffect(() => {
    const index = asked.current.indexOf(shown)
    // Not one of ours (Back, a link): the address shown is the one to build on.
    asked.current = index === -1 ? [] : asked.current.slice(index + 1)
  }, [shown])
  const update = (change: Partial<OverviewSearch>, replace = false) => {
    const last = asked.current.at(-1)
    const base = last === undefined ? search : parseOverviewSearch(new URLSearchParams(last))
    const next = new URLSearchParams(overviewSearchString({ ...base, ...change }))
    asked.current.push(next.toString())
    setParams(next, { replace })
  }
  return { search, update }
}
