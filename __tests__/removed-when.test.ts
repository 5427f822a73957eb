import { describe, expect, it } from '@jest/globals'
import { productIds } from '../src/diff/product-id.js'
import { parseIds } from '../src/ids/formats.js'
import { meetsAny, parseConditions } from '../src/ids/removed-when.js'

describe('removed-when conditions', () => {
  it('reads values as YAML scalars and field paths by the one grammar', () => {
    expect(parseConditions(['draft: true', 'meta.n: 1.0', "s: 'it''s'", 'x: "00123"'])).toEqual([
      { keys: ['draft'], value: true, text: 'true' },
      { keys: ['meta', 'n'], value: 1, text: '1.0' },
      { keys: ['s'], value: "it's", text: "'it''s'" },
      { keys: ['x'], value: '00123', text: '"00123"' }
    ])
  })

  it.each([
    ['draft true', /line "draft true" names no field/],
    [': true', /names no field/],
    ['draft:', /line "draft:" has no value/],
    ['a..b: 1', /is not valid \(a key in the path is empty\)/],
    ['tags: [a, b]', /is not valid \(not one plain or quoted value\)/],
    ['status: old # note', /not one plain or quoted value/]
  ])('refuses %s, naming the line', (line, message) => {
    expect(() => parseConditions([line])).toThrow(message)
  })

  it('meets a condition on the same value, or on text that reads as it', () => {
    const [draft, status, n] = parseConditions(['draft: true', 'status: discontinued', 'n: 0'])
    expect(meetsAny({ draft: true }, [draft])).toBe(true)
    expect(meetsAny({ draft: 'true' }, [draft])).toBe(true)
    expect(meetsAny({ draft: false }, [draft])).toBe(false)
    expect(meetsAny({ draft: 'yes' }, [draft])).toBe(false)
    expect(meetsAny({ status: 'discontinued' }, [draft, status])).toBe(true)
    expect(meetsAny({ n: '0' }, [n])).toBe(true)
    expect(meetsAny({ n: 0 }, [n])).toBe(true)
    expect(meetsAny({}, [draft, status, n])).toBe(false)
    expect(meetsAny(undefined, [draft])).toBe(false)
  })

  it('makes a file or an object row that meets one name no product', () => {
    const when = parseConditions(['draft: true', 'active: false'])
    const at = 'c0ffee'.padEnd(40, '0')
    const byName = { kind: 'filename' } as const
    expect(productIds(byName, 'p/a.JSON', at, '{"draft": true}', when)).toEqual([])
    expect(productIds(byName, 'p/a.json', at, '{"draft": false}', when)).toEqual(['a'])
    expect(productIds(byName, 'p/b.md', at, '---\ndraft: true\n---\n', when)).toEqual([])
    expect(productIds(byName, 'p/b.md', at, 'No front matter.\n', when)).toEqual(['b'])
    const sku = { kind: 'json', field: 'sku' } as const
    expect(productIds(sku, 'x.json', at, '{"sku": "S", "draft": "true"}', when)).toEqual([])
    const rows = '[{"product_id": "A", "active": false}, {"product_id": "B"}, "C"]'
    expect(parseIds(rows, 'l.json', 'product_id', { removedWhen: when })).toEqual(['B', 'C'])
    const csv = 'product_id,active\nA,false\nB,true\nC,\n'
    expect(parseIds(csv, 'l.csv', 'product_id', { removedWhen: when })).toEqual(['B', 'C'])
    // Without conditions every row counts, as before.
    expect(parseIds(csv, 'l.csv', 'product_id')).toEqual(['A', 'B', 'C'])
  })
})
