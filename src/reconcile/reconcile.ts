// Reconcile mode (`reconcile: true`): instead of a change, compare Miso with the repository.
// The repository's IDs are read first (a source is required and the set must not be empty),
// then Miso's listing; what Miso lists and the repository no longer names becomes the one
// source of IDs to delete. Guards on the size of that deletion are main's (see percentRefusal).
import { short } from '../diff/event.js'
import { checkoutProblem, ensureCommit, gitFiles } from '../diff/git.js'
import { namedIdsAt } from '../diff/removed-ids.js'
import { readIdFiles } from '../ids/formats.js'
import type { IdGroup } from '../ids/id-group.js'
import { namedForm } from '../ids/named-form.js'
import type { Log } from '../log.js'
import type { MisoClient } from '../miso/client.js'
import { failureText } from '../miso/answers.js'
import type { RecordType } from '../miso/types.js'
import type { Settings } from '../input-helper.js'

export interface ReconcileInfo {
  recordType: RecordType
  /** `reconcile-type`, when given. */
  type: string
  /** The commit the repository's files were read at, when any were. */
  head?: string
  /** Unique IDs Miso lists. */
  misoCount: number
  /** Unique IDs the repository names (files at head and `ids-file`). */
  repositoryCount: number
  /** Miso's IDs that the repository does not name: the deletion. */
  deleteCount: number
  /** IDs the repository names that Miso does not list: uploads that may be missing. */
  missingFromMiso: number
}

/**
 * The IDs to delete: what Miso lists minus what the repository names at head: the diff
 * sources' files (`deleted-paths` read with `id-from`, `id-list-files` parsed by extension)
 * from the git checkout at the head commit (`head` input, else HEAD), and `ids-file`'s IDs to
 * keep from the workspace. Throws an Error whose message says what to give.
 */
export async function resolveReconcileIds(
  settings: Settings,
  lister: Pick<MisoClient, 'listIds'>,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<{ groups: IdGroup[]; info: ReconcileInfo }> {
  const { deletedPaths, idListFiles, idsFiles, workspace, idField, runnerTemp } = settings
  const fromCommit = deletedPaths.length > 0 || idListFiles.length > 0
  if (!fromCommit && idsFiles.length === 0)
    throw new Error(
      'Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.'
    )
  // The named forms (see namedForm) of the IDs the repository names, what Miso's listing is
  // compared with; the commit the diff sources' files were read at; where the IDs came from.
  const { ids, head, sources } = fromCommit
    ? await namedAtHead(settings, env, log)
    : { ids: new Set<string>(), head: undefined, sources: [] as string[] }
  const notes = { ...log, maybeId: (value: string) => ids.add(namedForm(value)) }
  const options = { notes, removedWhen: settings.removedWhen }
  for (const group of await readIdFiles(idsFiles, workspace, idField, runnerTemp, options)) {
    for (const id of group.ids) ids.add(namedForm(id))
    sources.push(`ID file ${group.name}: ${group.ids.length} IDs`)
  }
  for (const source of sources) log.info(`Repository: ${source}.`)
  if (ids.size === 0)
    throw new Error(
      `The repository names no IDs (${sources.join('; ')}): a reconcile would delete every record Miso lists. Nothing was listed or deleted.`
    )
  const { recordType, reconcileType: type } = settings
  const what = type ? `${recordType} of type ${JSON.stringify(type)}` : recordType
  const route = `GET /v1/${recordType}/_ids${type ? `?type=${encodeURIComponent(type)}` : ''}`
  const listing = await lister.listIds(type, signal)
  if (!listing.ok) {
    throw new Error(
      `Could not list the ${what} Miso has (${route}, ${listing.attempts} attempts): ${failureText(listing.failure)}. Nothing was deleted.`
    )
  }
  const { toDelete, misoCount, missingFromMiso } = compareWithRepository(listing.ids, ids)
  log.info(
    `Miso lists ${misoCount} ${what}; the repository names ${ids.size} IDs; ${toDelete.length} listed by Miso are named nowhere in the repository.`
  )
  if (missingFromMiso > 0)
    log.notice(
      `${missingFromMiso} IDs the repository names are not in Miso's listing of ${what}: their uploads may be missing.`
    )
  const detail = 'listed by Miso, named nowhere in the repository'
  const groups: IdGroup[] = toDelete.length
    ? [{ kind: 'reconcile', name: route, ids: toDelete, detail }]
    : []
  const counts = { misoCount, repositoryCount: ids.size, deleteCount: toDelete.length }
  return { groups, info: { recordType, type, head, ...counts, missingFromMiso } }
}

/**
 * Miso's IDs that the repository does not name (in Miso's order, once each, exactly as listed),
 * and the counts. Sets are built once: a million IDs on each side take well under a second
 * (see `npm run bench`).
 */
export function compareWithRepository(misoIds: readonly string[], repository: ReadonlySet<string>) {
  const listed = [...new Set(misoIds)]
  const forms = listed.map(namedForm)
  const toDelete = listed.filter((_, i) => !repository.has(forms[i]))
  const listedForms = new Set(forms)
  const missingFromMiso = [...repository].filter(form => !listedForms.has(form)).length
  return { toDelete, misoCount: listed.length, missingFromMiso }
}

/**
 * The IDs the matching files name at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(settings: Settings, env: NodeJS.ProcessEnv, log: Log) {
  const ctx = { cwd: settings.workspace, env, log }
  const problem = await checkoutProblem(ctx)
  if (problem)
    throw new Error(
      `Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`
    )
  const head = await ensureCommit(ctx, settings.head || 'HEAD')
  const at = short(head)
  // The same reader as a diff's live set: links resolved, LFS pointers refused.
  const { unmatched, skipped, byFile, byId } = await namedIdsAt(gitFiles(ctx), head, settings, log)
  // A pattern that matches nothing leaves its products out of the repository's set, and
  // reconcile would delete them all: a typo must stop the run, not shrink what is kept.
  if (unmatched.length > 0) {
    const list = unmatched.map(u => `\`${u.input}\` pattern \`${u.pattern}\``).join(', ')
    const [match, name] = unmatched.length === 1 ? ['matches', 'it names'] : ['match', 'they name']
    throw new Error(
      `Reconcile refused: ${list} ${match} no file at ${at}, so the products ${name} would count as gone. Likely causes: a typo, or a path relative to the wrong folder (patterns are relative to the repository's root). Fix or remove the pattern. Nothing was listed or deleted.`
    )
  }
  if (skipped.length > 0)
    log.notice(
      `${skipped.length} matching content files at ${at} name no product (e.g. ${skipped[0]}): skipped.`
    )
  const named = [...byFile.values()].reduce((sum, ids) => sum + ids.length, 0)
  const files = `${byFile.size} files matching \`deleted-paths\` / \`id-list-files\``
  // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
  return { ids: new Set(byId.keys()), head, sources: [`${files} at ${at}: ${named} IDs`] }
}
