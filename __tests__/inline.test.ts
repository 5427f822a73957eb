import { describe, it, expect } from '@jest/globals'
import { parseInlineIds } from '../src/ids/inline.js'

describe('parseInlineIds', () => {
  it('splits on newlines and commas, trims, and drops empty entries', () => {
    expect(parseInlineIds(' a , b\n\nc,,\r\n d \r e\n,')).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('splits on spaces and tabs too, and keeps `#` (inline input has no comments)', () => {
    expect(parseInlineIds('P-10200 P-10201\t P-3\n# 2, x#3')).toEqual([
      'P-10200',
      'P-10201',
      'P-3',
      '#',
      '2',
      'x#3'
    ])
    // Unicode white space (a no-break space pasted from a web page) separates too.
    expect(parseInlineIds('A\u00a0B\u3000C')).toEqual(['A', 'B', 'C'])
  })

  it('keeps duplicates and order', () => {
    expect(parseInlineIds('b,a\nb')).toEqual(['b', 'a', 'b'])
  })

  it('returns nothing for empty or blank input', () => {
    expect(parseInlineIds('')).toEqual([])
    expect(parseInlineIds(' \n , \t\r\n')).toEqual([])
  })

  it('keeps unicode and quotes as they are', () => {
    expect(parseInlineIds('café,"q",😀')).toEqual(['café', '"q"', '😀'])
  })

  it('reads a value starting with `[` as a JSON array of strings or numbers', () => {
    expect(parseInlineIds(' ["SKU-1", "SKU-2", 42, " pad "]\n')).toEqual([
      'SKU-1',
      'SKU-2',
      '42',
      ' pad '
    ])
    expect(parseInlineIds('[]')).toEqual([])
    // A comma or a space inside a JSON string stays in the ID.
    expect(parseInlineIds('["a,b", "SKU 1001 large"]')).toEqual(['a,b', 'SKU 1001 large'])
  })

  it.each([
    [
      '["SKU-1", "SKU-2"',
      /`product-ids` starts with `\[`, so it is read as a JSON array, but it is not valid JSON/
    ],
    ['[SKU-1, SKU-2]', /not valid JSON/],
    ['["a", null]', /`product-ids` is a JSON array, but item 2: null is not an ID/],
    ['[1.5]', /item 1: the number 1.5 is not a whole number/],
    ['[{"id": "x"}]', /item 1: an object is not an ID/],
    ['["a", ""]', /item 2: an empty string is not an ID/]
  ])('refuses %s, naming the input and the item', (text, message) => {
    expect(() => parseInlineIds(text)).toThrow(message)
  })
})
