import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ChartPlaceholder } from '@/components/chart-placeholder'
import { artifactLanes } from '@/features/artifacts/history-placeholder'

describe('the history chart placeholder', () => {
  it('has a lane per environment the artifact runs or ran in', () => {
    const ref = (environment: string, index: number) => ({ environment, index })
    expect(
      artifactLanes({
        running: [ref('aws-beta', 84), ref('aws-beta', 85)],
        exited: [ref('aws-prod', 65)],
      }),
    ).toBe(2)
    expect(artifactLanes({ running: [], exited: [] })).toBe(0)
  })

  it('is as tall as that many lanes, at least one and at most what the chart shows unscrolled', () => {
    const lanes = (count: number) => {
      const { unmount } = render(<ChartPlaceholder lanes={count} label="Loading the history" />)
      const box = screen.getByRole('status')
      const value = box.style.getPropertyValue('--lanes')
      expect(box).toHaveTextContent('Loading the history…')
      unmount()
      return value
    }
    expect(lanes(2)).toBe('2')
    expect(lanes(0)).toBe('1')
    expect(lanes(40)).toBe('17')
  })
})
