import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ComplianceWhy } from './compliance-why'
import { placePanel } from './place-panel'

function Example() {
  return (
    <div>
      <button type="button">Before</button>
      <ComplianceWhy value="NON-COMPLIANT" subject="saver:e1f0c3a">
        <p>Missing pull request</p>
        <a href="#trail">Open trail e1f0c3a</a>
      </ComplianceWhy>
      <button type="button">After</button>
      <p>Elsewhere</p>
    </div>
  )
}

describe('ComplianceWhy', () => {
  it('is a badge button that discloses the reason', async () => {
    const user = userEvent.setup()
    render(<Example />)
    const button = screen.getByRole('button', { name: /Why is saver:e1f0c3a non-compliant\?/ })
    // The badge's words are part of the button's name; colour is never the only signal.
    expect(button).toHaveAccessibleName('Non-compliant: Why is saver:e1f0c3a non-compliant?')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('Missing pull request')).toBeNull()
    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const panel = screen.getByRole('group', { name: 'Why is saver:e1f0c3a non-compliant?' })
    expect(button).toHaveAttribute('aria-controls', panel.id)
    expect(screen.getByText('Missing pull request')).toBeVisible()
    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('Missing pull request')).toBeNull()
  })

  it('works from the keyboard: Enter opens, Tab enters the panel, Escape closes and returns focus', async () => {
    const user = userEvent.setup()
    render(<Example />)
    const button = screen.getByRole('button', { name: /Why is saver/ })
    await user.tab()
    await user.tab()
    expect(button).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    // The panel follows the button in the tab order.
    await user.tab()
    expect(screen.getByRole('button', { name: 'Close explanation' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('link', { name: 'Open trail e1f0c3a' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(button).toHaveFocus()
    expect(screen.queryByText('Missing pull request')).toBeNull()
    // Space toggles it too.
    await user.keyboard(' ')
    expect(button).toHaveAttribute('aria-expanded', 'true')
  })

  it('closes on its close button, a click outside, or when focus moves on', async () => {
    const user = userEvent.setup()
    render(<Example />)
    const button = screen.getByRole('button', { name: /Why is saver/ })

    await user.click(button)
    await user.click(screen.getByRole('button', { name: 'Close explanation' }))
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(button).toHaveFocus()

    await user.click(button)
    await user.click(screen.getByText('Missing pull request'))
    expect(button).toHaveAttribute('aria-expanded', 'true')
    await user.click(screen.getByText('Elsewhere'))
    expect(button).toHaveAttribute('aria-expanded', 'false')

    await user.click(button)
    await user.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Before' })).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('keeps Escape to itself, so a drawer behind it stays open', async () => {
    const user = userEvent.setup()
    let outerEscapes = 0
    render(
      <div
        onKeyDown={(event) => {
          if (event.key === 'Escape') outerEscapes++
        }}
      >
        <ComplianceWhy value={true} subject="trail 85cac88">
          <p>All attested</p>
        </ComplianceWhy>
      </div>,
    )
    const button = screen.getByRole('button', { name: /Why is trail 85cac88 compliant\?/ })
    await user.click(button)
    await user.keyboard('{Escape}')
    expect(outerEscapes).toBe(0)
    // Closed, Escape is no longer its business.
    await user.keyboard('{Escape}')
    expect(outerEscapes).toBe(1)
  })

  it('names unknown compliance as such', () => {
    render(
      <ComplianceWhy value={null} subject="environment staging" label="Unknown (no policy)">
        <p>No policy</p>
      </ComplianceWhy>,
    )
    expect(
      screen.getByRole('button', { name: /Why is environment staging of unknown compliance\?/ }),
    ).toHaveTextContent('Unknown (no policy)')
  })
})

describe('placePanel', () => {
  const viewport = { width: 1200, height: 800 }

  it('opens below the button, aligned with it', () => {
    expect(placePanel({ top: 100, bottom: 120, left: 300 }, viewport)).toEqual({
      left: 300,
      width: 576,
      top: 124,
      bottom: null,
      maxHeight: 668,
    })
  })

  it('opens above when the button is low on the screen, and stays inside the viewport', () => {
    const spot = placePanel({ top: 700, bottom: 720, left: 1100 }, viewport)
    expect(spot).toMatchObject({ top: null, bottom: 104, maxHeight: 688 })
    expect(spot.left + spot.width).toBeLessThanOrEqual(viewport.width - 8)
  })

  it('narrows to a small screen', () => {
    expect(placePanel({ top: 10, bottom: 30, left: 0 }, { width: 320, height: 600 })).toMatchObject(
      { left: 8, width: 304 },
    )
  })
})
