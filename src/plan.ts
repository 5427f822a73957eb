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

// Control characters in an ID almost always mean a broken file (a stray CR, a
// binary blob) rather than a real product, and they would break the one-ID-per-line file.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

export function makePlan(groups: readonly IdGroup[], batchSize: number): Plan {
  const seen = new Set<string>()
  const ids: string[] = []
  const sources: SourceSummary[] = []
  let duplicates = 0
  for (const group of groups) {
    let added = 0
    for (const id of group.ids) {
      if (seen.has(id)) {
        duplicates++
        continue
      }
      if (id === '' || CONTROL.test(id)) {
        throw new PlanError(
          `${describeSource(group)} gave the ID ${JSON.stringify(id)}, which is empty or holds control characters.`
        )
      }
      seen.add(id)
      ids.push(id)
      added++
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
  return { ids, sources, duplicates, batches: toBatches(ids, batchSize) }
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
