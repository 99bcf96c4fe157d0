import { attestationEndpoints, type Attestation } from '@/api/attestations'
import { API_BASE } from '@/api/client'
import { safeHref } from '@/lib/safe-url'

/**
 * The same-origin proxy path for an attestation's evidence file, or null when the API has
 * none. The API's own link is absolute (app.kosli.com); the browser must go through
 * `/api/v2/...` so the server adds the token.
 */
export function evidenceProxyPath(
  attestation: Pick<Attestation, 'evidenceUrl' | 'evidenceFingerprint' | 'id' | 'flow' | 'trail'>,
  org: string,
): string | null {
  const href = safeHref(attestation.evidenceUrl)
  if (href) {
    const path = new URL(href).pathname
    const at = path.indexOf(`${API_BASE}/`)
    if (at !== -1 && path.endsWith('/evidence')) return path.slice(at)
  }
  if (attestation.evidenceFingerprint && attestation.id && attestation.flow && attestation.trail) {
    return attestationEndpoints.evidence(org, attestation.flow, attestation.trail, attestation.id)
  }
  return null
}
