import { safeHref } from '@/lib/safe-url'
import { SafeLink } from './safe-link'

export interface DataTreeProps {
  /** Any JSON value: attestation user data, annotations, custom attestation payloads. */
  value: unknown
  /** Accessible name of the tree. */
  label?: string
  /** Levels below this are shown as compact JSON text, so huge blobs stay readable. */
  maxDepth?: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function Leaf({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-muted">none</span>
  if (typeof value === 'boolean')
    return <span className="font-mono">{value ? 'true' : 'false'}</span>
  if (typeof value === 'number') {
    return <span className="font-mono">{Number.isFinite(value) ? String(value) : 'unknown'}</span>
  }
  if (typeof value === 'string') {
    if (value === '') return <span className="text-muted">(empty)</span>
    if (safeHref(value))
      return <SafeLink href={value} className="break-all text-accent hover:underline" />
    return <span className="break-words whitespace-pre-wrap">{value}</span>
  }
  return <span className="font-mono break-all">{JSON.stringify(value)}</span>
}

function Node({ value, depth, maxDepth }: { value: unknown; depth: number; maxDepth: number }) {
  const entries: Array<[string, unknown]> | null = Array.isArray(value)
    ? value.map((item, index) => [`${index + 1}`, item])
    : isRecord(value)
      ? Object.entries(value)
      : null
  if (entries === null || depth >= maxDepth) return <Leaf value={value} />
  if (entries.length === 0) {
    return <span className="text-muted">{Array.isArray(value) ? '(empty list)' : '(empty)'}</span>
  }
  return (
    <dl className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-0.5">
      {entries.map(([key, item]) => (
        <div key={key} className="contents">
          <dt className="font-medium break-all text-muted">
            {Array.isArray(value) ? `#${key}` : key}
          </dt>
          <dd className="min-w-0 border-l border-line pl-2">
            <Node value={item} depth={depth + 1} maxDepth={maxDepth} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Arbitrary JSON as a nested label/value list. Everything is rendered as text, never HTML;
 * only http(s) strings become links.
 */
export function DataTree({ value, label = 'Data', maxDepth = 6 }: DataTreeProps) {
  return (
    <div role="group" aria-label={label} className="text-sm">
      <Node value={value} depth={0} maxDepth={maxDepth} />
    </div>
  )
}
