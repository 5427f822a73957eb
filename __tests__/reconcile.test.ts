import { describe, expect, it } from '@jest/globals'
import { readIdListing } from '../src/miso/answers.js'
import { compareWithRepository } from '../src/reconcile/reconcile.js'

describe('readIdListing', () => {
  it('reads data.ids as strings, exactly as listed (a trimmed ID names another record)', () => {
    expect(readIdListing('{"data":{"ids":["a"," b ","a"]}}')).toEqual(['a', ' b ', 'a'])
    expect(readIdListing('{"data":{"ids":[]}}')).toEqual([])
  })

  it.each([
    ['not JSON', '{"data":{"ids":["a"', 'the answer is not JSON'],
    ['an array', '[]', 'the answer is not a JSON object'],
    ['no data', '{"ids":["a"]}', 'the answer has no `data` object'],
    ['no ids', '{"data":{}}', '`data.ids` is missing'],
    ['ids an object', '{"data":{"ids":{}}}', '`data.ids` is an object, not an array'],
    ['a number', '{"data":{"ids":["a",7]}}', '`data.ids` item 1 is a number, not a string'],
    ['a null', '{"data":{"ids":[null]}}', '`data.ids` item 0 is null, not a string'],
    [
      'an empty string',
      '{"data":{"ids":["a"," "]}}',
      '`data.ids` item 1: an empty string is not an ID'
    ]
  ])('refuses %s', (_name, body, problem) => {
    expect(readIdListing(body)).toBe(problem)
  })
})

describe('compareWithRepository', () => {
  it('deletes what Miso lists and the repository lacks, once each, in Miso order', () => {
    const result = compareWithRepository(['z', 'a', 'k', 'z', 'b'], new Set(['a', 'b', 'q', 'r']))
    expect(result).toEqual({ toDelete: ['z', 'k'], misoCount: 4, missingFromMiso: 2 })
  })

  it('compares named forms and deletes the ID exactly as Miso lists it', () => {
    // The repository's set holds named forms (reconcile.ts); Miso's IDs are compared by theirs.
    const repository = new Set(['P-WS', 'P-NBSP', 'Caf\u00e9', 'P-MISSING'])
    const listed = ['P-WS ', 'P-NBSP\u00a0', 'Cafe\u0301', '\ufeffP-WS', 'P-GONE\u3000']
    expect(compareWithRepository(listed, repository)).toEqual({
      toDelete: ['P-GONE\u3000'],
      misoCount: 5,
      missingFromMiso: 1
    })
  })

  it('deletes nothing when the sets agree', () => {
    expect(compareWithRepository(['a'], new Set(['a']))).toEqual({
      toDelete: [],
      misoCount: 1,
      missingFromMiso: 0
    })
  })
})
