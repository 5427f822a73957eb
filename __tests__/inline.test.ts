import { describe, it, expect } from '@jest/globals'
import { parseInlineIds } from '../src/ids/inline.js'

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
})
