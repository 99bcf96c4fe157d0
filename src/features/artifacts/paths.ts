/** In-app paths for flows, artifacts and what they link to. Every segment is encoded. */

const seg = encodeURIComponent

export function flowsPath(org: string): string {
  return `/${seg(org)}/flows`
}

export function flowPath(org: string, flow: string): string {
  return `${flowsPath(org)}/${seg(flow)}`
}

export function artifactPath(org: string, flow: string, fingerprint: string): string {
  return `${flowPath(org, flow)}/artifacts/${seg(fingerprint)}`
}

export function trailPath(
  org: string,
  flow: string,
  trail: string,
  attestationId?: string,
): string {
  const base = `${flowPath(org, flow)}/trails/${seg(trail)}`
  return attestationId ? `${base}?attestation_id=${seg(attestationId)}` : base
}

export function snapshotPath(org: string, env: string, index: number): string {
  return `/${seg(org)}/environments/${seg(env)}/snapshots/${index}`
}
