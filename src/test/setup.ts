import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { server } from '@mocks/node'

// Files marked `@vitest-environment node` (server/) use real sockets: no MSW and no DOM there.
if (typeof window !== 'undefined') {
  // Unhandled requests are bugs: fail the test that made them.
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    cleanup()
    window.localStorage.clear()
  })
  afterAll(() => server.close())
}

// React warnings and logged errors are bugs too.
const originalError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    originalError(...args)
    throw new Error(`console.error was called: ${args.map(String).join(' ').slice(0, 500)}`)
  })
})
