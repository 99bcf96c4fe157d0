import { isHexPrefix, parseArtifactExpression } from '@/lib/artifact-expression'
import { parseImageReference } from '@/lib/image-reference'
import { formatSnappish, parseSnappish, parseSnappishPair, type Snappish } from '@/lib/snappish'
import {
  artifactPath,
  diffPath,
  environmentPath,
  environmentsPath,
  flowPath,
  flowsPath,
  flowTrailsPath,
  searchPath,
  snapshotPath,
  trailPath,
} from '@/lib/app-paths'

export type NameType = 'flow' | 'environment'

export interface NameMatch {
  name: string
  type: NameType
  path: string
  /** 0 exact, 1 prefix, 2 substring, 3 subsequence: lower is better. */
  score: number
}

/** What the classifier knows about the org; lists are `undefined` until they have loaded. */
export interface ClassifyContext {
  org: string
  flows?: ReadonlyArray<string> | undefined
  environments?: ReadonlyArray<string> | undefined
}

interface Described {
  /** What Enter will do, for people. */
  description: string
  /** Set when the destination is known without asking the API. */
  path?: string
}

export type QueryIntent = Described &
  (
    | { kind: 'empty' }
    | { kind: 'url' }
    | { kind: 'commit'; flow: string; commit: string }
    | { kind: 'fingerprint'; flow: string; fingerprint: string }
    | { kind: 'sha'; value: string }
    | { kind: 'snapshot'; snappish: Snappish }
    | { kind: 'diff'; from: Snappish; to: Snappish }
    /** `matches` is `undefined` while the flow and environment lists are unknown. */
    | { kind: 'name'; text: string; matches: NameMatch[] | undefined }
    | { kind: 'invalid'; reason: string }
  )

/** Examples of every accepted form, shown when input is not understood. */
export const ACCEPTED_FORMS: ReadonlyArray<{ example: string; meaning: string }> = [
  { example: 'runner:16d9990', meaning: 'the artifact built from a commit (flow:commit)' },
  { example: 'runner@9af401c4', meaning: 'an artifact by fingerprint (flow@fingerprint)' },
  { example: '9af401c4', meaning: 'any commit or fingerprint starting with 5+ hex characters' },
  { example: 'aws-prod#65', meaning: 'a snapshot (also aws-prod~1, aws-prod@{2.hours.ago})' },
  { example: 'aws-prod#64 aws-prod#65', meaning: 'the diff of two snapshots (or a..b)' },
  { example: 'runner', meaning: 'a flow or environment by name or part of it' },
  {
    example: 'cyberdojo/runner:16d9990',
    meaning: 'a container image by its commit tag, or …@sha256:<digest> by its digest',
  },
  { example: 'https://app.kosli.com/…', meaning: 'a Kosli web-app link' },
]

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._~-]*$/
const KOSLI_HOSTS = new Set(['app.kosli.com', 'app.us.kosli.com'])
const MAX_SHOWN = 40

function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text
}

function invalid(reason: string): QueryIntent {
  return { kind: 'invalid', reason, description: reason }
}

