import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A text input whose value lives in the URL. URL updates land asynchronously (each is a router
 * navigation), so typing reads a local draft; the draft follows the URL only when it changes for
 * another reason (Back, a "clear" link), never when an older write of ours arrives late.
 *
 * With `delayMs`, the URL is written once typing pauses that long instead of on every key: a page
 * that filters from the draft then pays for one navigation per pause, not one per key. A write
 * still waiting when the input goes away is dropped, so leaving the page never navigates back.
 */
export function useUrlDraft(
  urlValue: string,
  write: (value: string) => void,
  normalise: (value: string) => string = (value) => value,
  delayMs = 0,
) {
  const [draft, setDraft] = useState(urlValue)
  const pending = useRef<string[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // A delayed write uses the page's latest `write`, which knows the URL as it is by then.
  const latestWrite = useRef(write)
  const latestNormalise = useRef(normalise)
  useEffect(() => {
    latestWrite.current = write
    latestNormalise.current = normalise
  })
  useEffect(() => {
    const index = pending.current.indexOf(urlValue)
    if (index !== -1) {
      pending.current = pending.current.slice(index + 1)
      return
    }
    pending.current = []
    clearTimeout(timer.current)
    setDraft(urlValue)
  }, [urlValue])
  useEffect(() => () => clearTimeout(timer.current), [])
  // The same function across renders, so a memoised input is not drawn again when the URL
  // write it asked for lands.
  const change = useCallback(
    (value: string) => {
      const send = () => {
        pending.current.push(latestNormalise.current(value))
        latestWrite.current(value)
      }
      setDraft(value)
      clearTimeout(timer.current)
      if (delayMs > 0) timer.current = setTimeout(send, delayMs)
      else send()
    },
    [delayMs],
  )
  return [draft, change] as const
}
