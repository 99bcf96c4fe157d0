import { toSeconds as parseSeconds } from '@/lib/time'
import type { GitCommitInfoWire } from './wire'

/** Clean types every page works with. Only `src/api` knows the wire format. */

export type ComplianceState = 'COMPLIANT' | 'NON-COMPLIANT' | 'INCOMPLETE' | 'MISSING' | 'UNKNOWN'

export interface GitCommitInfo {
  sha: string
  message: string | null
  author: string | null
  branch: string | null
  timestamp: number | null
  url: string | null
}

export interface SnapshotRef {
  environment: string
  index: number
}

export function complianceState(value: unknown): ComplianceState {
  if (typeof value === 'boolean') return value ? 'COMPLIANT' : 'NON-COMPLIANT'
  if (typeof value !== 'string') return 'UNKNOWN'
  const upper = value.toUpperCase().replace('_', '-')
  if (upper === 'COMPLIANT') return 'COMPLIANT'
  if (upper === 'NON-COMPLIANT' || upper === 'INCOMPLIANT') return 'NON-COMPLIANT'
  if (upper === 'INCOMPLETE') return 'INCOMPLETE'
  if (upper === 'MISSING') return 'MISSING'
  return 'UNKNOWN'
}

/** Unix seconds from a number or a decimal string (lib/time.ts; "0x10" is not one), else null. */
export function toSeconds(value: unknown): number | null {
  return parseSeconds(value) ?? null
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

export function stringTags(
  value: Record<string, unknown> | null | undefined,
): Record<string, string> {
  const result: Record<string, string> = {}
  if (!value) return result
  for (const [key, item] of Object.entries(value)) {
    result[key] = typeof item === 'string' ? item : JSON.stringify(item)
  }
  return result
}

export function gitCommitInfo(wire: GitCommitInfoWire | null | undefined): GitCommitInfo | null {
  if (!wire) return null
  return {
    sha: wire.sha1,
    message: textOrNull(wire.message),
    author: textOrNull(wire.author),
    branch: textOrNull(wire.branch),
    timestamp: toSeconds(wire.timestamp),
    url: textOrNull(wire.url),
  }
}
