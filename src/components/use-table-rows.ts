import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'

/** Before the first layout (and in jsdom) there is no viewport to measure: assume a typical one. */
export const FIRST_RECT = { width: 1200, height: 640 }

/**
 * The rows of a long table near its scrolled viewport, with the heights of the spacers that stand
 * for the rows out of view above and below them.
 */
export function useTableRows({
  count,
  scrollRef,
  estimateSize,
  getItemKey,
  overscan,
  onChange,
}: {
  count: number
  scrollRef: RefObject<HTMLDivElement | null>
  /** Stable callbacks: new ones on every render make the virtualizer re-measure every row. */
  estimateSize: (index: number) => number
  getItemKey: (index: number) => number | string
  overscan: number
  onChange?: (instance: Virtualizer<HTMLDivElement, Element>) => void
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan,
    useFlushSync: false,
    initialRect: FIRST_RECT,
    onChange,
  })
  const virtualItems = virtualizer.getVirtualItems()
  return {
    virtualizer,
    virtualItems,
    before: virtualItems[0]?.start ?? 0,
    after: virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0),
  }
}
