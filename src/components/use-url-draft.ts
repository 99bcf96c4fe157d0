import { useEffect, useRef, useState } from 'react'

/**
 * A text input whose value lives in the URL. URL updates land asynchronously (each is a router
 * navigation), so typing reads a local draft; the draft follows the URL only when it changes for
 * another reason (Back, a "clear" link), never when an older write of ours arrives late.
 */
export function useUrlDraft(
  urlValue: string,
  write: (value: string) => void,
  normalise: (value: string) => string = (value) => value,
) {
  const [draft, setDraft] = useState(urlValue)
  const pending = useRef<string[]>([])
  useEffect(() => {
    const index = pending.current.indexOf(urlValue)
    if (index !== -1) {
      pending.current = pending.current.slice(index + 1)
      return
    }
    pending.current = []
    setDraft(urlValue)
  }, [urlValue])
  const change = (value: string) => {
    setDraft(value)
    pending.current.push(normalise(value))
    write(value)
  }
  return [draft, change] as const
}
