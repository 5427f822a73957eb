// One rule for a JSON value becoming an ID, and one field-path grammar, checked through every
// place that reads IDs from JSON: ID files (.json, .jsonl, the API body) and `id-from`.
import { describe, expect, it } from '@jest/globals'
import { parseIds } from '../src/ids/formats.js'
import { FieldPathError, idOfValue, parseFieldPath, valuesAt } from '../src/ids/id-value.js'
import { productIds } from '../src/diff/product-id.js'

import { parseIdFrom } from '../src/input-helper.js'

/** The one ID of a file whose path has no `*`. */
const productId = (...args: Parameters<typeof productIds>) => productIds(...args)?.[0]

const AT = 'abc1234'.padEnd(40, '0')

/** Each way a JSON value can reach the rule: the value's JSON text in, an ID or an error out. */
const ENTRY_POINTS: [string, (json: string) => string, RegExp][] = [
  ['.json array', v => one(parseIds(`[${v}]`, 'ids.json', 'sku')), /^ids\.json: item 1: /],
  [
    '.json object field',
    v => one(parseIds(`[{"sku": ${v}}]`, 'ids.json', 'sku')),
    /^ids\.json: item 1 field sku: /
  ],
  [
    '.json path through an array',
    v => one(parseIds(`[{"a": [{"sku": ${v}}]}]`, 'ids.json', 'a.0.sku')),
    /^ids\.json: item 1 field a\.0\.sku: /
  ],
  [
    '.json API body',
    v => one(parseIds(`{"data": {"product_ids": [${v}]}}`, 'ids.json', 'sku')),
    /^ids\.json: data\.product_ids item 1: /
  ],
  ['.jsonl line', v => one(parseIds(`"x"\n${v}\n`, 'ids.jsonl', 'sku')), /^ids\.jsonl: line 2: /],
  [
    '.ndjson object field',
    v => one(parseIds(`{"sku": ${v}}`, 'ids.ndjson', 'sku')),
    /^ids\.ndjson: line 1 field sku: /
  ],
  [
    'id-from json:',
    v => productId(parseIdFrom('json:sku'), 'p/x.json', AT, `{"sku": ${v}}`) ?? 'no ID',
    /^p\/x\.json at abc123400000: JSON field "sku": /
  ],
  [
    'id-from json: path through an array',
    v =>
      productId(parseIdFrom('json:a.0.sku'), 'p/x.json', AT, `{"a": [{"sku": ${v}}]}`) ?? 'no ID',
    /^p\/x\.json at abc123400000: JSON field "a\.0\.sku": /
  ]
]

/** The last ID a parse gave (the jsonl entry puts one ID before the value under test). */
function one(ids: string[]): string {
  return ids[ids.length - 1]
}

const VALUES: [string, string | RegExp][] = [
  ['"SKU-1"', 'SKU-1'],
  ['"  SKU 1 \\t"', '  SKU 1 \t'],
  ['"\\u00a0\\ufeff\\u3000"', /an empty string is not an ID$/],
  ['"#3"', '#3'],
  ['0', '0'],
  ['42', '42'],
  ['-7', '-7'],
  ['1e3', '1000'],
  ['9007199254740991', '9007199254740991'],
  ['9007199254740993', /the number 9007199254740992 is not a whole number up to 9007199254740991/],
  ['1.5', /the number 1\.5 is not a whole number .* write the ID as a string$/],
  ['1e400', /the number Infinity is not a whole number/],
  ['-1e400', /the number -Infinity is not a whole number/],
  ['""', /an empty string is not an ID$/],
  ['"   "', /an empty string is not an ID$/],
  ['null', /null is not an ID$/],
  ['true', /true is not an ID$/],
  ['false', /false is not an ID$/],
  ['["a"]', /an array is not an ID$/]
]

