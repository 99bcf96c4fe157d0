/**
 * The demo world's clock. "Now" is fixed just after the latest capture, so durations,
 * relative times (`@{2.hours.ago}`) and "current" snapshots never drift.
 */
export const WORLD_NOW = 1787150426.3915558

/** Unix seconds for a UTC wall-clock time. */
export function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000
}

/** Unix seconds for a CEST (UTC+2) wall-clock time, as the seed prints them. */
export function cest(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return utc(year, month, day, hour - 2, minute, second)
}
