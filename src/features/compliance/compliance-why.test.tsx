import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ComplianceWhy } from './compliance-why'
import { DataTree } from './data-tree'

describe('ComplianceWhy', () => {
  it('is a badge button that discloses the reason', async () => {
    render(
      <ComplianceWhy value="NON-COMPLIANT" subject="saver:e1f0c3a">
        <p>Missing pull request</p>
      </ComplianceWhy>,
    )
    const button = screen.getByRole('button', { name: /Why is saver:e1f0c3a non-compliant\?/ })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('Missing pull request')).toBeNull()
    await userEvent.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('Missing pull request')).toBeVisible()
    await userEvent.click(button)
    expect(screen.queryByText('Missing pull request')).toBeNull()
  })
})

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
    expect(screen.getByRole('link', { name: 'https://example.com/run/1' })).toHaveAttribute(
      'href',
      'https://example.com/run/1',
    )
    expect(screen.getByText('(empty)')).toBeVisible()
    expect(screen.getByText('missing').nextElementSibling).toHaveTextContent('none')
  })
})
