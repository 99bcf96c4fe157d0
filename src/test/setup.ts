import '@testing-library/jest-dom/vitest'
import { cleanup, configure, prettyDOM } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { server } from '@mocks/node'
import { observeReads } from '@/api/fast-parse'
import { crossCheckWithZod } from './read-check'

// Every response the API layer reads is read by zod too, and the two must agree.
observeReads(crossCheckWithZod)

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

// A failed query formats the whole DOM into its error, and `findBy…`/`waitFor` fail and retry
// every 50 ms: on a page of hundreds of rows that formatting alone took seconds of a test on a
// busy machine. Large documents get the message and the element count instead.
const PRINTED_ELEMENTS = 1500
configure({
  getElementError(message, container) {
    const elements = container.getElementsByTagName('*').length
    const dom =
      elements <= PRINTED_ELEMENTS
        ? prettyDOM(container)
        : `(${elements} elements, not printed: call screen.debug() to see them)`
    const error = new Error([message, dom].filter(Boolean).join('\n\n'))
    error.name = 'TestingLibraryElementError'
    return error
  },
})

// React warnings and logged errors are bugs too.
const originalError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    originalError(...args)
    throw new Error(`console.error was called: ${args.map(String).join(' ').slice(0, 500)}`)
  })
})
