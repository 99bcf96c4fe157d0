import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

/** A small, strict RFC 4180 reader: records end with CRLF, quoted fields double their quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    let value = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"'
            i += 2
          } else {
            i++
            break
          }
        } else {
          value += text[i]
          i++
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`)
        value += text[i]
        i++
      }
    }
    record.push(value)
    if (text[i] === ',') {
      i++
    } else if (text.startsWith('\r\n', i)) {
      records.push(record)
      record = []
      i += 2
    } else {
      throw new Error(`expected , or CRLF at ${i}`)
    }
  }
  if (record.length > 0) throw new Error('last record has no CRLF')
  return records
}

describe('toCsv', () => {
  it('writes a header and rows with CRLF after every record', () => {
    expect(
      toCsv(
        ['flow', 'count'],
        [
          ['runner', 3],
          ['saver', 1],
        ],
      ),
    ).toBe('flow,count\r\nrunner,3\r\nsaver,1\r\n')
  })

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['line1\nline2'], ['cr\rhere']])).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rhere"\r\n',
    )
  })

  it('writes empty cells for null and undefined and text for booleans', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, true, false]])).toBe(
      'a,b,c,d\r\n,,true,false\r\n',
    )
  })

  it('keeps numbers, including negative ones, as numbers', () => {
    expect(toCsv(['n'], [[-3], [0], [1.5], [-0.25], [1e21]])).toBe(
      'n\r\n-3\r\n0\r\n1.5\r\n-0.25\r\n1e+21\r\n',
    )
  })

  it('writes non-finite numbers as empty cells', () => {
    expect(toCsv(['n'], [[NaN], [Infinity]])).toBe('n\r\n\r\n\r\n')
  })

  it.each<[string, string]>([
    ['=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', '"\'\tcmd"'],
    ['\rcmd', '"\'\rcmd"'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['a;=1+2', '"a;\'=1+2"'],
    ['a;b', '"a;b"'],
    ['x,@SUM(A1)', '"x,\'@SUM(A1)"'],
    ['ok\t-1', '"ok\t\'-1"'],
    ['one\n+two\r=three', '"one\n\'+two\r\'=three"'],
    ['a-b;c', '"a-b;c"'],
  ])('neutralises formula text %j', (cell, field) => {
    expect(toCsv(['h'], [[cell]])).toBe(`h\r\n${field}\r\n`)
  })

  it('neutralises formulas in the header too', () => {
    expect(toCsv(['=cmd', 'ok'], [])).toBe("'=cmd,ok\r\n")
  })

  const cell = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ') }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  )

  // What a reader should see for each input cell.
  function expected(value: string | number | boolean | null | undefined): string {
    if (value === null || value === undefined) return ''
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
    if (typeof value === 'boolean') return String(value)
    const parts = value.replace(/([,;\t\r\n])(?=[=+\-@])/g, "$1'")
    return /^[=+\-@\t\r]/.test(parts) ? "'" + parts : parts
  }

  it('parses back to the same cells (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.string(), { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
            ),
          ),
        ([header, rows]) => {
          const parsed = parseCsv(toCsv(header, rows))
          expect(parsed).toEqual([header.map(expected), ...rows.map((row) => row.map(expected))])
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('never lets a text cell start with a formula character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }),
        (row) => {
          const [, values] = parseCsv(
            toCsv(
              row.map(() => 'h'),
              [row],
            ),
          )
          for (const value of values ?? []) expect(value).not.toMatch(/^[=+\-@\t\r]/)
        },
      ),
    )
  })

  it('never lets a part after a list separator start a formula (property)', () => {
    const unit = fc.constantFrom('a', ';', ',', '\t', '\n', '\r', '=', '+', '-', '@', ' ', '"')
    fc.assert(
      fc.property(fc.string({ unit }), (value) => {
        const [, values] = parseCsv(toCsv(['h'], [[value]]))
        for (const part of (values?.[0] ?? '').split(/[,;\t\r\n]/)) {
          expect(part).not.toMatch(/^[=+\-@]/)
        }
      }),
      { numRuns: 500 },
    )
  })
})
