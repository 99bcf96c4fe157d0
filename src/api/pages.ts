import { ApiError, describeEndpoint } from './client'

/** The most pages Shiplog follows for one list; a longer list is refused rather than cut short. */
export const MAX_FOLLOWED_PAGES = 50

export interface ListPage<T> {
  items: T[]
  /** How many pages the server says there are; `null` when it does not page. */
  pageCount: number | null
  perPage: number | null
}

/**
 * Every item of a list the server may split into pages. `first` is the answer to the first
 * request; `fetchPage(n, perPage)` asks for page n with the server's own page size.
 */
export async function followPages<T>(
  path: string,
  first: ListPage<T>,
  fetchPage: (page: number, perPage: number | null) => Promise<ListPage<T>>,
): Promise<T[]> {
  const pageCount = first.pageCount ?? 1
  if (pageCount > MAX_FOLLOWED_PAGES) {
    throw new ApiError({
      message: `${describeEndpoint(path)} has ${pageCount} pages; Shiplog reads at most ${MAX_FOLLOWED_PAGES}.`,
      status: 200,
      kind: 'invalid-response',
      endpoint: describeEndpoint(path),
    })
  }
  const items = [...first.items]
  for (let page = 2; page <= pageCount; page++) {
    items.push(...(await fetchPage(page, first.perPage)).items)
  }
  return items
}
