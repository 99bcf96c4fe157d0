import { Link } from 'react-router'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { TimeStamp } from '@/components/time-stamp'
import type { DiffEntry, DiffRow, DiffRowKind } from './align-diff'
import { artifactPath, flowPath } from '@/lib/app-paths'

const LOOK: Record<DiffRowKind, { icon: string; label: string; className: string }> = {
  replaced: { icon: '⇄', label: 'Replaced', className: 'bg-info-soft text-info border-info/40' },
  removed: { icon: '−', label: 'Removed', className: 'bg-bad-soft text-bad border-bad/40' },
  added: { icon: '+', label: 'Added', className: 'bg-ok-soft text-ok border-ok/40' },
  scaled: { icon: '↕', label: 'Scaled', className: 'bg-warn-soft text-warn border-warn/40' },
  unchanged: { icon: '=', label: 'Unchanged', className: 'bg-raised text-muted border-line' },
}

/** Change kind as icon + word, never colour alone. */
export function ChangeBadge({ kind }: { kind: DiffRowKind }) {
  const look = LOOK[kind]
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${look.className}`}
    >
      <span aria-hidden="true">{look.icon}</span>
      <span>{look.label}</span>
    </span>
  )
}

/** 'cyberdojo/runner:16d9990@sha256:…' → 'runner:16d9990'. */
export function shortImageName(name: string): string {
  const at = name.indexOf('@')
  const withoutDigest = at === -1 ? name : name.slice(0, at)
  return withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1) || name
}

const SHA_SEGMENT = /^[0-9a-f]{7,64}$/i

function commitOf(url: string | null): string | null {
  const last = url?.split(/[/?#]/).filter(Boolean).at(-1) ?? ''
  return SHA_SEGMENT.test(last) ? last : null
}

function instancesText(entry: DiffEntry, side: 'from' | 'to'): string {
  const count = side === 'from' ? entry.fromInstances : entry.toInstances
  return count === null ? 'unknown' : String(count)
}

function EntryCard({ entry, side, org }: { entry: DiffEntry; side: 'from' | 'to'; org: string }) {
  const { artifact } = entry
  const commit = commitOf(artifact.commitUrl)
  const artifactLink =
    artifact.flow && artifact.fingerprint
      ? artifactPath(org, artifact.flow, artifact.fingerprint)
      : null
  const short = shortImageName(artifact.name)
  return (
    <div className="min-w-0">
      <p className="font-medium">
        {artifactLink ? (
          <Link className="text-accent hover:underline" to={artifactLink} title={artifact.name}>
            {short}
          </Link>
        ) : (
          <span title={artifact.name}>{short}</span>
        )}
        {entry.occurrences > 1 ? (
          <span
            className="ml-2 rounded border border-warn/40 bg-warn-soft px-1 text-xs text-warn"
            title={`Kosli listed this fingerprint ${entry.occurrences} times on this side; it is shown once with the instances added up`}
          >
            listed {entry.occurrences}×
          </span>
        ) : null}
      </p>
      <p className="text-xs break-all text-muted">{artifact.name}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-sm">
        <dt className="text-muted">Fingerprint</dt>
        <dd>
          <ShortId value={artifact.fingerprint} kind="fingerprint" />
        </dd>
        <dt className="text-muted">Flow</dt>
        <dd>
          {artifact.flow ? (
            <Link className="text-accent hover:underline" to={flowPath(org, artifact.flow)}>
              {artifact.flow}
            </Link>
          ) : (
            <span className="text-muted">unknown</span>
          )}
        </dd>
        <dt className="text-muted">Commit</dt>
        <dd>
          {commit ? (
            <ShortId value={commit} kind="commit" href={artifact.commitUrl} />
          ) : artifact.commitUrl ? (
            <SafeLink href={artifact.commitUrl} className="break-all text-accent hover:underline" />
          ) : (
            <span className="text-muted">unknown</span>
          )}
        </dd>
        <dt className="text-muted">Started</dt>
        <dd>
          <TimeStamp value={artifact.mostRecentStart} />
        </dd>
        <dt className="text-muted">Instances</dt>
        <dd>{instancesText(entry, side)}</dd>
        {artifact.pods.length ? (
          <>
            <dt className="text-muted">Pods</dt>
            <dd className="break-all">{artifact.pods.join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </div>
  )
}

const SIDE_TINT: Partial<Record<DiffRowKind, { from: string; to: string }>> = {
  replaced: { from: 'bg-bad-soft/60', to: 'bg-ok-soft/60' },
  removed: { from: 'bg-bad-soft/60', to: '' },
  added: { from: '', to: 'bg-ok-soft/60' },
  scaled: { from: 'bg-warn-soft/40', to: 'bg-warn-soft/40' },
}

function ChangeCell({ row }: { row: DiffRow }) {
  return (
    <div className="flex flex-col items-center gap-1 text-center">
      <ChangeBadge kind={row.kind} />
      {row.kind === 'replaced' ? <span className="text-xs text-muted">removed → added</span> : null}
      {row.kind === 'scaled' && row.from ? (
        <span className="text-sm font-medium">
          {row.from.fromInstances ?? '?'} → {row.from.toInstances ?? '?'}
        </span>
      ) : null}
      {row.compareUrl ? (
        <SafeLink href={row.compareUrl} className="text-xs text-accent hover:underline">
          Compare commits
        </SafeLink>
      ) : null}
    </div>
  )
}

export function DiffTable({
  rows,
  org,
  fromLabel,
  toLabel,
}: {
  rows: DiffRow[]
  org: string
  fromLabel: string
  toLabel: string
}) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <table className="w-full table-fixed border-collapse text-left align-top">
        <caption className="sr-only">
          Artifacts in {fromLabel} (left) and {toLabel} (right), one row per service change
        </caption>
        <colgroup>
          <col className="w-28" />
          <col />
          <col className="w-36" />
          <col />
        </colgroup>
        <thead className="bg-raised text-sm">
          <tr>
            <th scope="col" className="px-3 py-2">
              Service
            </th>
            <th scope="col" className="px-3 py-2">
              From <span className="font-mono">{fromLabel}</span>
            </th>
            <th scope="col" className="px-3 py-2 text-center">
              Change
            </th>
            <th scope="col" className="px-3 py-2">
              To <span className="font-mono">{toLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => {
            const tint = SIDE_TINT[row.kind]
            return (
              <tr key={row.key} data-kind={row.kind} className="align-top">
                <th scope="row" className="px-3 py-2 font-medium break-words">
                  {row.service || 'unknown'}
                </th>
                <td className={`px-3 py-2 ${tint?.from ?? ''}`}>
                  {row.from ? (
                    <EntryCard entry={row.from} side="from" org={org} />
                  ) : (
                    <span className="text-sm text-muted">Not in {fromLabel}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <ChangeCell row={row} />
                </td>
                <td className={`px-3 py-2 ${tint?.to ?? ''}`}>
                  {row.to ? (
                    <EntryCard entry={row.to} side="to" org={org} />
                  ) : (
                    <span className="text-sm text-muted">Not in {toLabel}</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
