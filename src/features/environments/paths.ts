/** In-app paths for environments, snapshots and the pages they link to. Every segment is encoded. */

const seg = encodeURIComponent

export function environmentsPath(org: string): string {
  return `/${seg(org)}/environments`
}

export function environmentPath(org: string, env: string, tab?: 'snapshots' | 'events'): string {
  const base = `${environmentsPath(org)}/${seg(env)}`
  return tab ? `${base}/${tab}` : base
}

export function snapshotPath(org: string, env: string, index: number): string {
  return `${environmentPath(org, env, 'snapshots')}/${index}`
}

/** The diff page between two snapshot expressions, e.g. `aws-prod#64` → `aws-prod#65`. */
export function diffPath(org: string, from: string, to: string): string {
  const query = new URLSearchParams({ from, to })
  return `/${seg(org)}/diff?${query.toString()}`
}

/** Diff of snapshot N against N-1 of the same environment; undefined for the first one. */
export function diffWithPreviousPath(org: string, env: string, index: number): string | undefined {
  if (!Number.isInteger(index) || index < 2) return undefined
  return diffPath(org, `${env}#${index - 1}`, `${env}#${index}`)
}

export function flowPath(org: string, flow: string): string {
  return `/${seg(org)}/flows/${seg(flow)}`
}

export function artifactPath(org: string, flow: string, fingerprint: string): string {
  return `${flowPath(org, flow)}/artifacts/${seg(fingerprint)}`
}

export function trailPath(org: string, flow: string, trail: string): string {
  return `${flowPath(org, flow)}/trails/${seg(trail)}`
}
