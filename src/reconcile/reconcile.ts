// Reconcile mode (`reconcile: true`): instead of a change, compare Miso with the repository.
// The repository's IDs are read first (a source is required and the set must not be empty),
// then Miso's listing; what Miso lists and the repository no longer names becomes the one
// source of IDs to delete. Guards on the size of that deletion are main's (see percentRefusal).
import type { IdGroup } from '../ids/id-group.js'
import type { Log } from '../log.js'
import type { ListOutcome } from '../miso/types.js'
import type { Settings } from '../settings.js'
import { compareWithRepository, type ReconcileInfo } from './compare.js'
import { repositoryIds } from './repository-ids.js'

/** What reconcile needs from Miso: client.ts implements it. */
export interface IdLister {
  listIds(productType: string, signal: AbortSignal): Promise<ListOutcome>
}

export async function resolveReconcileIds(
  settings: Settings,
  lister: IdLister,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<{ groups: IdGroup[]; info: ReconcileInfo }> {
  const repository = await repositoryIds(settings, env, log)
  for (const source of repository.sources) log.info(`Repository: ${source}.`)
  if (repository.ids.size === 0) {
    throw new Error(
      `The repository names no IDs (${repository.sources.join('; ')}): a reconcile would delete every record Miso lists. Nothing was listed or deleted.`
    )
  }
  const { recordType, reconcileType: type } = settings
  const what = type ? `${recordType} of type ${JSON.stringify(type)}` : recordType
  const route = `GET /v1/${recordType}/_ids${type ? `?type=${encodeURIComponent(type)}` : ''}`
  const listing = await lister.listIds(type, signal)
  if (!listing.ok) {
    const { httpStatus, message } = listing.failure
    const status = httpStatus !== undefined ? `HTTP ${httpStatus}: ` : ''
    throw new Error(
      `Could not list the ${what} Miso has (${route}, ${listing.attempts} attempts): ${status}${message}. Nothing was deleted.`
    )
  }
  const { toDelete, ...counts } = compareWithRepository(listing.ids, repository.ids)
  const { misoCount, missingFromMiso } = counts
  log.info(
    `Miso lists ${misoCount} ${what}; the repository names ${repository.ids.size} IDs; ${toDelete.length} listed by Miso are named nowhere in the repository.`
  )
  if (missingFromMiso > 0) {
    log.notice(
      `${missingFromMiso} IDs the repository names are not in Miso's listing of ${what}: their uploads may be missing.`
    )
  }
  const detail = 'listed by Miso, named nowhere in the repository'
  const group: IdGroup = { kind: 'reconcile', name: route, ids: toDelete, detail }
  const { head, ids } = repository
  const info = { recordType, type, head, ...counts, repositoryCount: ids.size }
  return {
    groups: toDelete.length > 0 ? [group] : [],
    info: { ...info, deleteCount: toDelete.length }
  }
}
