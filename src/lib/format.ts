/** The short form of a commit or fingerprint; '' when missing (callers render "none"). */
export function shortSha(value: string | null | undefined, length = 7): string {
  if (typeof value !== 'string') return ''
  return value.trim().slice(0, Math.max(0, length))
}

// Made on first use, not when the module loads: the first Intl formatter of a page sets up the
// browser's locale data (~20 ms), which belongs in the first render, not in the scripts' start.
let countFormat: Intl.NumberFormat | undefined

/** '5,000'. */
export function formatCount(count: number): string {
  countFormat ??= new Intl.NumberFormat('en-US')
  return countFormat.format(count)
}

/** '1 flow', '12 flows', '5,000 artifacts'. */
export function pluralise(count: number, singular: string, plural = singular + 's'): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`
}

/**
 * An image reference without its tag or digest. A ':' only starts a tag after the last '/', so
 * registry ports ('host:5000/x') survive.
 */
export function imageNameWithoutTag(name: string): string {
  const trimmed = name.trim()
  const at = trimmed.indexOf('@')
  const withoutDigest = at === -1 ? trimmed : trimmed.slice(0, at)
  const colon = withoutDigest.lastIndexOf(':')
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest
}

/** The last path segment of an image without tag or digest: '…/cyberdojo/runner:16d9990' → 'runner'. */
export function serviceName(name: string): string {
  const image = imageNameWithoutTag(name).replace(/\/+$/, '')
  return image.slice(image.lastIndexOf('/') + 1)
}

/** `registry/path/runner:16d9990@sha256:…` → `runner:16d9990`. */
export function shortArtifactName(name: string): string {
  const withoutDigest = name.includes('@') ? name.slice(0, name.indexOf('@')) : name
  const trimmed = withoutDigest.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || name
}

/** A yes/no/unknown compliance as the word exports and reports use. */
export function complianceText(value: boolean | null): 'compliant' | 'non-compliant' | 'unknown' {
  return value === null ? 'unknown' : value ? 'compliant' : 'non-compliant'
}
