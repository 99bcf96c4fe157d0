import type { Mode } from '@/app/config'

/** What the downloaded JSON says about itself; `sha256` lets anyone check `content`. */
export interface AuditManifest {
  generated_at: string
  org: string
  mode: Mode
  api: string
  query: { description: string; params: Record<string, string> }
  /** How the hash is computed, so it can be verified without Shiplog. */
  sha256_of: 'UTF-8 bytes of JSON.stringify(content)'
  sha256: string
}

export interface AuditBundle<Content> {
  manifest: AuditManifest
  content: Content
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

export async function buildAuditBundle<Content>(input: {
  generatedAt: number
  org: string
  mode: Mode
  api: string
  query: AuditManifest['query']
  content: Content
}): Promise<AuditBundle<Content>> {
  return {
    manifest: {
      generated_at: new Date(input.generatedAt).toISOString(),
      org: input.org,
      mode: input.mode,
      api: input.api,
      query: input.query,
      sha256_of: 'UTF-8 bytes of JSON.stringify(content)',
      sha256: await sha256Hex(JSON.stringify(input.content)),
    },
    content: input.content,
  }
}

/** 'shiplog-audit-artifact-runner-9af401c-2026-05-01T10-00-00Z.json': safe on every file system. */
export function auditFilename(kind: string, subject: string, generatedAt: number): string {
  const stamp = new Date(generatedAt)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
  const safe = subject
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `shiplog-audit-${kind}-${safe || 'report'}-${stamp}.json`
}
