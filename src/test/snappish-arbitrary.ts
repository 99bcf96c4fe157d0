import fc from 'fast-check'
import { AGO_UNITS, type Snappish } from '@/lib/snappish'

/** Environment names as the parser accepts them. */
export const envNameArbitrary = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,20}$/)

const validTime = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 19))

/** Valid snapshot expressions of every kind over `envName`; without `latest` when told. */
export function snappishArbitrary(
  envName: fc.Arbitrary<string>,
  { latest = true }: { latest?: boolean } = {},
): fc.Arbitrary<Snappish> {
  return fc.oneof(
    ...(latest ? [envName.map((env): Snappish => ({ kind: 'latest', env }))] : []),
    envName.map((env): Snappish => ({ kind: 'now', env })),
    fc.record({
      kind: fc.constant('index' as const),
      env: envName,
      index: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    }),
    fc.record({ kind: fc.constant('relative' as const), env: envName, back: fc.nat() }),
    fc.record({ kind: fc.constant('time' as const), env: envName, at: validTime }),
    fc.record({
      kind: fc.constant('ago' as const),
      env: envName,
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      unit: fc.constantFrom(...AGO_UNITS),
    }),
  )
}
