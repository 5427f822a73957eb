import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  DIFF_SHARE_LEAST,
  firstOccurrences,
  makePlan,
  percentRefusal,
  refusal,
  shareMayBeRefused,
  toBatches
} from '../src/plan.js'
import type { ReconcileInfo } from '../src/reconcile/reconcile.js'
import { deletionShare, type DiffInfo } from '../src/report/run-report.js'

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
      /ID file bad.txt gave the ID "x\\ty", which is empty or holds control characters/
    )
    expect(() => makePlan([{ kind: 'file', name: 'bad.txt', ids: ['x\u0000'] }], 10)).toThrow(
      /ID file bad.txt gave the ID "x\\u0000"/
    )
  })

  it.each(['a\u0085b', 'a\u009bb', 'x\u2028::warning::y', 'x\u2029y', 'x\u007fy'])(
    'refuses C1 controls and Unicode line separators too (%j)',
    id => {
      expect(() =>
        makePlan([{ kind: 'reconcile', name: 'products', ids: ['ok', id] }], 10)
      ).toThrow(/Miso listing products gave the ID/)
    }
  )

  it('keeps other non-ASCII IDs', () => {
    const ids = ['crème brûlée', 'SKU\u00a01', '☕']
    expect(makePlan([{ kind: 'file', name: 'f.txt', ids }], 10).ids).toEqual(ids)
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

describe('percentRefusal', () => {
  const reconcile = (deleteCount: number, misoCount: number) => {
    const info: ReconcileInfo = {
      recordType: 'products',
      type: '',
      misoCount,
      repositoryCount: misoCount - deleteCount,
      deleteCount,
      missingFromMiso: 0
    }
    return deletionShare({ status: 'failed', notes: [], elapsedMs: 0, reconcile: info })
  }
  const diff = (deleting: number, named: number) => {
    const info: DiffInfo = {
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      result: 'b'.repeat(40),
      via: 'git',
      kept: [],
      skipped: [],
      share: { deleting, named }
    }
    return deletionShare({ status: 'failed', notes: [], elapsedMs: 0, diff: info })
  }
  const refused = (share: ReturnType<typeof diff>, max: number) =>
    share && percentRefusal(share, max)

  it('reconcile: refuses only past the percentage of what Miso lists, with the numbers', () => {
    expect(refused(reconcile(10, 100), 10)).toBeUndefined()
    expect(refused(reconcile(11, 100), 10)).toMatch(
      /^Reconcile would delete 11 of the 100 products Miso lists \(11\.0%\), more than `max-deletions-percent` \(10%\)\. Nothing was deleted\. The repository names 89 IDs/
    )
    // Reconcile has no floor: 2 of 3 listed records is refused.
    expect(refused(reconcile(2, 3), 10)).toMatch(/delete 2 of the 3 products/)
    expect(refused(reconcile(100, 100), 0)).toBeUndefined()
    expect(refused(reconcile(0, 0), 10)).toBeUndefined()
  })

  it('a diff: refuses past the percentage of the IDs named at base, saying the ways out', () => {
    const message = refused(diff(100, 100), 10)
    expect(message).toBe(
      `The change would delete 100 of the 100 IDs that matching files named at ${'a'.repeat(12)} (100.0%), more than \`max-deletions-percent\` (10%). Nothing was deleted. ` +
        `Check the change ${'a'.repeat(12)}..${'b'.repeat(12)}: a file emptied or cut short by an export or a merge deletes every ID it named; ` +
        'raise `max-deletions-percent` (0 means no limit) if this is intended, or run the workflow by hand with `dry-run: true` to see the plan first.'
    )
    expect(refused(diff(25, 25), 10)).toMatch(/delete 25 of the 25 IDs/)
    expect(refused(diff(3, 25), 10)).toMatch(/delete 3 of the 25 IDs .* \(12\.0%\)/)
  })

  it('a diff: at most the percentage, 0, or fewer than 20 IDs at base pass', () => {
    expect(refused(diff(2, 20), 10)).toBeUndefined()
    expect(refused(diff(1, 25), 10)).toBeUndefined()
    expect(refused(diff(100, 100), 0)).toBeUndefined()
    expect(refused(diff(19, 19), 10)).toBeUndefined()
    expect(refused(diff(20, 20), 10)).toMatch(/delete 20 of the 20 IDs/)
    expect(refused(diff(0, 100), 10)).toBeUndefined()
  })

  it('a diff not counted (no guard could refuse it) and inline IDs have no share', () => {
    const info: DiffInfo = { base: 'a', head: 'b', result: 'b', via: 'git', kept: [], skipped: [] }
    expect(deletionShare({ status: 'failed', notes: [], elapsedMs: 0, diff: info })).toBeUndefined()
    expect(deletionShare({ status: 'failed', notes: [], elapsedMs: 0 })).toBeUndefined()
  })

  it('counts the base only when the guard could refuse: over the percentage of the floor', () => {
    expect(DIFF_SHARE_LEAST).toBe(20)
    expect(shareMayBeRefused(2, 10, DIFF_SHARE_LEAST)).toBe(false)
    expect(shareMayBeRefused(3, 10, DIFF_SHARE_LEAST)).toBe(true)
    expect(shareMayBeRefused(1000, 0, DIFF_SHARE_LEAST)).toBe(false)
    expect(shareMayBeRefused(20, 100, DIFF_SHARE_LEAST)).toBe(false)
  })
})

describe('unique IDs', () => {
  // IDs the plan takes: graphemes can hold C1 controls and line separators, which it refuses.
  const printable = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
    // eslint-disable-next-line no-control-regex
    .filter(id => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(id))

  it('keeps exactly what a Set keeps, in first-seen order, repeats counted', () => {
    fc.assert(
      fc.property(fc.array(fc.array(printable, { maxLength: 40 }), { maxLength: 5 }), lists => {
        const groups = lists.map((ids, i) => ({ kind: 'file' as const, name: `f${i}`, ids }))
        const plan = makePlan(groups, 7)
        const all = lists.flat()
        const expected = [...new Set(all)]
        expect(plan.ids).toEqual(expected)
        expect(plan.duplicates).toBe(all.length - expected.length)
        expect(plan.sources.reduce((n, s) => n + s.added, 0)).toBe(expected.length)
        expect(plan.batches.flat()).toEqual(expected)
      })
    )
  })

  it('agrees with a Set over many buckets, repeats far apart and near', () => {
    // 300,000 IDs spread over 128 buckets; a third repeat an earlier ID.
    const ids = Array.from({ length: 300_000 }, (_, i) =>
      i % 3 === 2 ? `id-${(i * 7919) % i}` : `id-${i}`
    )
    const half = ids.length / 2
    const plan = makePlan(
      [
        { kind: 'file', name: 'a', ids: ids.slice(0, half) },
        { kind: 'file', name: 'b', ids: ids.slice(half) }
      ],
      1000
    )
    const expected = [...new Set(ids)]
    expect(plan.ids).toEqual(expected)
    expect(plan.duplicates).toBe(ids.length - expected.length)
    expect(plan.sources.map(s => s.added)).toEqual([
      new Set(ids.slice(0, half)).size,
      expected.length - new Set(ids.slice(0, half)).size
    ])
  })

  it('marks first occurrences', () => {
    expect(firstOccurrences(['a', 'b', 'a', 'é', 'b', 'c'])).toEqual(
      Uint8Array.from([1, 1, 0, 1, 0, 1])
    )
    expect(firstOccurrences([])).toEqual(new Uint8Array(0))
  })

  it.each(['', 'tab\there', 'del\u007f', 'cr\r', 'c1\u0085', 'ls\u2028'])(
    'refuses the ID %j (empty or a control character)',
    bad => {
      expect(() =>
        makePlan([{ kind: 'inline', name: 'product-ids', ids: ['ok', bad] }], 10)
      ).toThrow(/empty or holds control characters/)
    }
  )

  it('names the source of an invalid ID among several', () => {
    const groups = [
      { kind: 'inline' as const, name: 'product-ids', ids: ['a', 'b'] },
      { kind: 'id-list' as const, name: 'ids/list.txt', ids: ['c', 'x\u001by'] }
    ]
    expect(() => makePlan(groups, 10)).toThrow(/^ID list ids\/list.txt gave the ID "x\\u001by"/)
  })
})
