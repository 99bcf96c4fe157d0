/**
 * The same-stack floor: the least a page built from Shiplog's libraries can do to show an API
 * answer's first screen of rows. React, React Router's data router (a loader that fills the
 * query cache), TanStack Query (`useSuspenseQuery` on the same options), @tanstack/react-virtual
 * (only the first screen renders), a same-origin fetch of the same JSON. No validation, no other
 * UI. Each `?api=/api/v2/...` names an answer the page needs (all are fetched at once: the floor
 * has no waterfall), `?kind=list` renders `<li>`s in a timeline section instead of table rows,
 * no `api` renders rows held in memory (no fetch at all).
 */
import {
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { createElement as h, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { floorRows, inlineRows, type FloorRow } from './rows.ts'

const params = new URLSearchParams(location.search)
const apis = params.getAll('api')
const kind = params.get('kind') === 'list' ? 'list' : 'table'
const ROW_HEIGHT = 36

const rowsQuery = queryOptions({
  queryKey: ['floor', apis],
  queryFn: async (): Promise<FloorRow[]> => {
    if (!apis.length) return inlineRows(1000)
    const answers = await Promise.all(
      apis.map(async (api) => {
        const response = await fetch(api, { headers: { accept: 'application/json' } })
        if (!response.ok) throw new Error(`${api} answered ${response.status}`)
        return response.json() as Promise<unknown>
      }),
    )
    return floorRows(answers)
  },
})

function Rows() {
  const { data } = useSuspenseQuery(rowsQuery)
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    initialRect: { width: innerWidth, height: innerHeight },
    overscan: 4,
  })
  const items = virtualizer.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const cells = items.map((item) => data[item.index] ?? { key: String(item.index), label: '' })
  const body =
    kind === 'list'
      ? h(
          'section',
          { 'aria-labelledby': 'timeline-heading' },
          h('h2', { id: 'timeline-heading' }, 'History'),
          h(
            'ol',
            { style: { paddingTop: before, paddingBottom: after } },
            cells.map((row) => h('li', { key: row.key, style: { height: ROW_HEIGHT } }, row.label)),
          ),
        )
      : h(
          'table',
          null,
          h(
            'tbody',
            null,
            h('tr', { style: { height: before } }),
            cells.map((row) =>
              h(
                'tr',
                { key: row.key, style: { height: ROW_HEIGHT } },
                h('th', { scope: 'row' }, row.label),
              ),
            ),
            h('tr', { style: { height: after } }),
          ),
        )
  return h(
    'main',
    null,
    h('h1', null, `${data.length} rows`),
    h('div', { ref: scroller, style: { height: '80vh', overflow: 'auto' } }, body),
  )
}

const queryClient = new QueryClient()
const router = createBrowserRouter([
  {
    path: '*',
    loader: () => queryClient.ensureQueryData(rowsQuery),
    Component: Rows,
    HydrateFallback: () => null,
  },
])

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    h(QueryClientProvider, { client: queryClient }, h(RouterProvider, { router })),
  )
}
