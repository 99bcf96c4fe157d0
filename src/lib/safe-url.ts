// Raw text must already look like http(s)://host; the URL parser alone would repair
// 'https:example.com' or 'https:\\evil.com' into something the author never wrote.
const HTTP_PREFIX = /^https?:\/\//i
// Control characters, whitespace (incl. Unicode spaces) and backslashes are never in a URL we
// trust: browsers strip or reinterpret them, which is how 'java\tscript:' style tricks work.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/

/**
 * The single gate for turning untrusted data into a link: returns the normalised href for an
 * absolute http(s) URL with a host and no credentials, otherwise undefined.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  if (!HTTP_PREFIX.test(value) || FORBIDDEN.test(value)) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.hostname === '') return undefined
  // user:pass@host hides the real host from readers ('https://github.com@evil.example').
  if (url.username !== '' || url.password !== '') return undefined
  return url.href
}

type CommitUrl = {
  origin: string
  repoPath: string
  sha: string
  host: 'github' | 'gitlab' | 'bitbucket'
}

const SHA = /^[0-9a-fA-F]{7,64}$/

function parseCommitUrl(value: string | null | undefined): CommitUrl | undefined {
  const href = safeHref(value)
  if (href === undefined) return undefined
  const url = new URL(href)
  const parts = url.pathname.split('/').filter((part) => part !== '')
  const sha = parts.at(-1) ?? ''
  const marker = parts.at(-2)
  if (!SHA.test(sha)) return undefined

  // GitLab: /group[/subgroup...]/project/-/commit/<sha>
  if (marker === 'commit' && parts.at(-3) === '-' && parts.length >= 5) {
    return { origin: url.origin, repoPath: parts.slice(0, -3).join('/'), sha, host: 'gitlab' }
  }
  // GitHub (incl. Enterprise hosts): /owner/repo/commit/<sha>
  if (marker === 'commit' && parts.length === 4) {
    return { origin: url.origin, repoPath: parts.slice(0, 2).join('/'), sha, host: 'github' }
  }
  // Bitbucket: /workspace/repo/commits/<sha>
  if (marker === 'commits' && parts.length === 4) {
    return { origin: url.origin, repoPath: parts.slice(0, 2).join('/'), sha, host: 'bitbucket' }
  }
  return undefined
}

/**
 * A "what changed" link between two commits of the same repository, or undefined when the
 * URLs are unsafe, unrecognised, from different repositories, or name the same commit.
 */
export function sameRepositoryCompareUrl(
  fromCommitUrl: string | null | undefined,
  toCommitUrl: string | null | undefined,
): string | undefined {
  const from = parseCommitUrl(fromCommitUrl)
  const to = parseCommitUrl(toCommitUrl)
  if (from === undefined || to === undefined) return undefined
  // Forges treat owner/repo case-insensitively; SHAs are hex either way.
  if (
    from.host !== to.host ||
    from.origin !== to.origin ||
    from.repoPath.toLowerCase() !== to.repoPath.toLowerCase() ||
    from.sha.toLowerCase() === to.sha.toLowerCase()
  ) {
    return undefined
  }
  const base = `${from.origin}/${from.repoPath}`
  switch (from.host) {
    case 'github':
      return `${base}/compare/${from.sha}...${to.sha}`
    case 'gitlab':
      return `${base}/-/compare/${from.sha}...${to.sha}`
    case 'bitbucket':
      // Bitbucket Cloud's compare page takes "<source>%0D<destination>", newer first.
      return `${base}/branches/compare/${to.sha}%0D${from.sha}`
  }
}
