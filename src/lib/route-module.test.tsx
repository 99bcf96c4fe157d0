import { screen } from '@testing-library/react'
import type { ShouldRevalidateFunctionArgs } from 'react-router'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '@/test/render-route'
import { pathOnlyRevalidation } from './route-module'

function args(current: string, next: string): ShouldRevalidateFunctionArgs {
  const base = 'http://localhost'
  return {
    currentUrl: new URL(current, base),
    nextUrl: new URL(next, base),
    currentParams: {},
    nextParams: {},
    defaultShouldRevalidate: true,
  }
}

describe('pathOnlyRevalidation', () => {
  it('skips the loader when only the search params change', () => {
    expect(pathOnlyRevalidation(args('/o/flows', '/o/flows?q=run'))).toBe(false)
    expect(pathOnlyRevalidation(args('/o/flows?q=r', '/o/flows?q=ru'))).toBe(false)
  })

  it('keeps the default for a new path and for "try again" on the same URL', () => {
    expect(pathOnlyRevalidation(args('/o/flows', '/p/flows'))).toBe(true)
    expect(pathOnlyRevalidation(args('/o/flows?q=r', '/o/flows?q=r'))).toBe(true)
  })

  it('lets a filter change on the flows page land without a loading navigation', async () => {
    const { router } = renderRoute('/cyber-dojo/flows')
    await screen.findByRole('heading', { name: 'Flows' }, { timeout: 8000 })
    const states: string[] = []
    const unsubscribe = router.subscribe((state) => states.push(state.navigation.state))
    await router.navigate('/cyber-dojo/flows?q=runner', { replace: true })
    unsubscribe()
    expect(router.state.location.search).toBe('?q=runner')
    expect(states).not.toContain('loading')
  })
})
