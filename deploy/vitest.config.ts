import { defineConfig } from 'vitest/config'
import base from '../vitest.config.ts'

// The nginx test needs the built app and nginx, so it runs as its own `npm test` step after the
// build (scripts/test-nginx.mjs), not with the unit tests.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['deploy/**/*.test.ts'], environment: 'node' },
})
