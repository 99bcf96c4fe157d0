import { redirect, type LoaderFunctionArgs } from 'react-router'
import { flowTrailsPath } from '@/lib/app-paths'

/** Kosli's trail list, `/{org}/flows/{flow}/trails/`: the flow page at its trails. */
export function loader() {
  return ({ params }: LoaderFunctionArgs): Response =>
    redirect(flowTrailsPath(params.org ?? '', params.flow ?? ''))
}

/** Never shown: the loader always redirects. */
export function Component() {
  return null
}
