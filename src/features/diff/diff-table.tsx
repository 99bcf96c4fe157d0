import type { ReactNode } from 'react'
import { ImageName } from '@/components/image-name'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { Table } from '@/components/table'
import { useProgressive } from '@/components/use-progressive'
import { TimeStamp } from '@/components/time-stamp'
import type { DiffEntry, DiffRow, DiffRowKind } from './align-diff'
import type { DiffArtifact } from '@/api/diff'
import { pluralise } from '@/lib/format'
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
          <a className="text-accent hover:underline" href={artifactLink} title={artifact.name}>
            {short}
          </a>
        ) : (
          <span title={artifact.name}>{short}</span>
        )}
        {entry.occurrences > 1 ? (
          <span
            className="ml-2 rounded border border-warn/40 bg-warn-soft px-1 text-xs text-warn"
            title={`Kosli lists this fingerprint ${entry.occurrences} times on this side; each entry is below`}
          >
            listed {entry.occurrences}×
          </span>
        ) : null}
      </p>
      <ImageName name={artifact.name} />
      {/* Two facts a line where there is room: a diff of many services fits more on a screen. */}
      <dl className="mt-1 grid gap-x-4 text-sm lg:grid-cols-2">
        <Fact label="Fingerprint">
          <ShortId value={artifact.fingerprint} kind="fingerprint" />
        </Fact>
        <Fact label="Commit">
          {commit ? (
            <ShortId value={commit} kind="commit" href={artifact.commitUrl} />
          ) : artifact.commitUrl ? (
            <SafeLink href={artifact.commitUrl} className="break-all text-accent hover:underline" />
          ) : (
            <span className="text-muted">unknown</span>
          )}
        </Fact>
        <Fact label="Flow">
          {artifact.flow ? (
            <a className="text-accent hover:underline" href={flowPath(org, artifact.flow)}>
              {artifact.flow}
            </a>
          ) : (
            <span className="text-muted">unknown</span>
          )}
        </Fact>
        <Fact label="Instances">{instancesText(entry, side)}</Fact>
        <Fact label="Started" wide>
          <TimeStamp value={artifact.mostRecentStart} />
        </Fact>
        {artifact.pods.length && entry.listings.length < 2 ? (
          <Fact label="Pods" wide>
            <span className="break-all">{artifact.pods.join(', ')}</span>
          </Fact>
        ) : null}
      </dl>
      {entry.listings.length > 1 ? <Listings listings={entry.listings} /> : null}
    </div>
  )
}

/** One term and its value on a line; `wide` ones take the whole line. */
function Fact({
  label,
  wide = false,
  children,
}: {
  label: string
  wide?: boolean
  children: ReactNode
}) {
  return (
    <div className={`flex min-w-0 gap-2 ${wide ? 'lg:col-span-2' : ''}`}>
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}

/** The entries the server listed for one fingerprint, each with its own instances and pods. */
function Listings({ listings }: { listings: ReadonlyArray<DiffArtifact> }) {
  return (
    <ol
      aria-label={`The ${listings.length} entries Kosli lists`}
      className="mt-2 space-y-1 border-l-2 border-warn/60 pl-2 text-sm"
    >
      {listings.map((listing, position) => (
        <li key={position}>
          <span className="text-muted">Entry {position + 1}: </span>
          {listing.instances === null
            ? 'instances unknown'
            : pluralise(listing.instances, 'instance')}
          {listing.pods.length ? (
            <span className="break-all"> · pods {listing.pods.join(', ')}</span>
          ) : null}
          {listing.mostRecentStart !== null ? (
            <>
              {' · started '}
              <TimeStamp value={listing.mostRecentStart} variant="absolute" />
            </>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

const SIDE_TINT: Partial<Record<DiffRowKind, { from: string; to: string }>> = {
  replaced: { from: 'bg-bad-soft/60', to: 'bg-ok-soft/60' },
  removed: { from: 'bg-bad-soft/60', to: '' },
  added: { from: '', to: 'bg-ok-soft/60' },
  scaled: { from: 'bg-warn-soft/40', to: 'bg-warn-soft/40' },
}

/** What a row's service is on one side, tinted by the change, or that the side lacks it. */
function SideCell({
  row,
  side,
  org,
  label,
}: {
  row: DiffRow
  side: 'from' | 'to'
  org: string
  label: string
}) {
  const entry = row[side]
  return (
    <td className={`px-3 py-2 ${SIDE_TINT[row.kind]?.[side] ?? ''}`}>
      {entry ? (
        <EntryCard entry={entry} side={side} org={org} />
      ) : (
        <span className="text-sm text-muted">Not in {label}</span>
      )}
    </td>
  )
}

function ChangeCell({ row }: { row: DiffRow }) {
  return (
    <div className="flex flex-col items-start gap-1 sm:items-center sm:text-center">
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

/** About a screen of rows: what the first render draws before the rest. */
const firstScreenful = (rows: ReadonlyArray<DiffRow>) => rows.slice(0, 30)

export function DiffTable({
  rows,
  org,
  fromLabel,
  toLabel,
}: {
  rows: ReadonlyArray<DiffRow>
  org: string
  fromLabel: string
  toLabel: string
}) {
  // Up to 200 unchanged rows besides the changes: the first screenful paints, then the rest.
  const shown = useProgressive(rows, firstScreenful)
  // Plain anchors in the rows, one handler for the table (see useInAppAnchors): a router <Link>
  // per side would cost the first render a router lookup each.
  const onAnchorClick = useInAppAnchors()
  return (
    <Table
      onClick={onAnchorClick}
      caption={
        <>
          Artifacts in {fromLabel} (left) and {toLabel} (right), one row per service change
        </>
      }
      labels="above"
      tableClassName="table-fixed border-collapse align-top"
      columns={[
        { name: 'Service', width: 'w-28' },
        {
          name: `From ${fromLabel}`,
          heading: (
            <>
              From <span className="font-mono">{fromLabel}</span>
            </>
          ),
        },
        { name: 'Change', width: 'w-36', className: 'text-center' },
        {
          name: `To ${toLabel}`,
          heading: (
            <>
              To <span className="font-mono">{toLabel}</span>
            </>
          ),
        },
      ]}
    >
      {shown.map((row) => {
        return (
          <tr key={row.key} data-kind={row.kind} className="align-top">
            <th scope="row" className="px-3 py-2 font-medium break-words">
              {row.service || 'unknown'}
            </th>
            <SideCell row={row} side="from" org={org} label={fromLabel} />
            <td className="px-3 py-2">
              <ChangeCell row={row} />
            </td>
            <SideCell row={row} side="to" org={org} label={toLabel} />
          </tr>
        )
      })}
    </Table>
  )
}
