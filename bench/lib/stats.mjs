/** Small statistics and formatting helpers for the benchmark report. */

/**
 * @param {ReadonlyArray<number>} values
 * @returns {number | null}
 */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (!sorted.length) return null
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? /** @type {number} */ (sorted[middle])
    : /** @type {number} */ (sorted[middle - 1] + /** @type {number} */ (sorted[middle])) / 2
}

/**
 * Median and spread of one measurement over the runs.
 * @typedef {{ median: number, min: number, max: number, n: number, values: number[] }} Summary
 */

/**
 * @param {ReadonlyArray<number | null | undefined>} values
 * @returns {Summary | null}
 */
export function summarise(values) {
  const finite = /** @type {number[]} */ (
    values.filter((v) => typeof v === 'number' && Number.isFinite(v))
  )
  const mid = median(finite)
  if (mid === null) return null
  return {
    median: mid,
    min: Math.min(...finite),
    max: Math.max(...finite),
    n: finite.length,
    values: finite.map((v) => Math.round(v * 100) / 100),
  }
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
})
const twoDecimals = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 2,
  minimumFractionDigits: 2,
})

/** @param {number} ms */
export const ms = (ms) => `${ms < 10 ? oneDecimal.format(ms) : integer.format(ms)} ms`
/** @param {number} bytes */
export const kB = (bytes) => `${oneDecimal.format(bytes / 1024)} kB`
/** @param {number} bytes */
export const MB = (bytes) => `${oneDecimal.format(bytes / 1024 / 1024)} MB`
/** @param {number} value */
export const ratio = (value) => `${twoDecimals.format(value)}×`
/** @param {number} value */
export const score = (value) => twoDecimals.format(value)
/** @param {number} value */
export const count = (value) => integer.format(value)

/**
 * "median (min–max)" with one unit formatter.
 * @param {Summary | null} summary
 * @param {(value: number) => string} format
 */
export function spread(summary, format) {
  if (!summary) return 'n/a'
  if (summary.n === 1 || summary.min === summary.max) return format(summary.median)
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`
}
