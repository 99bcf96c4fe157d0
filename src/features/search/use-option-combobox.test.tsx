import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { OptionListbox } from './option-listbox'
import type { PickOption } from './pick-option'
import { useOptionCombobox } from './use-option-combobox'

function Box({
  options,
  autoActivate,
}: {
  options: ReadonlyArray<PickOption>
  autoActivate?: boolean
}) {
  const combobox = useOptionCombobox({ options, open: true, busy: false, autoActivate })
  return (
    <>
      <input
        {...combobox.inputProps}
        aria-label="Find"
        onChange={combobox.reset}
        onKeyDown={(event) => {
          if (!combobox.onArrowKey(event) && event.key === 'Enter') combobox.pickActive()
        }}
      />
      <OptionListbox {...combobox.listboxProps} label="Choices" />
    </>
  )
}

function makeOptions(onPick: (label: string) => void): PickOption[] {
  return [
    { key: 'w', group: 'Enter will', label: 'Not understood', tone: 'warn', onPick: () => {} },
    { key: 'a', group: 'Names', label: 'alpha', onPick: () => onPick('alpha') },
    { key: 'b', group: 'Names', label: 'beta', onPick: () => onPick('beta') },
  ]
}

describe('useOptionCombobox', () => {
  it('wires the input to the listbox, with nothing active until the arrow keys move', async () => {
    const user = userEvent.setup()
    const picked = vi.fn()
    render(<Box options={makeOptions(picked)} />)
    const input = screen.getByRole('combobox', { name: 'Find' })
    const listbox = screen.getByRole('listbox', { name: 'Choices' })
    expect(input).toHaveAttribute('aria-expanded', 'true')
    expect(input).toHaveAttribute('aria-controls', listbox.id)
    expect(input).not.toHaveAttribute('aria-activedescendant')
    input.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const alpha = screen.getByRole('option', { name: 'alpha' })
    expect(input).toHaveAttribute('aria-activedescendant', alpha.id)
    expect(alpha).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(input).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: /Not understood/ }).id,
    )
    await user.keyboard('{ArrowUp}{Enter}')
    expect(picked).toHaveBeenCalledWith('beta')
  })

  it('with autoActivate, starts on the first option that is not a warning', async () => {
    const user = userEvent.setup()
    const picked = vi.fn()
    render(<Box options={makeOptions(picked)} autoActivate />)
    const input = screen.getByRole('combobox', { name: 'Find' })
    expect(input).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: 'alpha' }).id,
    )
    input.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(input).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: 'alpha' }).id,
    )
    await user.keyboard('{ArrowDown}')
    // Typing forgets the choice: back to the first useful option.
    await user.type(input, 'x')
    await user.keyboard('{Enter}')
    expect(picked).toHaveBeenCalledWith('alpha')
    expect(picked).toHaveBeenCalledTimes(1)
  })
})