/** Decides what typed text means. Pure and total: never throws, never does I/O. */
export function classifyQuery(input: unknown, context: ClassifyContext): QueryIntent {
  if (typeof input !== 'string') return { kind: 'empty', description: 'Type something to search' }
  const text = input.trim()
  const { org } = context
  if (text === '') return { kind: 'empty', description: 'Type something to search' }

  if (/^https?:\/\//i.test(text)) return classifyUrl(text)
  // An API path copied without its host.
  if (text.startsWith('/api/v2/')) return classifyUrl(`https://app.kosli.com${text}`)

  const spaced = /\s/.test(text)
  if (spaced || text.includes('..')) {
    const pair = parseSnappishPair(text)
    if (pair.ok) {
      const [from, to] = pair.value
      const a = formatSnappish(from)
      const b = formatSnappish(to)
      return {
        kind: 'diff',
        from,
        to,
        description: `Compare snapshot ${a} with ${b}`,
        path: diffPath(org, a, b),
      }
    }
    if (spaced) {
      return invalid(
        `'${clip(text)}' is not understood: only a diff (two snapshots, e.g. aws-prod#64 aws-prod#65) may contain a space. ${pair.error}`,
      )
    }
  }

  // Flow and environment names never hold a '/', and expressions never '@sha256:'.
  if (text.includes('/') || text.includes('@sha256:')) return imageIntent(text)
  const imageId = /^sha256:([0-9a-fA-F]{64})$/.exec(text)?.[1]
  if (imageId) {
    const value = imageId.toLowerCase()
    return {
      kind: 'sha',
      value,
      description: `Find the artifact with digest ${value.slice(0, 12)}…`,
    }
  }

  // `env@{...}` before `flow@fp`: the braces say it is a time.
  if (text.includes('@{') || text.includes('#')) return snapshotIntent(org, text)
  if (text.includes(':') || text.includes('@')) return artifactIntent(org, text)
  if (/~[0-9]+$/.test(text)) {
    const parsed = parseSnappish(text)
    if (parsed.ok) return describeSnapshot(org, parsed.value)
  }
  if (isHexPrefix(text, 5, 64)) {
    const value = text.toLowerCase()
    return {
      kind: 'sha',
      value,
      description: `Find the artifact whose commit or fingerprint starts with ${value}`,
    }
  }
  if (NAME.test(text)) return nameIntent(context, text)
  return invalid(
    `'${clip(text)}' is not a flow or environment name, snapshot, commit, fingerprint or Kosli link`,
  )
}

function snapshotIntent(org: string, text: string): QueryIntent {
  const parsed = parseSnappish(text)
  return parsed.ok ? describeSnapshot(org, parsed.value) : invalid(parsed.error)
}

export function describeSnapshot(org: string, snappish: Snappish): QueryIntent {
  const { env } = snappish
  const base = { kind: 'snapshot' as const, snappish }
  switch (snappish.kind) {
    case 'index':
      return {
        ...base,
        description: `Open snapshot ${env}#${snappish.index}`,
        path: snapshotPath(org, env, snappish.index),
      }
    case 'latest':
    case 'now':
      return { ...base, description: `Open the latest snapshot of ${env}` }
    case 'relative':
      return snappish.back === 0
        ? { ...base, description: `Open the latest snapshot of ${env}` }
        : {
            ...base,
            description: `Open the snapshot of ${env} ${snappish.back} before the latest`,
          }
    case 'fromEnd':
      return snappish.position === 1
        ? { ...base, description: `Open the latest snapshot of ${env}` }
        : {
            ...base,
            description: `Open the snapshot of ${env} ${snappish.position - 1} before the latest`,
          }
    case 'time':
      return {
        ...base,
        description: `Open the snapshot of ${env} current at ${snappish.at.replace('T', ' ').replace(/Z$/, '')} UTC`,
      }
    case 'ago':
      return {
        ...base,
        description: `Open the snapshot of ${env} current ${snappish.amount} ${snappish.unit} ago`,
      }
  }
}

function artifactIntent(org: string, text: string): QueryIntent {
  const parsed = parseArtifactExpression(text)
  if (!parsed.ok) return invalid(parsed.error)
  const expression = parsed.value
  if (expression.kind === 'commit') {
    return {
      kind: 'commit',
      flow: expression.flow,
      commit: expression.commit,
      description: `Open the artifact of flow ${expression.flow} built from commit ${expression.commit}`,
    }
  }
  const full = expression.fingerprint.length === 64
  return {
    kind: 'fingerprint',
    flow: expression.flow,
    fingerprint: expression.fingerprint,
    description: full
      ? `Open the artifact of flow ${expression.flow} with this fingerprint`
      : `Open the artifact of flow ${expression.flow} whose fingerprint starts with ${expression.fingerprint}`,
    ...(full ? { path: artifactPath(org, expression.flow, expression.fingerprint) } : {}),
  }
}

function imageIntent(text: string): QueryIntent {
  const parsed = parseImageReference(text)
  if (!parsed.ok) return invalid(parsed.error)
  const { repository, tag, digest } = parsed.value
  if (digest !== null) {
    return {
      kind: 'sha',
      value: digest,
      description: `Find the artifact of image ${clip(repository)} with digest ${digest.slice(0, 12)}…`,
    }
  }
  if (tag !== null && isHexPrefix(tag, 5, 40)) {
    const value = tag.toLowerCase()
    return {
      kind: 'sha',
      value,
      description: `Find the artifact built from commit ${value} (image ${clip(repository)})`,
    }
  }
  return invalid(
    tag === null
      ? `Image ${clip(repository)} has no tag or digest: add its commit tag (:16d9990) or its digest (@sha256:…)`
      : `Image tag '${clip(tag)}' is not a commit: paste the image with its digest (@sha256:…) to find the exact artifact`,
  )
}

function classifyUrl(text: string): QueryIntent {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return invalid(`'${clip(text)}' is not a valid link`)
  }
  if (!KOSLI_HOSTS.has(url.hostname.toLowerCase())) {
    return invalid(
      `Only Kosli web-app links (https://app.kosli.com/…) can be opened here, not ${clip(url.hostname)}`,
    )
  }
  // Empty segments are dropped so a link can never become a protocol-relative `//host` path.
  const segments = url.pathname.split('/').filter((segment) => segment !== '')
  const apiPath = apiLinkPath(segments, url.searchParams)
  if (apiPath !== undefined) {
    return { kind: 'url', path: apiPath, description: `Open ${apiPath}` }
  }
  if (segments.length === 0 || segments[0] === 'api') {
    return invalid('This Kosli link does not name an organization page')
  }
  const path = '/' + segments.join('/') + url.search
  return { kind: 'url', path, description: `Open this Kosli page in Shiplog: ${clip(path)}` }
}

