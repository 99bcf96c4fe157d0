import { screen, within } from '@testing-library/react'
import { expect } from 'vitest'

/** The link called `name`, in `scope` or else anywhere on the page, goes to `href`. */
export function expectLink(name: string | RegExp, href: string, scope?: HTMLElement): void {
  const queries = scope ? within(scope) : screen
  expect(queries.getByRole('link', { name })).toHaveAttribute('href', href)
}
