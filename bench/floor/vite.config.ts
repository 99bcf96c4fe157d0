/**
 * Builds the floor pages (bench/floor/) for `npm run bench`: served by Shiplog's own server under
 * /__floor/, so they fetch the same API answers same-origin. Production mode, like dist/.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: '/__floor/',
  logLevel: 'error',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rolldownOptions: { input: { floor: here('index.html'), hand: here('hand.html') } },
  },
})
