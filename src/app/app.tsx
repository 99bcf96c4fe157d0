import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider, type DataRouter } from 'react-router'
import { PreferencesProvider } from '@/components/preferences'
import { AppConfigContext, type AppConfig } from './config'

export function App({
  queryClient,
  router,
  config,
}: {
  queryClient: QueryClient
  router: DataRouter
  /** As main.tsx read it; tests run with the live-mode default. */
  config?: AppConfig
}) {
  const app = (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <RouterProvider router={router} />
      </PreferencesProvider>
    </QueryClientProvider>
  )
  return config ? <AppConfigContext value={config}>{app}</AppConfigContext> : app
}
