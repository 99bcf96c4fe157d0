/** In-app paths the overview links to. Every segment is encoded. */
const seg = encodeURIComponent

export function overviewPath(org: string, search = ''): string {
  return `/${seg(org)}/overview${search}`
}

export function artifactPath(org: string, flow: string, fingerprint: string): string {
  return `/${seg(org)}/flows/${seg(flow)}/artifacts/${seg(fingerprint)}`
}

export function snapshotPath(org: string, env: string, index: number): string {
  return `/${seg(org)}/environments/${seg(env)}/snapshots/${index}`
}

export function environmentPath(org: string, env: string): string {
  return `/${seg(org)}/environments/${seg(env)}`
}

/** The snapshot expression of a column: the latest, or the one current at the moment asked. */
export function columnExpression(env: string, snappishTime: string | null): string {
  return snappishTime ? `${env}@{${snappishTime}}` : env
}
