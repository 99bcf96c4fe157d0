import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CopyButton } from './copy-button'

describe('CopyButton', () => {
  it('says it copied the value, and a button reused for another value is idle again', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    const user = userEvent.setup()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { rerender } = render(<CopyButton value="16d9990" label="Copy commit 16d9990" />)
    await user.click(screen.getByRole('button', { name: 'Copy commit 16d9990' }))
    expect(writeText).toHaveBeenCalledWith('16d9990')
    expect(screen.getByRole('status')).toHaveTextContent('Copied')

    // A table row that comes to show another artifact keeps its button.
    rerender(<CopyButton value="85d83c6" label="Copy commit 85d83c6" />)
    expect(screen.getByRole('status')).toHaveTextContent('')
  })

  it('says so when the clipboard refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'))
    const user = userEvent.setup()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(<CopyButton value="16d9990" label="Copy commit 16d9990" />)
    await user.click(screen.getByRole('button', { name: 'Copy commit 16d9990' }))
    expect(screen.getByRole('status')).toHaveTextContent('Copy failed')
  })
})
