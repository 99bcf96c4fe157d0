import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderUi } from '@/test/render-ui'
import { useOverviewSearch } from './use-overview-search'

/** Two changes in one event turn: both are asked for before the first address is shown. */
function Probe() {
  const { search, update } = useOverviewSearch()
  return (
    <>
      <p>{search.q || 'no filter'}</p>
      <button
        type="button"
        onClick={() => {
          update({ q: '' }, true)
          update({ drift: true })
        }}
      >
        clear, then only differing
      </button>
      <button type="button" onClick={() => update({ drift: true })}>
        only differing
      </button>
    </>
  )
}

describe('the overview view in the URL', () => {
  it('builds a change on one still landing, so a quick second change keeps the first', async () => {
    const { router } = renderUi(<Probe />, '/cyber-dojo/overview?q=runn')
    expect(await screen.findByText('runn')).toBeVisible()
    fireEvent.click(screen.getByRole('button', { name: 'clear, then only differing' }))
    expect(await screen.findByText('no filter')).toBeVisible()
    const params = new URLSearchParams(router.state.location.search)
    expect(params.has('q')).toBe(false)
    expect(params.get('drift')).toBe('1')
  })

  it('builds on the address shown once another navigation replaced ours', async () => {
    const { router } = renderUi(<Probe />, '/cyber-dojo/overview?q=runn')
    expect(await screen.findByText('runn')).toBeVisible()
    await act(() => router.navigate('/cyber-dojo/overview?q=saver'))
    expect(await screen.findByText('saver')).toBeVisible()
    fireEvent.click(screen.getByRole('button', { name: 'only differing' }))
    await act(async () => {})
    const params = new URLSearchParams(router.state.location.search)
    expect(params.get('q')).toBe('saver')
    expect(params.get('drift')).toBe('1')
  })
})
