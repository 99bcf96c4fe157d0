import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { renderUi } from '@/test/render-ui'
import { ErrorState } from './error-state'

function http(status: number) {
  return new ApiError({ status, message: `HTTP ${status}`, kind: 'http', endpoint: 'GET /flows/o' })
}

describe('ErrorState', () => {
  it('offers "Try again" where retrying can help, and it retries', async () => {
    const timeout = new ApiError({
      status: 0,
      message: 'no answer',
      kind: 'timeout',
      endpoint: 'GET /flows/o',
    })
    for (const error of [http(500), http(503), http(429), timeout, new Error('boom')]) {
      const onRetry = vi.fn()
      const { unmount } = renderUi(<ErrorState error={error} onRetry={onRetry} />)
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
      expect(onRetry).toHaveBeenCalledTimes(1)
      unmount()
    }
  })

  it('offers no retry after 401, 403 or 404, only the advice and the other ways out', () => {
    for (const status of [401, 403, 404]) {
      const { unmount } = renderUi(
        <ErrorState error={http(status)} onRetry={vi.fn()} actions={<a href="/o/flows">Back</a>} />,
      )
      expect(screen.getByRole('alert')).toHaveTextContent(`(HTTP ${status})`)
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
      expect(screen.getByRole('link', { name: 'Back' })).toBeVisible()
      unmount()
    }
  })
})
