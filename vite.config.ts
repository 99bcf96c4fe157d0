import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { shiplogDevServer } from './server/vite-plugin.ts'

/**
 * Chunks by what loads together, not one per module: the libraries every page needs, the shared
 * API layer and UI, and the compliance explanations most pages show; route modules and lazy
 * panels stay chunks of their own. Dozens of sub-kilobyte chunks each cost a request and a
 * module evaluation before the first rows paint.
 */
const CHUNK_GROUPS = [
  {
    name: 'vendor',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/,
    priority: 40,
  },
  {
    // The history picture (environment and artifact pages), loaded when it is drawn.
    name: 'history',
    test: /[\\/]src[\\/](features[\\/]history[\\/]|api[\\/]history\.ts$)/,
    priority: 12,
  },
  {
    // Row virtualisation, for the pages with long tables only: without its own group it would
    // join the shared chunk through the hook that drives it, and every page would load it.
    name: 'virtual',
    test: /[\\/](node_modules[\\/]@tanstack[\\/](react-virtual|virtual-core)[\\/]|src[\\/]components[\\/]use-table-rows\.ts$)/,
    priority: 35,
  },
  {
    // Not the history's API module: the history group takes it (with what it imports that no
    // group above took), so it loads with the picture, not on every first page. The artifact
    // page's fingerprint and commit resolvers (a few hundred bytes) are here too: search's
    // resolver uses them, and as its dependencies they would take the whole search chunk onto
    // the artifact page's first paint.
    name: 'shared',
    test: /[\\/](src[\\/](api[\\/](?!history\.ts$)|lib[\\/]|components[\\/])|src[\\/]app[\\/]params\.ts$|src[\\/]features[\\/]artifacts[\\/]resolve-(commit|fingerprint)\.ts$|node_modules[\\/]zod[\\/])/,
    priority: 30,
  },
  {
    // Compliance explanations: used by most pages, many small modules.
    name: 'compliance',
    test: /[\\/]src[\\/]features[\\/]compliance[\\/]/,
    priority: 20,
  },
  {
    // The search box's, the palette's and the search page's helpers: one chunk, after the page.
    name: 'search',
    test: /[\\/]src[\\/]features[\\/]search[\\/](?![^\\/]+-route\.tsx$)/,
    priority: 15,
  },
  {
    // Small helpers two or more pages share (search's and the palette's load after the page).
    name: 'common',
    test: /[\\/]src[\\/]features[\\/](?!search[\\/]|palette[\\/])[^\\/]+[\\/](?![^\\/]+-route\.tsx$)/,
    minShareCount: 2,
    priority: 10,
  },
]

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
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
})
