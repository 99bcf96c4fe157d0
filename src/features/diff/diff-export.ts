import { toCsv } from '@/lib/csv'
import { shortSha } from '@/lib/format'
import { safeHref } from '@/lib/safe-url'
import { toSnappishTime } from '@/lib/time'
import { summaryText, type AlignedDiff, type DiffCategory, type DiffEntry } from './align-diff'

export interface DiffExportInput {
  /** The sides as resolved (`aws-prod#64`), else as written. */
  from: string
  to: string
  /** The sides as the URL states them (`aws-prod`, `aws-prod~1`, ...). */
  fromExpression: string
  toExpression: string
  aligned: AlignedDiff
  /** The Shiplog link that shows this comparison. */
  link: string | null
}

/** ISO 8601 in UTC: tickets are read in many time zones. */
function isoTime(seconds: number | null): string | null {
  if (seconds === null) return null
  const text = toSnappishTime(seconds)
  return text === '' ? null : `${text}Z`
}

function entriesOf(aligned: AlignedDiff, category: DiffCategory): DiffEntry[] {
  const seen = new Set<DiffEntry>()
  for (const row of aligned.rows) {
    for (const entry of [row.from, row.to]) {
      if (entry && entry.category === category) seen.add(entry)
    }
  }
  return [...seen]
}

/** Which entry each paired entry sits beside, and the compare link for the pair. */
function partners(
  aligned: AlignedDiff,
): Map<DiffEntry, { other: DiffEntry; compareUrl: string | null }> {
  const result = new Map<DiffEntry, { other: DiffEntry; compareUrl: string | null }>()
  for (const row of aligned.rows) {
    if (row.kind !== 'replaced' || !row.from || !row.to) continue
    result.set(row.from, { other: row.to, compareUrl: row.compareUrl })
    result.set(row.to, { other: row.from, compareUrl: row.compareUrl })
  }
  return result
}

// ---- JSON -------------------------------------------------------------------------------------

function entryJson(entry: DiffEntry) {
  const { artifact } = entry
  return {
    name: artifact.name,
    fingerprint: artifact.fingerprint || null,
    flow: artifact.flow,
    commitUrl: artifact.commitUrl,
    startedAt: isoTime(artifact.mostRecentStart),
    fromInstances: entry.fromInstances,
    toInstances: entry.toInstances,
    pods: artifact.pods,
    timesListed: entry.occurrences,
  }
}

/** The diff as data: the server's categories, plus the display pairing as `replacements`. */
export function diffToJson(input: DiffExportInput): string {
  const { aligned } = input
  const document = {
    from: { expression: input.fromExpression, snapshot: input.from },
    to: { expression: input.toExpression, snapshot: input.to },
    link: input.link,
    summary: aligned.summary,
    added: entriesOf(aligned, 'added').map(entryJson),
    removed: entriesOf(aligned, 'removed').map(entryJson),
    scaled: entriesOf(aligned, 'scaled').map(entryJson),
    unchanged: entriesOf(aligned, 'unchanged').map(entryJson),
    replacements: aligned.rows
      .filter((row) => row.kind === 'replaced')
      .map((row) => ({
        service: row.service,
        from: row.from?.artifact.fingerprint || row.from?.artifact.name || null,
        to: row.to?.artifact.fingerprint || row.to?.artifact.name || null,
        compareUrl: row.compareUrl,
      })),
  }
  return JSON.stringify(document, null, 2) + '\n'
}

// ---- CSV --------------------------------------------------------------------------------------

const CSV_HEADER = [
  'row',
  'service',
  'side',
  'category',
  'name',
  'fingerprint',
  'flow',
  'commit_url',
  'started_at',
  'from_instances',
  'to_instances',
]

/**
 * One record per artifact, in the order and with the rows the page shows (unchanged ones only
 * when they are shown). An upgrade is two records with the same row number, its left ("from")
 * and right ("to") entry; an entry on both sides is one record, side "both". The category is
 * always the server's.
 */
export function diffToCsv(input: DiffExportInput, includeUnchanged: boolean): string {
  const records: Array<Array<string | number | null>> = []
  const rows = input.aligned.rows.filter((row) => includeUnchanged || row.kind !== 'unchanged')
  rows.forEach((row, index) => {
    const sides: Array<['from' | 'to' | 'both', DiffEntry | null]> =
      row.from !== null && row.from === row.to
        ? [['both', row.from]]
        : [
            ['from', row.from],
            ['to', row.to],
          ]
    for (const [side, entry] of sides) {
      if (!entry) continue
      const { artifact } = entry
      records.push([
        index + 1,
        row.service,
        side,
        entry.category,
        artifact.name,
        artifact.fingerprint || null,
        artifact.flow,
        artifact.commitUrl,
        isoTime(artifact.mostRecentStart),
        entry.fromInstances,
        entry.toInstances,
      ])
    }
  })
  return toCsv(CSV_HEADER, records)
}

