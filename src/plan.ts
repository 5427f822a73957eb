// The plan of a run: the unique IDs in the order first found, where they came
// from, and the batches to send. Pure: it takes groups and returns values.
import type { IdGroup } from './ids/id-group.js'
import { CONTROL } from './channel.js'
import { plural } from './plural.js'

/**
 * A source of the plan: its group (`ids` is the group's own array, not a copy); `found`: the
 * IDs it gave, repeats included; `added`: those no earlier source had given.
 */
export type SourceSummary = IdGroup & Record<'found' | 'added', number>

export interface Plan {
  ids: string[]
  sources: SourceSummary[]
  /** IDs given more than once, across or within sources. */
  duplicates: number
  batches: string[][]
}

export function makePlan(groups: readonly IdGroup[], batchSize: number): Plan {
  for (const group of groups) {
    // Almost always a broken file (a stray CR, a binary blob), and it would break ids-path.
    const bad = group.ids.find(id => id === '' || id.search(CONTROL) !== -1)
    const what = `${describeSource(group)} gave the ID ${JSON.stringify(bad)}`
    if (bad !== undefined) throw new Error(`${what}, which is empty or holds control characters.`)
  }
  const all = groups.length === 1 ? groups[0].ids : groups.flatMap(group => group.ids)
  const first = firstOccurrences(all)
  let at = 0
  const sources = groups.map(({ kind, name, detail, ids }) => {
    const added = first.subarray(at, (at += ids.length)).reduce((sum, one) => sum + one, 0)
    return { kind, name, detail, found: ids.length, added, ids }
  })
  const ids = all.filter((_, k) => first[k] === 1)
  return { ids, sources, duplicates: all.length - ids.length, batches: toBatches(ids, batchSize) }
}

/** IDs per bucket that firstOccurrences() aims for: its table then fits in the CPU cache. */
const BUCKET_IDS = 2048
const MAX_BUCKET_BITS = 16

/**
 * Marks the first occurrence of each distinct ID (`first[i]` is 1).
 *
 * A Set does the same, but on a million IDs it spends most of its time growing and
 * rehashing, and one table sized for all IDs is slow too: every lookup lands somewhere
 * random in megabytes of memory. So the IDs are hashed once (FNV-1a over UTF-16 code units),
 * sorted into buckets by the hash's top bits, and each bucket is checked with a small table.
 * docs/performance.md has the scenario and the figures.
 */
export function firstOccurrences(ids: readonly string[]): Uint8Array {
  const n = ids.length
  const hashes = new Int32Array(n)
  let bits = 1
  while (bits < MAX_BUCKET_BITS && n >> bits > BUCKET_IDS) bits++
  const shift = 32 - bits
  const buckets = 1 << bits
  // starts[b]..starts[b + 1] is bucket b's range in `order`.
  const starts = new Int32Array(buckets + 1)
  for (let k = 0; k < n; k++) {
    const id = ids[k]
    let hash = 0x811c9dc5
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
    hashes[k] = hash
    starts[(hash >>> shift) + 1]++
  }
  let largest = 0
  for (let b = 0; b < buckets; b++) {
    largest = Math.max(largest, starts[b + 1])
    starts[b + 1] += starts[b]
  }
  // Each bucket's IDs in their original order, so the first of equal IDs is met first.
  const order = new Int32Array(n)
  const fill = starts.slice(0, buckets)
  for (let k = 0; k < n; k++) order[fill[hashes[k] >>> shift]++] = k

  const size = 2 ** Math.max(4, Math.ceil(Math.log2(largest * 2)))
  const mask = size - 1
  const slots = new Int32Array(size)
  const first = new Uint8Array(n)
  for (let b = 0; b < buckets; b++) {
    slots.fill(-1)
    for (let o = starts[b]; o < starts[b + 1]; o++) {
      const k = order[o]
      const hash = hashes[k]
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const at = slots[slot]
        if (at === -1) {
          slots[slot] = k
          first[k] = 1
          break
        }
        if (hashes[at] === hash && ids[at] === ids[k]) break
      }
    }
  }
  return first
}

export function toBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size))
  return batches
}

/** The reason to refuse the run before any call, if there is one. */
export function refusal(plan: Plan, maxDeletions: number): string | undefined {
  if (maxDeletions === 0 || plan.ids.length <= maxDeletions) return undefined
  return `${plural(plan.ids.length, 'ID was', 'IDs were')} resolved, more than \`max-deletions\` (${maxDeletions}). Nothing was deleted. Check the sources below; raise \`max-deletions\` (0 means no limit) if this is intended.`
}

/**
 * A deletion as a share of the set it is taken from, for `max-deletions-percent`: `count`
 * unique IDs to delete of the `of` unique IDs in the set; `set` names it after its count (e.g.
 * `products Miso lists`); `by` says who deletes (e.g. `Reconcile`); the guard applies only to a
 * set of at least `least` IDs; `check` says what to check when the deletion is not intended.
 */
export type DeletionShare = Record<'count' | 'of' | 'least', number> &
  Record<'set' | 'by' | 'check', string>

/** A diff source's guard applies from this many IDs at base on: below it, one ID is 5%. */
export const DIFF_SHARE_LEAST = 20

/**
 * Whether `count` IDs can be refused by `max-deletions-percent` in a set of at least `least`
 * IDs, so counting the set is worth it.
 */
export function shareMayBeRefused(count: number, maxPercent: number, least: number): boolean {
  return maxPercent > 0 && count * 100 > maxPercent * least
}

/** The refusal for a deletion larger than `max-deletions-percent` of its set, if it is. */
export function percentRefusal(share: DeletionShare, maxPercent: number): string | undefined {
  const { count, of } = share
  if (maxPercent === 0 || count === 0 || of < Math.max(share.least, 1)) return undefined
  if (count * 100 <= maxPercent * of) return undefined
  const percent = ((count * 100) / of).toFixed(1)
  return `${share.by} would delete ${count} of the ${of} ${share.set} (${percent}%), more than \`max-deletions-percent\` (${maxPercent}%). Nothing was deleted. ${share.check}; raise \`max-deletions-percent\` (0 means no limit) if this is intended, or run the workflow by hand with \`dry-run: true\` to see the plan first.`
}

export function describeSource(group: Pick<IdGroup, 'kind' | 'name'>): string {
  const names: Record<IdGroup['kind'], string> = {
    inline: 'Input `product-ids`',
    file: `ID file ${group.name}`,
    'deleted-path': `Content file ${group.name}`,
    'id-list': `ID list ${group.name}`,
    'delete-list': `Delete list ${group.name}`,
    reconcile: `Miso listing ${group.name}`
  }
  return names[group.kind]
}
