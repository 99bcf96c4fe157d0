import { render, screen } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Commits, in order: each probe notes itself when it is first put on the page. */
let committed: string[] = []

function Probe({ name }: { name: string }) {
  useLayoutEffect(() => {
    committed.push(name)
  }, [name])
  return <p>{name}</p>
}

/** A fresh module: the first page drawn is the one the browser opened. */
async function freshBelowTheFold() {
  vi.resetModules()
  return (await import('./below-the-fold')).BelowTheFold
}

function page(BelowTheFold: Awaited<ReturnType<typeof freshBelowTheFold>>, key: string) {
  return (
    <div key={key}>
      <Probe name={`${key} top`} />
      <BelowTheFold>
        <Probe name={`${key} below`} />
      </BelowTheFold>
      <Probe name={`${key} end`} />
    </div>
  )
}

describe('BelowTheFold', () => {
  beforeEach(() => {
    committed = []
  })

  it('draws its content one render after the rest of the page the browser opened', async () => {
    const BelowTheFold = await freshBelowTheFold()
    render(page(BelowTheFold, 'first'))
    expect(await screen.findByText('first below')).toBeInTheDocument()
    // The rest of the page was committed (and could paint) before the content under the fold.
    expect(committed).toEqual(['first top', 'first end', 'first below'])
  })

  it('draws a page reached inside the app in one go', async () => {
    const BelowTheFold = await freshBelowTheFold()
    const { rerender } = render(page(BelowTheFold, 'first'))
    await screen.findByText('first below')
    committed = []
    rerender(page(BelowTheFold, 'second'))
    expect(screen.getByText('second below')).toBeInTheDocument()
    expect(committed).toEqual(['second top', 'second below', 'second end'])
  })
})
