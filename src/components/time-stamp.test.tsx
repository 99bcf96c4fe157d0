import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderUi } from '@/test/render-ui'
import { TimeStamp } from './time-stamp'

// runner:16d9990 started in aws-prod at 2022-08-22T09:35:00Z.
const SEED = 1661160900

describe('TimeStamp', () => {
  beforeEach(() => window.localStorage.setItem('shiplog.timeZone', 'UTC'))
  afterEach(() => window.localStorage.clear())

  it('puts the relative time and a short absolute one on one line, the full time on hover', () => {
    const { container } = renderUi(<TimeStamp value={SEED} variant="line" />)
    expect(container.firstElementChild).toHaveClass('whitespace-nowrap')
    const [relative, absolute] = container.querySelectorAll('time')
    expect(relative).toHaveTextContent(/years ago/)
    expect(absolute).toHaveTextContent('22 Aug 2022 09:35 UTC')
    for (const time of [relative, absolute]) {
      expect(time).toHaveAttribute('title', 'Mon, 22 Aug 2022 09:35:00 UTC')
    }
    for (const time of [relative, absolute]) {
      expect(time).toHaveAttribute('datetime', '2022-08-22T09:35:00.000Z')
    }
  })

  it('says unknown for a missing time instead of inventing one', () => {
    renderUi(<TimeStamp value={null} variant="line" />)
    expect(screen.getByText('unknown')).toBeInTheDocument()
    expect(document.querySelector('time')).toBeNull()
  })
})
