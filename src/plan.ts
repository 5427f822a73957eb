// The plan of a run: the unique IDs in the order first found, where they came
// from, and the batches to send. Pure: it takes groups and returns values.
import type { IdGroup } from './ids/id-group.js'

export interface SourceSummary {
  kind: IdGroup['kind']
  name: string
  detail?: string
  /** IDs this source gave, repeats included. */
  found: number
  /** IDs that no earlier source had given. */
  added: number
  /** The IDs this source gave, in its order (the group's own array, not a copy). */
  ids: readonly string[]
}

export interface Plan {
  ids: string[]
  sources: SourceSummary[]
  /** IDs given more than once, across or within sources. */
  duplicates: number
  batches: string[][]
}

export class PlanError extends Error {
  override name = 'PlanError'
}

export function makePlan(groups: readonly IdGroup[], batchSize: number): Plan {
  const unique = new IdSet(groups.reduce((n, g) => n + g.ids.length, 0))
  const sources: SourceSummary[] = []
  let duplicates = 0
  for (const group of groups) {
    let added = 0
    for (const id of group.ids) {
      const outcome = unique.add(id)
      if (outcome === 'repeat') {
        duplicates++
      } else if (outcome === 'invalid') {
        throw new PlanError(
          `${describeSource(group)} gave the ID ${JSON.stringify(id)}, which is empty or holds control characters.`
        )
      } else {
        added++
      }
    }
    sources.push({
      kind: group.kind,
      name: group.name,
      detail: group.detail,
      found: group.ids.length,
      added,
      ids: group.ids
    })
  }
  const ids = unique.values
  return { ids, sources, duplicates, batches: toBatches(ids, batchSize) }
}

/**
 * The unique IDs in the order first added. A Set does the same, but on a million IDs it
 * spends twice as long growing and rehashing as this table sized once up front; and the
 * hash loop also finds control characters, which almost always mean a broken file (a stray
 * CR, a binary blob) rather than a real product, and would break the one-ID-per-line file.
 */
export class IdSet {
  // Allocated once at full size too: pushing a million strings costs a fifth more.
  private readonly items: string[]
  private count = 0
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(capacity: number) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    this.items = new Array<string>(capacity)
  }

  /** The unique IDs so far, in the order first added. */
  get values(): string[] {
    return this.items.slice(0, this.count)
  }

  add(id: string): 'new' | 'repeat' | 'invalid' {
    // FNV-1a over UTF-16 code units.
    let hash = 0x811c9dc5
    let control = id.length === 0
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i)
      if (c < 0x20 || c === 0x7f) control = true
      hash = Math.imul(hash ^ c, 0x01000193)
    }
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]
      if (at === -1) {
        if (control) return 'invalid'
        if (this.count * 2 >= this.slots.length) {
          throw new Error('IdSet is full: it was sized for fewer IDs')
        }
        this.slots[slot] = this.count
        this.items[this.count++] = id
        return 'new'
      }
      if (this.items[at] === id) return 'repeat'
    }
  }
}

export function toBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size))
  return batches
}

/** The reason to refuse the run before any call, if there is one. */
export function refusal(plan: Plan, maxDeletions: number): string | undefined {
  if (maxDeletions > 0 && plan.ids.length > maxDeletions) {
    return (
      `${plan.ids.length} IDs were resolved, more than \`max-deletions\` (${maxDeletions}). ` +
      'Nothing was deleted. Check the sources below; raise `max-deletions` (0 means no limit) if this is intended.'
    )
  }
  return undefined
}

export function describeSource(group: Pick<IdGroup, 'kind' | 'name'>): string {
  switch (group.kind) {
    case 'inline':
      return 'Input `product-ids`'
    case 'file':
      return `ID file ${group.name}`
    case 'deleted-path':
      return `Deleted file ${group.name}`
    case 'id-list':
      return `ID list ${group.name}`
  }
}