// ---- Markdown ---------------------------------------------------------------------------------

/**
 * Untrusted text as literal Markdown text on one line. Every line we write starts with our own
 * text, so only the characters that act mid-line need escaping.
 */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, '\\$&')
}

/** Untrusted text as an inline code span that its own backticks cannot break out of. */
export function markdownCode(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ')
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${oneLine}${pad}${fence}`
}

/** A link only for a safe http(s) URL; parentheses encoded so the URL cannot end the link. */
function markdownLink(label: string, url: string | null): string {
  const href = safeHref(url)
  if (href === undefined) return markdownText(label)
  return `[${markdownText(label)}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`
}

function commitLabel(url: string | null): string {
  const last = url?.split('/').filter(Boolean).at(-1) ?? ''
  return /^[0-9a-f]{7,64}$/i.test(last) ? shortSha(last) : 'commit'
}

function instancesText(entry: DiffEntry): string | null {
  if (entry.category === 'scaled') {
    return `instances ${entry.fromInstances ?? '?'} → ${entry.toInstances ?? '?'}`
  }
  const count = entry.toInstances ?? entry.fromInstances
  return count === null ? null : `${count} ${count === 1 ? 'instance' : 'instances'}`
}

function markdownEntry(entry: DiffEntry, pairing: ReturnType<typeof partners>): string {
  const { artifact } = entry
  const facts = [
    artifact.fingerprint ? `fingerprint ${markdownCode(artifact.fingerprint)}` : 'no fingerprint',
    `flow ${artifact.flow ? markdownText(artifact.flow) : 'unknown'}`,
    artifact.commitUrl
      ? `commit ${markdownLink(commitLabel(artifact.commitUrl), artifact.commitUrl)}`
      : 'commit unknown',
    `started ${isoTime(artifact.mostRecentStart) ?? 'unknown'}`,
  ]
  const instances = instancesText(entry)
  if (instances) facts.push(instances)
  if (artifact.pods.length) facts.push(`pods ${artifact.pods.map(markdownCode).join(', ')}`)
  if (entry.occurrences > 1) facts.push(`listed ${entry.occurrences} times by Kosli`)
  const partner = pairing.get(entry)
  if (partner) {
    const verb = entry.category === 'added' ? 'replaces' : 'replaced by'
    let text = `${verb} ${markdownCode(partner.other.artifact.name)}`
    if (partner.compareUrl) text += ` (${markdownLink('compare commits', partner.compareUrl)})`
    facts.push(text)
  }
  return `- ${markdownCode(artifact.name)}: ${facts.join(', ')}`
}

/** The diff for a ticket or pull request: headline, summary, then the server's categories. */
export function diffToMarkdown(input: DiffExportInput): string {
  const { aligned } = input
  const pairing = partners(aligned)
  const from = markdownCode(input.from)
  const to = markdownCode(input.to)
  const lines = [`## Snapshot diff: ${from} → ${to}`, '', summaryText(aligned.summary)]
  if (input.link) lines.push('', markdownLink('Open this comparison in Shiplog', input.link))
  if (aligned.empty) lines.push('', 'Both snapshots are empty.')
  else if (aligned.identical) lines.push('', 'No differences: the same artifacts run in both.')

  const sections: Array<[DiffCategory, string]> = [
    ['added', `Added (only in ${to})`],
    ['removed', `Removed (only in ${from})`],
    ['scaled', 'Scaled'],
    ['unchanged', 'Unchanged'],
  ]
  for (const [category, title] of sections) {
    const entries = entriesOf(aligned, category)
    if (!entries.length) continue
    lines.push('', `### ${title}`, '')
    for (const entry of entries) lines.push(markdownEntry(entry, pairing))
  }
  return lines.join('\n') + '\n'
}

/** A file name for the download: `diff-aws-prod-64-aws-prod-65`. */
export function exportFileName(from: string, to: string): string {
  const clean = (text: string) =>
    text
      .replace(/[^a-zA-Z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
  return `diff-${clean(from) || 'from'}-${clean(to) || 'to'}`
}
