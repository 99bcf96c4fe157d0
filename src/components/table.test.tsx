import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Table } from './table'

describe('Table', () => {
  it('gives each column its name as the label a stacked row shows, escaped as CSS text', () => {
    render(
      <Table caption="Pairs" columns={['Name', { name: 'To a"b\\c', heading: <b>To</b> }, '']}>
        <tr>
          <th scope="row">one</th>
          <td>two</td>
          <td>three</td>
        </tr>
      </Table>,
    )
    const table = screen.getByRole('table', { name: 'Pairs' })
    expect(table).toHaveClass('shiplog-table')
    expect(table.style.getPropertyValue('--col-1')).toBe('"Name"')
    expect(table.style.getPropertyValue('--col-2')).toBe('"To a\\"b\\\\c"')
    // A column without a name has no label.
    expect(table.style.getPropertyValue('--col-3')).toBe('')
    const headings = within(table).getAllByRole('columnheader')
    expect(headings.map((heading) => heading.textContent)).toEqual(['Name', 'To', ''])
  })

  it('marks the sorted column, sizes columns and takes row groups of its own', () => {
    render(
      <Table
        caption="Sorted"
        bodies
        rowCount={3}
        columns={[{ name: 'When', sort: 'descending', width: 'w-40' }, 'What']}
      >
        <tbody>
          <tr>
            <td>now</td>
            <td>this</td>
          </tr>
        </tbody>
      </Table>,
    )
    const table = screen.getByRole('table', { name: 'Sorted' })
    expect(screen.getByRole('columnheader', { name: 'When' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    expect(table).toHaveAttribute('aria-rowcount', '3')
    expect(table.querySelectorAll('tbody')).toHaveLength(1)
    expect(table.querySelector('col')).toHaveClass('w-40')
  })

  describe('stacking into cards', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
    })

    /** A window between phone and laptop width: 48rem. */
    function tabletWindow() {
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: query === '(width < 64rem)',
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }))
    }

    it('stacks below its breakpoint only', () => {
      tabletWindow()
      render(
        <>
          <Table caption="Wide" columns={['Name']} stackBelow="lg">
            <tr>
              <td>one</td>
            </tr>
          </Table>
          <Table caption="Narrow" columns={['Name']}>
            <tr>
              <td>one</td>
            </tr>
          </Table>
        </>,
      )
      expect(screen.getByRole('table', { name: 'Wide' })).toHaveAttribute('data-stacked')
      expect(screen.getByRole('table', { name: 'Narrow' })).not.toHaveAttribute('data-stacked')
    })

    it('is not stacked where no media query can be asked', () => {
      render(
        <Table caption="Plain" columns={['Name']} stackBelow="lg">
          <tr>
            <td>one</td>
          </tr>
        </Table>,
      )
      expect(screen.getByRole('table', { name: 'Plain' })).not.toHaveAttribute('data-stacked')
    })
  })
})
