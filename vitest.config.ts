import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'server/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 15000,
    // Threads sharing one environment per worker: every file cleans up after itself (see
    // src/test/setup.ts), and this runs the suite in a third of the time of isolated forks.
    pool: 'threads',
    maxWorkers: 2,
    isolate: false,
  },
})
