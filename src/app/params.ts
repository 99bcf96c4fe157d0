import type { Params } from 'react-router'

/** A path parameter the route table guarantees; a missing one is a 404, not a crash. */
export function requireParam(params: Params, name: string): string {
  const value = params[name]
  if (!value) throw new Response(`Missing ${name}`, { status: 404 })
  return value
}
