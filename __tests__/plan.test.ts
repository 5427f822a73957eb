import { describe, expect, it } from '@jest/globals'
import { makePlan, PlanError, refusal, toBatches } from '../src/plan.js'

describe('makePlan', () => {
  it('keeps the first appearance of each ID and says where IDs came from', () => {
    const plan = makePlan(
      [
        { kind: 'inline', name: 'product-ids', ids: ['a', 'b', 'a'] },
        { kind: 'file', name: 'ids.txt', ids: ['b', 'c', 'd'] },
        { kind: 'deleted-path', name: 'catalog/e.json', ids: ['e'], detail: 'deleted' }
      ],
      2
    )
    expect(plan.ids).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(plan.duplicates).toBe(2)
    expect(plan.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    expect(plan.sources).toEqual([
      {
        kind: 'inline',
        name: 'product-ids',
        detail: undefined,
        found: 3,
        added: 2,
        ids: ['a', 'b', 'a']
      },
      {
        kind: 'file',
        name: 'ids.txt',
        detail: undefined,
        found: 3,
        added: 2,
        ids: ['b', 'c', 'd']
      },
      {
        kind: 'deleted-path',
        name: 'catalog/e.json',
        detail: 'deleted',
        found: 1,
        added: 1,
        ids: ['e']
      }
    ])
  })

  it('refuses IDs with control characters, naming the source', () => {
    expect(() => makePlan([{ kind: 'file', name: 'bad.txt', ids: ['ok', 'x\ty'] }], 10)).toThrow(
      PlanError
    )
    expect(() => makePlan([{ kind: 'file', name: 'bad.txt', ids: ['x\u0000'] }], 10)).toThrow(
      /ID file bad.txt gave the ID "x\\u0000"/
    )
  })

  it('is empty for no groups', () => {
    expect(makePlan([], 5)).toEqual({ ids: [], sources: [], duplicates: 0, batches: [] })
  })
})

describe('toBatches', () => {
  it('cuts into batches of the size, the last one shorter', () => {
    const items = Array.from({ length: 2501 }, (_, i) => String(i))
    const batches = toBatches(items, 1000)
    expect(batches.map(b => b.length)).toEqual([1000, 1000, 501])
    expect(batches.flat()).toEqual(items)
  })
})

describe('refusal', () => {
  const plan = makePlan([{ kind: 'inline', name: 'product-ids', ids: ['a', 'b', 'c'] }], 10)
  it('refuses more IDs than max-deletions', () => {
    expect(refusal(plan, 2)).toMatch(/3 IDs were resolved, more than `max-deletions` \(2\)/)
  })
  it('allows up to the limit, and any number with 0', () => {
    expect(refusal(plan, 3)).toBeUndefined()
    expect(refusal(plan, 0)).toBeUndefined()
  })
})
