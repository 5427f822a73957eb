// Reconcile's other side: every ID the repository names at head. The diff sources' files
// (`deleted-paths` read with `id-from`, `id-list-files` parsed by extension) are read from
// the git checkout at the head commit (`head` input, else HEAD), and `ids-file` adds IDs to
// keep from the workspace.
import { short } from '../diff/event.js'
import { gitFiles } from '../diff/git-comparison.js'
import { checkoutProblem, ensureCommit } from '../diff/git.js'
import { namedIdsAt } from '../diff/removed-ids.js'
import { readIdFiles } from '../ids/files.js'
import type { IdFileNotes } from '../ids/formats.js'
import { namedForm } from '../ids/named-form.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'

export interface RepositoryIds {
  /** The named forms (see namedForm) of the IDs: what reconcile compares Miso's listing with. */
  ids: Set<string>
  /** The commit the diff sources' files were read at; undefined without them. */
  head?: string
  /** Where the IDs came from, for the log. */
  sources: string[]
}

/** The repository's IDs, read at head. Throws an Error whose message says what to give. */
export async function repositoryIds(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<RepositoryIds> {
  const fromCommit = settings.deletedPaths.length > 0 || settings.idListFiles.length > 0
  if (!fromCommit && settings.idsFiles.length === 0) {
    throw new Error(
      'Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.'
    )
  }
  const result: RepositoryIds = { ids: new Set(), sources: [] }
  if (fromCommit) {
    const { head, byFile, byId } = await namedAtHead(settings, env, log)
    // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
    result.ids = new Set(byId.keys())
    result.head = head
    const named = [...byFile.values()].reduce((sum, ids) => sum + ids.length, 0)
    const files = `${byFile.size} files matching \`deleted-paths\` / \`id-list-files\``
    result.sources.push(`${files} at ${short(head)}: ${named} IDs`)
  }
  const { idsFiles, workspace, idField, runnerTemp } = settings
  if (idsFiles.length === 0) return result
  const notes: IdFileNotes = {
    notice: message => log.notice(message),
    warning: message => log.warning(message),
    maybeId: value => result.ids.add(namedForm(value))
  }
  for (const group of await readIdFiles(idsFiles, workspace, idField, runnerTemp, { notes })) {
    for (const id of group.ids) result.ids.add(namedForm(id))
    result.sources.push(`ID file ${group.name}: ${group.ids.length} IDs`)
  }
  return result
}

/**
 * The IDs each matching file names at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<{ head: string; byFile: Map<string, string[]>; byId: Map<string, string> }> {
  const ctx = { cwd: settings.workspace, env, log }
  const problem = await checkoutProblem(ctx)
  if (problem) {
    throw new Error(
      `Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`
    )
  }
  const head = await ensureCommit(ctx, settings.head || 'HEAD')
  // The same reader as a diff's live set: links resolved, LFS pointers refused.
  const named = await namedIdsAt(gitFiles(ctx), head, settings, log)
  // A pattern that matches nothing leaves its products out of the repository's set, and
  // reconcile would delete them all: a typo must stop the run, not shrink what is kept.
  if (named.unmatched.length > 0) {
    const list = named.unmatched.map(u => `\`${u.input}\` pattern \`${u.pattern}\``).join(', ')
    throw new Error(
      `Reconcile refused: ${list} ${named.unmatched.length === 1 ? 'matches' : 'match'} no file at ${short(head)}, so the products ${named.unmatched.length === 1 ? 'it names' : 'they name'} would count as gone. Fix or remove the pattern. Nothing was listed or deleted.`
    )
  }
  if (named.skipped.length > 0) {
    log.notice(
      `${named.skipped.length} matching content files at ${short(head)} name no product (e.g. ${named.skipped[0]}): skipped.`
    )
  }
  return { head, byFile: named.byFile, byId: named.byId }
}
