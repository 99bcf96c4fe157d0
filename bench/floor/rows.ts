/**
 * What the floor pages show of API answers: the items of every array in them (outside other
 * arrays), each as one label. Deliberately no validation: the floor is the cost of the stack,
 * not of knowing the data.
 */
export interface FloorRow {
  key: string
  label: string
}

const LABEL_FIELDS = ['name', 'artifact_name', 'flow_name', 'type', 'fingerprint', 'sha256']

function labelOf(item: unknown, index: number): string {
  if (typeof item === 'string') return item
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>
    for (const field of LABEL_FIELDS) {
      const value = record[field]
      if (typeof value === 'string') return value
    }
    for (const value of Object.values(record)) if (typeof value === 'string') return value
  }
  return String(index)
}

function collect(value: unknown, depth: number, into: unknown[][]): void {
  if (Array.isArray(value)) {
    into.push(value)
    return
  }
  if (depth > 3 || !value || typeof value !== 'object') return
  for (const child of Object.values(value)) collect(child, depth + 1, into)
}

/** The rows of several answers, in order. */
export function floorRows(answers: readonly unknown[]): FloorRow[] {
  const arrays: unknown[][] = []
  for (const answer of answers) collect(answer, 0, arrays)
  const rows: FloorRow[] = []
  for (const array of arrays) {
    for (const item of array) {
      rows.push({ key: String(rows.length), label: labelOf(item, rows.length) })
    }
  }
  return rows
}

/** Rows for the page that fetches nothing: what a revisit served from memory could show. */
export function inlineRows(count: number): FloorRow[] {
  return Array.from({ length: count }, (_, index) => ({
    key: String(index),
    label: `row ${index + 1}`,
  }))
}
