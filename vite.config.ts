import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { shiplogDevServer } from './server/vite-plugin.ts'

export default defineConfig({
  plugins: [react(), tailwindcss(), shiplogDevServer()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  preview: { port: Number(process.env.PORT ?? 4173) },
  // The manifest tells the server which chunks each route needs, to preload them with the page.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 700, manifest: true },
})
