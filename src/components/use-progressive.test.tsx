import { render, screen } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { describe, expect, it } from 'vitest'
import { useProgressive } from './use-progressive'

const firstThree = (items: number[]) => items.slice(0, 3)

function List({ items, commits }: { items: number[]; commits: number[] }) {
  const shown = useProgressive(items, firstThree)
  // Record what each commit put on the page.
  useLayoutEffect(() => {
    commits.push(shown.length)
  })
  return (
    <ul>
      {shown.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}

describe('useProgressive', () => {
  it('commits the head first and then the whole list', () => {
    const commits: number[] = []
    const items = Array.from({ length: 50 }, (_, index) => index)
    render(<List items={items} commits={commits} />)
    expect(commits[0]).toBe(3)
    expect(commits.at(-1)).toBe(50)
    expect(screen.getAllByRole('listitem')).toHaveLength(50)
  })

  it('shows a new list once it is rendered, without going back to the head', () => {
    const commits: number[] = []
    const { rerender } = render(<List items={[1, 2, 3, 4, 5]} commits={commits} />)
    rerender(<List items={[7, 8]} commits={commits} />)
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['7', '8'])
    expect(commits).not.toContain(0)
  })
})