describe('a JSON value becomes an ID by one rule', () => {
  // `id-from` reads a field whose value is null as no ID (the file names no product).
  const cases = ENTRY_POINTS.flatMap(([entry, read, position]) =>
    VALUES.map(([json, expected]) => {
      const said = json === 'null' && entry.startsWith('id-from') ? 'no ID' : expected
      return [entry, json, read, position, said] as const
    })
  )
  it.each(cases)('%s: %s', (_entry, json, read, position, expected) => {
    if (typeof expected === 'string') {
      expect(read(json)).toBe(expected)
      return
    }
    let message = ''
    try {
      read(json)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(position)
    expect(message).toMatch(expected)
  })

  it('refuses an object where the ID should be, wherever it is read', () => {
    expect(() => parseIds('[{"sku": {"id": "a"}}]', 'ids.json', 'sku')).toThrow(
      'ids.json: item 1 field sku: an object is not an ID'
    )
    expect(() => productId(parseIdFrom('json:sku'), 'x.json', AT, '{"sku": {"id": "a"}}')).toThrow(
      'x.json at abc123400000: JSON field "sku": an object is not an ID'
    )
    // A bare object in a list is read by `id-field`.
    expect(() => parseIds('[{"id": "a"}]', 'ids.json', 'sku')).toThrow(
      'ids.json: item 1: the object has no field "sku"'
    )
  })

  it('is the rule itself', () => {
    expect(idOfValue(' a ')).toBe(' a ')
    expect(idOfValue(undefined)).toEqual({ problem: 'nothing is not an ID' })
  })
})

describe('field paths: one grammar for id-field and id-from', () => {
  it.each([
    ['product_id', ['product_id']],
    ['a.b', ['a', 'b']],
    ['a.0.sku', ['a', '0', 'sku']],
    ['meta\\.sku', ['meta.sku']],
    ['a\\\\b.c', ['a\\b', 'c']],
    ['a\\.b.c\\.d', ['a.b', 'c.d']]
  ])('%s', (text, keys) => {
    expect(parseFieldPath(text)).toEqual(keys)
  })

  it.each([
    ['a..b', /a key in the path is empty/],
    ['.a', /a key in the path is empty/],
    ['a.', /a key in the path is empty/],
    ['a\\b', /`\\` may only escape `.` or `\\`/],
    ['a\\', /`\\` may only escape/]
  ])('refuses %s', (text, problem) => {
    expect(() => parseFieldPath(text)).toThrow(FieldPathError)
    expect(() => parseFieldPath(text)).toThrow(problem)
  })

  it('walks objects by key and arrays by index only', () => {
    const doc = { a: [{ sku: 'x' }, 'y'], '0': 'zero', 'm.s': 'dotted', m: { s: 'nested' } }
    const valueAt = (keys: string[]) => valuesAt(doc, keys).map(([, value]) => value)
    expect(valueAt(['a', '1'])).toEqual(['y'])
    expect(valueAt(['a', '0', 'sku'])).toEqual(['x'])
    expect(valueAt(['0'])).toEqual(['zero'])
    expect(valueAt(['m', 's'])).toEqual(['nested'])
    expect(valueAt(['m.s'])).toEqual(['dotted'])
    for (const keys of [['a', '2'], ['a', '01'], ['a', '-1'], ['a', 'length'], ['constructor']]) {
      expect(valueAt(keys)).toEqual([])
    }
  })

  it('reads `*` as every element of an array or value of an object, each with its path', () => {
    const doc = {
      items: [{ sku: 'A' }, { sku: null }, { title: 'no sku' }, 'text'],
      variants: { red: { id: 1 }, blue: { id: 2 } },
      empty: []
    }
    expect(parseFieldPath('items.*.sku')).toEqual(['items', '*', 'sku'])
    expect(valuesAt(doc, ['variants', '*', 'id'])).toEqual([
      ['variants.red.id', 1],
      ['variants.blue.id', 2]
    ])
    // Past a `*`, every element must hold the rest: missing is `undefined`, null stays null.
    expect(valuesAt(doc, ['items', '*', 'sku'])).toEqual([
      ['items.0.sku', 'A'],
      ['items.1.sku', null],
      ['items.2.sku', undefined],
      ['items.3.sku', undefined]
    ])
    // A `*` that matches nothing names nothing, like a missing key.
    for (const keys of [
      ['empty', '*'],
      ['none', '*', 'id'],
      ['items', '0', 'sku', '*']
    ]) {
      expect(valuesAt(doc, keys)).toEqual([])
    }
  })

  it('finds the same field through id-field and id-from', () => {
    const doc = { 'm.s': 'dotted', m: { s: 'nested' }, items: [{ sku: 'first' }] }
    for (const [path, id] of [
      ['m.s', 'nested'],
      ['m\\.s', 'dotted'],
      ['items.0.sku', 'first']
    ]) {
      expect(parseIds(JSON.stringify([doc]), 'ids.json', path)).toEqual([id])
      expect(parseIds(JSON.stringify(doc), 'ids.jsonl', path)).toEqual([id])
      expect(productId(parseIdFrom(`json:${path}`), 'x.json', AT, JSON.stringify(doc))).toBe(id)
      const yaml = `---\nm.s: dotted\nm:\n  s: nested\nitems:\n  - sku: first\n---\n`
      expect(productId(parseIdFrom(`frontmatter:${path}`), 'x.md', AT, yaml)).toBe(id)
    }
  })

  it('reads several IDs through a `*` in id-field and id-from alike', () => {
    const doc = { items: [{ sku: 'A' }, { sku: 7 }], variants: { red: { id: 'R' } } }
    expect(parseIds(JSON.stringify(doc), 'feed.json', 'items.*.sku')).toEqual(['A', '7'])
    expect(parseIds(JSON.stringify([doc, doc]), 'l.json', 'variants.*.id')).toEqual(['R', 'R'])
    expect(parseIds(JSON.stringify(doc), 'l.jsonl', 'items.*.sku')).toEqual(['A', '7'])
    expect(productIds(parseIdFrom('json:items.*.sku'), 'x.json', AT, JSON.stringify(doc))).toEqual([
      'A',
      '7'
    ])
    const yaml = '---\nvariants:\n  - id: V-1\n  - id: ~\n  - id: V-3\n---\n'
    expect(productIds(parseIdFrom('frontmatter:variants.*.id'), 'x.md', AT, yaml)).toEqual([
      'V-1',
      'V-3'
    ])
    // Matching nothing is no product; an element without the field fails, naming it.
    expect(productIds(parseIdFrom('json:items.*.sku'), 'x.json', AT, '{"items":[]}')).toBe(
      undefined
    )
    expect(() =>
      productIds(parseIdFrom('json:items.*.sku'), 'x.json', AT, '{"items":[{"sku":"A"},{}]}')
    ).toThrow(/x\.json at abc123400000: JSON field "items\.1\.sku" is missing: every element/)
    expect(() => parseIds('{"items":[{"sku":"A"},{}]}', 'f.json', 'items.*.sku')).toThrow(
      'f.json: field items.1.sku: missing'
    )
    expect(() => parseIds('[{"items":[{"sku":null}]}]', 'f.json', 'items.*.sku')).toThrow(
      'f.json: item 1 field items.0.sku: null is not an ID'
    )
    // Without a `*`, one object is still not an ID list.
    expect(() => parseIds(JSON.stringify(doc), 'f.json', 'items.0.sku')).toThrow(
      /expected an array/
    )
  })

  it('names a CSV column by the whole id-field', () => {
    expect(parseIds('name,m.s\nx,a\n', 'ids.csv', 'm.s')).toEqual(['a'])
    expect(parseIds('name,m.s\nx,a\n', 'ids.csv', 'm\\.s')).toEqual(['a'])
  })
})
