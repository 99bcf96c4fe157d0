import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useUrlDraft } from './use-url-draft'

afterEach(() => vi.useRealTimers())

describe('useUrlDraft with a delay', () => {
  it('shows every key at once and writes the URL once typing pauses', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const { result } = renderHook(() => useUrlDraft('', write, undefined, 300))
    for (const text of ['s', 'sv', 'svc']) {
      act(() => result.current[1](text))
      act(() => vi.advanceTimersByTime(100))
    }
    expect(result.current[0]).toBe('svc')
    expect(write).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(300))
    expect(write).toHaveBeenCalledTimes(1)
    expect(write).toHaveBeenCalledWith('svc')
  })

  it('drops a write still waiting when the input goes away', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const { result, unmount } = renderHook(() => useUrlDraft('', write, undefined, 300))
    act(() => result.current[1]('runner'))
    unmount()
    vi.advanceTimersByTime(1000)
    expect(write).not.toHaveBeenCalled()
  })

  it('follows the URL when it changes for another reason, cancelling the waiting write', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const { result, rerender } = renderHook(({ url }) => useUrlDraft(url, write, undefined, 300), {
      initialProps: { url: 'old' },
    })
    act(() => result.current[1]('olde'))
    rerender({ url: '' })
    expect(result.current[0]).toBe('')
    act(() => vi.advanceTimersByTime(1000))
    expect(write).not.toHaveBeenCalled()
  })
})

describe('useUrlDraft, a delayed write', () => {
  it("uses the page's latest write, not the one of the key that started the wait", () => {
    vi.useFakeTimers()
    const first = vi.fn()
    const latest = vi.fn()
    const { result, rerender } = renderHook(({ write }) => useUrlDraft('', write, undefined, 300), {
      initialProps: { write: first },
    })
    act(() => result.current[1]('runn'))
    rerender({ write: latest })
    act(() => vi.advanceTimersByTime(300))
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledWith('runn')
  })
})
