/** In-app paths the compliance explanations link to (PRODUCT.md deep links). */

const seg = encodeURIComponent

export function trailPath(org: string, flow: string, trail: string): string {
  return `/${seg(org)}/flows/${seg(flow)}/trails/${seg(trail)}`
}

export function attestationPath(org: string, flow: string, trail: string, id: string): string {
  return `${trailPath(org, flow, trail)}?attestation_id=${seg(id)}`
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
