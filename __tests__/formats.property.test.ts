import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { IdFileError, parseIds } from '../src/ids/formats.js'
import { namedForm } from '../src/ids/named-form.js'

const FIELD = 'product_id'
const RUNS = { numRuns: 150 }

// Characters that trouble parsers, mixed with any code point.
const tricky = fc.constantFrom(
  ',',
  '"',
  "'",
  '#',
  ' ',
  '\t',
  '\n',
  '\r',
  '\\',
  '{',
  '[',
  '\u00a0',
  '\u2028',
  '\uFEFF',
  'é',
  '😀',
  'a',
  '1'
)
const char = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))

/** An ID as it comes out of parsing: trimmed, not empty, without the given characters. */
function idArb(forbidden: RegExp = /$^/) {
  return fc
    .array(char, { minLength: 1, maxLength: 12 })
    .map(chars => chars.join(''))
    .filter(id => id !== '' && id === id.trim() && !forbidden.test(id))
}

const lineEnding = fc.constantFrom('\n', '\r\n', '\r')
const bom = fc.constantFrom('', '\uFEFF')

function csvCell(value: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

describe('serialised ID lists parse back to the same list', () => {
  it('lines', () => {
    fc.assert(
      fc.property(
        fc.array(idArb(/^#|[\r\n]/)),
        lineEnding,
        bom,
        fc.boolean(),
        (ids, eol, start, trailing) => {
          const text = start + ids.join(eol) + (trailing ? eol : '')
          expect(parseIds(text, 'ids.txt', FIELD)).toEqual(ids)
        }
      ),
      RUNS
    )
  })

  it('csv', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            idArb(),
            fc.array(char).map(chars => chars.join(''))
          )
        ),
        fc.nat({ max: 2 }),
        lineEnding,
        bom,
        fc.boolean(),
        (rows, column, eol, start, quoteAll) => {
          // The ID column at `column` among other columns (or alone when column is 0).
          const header = ['name', 'price'].slice(0, column).concat(FIELD)
          const lines = [header.join(',')].concat(
            rows.map(([id, other]) =>
              Array.from({ length: column }, () => csvCell(other, quoteAll))
                .concat(csvCell(id, quoteAll))
                .join(',')
            )
          )
          const text = start + lines.join(eol) + eol + eol
          expect(parseIds(text, 'ids.csv', FIELD)).toEqual(rows.map(([id]) => id))
        }
      ),
      RUNS
    )
  })

  it('tsv', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            idArb(/[\t\r\n]/),
            fc.string().map(s => s.replace(/[\t\r\n]/g, ''))
          )
        ),
        lineEnding,
        bom,
        (rows, eol, start) => {
          const lines = [`${FIELD}\tname`].concat(rows.map(([id, name]) => `${id}\t${name}`))
          expect(parseIds(start + lines.join(eol), 'ids.tsv', FIELD)).toEqual(
            rows.map(([id]) => id)
          )
        }
      ),
      RUNS
    )
  })

  it('json, in each accepted shape', () => {
    fc.assert(
      fc.property(fc.array(idArb()), fc.nat({ max: 2 }), bom, (ids, shape, start) => {
        const value =
          shape === 0
            ? ids
            : shape === 1
              ? ids.map(id => ({ name: 'x', item: { id } }))
              : { message: 'saved request', data: { product_ids: ids } }
        const text = start + JSON.stringify(value, null, shape)
        expect(parseIds(text, 'ids.json', 'item.id')).toEqual(ids)
      }),
      RUNS
    )
  })

  it('json numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeInteger()), numbers => {
        expect(parseIds(JSON.stringify(numbers), 'ids.json', FIELD)).toEqual(numbers.map(String))
      }),
      RUNS
    )
  })

  it('jsonl', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(idArb(), fc.boolean())),
        lineEnding,
        bom,
        (items, eol, start) => {
          const lines = items.map(([id, asObject]) =>
            JSON.stringify(asObject ? { [FIELD]: id } : id)
          )
          expect(parseIds(start + lines.join(eol + eol), 'ids.ndjson', FIELD)).toEqual(
            items.map(([id]) => id)
          )
        }
      ),
      RUNS
    )
  })
})