/** API links (`/api/v2/{resource}/{org}/...`) name pages too: each opens the page showing it. */
function apiLinkPath(segments: string[], query: URLSearchParams): string | undefined {
  if (segments[0] !== 'api' || segments[1] !== 'v2') return undefined
  const [, , resource, org, a, b, c] = segments.map((segment) => safeDecode(segment))
  if (!org) return undefined
  switch (resource) {
    case 'flows':
      return a ? flowPath(org, a) : flowsPath(org)
    case 'artifacts': {
      const flow = a ?? query.get('flow_name')
      if (!flow) return undefined
      if (b === 'fingerprint' && c) return artifactPath(org, flow, c)
      if (b === 'commit_sha' && c) return searchPath(org, `${flow}:${c}`)
      return b === undefined ? flowPath(org, flow) : undefined
    }
    case 'trails':
    case 'attestations': {
      const flow = a ?? query.get('flow')
      if (!flow) return undefined
      const trail = resource === 'trails' ? b : b === 'trail' ? c : undefined
      if (trail) return trailPath(org, flow, trail)
      return b === undefined ? flowTrailsPath(org, flow) : undefined
    }
    case 'environments':
      if (!a) return environmentsPath(org)
      if (b === undefined) return environmentPath(org, a)
      return b === 'events' ? environmentPath(org, a, 'events') : undefined
    case 'snapshots':
      if (!a) return undefined
      if (b === undefined) return environmentPath(org, a, 'snapshots')
      return snapshotLinkPath(org, a, b)
    case 'env-diff': {
      const from = query.get('snappish1')
      const to = query.get('snappish2')
      return from && to ? diffPath(org, from, to) : undefined
    }
    case 'search':
      return a === 'sha' && b ? searchPath(org, b) : undefined
    default:
      return undefined
  }
}

/** `GET /snapshots/{org}/{env}/{expression}`: a number is its page; other forms resolve in search. */
function snapshotLinkPath(org: string, env: string, expression: string): string | undefined {
  if (/^[1-9][0-9]*$/.test(expression)) return snapshotPath(org, env, Number(expression))
  const text = /^-[0-9]+$/.test(expression)
    ? `${env}#${expression}`
    : /^[#~@]/.test(expression)
      ? `${env}${expression}`
      : undefined
  if (text === undefined) return undefined
  const parsed = parseSnappish(text)
  return parsed.ok ? searchPath(org, formatSnappish(parsed.value)) : undefined
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function nameIntent(context: ClassifyContext, text: string): QueryIntent {
  const { org, flows, environments } = context
  if (flows === undefined || environments === undefined) {
    return {
      kind: 'name',
      text,
      matches: undefined,
      description: `Find flows and environments matching '${clip(text)}'`,
    }
  }
  const matches = matchNames(org, text, flows, environments)
  const exact = matches.filter((match) => match.score === 0)
  // One exact match, or else one match at all, is opened directly.
  const single =
    exact.length === 1 ? exact[0] : exact.length === 0 && matches.length === 1 ? matches[0] : null
  if (single) {
    return {
      kind: 'name',
      text,
      matches,
      description: `Open ${single.type} ${single.name}`,
      path: single.path,
    }
  }
  return {
    kind: 'name',
    text,
    matches,
    description:
      exact.length > 1
        ? `'${clip(text)}' is both a flow and an environment: choose one`
        : matches.length === 0
          ? `No flow or environment matches '${clip(text)}'`
          : `Show the ${matches.length} flows and environments matching '${clip(text)}'`,
  }
}

/** Case-insensitive exact, prefix, substring and subsequence matches, best first. */
export function matchNames(
  org: string,
  text: string,
  flows: ReadonlyArray<string>,
  environments: ReadonlyArray<string>,
): NameMatch[] {
  const needle = text.toLowerCase()
  const matches: NameMatch[] = []
  const add = (names: ReadonlyArray<string>, type: NameType) => {
    for (const name of names) {
      const score = nameScore(needle, name.toLowerCase())
      if (score === undefined) continue
      const path = type === 'flow' ? flowPath(org, name) : environmentPath(org, name)
      matches.push({ name, type, path, score })
    }
  }
  add(flows, 'flow')
  add(environments, 'environment')
  return matches
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name) ||
        a.type.localeCompare(b.type),
    )
    .slice(0, MAX_SHOWN)
}

function nameScore(needle: string, name: string): number | undefined {
  if (needle === '') return undefined
  if (name === needle) return 0
  if (name.startsWith(needle)) return 1
  if (name.includes(needle)) return 2
  let at = 0
  for (const char of name) {
    if (char === needle[at]) at++
    if (at === needle.length) return 3
  }
  return undefined
}
