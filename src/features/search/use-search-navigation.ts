import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useNavigate } from 'react-router'
import type { QueryIntent } from './classify-query'
import { rememberSearch } from './recent-store'
import { resolveQuery } from './resolve-query'
import { searchPath } from '@/lib/app-paths'

/**
 * Enter in a search box. One destination is opened directly (a push, so Back returns to where
 * the search was typed); anything else opens the search page, which lists or explains.
 * Resolving here rather than redirecting from the search page's loader keeps the history
 * right: a loader redirect during a push would replace the page the user came from.
 */
export function useSearchNavigation(org: string) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [pending, setPending] = useState(false)

  const submit = useCallback(
    async (text: string, intent?: QueryIntent): Promise<void> => {
      const query = text.trim()
      if (!query) return
      rememberSearch(org, query)
      if (intent?.path !== undefined) {
        await navigate(intent.path)
        return
      }
      setPending(true)
      try {
        const result = await resolveQuery(queryClient, org, query)
        await navigate(result.kind === 'go' ? result.path : searchPath(org, query))
      } catch {
        // The search page shows the failure with a retry.
        await navigate(searchPath(org, query))
      } finally {
        setPending(false)
      }
    },
    [navigate, org, queryClient],
  )

  const open = useCallback((path: string) => navigate(path), [navigate])
  return { submit, open, pending }
}
