import { err, ok, type Result } from './result'

/**
 * A container image reference as engineers copy it from kubectl, ECS or a registry:
 * `[registry/]path/name[:tag][@sha256:<digest>]`. Kosli fingerprints an image by its digest, and
 * tags are usually the short commit the image was built from (`runner:16d9990`).
 */
export interface ImageReference {
  /** Everything before the tag or digest, e.g. `cyberdojo/runner`. */
  repository: string
  /** The last path segment, e.g. `runner`: often the flow's name. */
  name: string
  tag: string | null
  /** The lowercase hex digest, when the reference carries `@sha256:…`. */
  digest: string | null
}

const DIGEST = /^sha256:([0-9a-fA-F]{64})$/
// Registry hosts may carry a port (`host:5000/...`); path segments are the registry grammar's.
const REPOSITORY = /^[a-zA-Z0-9][a-zA-Z0-9._-]*(?::[0-9]+)?(?:\/[a-z0-9A-Z][a-zA-Z0-9._-]*)*$/
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/

/**
 * Reads an image reference. Only text that cannot be a Kosli expression qualifies: it has a `/`
 * (flow names never do) or a `@sha256:` digest, so `runner:16d9990` stays the CLI's `flow:commit`.
 */
export function parseImageReference(input: string): Result<ImageReference> {
  const text = input.trim()
  let rest = text
  let digest: string | null = null
  const at = text.lastIndexOf('@')
  if (at !== -1) {
    const match = DIGEST.exec(text.slice(at + 1))
    if (!match?.[1]) return err('An image digest is written @sha256: and 64 hexadecimal characters')
    digest = match[1].toLowerCase()
    rest = text.slice(0, at)
  }
  if (digest === null && !rest.includes('/')) {
    return err('Not an image reference: it needs a registry path (a/b) or an @sha256: digest')
  }
  // A tag follows the last ':' after the last '/', so a registry port is never read as one.
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  const hasTag = colon > slash
  const repository = hasTag ? rest.slice(0, colon) : rest
  const tag = hasTag ? rest.slice(colon + 1) : null
  if (repository === '' || !REPOSITORY.test(repository)) {
    return err(`'${clip(repository)}' is not an image repository`)
  }
  if (tag !== null && !TAG.test(tag)) return err(`'${clip(tag)}' is not an image tag`)
  const name = repository.slice(repository.lastIndexOf('/') + 1)
  return ok({ repository, name, tag, digest })
}

function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text
}

/**
 * An image name short enough for one line of a table cell: the registry host becomes '…/' and a
 * digest its first 7 characters, e.g.
 * '244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990@sha256:9af4…' →
 * '…/runner:16d9990@sha256:9af401c…'. Names that are not image references stay as they are.
 */
export function shortImageReference(name: string): string {
  let text = name.trim()
  const digest = /@sha256:([0-9a-fA-F]{7})[0-9a-fA-F]{57}$/.exec(text)
  if (digest) text = `${text.slice(0, digest.index)}@sha256:${digest[1]}…`
  const slash = text.indexOf('/')
  // The first segment is a registry host when it has a dot or a port, or is localhost.
  if (slash > 0) {
    const first = text.slice(0, slash)
    if (/[.:]/.test(first) || first === 'localhost') text = `…/${text.slice(slash + 1)}`
  }
  return text
}
