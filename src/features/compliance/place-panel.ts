/** Where a floating explanation goes: below its button, or above when there is more room. */

export interface PanelSpot {
  left: number
  width: number
  /** One of top / bottom is set (viewport pixels); the other is null. */
  top: number | null
  bottom: number | null
  maxHeight: number
}

const MARGIN = 8
const GAP = 4
const MAX_WIDTH = 576
/** Below this much room under the button, the panel opens above it if that has more. */
const COMFORTABLE = 240

export function placePanel(
  anchor: { top: number; bottom: number; left: number },
  viewport: { width: number; height: number },
): PanelSpot {
  const width = Math.max(0, Math.min(MAX_WIDTH, viewport.width - 2 * MARGIN))
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - MARGIN - width))
  const below = viewport.height - anchor.bottom - GAP - MARGIN
  const above = anchor.top - GAP - MARGIN
  if (below >= COMFORTABLE || below >= above) {
    return { left, width, top: anchor.bottom + GAP, bottom: null, maxHeight: Math.max(120, below) }
  }
  return {
    left,
    width,
    top: null,
    bottom: viewport.height - anchor.top + GAP,
    maxHeight: Math.max(120, above),
  }
}
