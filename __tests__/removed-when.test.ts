import { describe, expect, it } from '@jest/globals'
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
})
