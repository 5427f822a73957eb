import { describe, it, expect } from '@jest/globals'
import { parseInlineIds, whiteSpaceWarning } from '../src/ids/inline.js'

describe('parseInlineIds', () => {
  it('splits on newlines and commas, trims, and drops empty entries', () => {
    expect(parseInlineIds(' a , b\n\nc,,\r\n d \r e\n,')).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('never splits an ID on spaces and keeps `#` (inline input has no comments)', () => {
    expect(parseInlineIds('SKU 1001 large\n# 2, x#3')).toEqual(['SKU 1001 large', '# 2', 'x#3'])
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
    // A comma inside a JSON string stays in the ID.
    expect(parseInlineIds('["a,b"]')).toEqual(['a,b'])
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

describe('whiteSpaceWarning', () => {
  it('names the first ID with white space and counts the others', () => {
    expect(whiteSpaceWarning(['a', 'b-1'])).toBeUndefined()
    expect(whiteSpaceWarning(['a', 'SKU-1 SKU-2'])).toBe(
      'Input `product-ids`: the ID "SKU-1 SKU-2" contains white space. IDs are kept whole (they may contain spaces); if this is meant as several IDs, separate them with commas or newlines.'
    )
    expect(whiteSpaceWarning(['x y', 'a\tb', 'c d'])).toMatch(
      /^Input `product-ids`: the ID "x y" and 2 more IDs contain white space\./
    )
    expect(whiteSpaceWarning(['x y', 'c d'])).toMatch(/"x y" and 1 more ID contain white space/)
  })
})