describe('junk input returns IDs or throws IdFileError, and never hangs', () => {
  const NAMES = ['ids.txt', 'ids.csv', 'ids.tsv', 'ids.json', 'ids.jsonl']

  /** Parses `text` as every format; only IdFileError may escape, and IDs are always usable. */
  function parseAsEveryFormat(text: string): void {
    for (const name of NAMES) {
      let ids: string[]
      try {
        ids = parseIds(text, name, FIELD)
      } catch (error) {
        if (!(error instanceof IdFileError)) throw error
        continue
      }
      // Text lines and CSV cells are trimmed; JSON strings are taken as they are, but white
      // space alone is never an ID.
      const trimmed = !/\.(json|jsonl|ndjson)$/.test(name)
      for (const id of ids) {
        expect(typeof id).toBe('string')
        expect(namedForm(id)).not.toBe('')
        if (trimmed) expect(id).toBe(id.trim())
      }
    }
  }

  const parserChar = fc.constantFrom(',', '"', '\t', '\n', '\r', '#', ' ', 'a', '{', '}', '[', ']')
  const jsonItem = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ [FIELD]: fc.jsonValue({ maxDepth: 2 }) }),
    fc.double()
  )

  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), parseAsEveryFormat), RUNS)
  })

  it('text made of the characters parsers care about', () => {
    fc.assert(
      fc.property(
        fc.array(parserChar, { maxLength: 200 }).map(chars => chars.join('')),
        bom,
        (text, start) => parseAsEveryFormat(start + text)
      ),
      RUNS
    )
  })

  it('JSON of the wrong types, whole or a value per line', () => {
    fc.assert(
      fc.property(fc.array(jsonItem), lineEnding, (items, eol) => {
        parseAsEveryFormat(JSON.stringify(items))
        parseAsEveryFormat(items.map(item => JSON.stringify(item)).join(eol))
        parseAsEveryFormat(JSON.stringify({ data: { product_ids: items } }))
      }),
      RUNS
    )
  })

  it('never reads a number as different digits', () => {
    /** The one ID parsed from `[written]` and from a JSONL line `written`, or undefined if refused. */
    function idsOf(written: string): (string | undefined)[] {
      return [
        [`[${written}]`, 'ids.json'],
        [written, 'ids.jsonl']
      ].map(([text, name]) => {
        try {
          const ids = parseIds(text, name, FIELD)
          expect(ids).toHaveLength(1)
          return ids[0]
        } catch (error) {
          expect(error).toBeInstanceOf(IdFileError)
          return undefined
        }
      })
    }

    fc.assert(
      fc.property(fc.bigInt(), n => {
        const safe = n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
        // Whole numbers come back digit for digit; ones past 2^53 are refused, never rounded.
        expect(idsOf(String(n))).toEqual(safe ? [String(n), String(n)] : [undefined, undefined])
      }),
      RUNS
    )
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
        const expected = Number.isSafeInteger(x) ? String(x) : undefined
        expect(idsOf(String(x))).toEqual([expected, expected])
      }),
      RUNS
    )
  })

  it('fixed hard cases', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    const cases = [
      '',
      '\uFEFF',
      '\r\n\r\n',
      '\r\r\r',
      'x'.repeat(2_000_000),
      `${FIELD}\n"${'y'.repeat(1_000_000)}`,
      '"'.repeat(100_000),
      ','.repeat(100_000),
      deep,
      '['.repeat(10_000),
      '{"a":'.repeat(10_000),
      `${deep}\n${deep}`,
      '[1e400, -1e400, 1e-400]',
      '\u0000\u0001\u0002'
    ]
    for (const text of cases) parseAsEveryFormat(text)
    expect(() => parseIds(deep, 'ids.json', FIELD)).toThrow('item 1: an array is not an ID')
  })
})
