/**
 * Ctrl/Cmd+K pressed while the page is still starting: the shortcuts are loaded lazily, so
 * without this a press in the first moments after the header paints would be lost. The entry
 * script starts listening; the shortcuts take the press over when they are ready.
 */
let pressed = false
let listening = false

function isPaletteKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k'
}

function onKeyDown(event: KeyboardEvent) {
  if (!isPaletteKey(event)) return
  // The browser's own Ctrl+K (its search bar) would take focus away from the page.
  event.preventDefault()
  pressed = true
}

export function listenForEarlyPaletteKey(): void {
  if (listening) return
  listening = true
  window.addEventListener('keydown', onKeyDown)
}

/** Whether the palette key was pressed before the shortcuts were ready. */
export function earlyPaletteKeyPressed(): boolean {
  return pressed
}

/**
 * The shortcuts are listening now: stop listening for an early press. Answers whether one came
 * after the shortcuts first read `earlyPaletteKeyPressed` (between their render and their
 * effects), so that press is not lost either.
 */
export function stopEarlyPaletteKey(): boolean {
  window.removeEventListener('keydown', onKeyDown)
  listening = false
  const wasPressed = pressed
  pressed = false
  return wasPressed
}
