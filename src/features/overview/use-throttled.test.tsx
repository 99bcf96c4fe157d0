import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useThrottled } from './use-throttled'

describe('useThrottled', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('passes the first change on at once, then at most one change per wait, the latest one', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 300), {
      initialProps: { value: 'a' },
    })
    rerender({ value: 'b' })
    act(() => void vi.advanceTimersByTime(0))
    expect(result.current).toBe('b')
    rerender({ value: 'c' })
    act(() => void vi.advanceTimersByTime(100))
    rerender({ value: 'd' })
    act(() => void vi.advanceTimersByTime(100))
    expect(result.current).toBe('b')
    act(() => void vi.advanceTimersByTime(100))
    expect(result.current).toBe('d')
  })

  it('follows at once when the wait is zero', () => {
    const { result, rerender } = renderHook(({ value, wait }) => useThrottled(value, wait), {
      initialProps: { value: 'a', wait: 300 },
    })
    rerender({ value: 'b', wait: 300 })
    act(() => void vi.advanceTimersByTime(0))
    rerender({ value: 'c', wait: 300 })
    expect(result.current).toBe('b')
    rerender({ value: 'c', wait: 0 })
    expect(result.current).toBe('c')
  })
})
