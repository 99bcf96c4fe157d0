import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider, type DataRouter } from 'react-router'
import { PreferencesProvider } from '@/components/preferences'
import { AppConfigContext, type AppConfig } from './config'
import { LiveContext, type LiveStore } from '@/components/live-context'

export function App({
  queryClient,
  router,
  config,
  live,
}: {
  queryClient: QueryClient
  router: DataRouter
  /** As main.tsx read it; tests run with the live-mode default. */
  config?: AppConfig
  /** Live updates; without it nothing polls (tests). */
  live?: LiveStore
}) {
  const app = (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <LiveContext value={live ?? null}>
          <RouterProvider router={router} />
        </LiveContext>
      </PreferencesProvider>
    </QueryClientProvider>
  )
  return config ? <AppConfigContext value={config}>{app}</AppConfigContext> : app
}
