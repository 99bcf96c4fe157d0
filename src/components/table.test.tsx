import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
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
})
