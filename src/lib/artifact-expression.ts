import { err, ok, type Result } from './result'

/** The CLI's artifact expressions. */
export type ArtifactExpression =
  | { kind: 'commit'; flow: string; commit: string }
  | { kind: 'fingerprint'; flow: string; fingerprint: string }

// The Kosli flow name pattern.
const FLOW_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._~-]*$/
const HEX = /^[0-9a-fA-F]+$/

const SHAPE_HINT =
  'Use flow:commit (e.g. runner:16d9990) or flow@fingerprint (e.g. runner@9af401c4)'

export function parseArtifactExpression(input: string): Result<ArtifactExpression> {
  if (typeof input !== 'string') return err(SHAPE_HINT)
  const text = input.trim()
  const atAt = text.indexOf('@')
  const atColon = text.indexOf(':')
  if (atAt !== -1 && atColon !== -1) return err('Use only one of @ or :')
  if (atAt === -1 && atColon === -1) return err(SHAPE_HINT)

  const isCommit = atColon !== -1
  const split = isCommit ? atColon : atAt
  const flow = text.slice(0, split)
  const id = text.slice(split + 1)
  if (flow === '') return err('Flow name is missing')
  if (!FLOW_NAME.test(flow)) {
    return err(
      `Flow name '${flow.length > 40 ? flow.slice(0, 40) + '…' : flow}' may contain only ` +
        "letters, digits, '.', '-', '_' and '~', and must start with a letter or digit",
    )
  }
  if (isCommit) {
    if (id === '') return err('Commit is missing')
    if (!isHexPrefix(id, 5, 40)) return err('Commit must be 5 to 40 hexadecimal characters')
    return ok({ kind: 'commit', flow, commit: id.toLowerCase() })
  }
  if (id === '') return err('Fingerprint is missing')
  if (!isHexPrefix(id, 5, 64)) return err('Fingerprint must be 5 to 64 hexadecimal characters')
  return ok({ kind: 'fingerprint', flow, fingerprint: id.toLowerCase() })
}

export function formatArtifactExpression(e: ArtifactExpression): string {
  return e.kind === 'commit' ? `${e.flow}:${e.commit}` : `${e.flow}@${e.fingerprint}`
}

/** Hex digits (either case) with a length in [min, max]; no trimming. */
export function isHexPrefix(input: string, min = 5, max = 64): boolean {
  return typeof input === 'string' && input.length >= min && input.length <= max && HEX.test(input)
}
