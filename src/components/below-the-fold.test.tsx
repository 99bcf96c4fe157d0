import { act, render, screen } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Commits, in order: each probe notes itself when it is first put on the page. */
let committed: string[] = []

function Probe({ name }: { name: string }) {
  useLayoutEffect(() => {
    committed.push(name)
  }, [name])
  return <p>{name}</p>
}

/**
 * A router whose `/page` has content under the fold and whose `/plain` has none, with a fresh
 * module: the first page drawn is the one the browser opened.
 */
async function appAt(entry: string) {
  vi.resetModules()
  const { BelowTheFold } = await import('./below-the-fold')
  return createMemoryRouter(
    [
      {
        path: '/page',
        element: (
          <div>
            <Probe name="top" />
            <BelowTheFold>
              <Probe name="below" />
            </BelowTheFold>
            <Probe name="end" />
          </div>
        ),
      },
      { path: '/plain', element: <Probe name="plain" /> },
    ],
    { initialEntries: [entry] },
  )
}

describe('BelowTheFold', () => {
  beforeEach(() => {
    committed = []
  })

  it('draws its content one render after the rest of the page the browser opened', async () => {
    render(<RouterProvider router={await appAt('/page')} />)
    expect(await screen.findByText('below')).toBeInTheDocument()
    // The rest of the page was committed (and could paint) before the content under the fold.
    expect(committed).toEqual(['top', 'end', 'below'])
  })

  it('draws a page reached inside the app in one go', async () => {
    const router = await appAt('/plain')
    render(<RouterProvider router={router} />)
    await screen.findByText('plain')
    committed = []
    await act(() => router.navigate('/page'))
    expect(screen.getByText('below')).toBeInTheDocument()
    expect(committed).toEqual(['top', 'below', 'end'])
  })

  it('draws an opened address with a #fragment in one go: it may point under the fold', async () => {
    render(<RouterProvider router={await appAt('/page#trails')} />)
    await screen.findByText('below')
    expect(committed).toEqual(['top', 'below', 'end'])
  })
})
