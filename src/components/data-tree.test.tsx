import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DataTree } from './data-tree'
import { expectLink } from '@/test/expect-link'

describe('DataTree', () => {
  it('renders any JSON as text, with only http(s) links', () => {
    render(
      <DataTree
        label="User data"
        value={{
          build: { number: 42, ok: true, tags: ['a', 'b'] },
          evil: '<img src=x onerror=alert(1)>',
          js: 'javascript:alert(1)',
          url: 'https://example.com/run/1',
          empty: {},
          missing: null,
        }}
      />,
    )
    expect(screen.getByRole('group', { name: 'User data' })).toBeVisible()
    expect(screen.getByText('42')).toBeVisible()
    expect(screen.getByText('true')).toBeVisible()
    expect(screen.getByText('#2')).toBeVisible()
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeVisible()
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull()
    expectLink('https://example.com/run/1', 'https://example.com/run/1')
    expect(screen.getByText('(empty)')).toBeVisible()
    expect(screen.getByText('missing').nextElementSibling).toHaveTextContent('none')
  })

  it('shows levels below maxDepth as compact JSON text', () => {
    render(<DataTree value={{ outer: { inner: { deep: [1, 2] } } }} maxDepth={2} />)
    expect(screen.getByText('{"deep":[1,2]}')).toBeVisible()
  })
})
