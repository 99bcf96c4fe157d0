/**
 * The flow page's request sizes and its `?page=`, which the server's preload hints
 * (app/route-preload.ts) read too: nothing here may import beyond lib/.
 */

export const ARTIFACTS_PER_PAGE = 20

/** `?page=N` for the artifacts; anything odd is page 1. */
export function parseArtifactPage(params: URLSearchParams): number {
  const value = Number(params.get('page') ?? '1')
  return Number.isSafeInteger(value) && value >= 1 && value <= 100_000 ? value : 1
}
