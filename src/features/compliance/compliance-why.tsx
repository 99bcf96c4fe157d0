/**
 * ComplianceWhy — a compliance badge that is a button: one click shows why, in a panel that
 * floats over the page (so it works inside tables and scrolling lists). It is a disclosure:
 * the button has aria-expanded / aria-controls and the panel follows it in the tab order;
 * Escape closes it and puts focus back on the button; a click outside, or moving focus out of
 * it, closes it too.
 *
 * Props:
 * - `value: ComplianceState | boolean | null | undefined` — as `ComplianceBadge` takes it.
 * - `children: ReactNode` — the explanation, e.g. `<ComplianceChecklist …/>` for trails and
 *   artifacts, `<PolicyDecisions …/>` for snapshot rows, environments, snapshots. It is only
 *   rendered while open, so explanations that fetch data do so on demand.
 * - `label?: string` — badge text override; `subject?: string` — what is judged, for the
 *   button's accessible name ("Why is runner:16d9990 compliant?"); `defaultOpen?: boolean`.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent, FocusEvent, ReactNode } from 'react'
import type { ComplianceState } from '@/api/domain'
import { ComplianceBadge, complianceLabel, complianceWord } from '@/components/compliance-badge'
import { placePanel } from './place-panel'
import { WhyPanelScope } from './title'

export interface ComplianceWhyProps {
  value: ComplianceState | boolean | null | undefined
  children: ReactNode
  label?: string
  subject?: string
  defaultOpen?: boolean
}

/** 'Why is trail 85cac88 non-compliant?' */
export function whyQuestion(value: ComplianceWhyProps['value'], subject?: string): string {
  return `Why is ${subject ?? 'this'} ${complianceWord(value)}?`
}

export function ComplianceWhy({
  value,
  children,
  label,
  subject,
  defaultOpen = false,
}: ComplianceWhyProps) {
  const [open, setOpen] = useState(defaultOpen)
  const id = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const question = whyQuestion(value, subject)

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }, [])

  // A click anywhere else closes it (without taking focus from what was clicked).
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      const root = rootRef.current
      if (root && event.target instanceof Node && root.contains(event.target)) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  // The panel is fixed to the viewport next to the button, so no table or scroll box clips it.
  useLayoutEffect(() => {
    if (!open) return
    const place = () => {
      const button = buttonRef.current
      const panel = panelRef.current
      if (!button || !panel) return
      const spot = placePanel(button.getBoundingClientRect(), {
        width: window.innerWidth,
        height: window.innerHeight,
      })
      panel.style.left = `${spot.left}px`
      panel.style.width = `${spot.width}px`
      panel.style.maxHeight = `${spot.maxHeight}px`
      panel.style.top = spot.top === null ? '' : `${spot.top}px`
      panel.style.bottom = spot.bottom === null ? '' : `${spot.bottom}px`
    }
    place()
    window.addEventListener('resize', place)
    window.addEventListener('scroll', place, true)
    return () => {
      window.removeEventListener('resize', place)
      window.removeEventListener('scroll', place, true)
    }
  }, [open])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return
    // Handled here: the page's own Escape (drawers, dialogs) must not also fire.
    event.stopPropagation()
    event.preventDefault()
    close(true)
  }

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget
    if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false)
  }

  return (
    <div
      ref={rootRef}
      className="inline-block max-w-full align-top"
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        // The badge's own words first, so the name contains what is seen.
        aria-label={`${complianceLabel(value, label)}: ${question}`}
        title={open ? 'Hide why' : 'Show why'}
        onClick={() => setOpen((current) => !current)}
        className="inline-flex items-center gap-1 rounded hover:opacity-90"
      >
        <ComplianceBadge value={value} label={label} />
        <span
          aria-hidden="true"
          className="text-xs whitespace-nowrap text-accent underline-offset-2 hover:underline"
        >
          {open ? '▾' : '▸'} why?
        </span>
      </button>
      <div
        id={id}
        ref={panelRef}
        role="group"
        aria-label={question}
        hidden={!open}
        className="fixed z-40 overflow-auto rounded border border-line bg-surface p-3 text-left text-sm font-normal whitespace-normal text-ink shadow-lg"
      >
        {open ? (
          <>
            <div className="float-right ml-2">
              <button
                type="button"
                aria-label="Close explanation"
                onClick={() => close(true)}
                className="rounded border border-line px-1.5 text-xs text-muted hover:bg-raised"
              >
                Close
              </button>
            </div>
            <WhyPanelScope>{children}</WhyPanelScope>
          </>
        ) : null}
      </div>
    </div>
  )
}
