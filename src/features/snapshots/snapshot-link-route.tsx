import { redirect, type LoaderFunctionArgs } from 'react-router'
import { snapshotPath } from '@/lib/app-paths'

const SNAPSHOT_INDEX = /^[1-9]\d{0,9}$/

/**
 * Kosli's short snapshot link, `/{org}/environments/{env}/{index}`: the snapshot page, with the
 * query string kept (`?fingerprint=`). Anything but a snapshot number there is not a page.
 */
export function loader() {
  return ({ params, request }: LoaderFunctionArgs): Response => {
    const { org = '', env = '', index = '' } = params
    if (!SNAPSHOT_INDEX.test(index)) throw new Response('Not Found', { status: 404 })
    const fingerprint = new URL(request.url).searchParams.get('fingerprint') ?? undefined
    return redirect(snapshotPath(org, env, Number(index), fingerprint))
  }
}

/** Never shown: the loader always redirects or answers 404. */
export function Component() {
  return null
}
