// Reconcile's other side: every ID the repository names at head. The diff sources' files
// (`deleted-paths` read with `id-from`, `id-list-files` parsed by extension) are read from
// the git checkout at the head commit (`head` input, else HEAD), and `ids-file` adds IDs to
// keep from the workspace.
import { short } from '../diff/event.js'
import { checkoutProblem, ensureCommit, gitFiles } from '../diff/git.js'
import { namedIdsAt } from '../diff/removed-ids.js'
import { readIdFiles } from '../ids/files.js'
import type { IdFileNotes } from '../ids/formats.js'
import { namedForm } from '../ids/named-form.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'

/**
 * The named forms (see namedForm) of the IDs, what reconcile compares Miso's listing with; the
 * commit the diff sources' files were read at (undefined without them); where the IDs came
 * from, for the log.
 */
export type RepositoryIds = { ids: Set<string>; head?: string; sources: string[] }

/** The repository's IDs, read at head. Throws an Error whose message says what to give. */
export async function repositoryIds(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<RepositoryIds> {
  const { deletedPaths, idListFiles, idsFiles, workspace, idField, runnerTemp } = settings
  const fromCommit = deletedPaths.length > 0 || idListFiles.length > 0
  if (!fromCommit && idsFiles.length === 0) {
    throw new Error(
      'Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.'
    )
  }
  const result = fromCommit
    ? await namedAtHead(settings, env, log)
    : { ids: new Set<string>(), sources: [] }
  if (idsFiles.length === 0) return result
  const notes: IdFileNotes = {
    notice: message => log.notice(message),
    warning: message => log.warning(message),
    maybeId: value => result.ids.add(namedForm(value))
  }
  const options = { notes, removedWhen: settings.removedWhen }
  for (const group of await readIdFiles(idsFiles, workspace, idField, runnerTemp, options)) {
    for (const id of group.ids) result.ids.add(namedForm(id))
    result.sources.push(`ID file ${group.name}: ${group.ids.length} IDs`)
  }
  return result
}

/**
 * The IDs the matching files name at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<RepositoryIds> {
  const ctx = { cwd: settings.workspace, env, log }
  const problem = await checkoutProblem(ctx)
  if (problem) {
    throw new Error(
      `Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`
    )
  }
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
  if (skipped.length > 0) {
    log.notice(
      `${skipped.length} matching content files at ${at} name no product (e.g. ${skipped[0]}): skipped.`
    )
  }
  const named = [...byFile.values()].reduce((sum, ids) => sum + ids.length, 0)
  const files = `${byFile.size} files matching \`deleted-paths\` / \`id-list-files\``
  // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
  return { ids: new Set(byId.keys()), head, sources: [`${files} at ${at}: ${named} IDs`] }
}
