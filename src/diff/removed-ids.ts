// The IDs a change removes from the repository (the contract's "Which products a change
// removes"): candidates are the IDs at base of every matching file the change deleted,
// renamed or edited; live are the IDs that any matching file names at the result; the
// deleted set is candidates − live. Moving a product between files never deletes it.
import type { IdGroup } from '../ids/id-group.js'
import { namedForm } from '../ids/named-form.js'
import { DIFF_SHARE_LEAST, shareMayBeRefused } from '../plan.js'
import { plural } from '../plural.js'
import { type IdFileNotes, parseIds } from '../ids/formats.js'
import { pathPatterns, type PathPatterns } from '../patterns.js'
import type { IdFrom } from '../settings.js'
import { type CommitFiles, UnreadableFileError } from './commit-files.js'
import type { Comparison, FileChange } from './comparison.js'
import { short } from './event.js'
import { idFromText, missingField, productId, readsContent } from './product-id.js'

export interface DiffRules {
  /** `deleted-paths` patterns. */
  deletedPaths: string[]
  idFrom: IdFrom
  /** `id-list-files` patterns. */
  idListFiles: string[]
  idField: string
  /** `max-deletions-percent`: when it can refuse, the IDs named at base are counted. */
  maxDeletionsPercent?: number
}

/** The IDs a commit names through the diff sources' files. */
export interface NamedIds {
  /** An ID's named form (see namedForm) → the first file (in path order) that names it. */
  byId: Map<string, string>
  /** File → the IDs it names, for every matching file that names any. */
  byFile: Map<string, string[]>
  /** Matching content files that carry no ID (e.g. Hugo's `_index.md`), in path order. */
  skipped: string[]
  /** Matching submodules: not files, never read. */
  submodules: string[]
  /** Plain patterns (with their input) that match no file at the commit: likely typos. */
  unmatched: { input: 'deleted-paths' | 'id-list-files'; pattern: string }[]
}

export interface RemovedIds {
  groups: IdGroup[]
  /** Candidates not deleted, each with the file at the result that still names it. */
  kept: { id: string; path: string }[]
  /** Matching content files without an ID (at base or at the result), in path order. */
  skipped: string[]
  notices: string[]
  /** How ambiguous lists were read (formats.ts), each once. */
  warnings: string[]
  /** Counted only when `max-deletions-percent` could refuse the deletion. */
  share?: BaseShare
}

/** Unique IDs (named forms) a change deletes, of those every matching file named at base. */
export interface BaseShare {
  deleting: number
  named: number
}

/** One matching file the change deleted, renamed or edited: its IDs at base are candidates. */
interface Candidate {
  kind: 'deleted-path' | 'id-list'
  basePath: string
  /** The file's path at head, unless the change deleted it. */
  headPath?: string
  detail: string
}

/**
 * Every ID named at `commit` by the files matching `deletedPaths` (read with `idFrom`) and
 * `idListFiles`. Throws naming file and commit for a file that cannot be read or parsed.
 */
export async function namedIdsAt(
  files: CommitFiles,
  commit: string,
  rules: DiffRules,
  notes?: IdFileNotes
): Promise<NamedIds> {
  const { content, lists } = patternsOf(rules)
  const paths = (await files.paths(commit)).sort(byPath)
  const contentPaths = paths.filter(p => content.chooses(p))
  const listPaths = paths.filter(p => lists.chooses(p))
  // A header row that may be an ID keeps its product, as a named ID does (see IdFileNotes).
  const maybe: [string, string][] = []
  const reading: IdFileNotes = {
    notice: message => notes?.notice(message),
    warning: message => notes?.warning(message),
    maybeId: (value, file) => maybe.push([namedForm(value), file])
  }
  const ids = await idsOfFiles(files, commit, contentPaths, listPaths, rules, reading)
  const submodules = (await files.submodules(commit))
    .filter(p => content.chooses(p) || lists.chooses(p))
    .sort(byPath)
  const byId = new Map<string, string>()
  for (const [file, named] of ids.byFile) {
    for (const form of named.map(namedForm)) if (!byId.has(form)) byId.set(form, file)
  }
  for (const [form, file] of maybe) if (!byId.has(form)) byId.set(form, file)
  const unmatched = [
    ...content.plain
      .filter(pattern => !paths.some(p => content.matchesPlain(pattern, p)))
      .map(pattern => ({ input: 'deleted-paths' as const, pattern })),
    ...lists.plain
      .filter(pattern => !paths.some(p => lists.matchesPlain(pattern, p)))
      .map(pattern => ({ input: 'id-list-files' as const, pattern }))
  ]
  return { byId, byFile: ids.byFile, skipped: ids.skipped, submodules, unmatched }
}

export async function removedIds(cmp: Comparison, rules: DiffRules): Promise<RemovedIds> {
  const result: RemovedIds = { groups: [], kept: [], skipped: [], notices: [], warnings: [] }
  const notes = onceEach(result)
  const patterns = patternsOf(rules)
  // In path order at base, so git and the REST API report alike.
  const changes = [...cmp.changes].sort((a, b) =>
    byPath(pathAtBase(a) ?? a.path, pathAtBase(b) ?? b.path)
  )
  const unmatched = noMatchNotice(changes, rules, patterns)
  if (unmatched) result.notices.push(unmatched)
  const submodules = new Set<string>()
  const candidates: Candidate[] = []
  for (const change of changes) {
    if (change.submodule) {
      for (const p of [change.path, change.oldPath]) if (p && chosen(patterns, p)) submodules.add(p)
      continue
    }
    candidates.push(...candidatesOf(change, patterns))
  }
  if (candidates.length > 0) {
    const range = `${short(cmp.base)}..${short(cmp.head)}`
    // The result first: a file unreadable there is to be fixed; one only at base cannot be.
    const live = await namedIdsAt(cmp, cmp.result, rules, notes)
    const atBase = await idsOfFiles(
      cmp,
      cmp.base,
      candidates.filter(c => c.kind === 'deleted-path').map(c => c.basePath),
      candidates.filter(c => c.kind === 'id-list').map(c => c.basePath),
      rules,
      notes
    ).catch((error: unknown) => {
      throw unreadableAtBase(error, cmp)
    })
    const noId = await goneWithoutId(cmp, candidates, atBase.skipped, rules.idFrom)
    if (noId) result.notices.push(noId)
    for (const p of live.submodules) submodules.add(p)
    const own = await ownIdsAtHead(cmp, candidates, patterns, rules, live, notes)
    result.skipped = [...new Set([...atBase.skipped, ...live.skipped, ...own.skipped])].sort(byPath)
    const keptIds = new Set<string>()
    for (const candidate of candidates) {
      const before = unique(atBase.byFile.get(candidate.basePath) ?? [])
      // What the change itself left in the file is not removed by it, whatever the result
      // holds (the base branch may have removed it meanwhile: that is another run's change).
      const inPlace = ownPath(candidate, patterns)
        ? own.byFile.get(candidate.headPath as string)
        : []
      const stays = new Set((inPlace ?? []).map(namedForm))
      const removed: string[] = []
      for (const id of before) {
        // Whether an ID is still named is decided on its named form; the ID deleted is as written.
        const form = namedForm(id)
        if (stays.has(form)) continue
        const keeper = live.byId.get(form)
        if (keeper === undefined) removed.push(id)
        else if (!keptIds.has(id)) {
          keptIds.add(id)
          result.kept.push({ id, path: keeper })
        }
      }
      if (removed.length === 0) continue
      result.groups.push({
        kind: candidate.kind,
        name: candidate.basePath,
        ids: removed,
        detail:
          candidate.kind === 'id-list'
            ? listDetail(candidate, range, removed, before)
            : candidate.detail
      })
    }
  }
  result.share = await shareOfBase(cmp, rules, result.groups)
  if (submodules.size > 0) result.notices.push(submoduleNotice([...submodules].sort(byPath)))
  return result
}

/**
 * The unique IDs the change deletes, of those every matching file named at base: what
 * `max-deletions-percent` measures a diff against. Every matching file at base is read, so
 * only when the guard could refuse. A list's header row that may be an ID is not counted.
 */
async function shareOfBase(
  cmp: Comparison,
  rules: DiffRules,
  groups: IdGroup[]
): Promise<BaseShare | undefined> {
  const deleting = new Set(groups.flatMap(g => g.ids.map(namedForm))).size
  if (!shareMayBeRefused(deleting, rules.maxDeletionsPercent ?? 0, DIFF_SHARE_LEAST)) return
  // Its notes were given when the change's files were read, or are the result's.
  const named = await namedIdsAt(cmp, cmp.base, rules).catch((error: unknown) => {
    throw unreadableAtBase(error, cmp)
  })
  return { deleting, named: new Set([...named.byFile.values()].flat().map(namedForm)).size }
}

/**
 * The file at head whose IDs the change kept in place: the same page (a moved page is
 * reported as kept, with where it went), or the same list, renamed or not.
 */
function ownPath(candidate: Candidate, patterns: Patterns): boolean {
  const { headPath, basePath, kind } = candidate
  if (headPath === undefined) return false
  return kind === 'id-list'
    ? patterns.lists.chooses(headPath)
    : headPath === basePath && patterns.content.chooses(headPath)
}

/** The IDs the candidates' own files name at head (at the result when that is head). */
async function ownIdsAtHead(
  cmp: Comparison,
  candidates: Candidate[],
  patterns: Patterns,
  rules: DiffRules,
  live: NamedIds,
  notes: IdFileNotes
): Promise<{ byFile: Map<string, string[]>; skipped: string[] }> {
  if (cmp.result === cmp.head) return { byFile: live.byFile, skipped: [] }
  const paths = (kind: Candidate['kind']) =>
    candidates.filter(c => c.kind === kind && ownPath(c, patterns)).map(c => c.headPath as string)
  return idsOfFiles(cmp, cmp.head, paths('deleted-path'), paths('id-list'), rules, notes)
}

/** What the change did to a matching file, as candidates (a path may match both inputs). */
function candidatesOf(change: FileChange, patterns: Patterns): Candidate[] {
  const basePath = pathAtBase(change)
  if (basePath === undefined) return []
  const headPath = change.status === 'deleted' ? undefined : change.path
  const detail =
    change.status === 'renamed'
      ? `renamed to ${change.path}`
      : change.status === 'deleted'
        ? 'deleted'
        : 'edited'
  const found: Candidate[] = []
  if (patterns.content.chooses(basePath))
    found.push({ kind: 'deleted-path', basePath, headPath, detail })
  if (patterns.lists.chooses(basePath)) found.push({ kind: 'id-list', basePath, headPath, detail })
  return found
}

function listDetail(candidate: Candidate, range: string, removed: string[], before: string[]) {
  const counts =
    removed.length < before.length
      ? `${removed.length} of ${plural(before.length, 'ID')} removed`
      : removed.length === 1
        ? 'its one ID removed'
        : `all ${removed.length} IDs removed`
  return `${candidate.detail} in ${range}: ${counts}`
}

/** The IDs each file names at `commit`: content files through `id-from`, ID lists parsed. */
async function idsOfFiles(
  files: CommitFiles,
  commit: string,
  contentPaths: string[],
  listPaths: string[],
  rules: DiffRules,
  notes: IdFileNotes | undefined
): Promise<{ byFile: Map<string, string[]>; skipped: string[] }> {
  const toRead = [...new Set([...(readsContent(rules.idFrom) ? contentPaths : []), ...listPaths])]
  const texts = toRead.length > 0 ? await files.read(commit, toRead) : new Map<string, string>()
  const byFile = new Map<string, string[]>()
  const skipped: string[] = []
  const add = (file: string, ids: string[]) =>
    byFile.set(file, [...(byFile.get(file) ?? []), ...ids])
  for (const file of contentPaths) {
    const id = productId(rules.idFrom, file, commit, texts.get(file))
    if (id === undefined) skipped.push(file)
    else add(file, [id])
  }
  for (const file of listPaths)
    add(file, idsOf(texts.get(file) ?? '', file, commit, rules.idField, notes))
  return { byFile: new Map([...byFile].sort(([a], [b]) => byPath(a, b))), skipped }
}

function idsOf(
  text: string,
  file: string,
  commit: string,
  idField: string,
  notes: IdFileNotes | undefined
): string[] {
  try {
    return parseIds(text, file, idField, notes)
  } catch (error) {
    const message = `${(error as Error).message} (at ${short(commit)})`
    throw new UnreadableFileError(file, commit, message, undefined, { cause: error })
  }
}

/**
 * A file unreadable at the change's base: no later commit can fix it, so say the ways on
 * (the next run would fail the same way).
 */
function unreadableAtBase(error: unknown, cmp: Comparison): unknown {
  if (!(error instanceof UnreadableFileError)) return error
  const base = short(cmp.base)
  return new UnreadableFileError(
    error.file,
    error.commit,
    `${error.message.replace(/\.$/, '')}. ${base} is the base commit of the change ${base}..${short(cmp.head)}, so no later commit can change it: to go on, run the workflow by hand with the \`base\` input set to a commit after ${base} whose files can be read, or run once with \`reconcile: true\``,
    'Nothing was sent to Miso. Running this change again fails the same way: take one of the ways on that the error gives.',
    { cause: error }
  )
}

/**
 * When `id-from` finds no ID in any matching file the change deleted or renamed (and none has
 * the field set to null), it almost certainly names the wrong field: fail, rather than pass as
 * "nothing to delete". Otherwise one notice names the files without an ID.
 */
async function goneWithoutId(
  cmp: Comparison,
  candidates: Candidate[],
  skippedAtBase: string[],
  idFrom: IdFrom
): Promise<string | undefined> {
  const skipped = new Set(skippedAtBase)
  const gone = candidates.filter(c => c.kind === 'deleted-path' && c.headPath !== c.basePath)
  const without = gone.map(c => c.basePath).filter(p => skipped.has(p))
  if (without.length === 0) return undefined
  const what = gone.some(c => c.headPath !== undefined) ? 'deleted or renamed' : 'deleted'
  const files = gone.length === 1 ? `${what} file` : `${what} files`
  const using = `id-from \`${idFromText(idFrom)}\``
  if (without.length === gone.length) {
    const texts = await cmp.read(cmp.base, without)
    const why = without.map(p => missingField(idFrom, p, cmp.base, texts.get(p) ?? ''))
    if (why.every(w => w !== undefined)) {
      const which = gone.length === 1 ? `the ${files}` : `any of the ${gone.length} ${files}, e.g.`
      throw new Error(
        `${using} found no ID in ${which} ${without[0]}; ${why[0]}. Check \`id-from\`; if these files are no product pages, leave them out of \`deleted-paths\` with a \`!\` pattern.`
      )
    }
  }
  const count =
    without.length < gone.length
      ? `${without.length} of the ${gone.length}`
      : gone.length === 1
        ? 'the'
        : `all ${gone.length}`
  const shown = without.slice(0, 10).join(', ') + (without.length > 10 ? ', …' : '')
  return `${using} found no ID in ${count} ${files}, skipped as ${without.length === 1 ? 'not a product' : 'not products'}: ${shown}.`
}

/** Readers' notes into `into`, each once: a list is read at base and at the result alike. */
function onceEach(into: { notices: string[]; warnings: string[] }): IdFileNotes {
  const seen = new Set<string>()
  const once = (list: string[]) => (message: string) => {
    if (seen.has(message)) return
    seen.add(message)
    list.push(message)
  }
  return { notice: once(into.notices), warning: once(into.warnings) }
}

interface Patterns {
  content: PathPatterns
  lists: PathPatterns
}

function patternsOf(rules: DiffRules): Patterns {
  return {
    content: pathPatterns(rules.deletedPaths, 'deleted-paths'),
    lists: pathPatterns(rules.idListFiles, 'id-list-files')
  }
}

function chosen(patterns: Patterns, path: string): boolean {
  return patterns.content.chooses(path) || patterns.lists.chooses(path)
}

/**
 * When the change touched files but no pattern chose any of them: how many changed and
 * which patterns matched none, so a typo never passes as "nothing to delete".
 */
function noMatchNotice(
  changes: FileChange[],
  rules: DiffRules,
  patterns: Patterns
): string | undefined {
  const paths = changes.flatMap(c => (c.oldPath ? [c.oldPath, c.path] : [c.path]))
  if (paths.length === 0 || paths.some(p => chosen(patterns, p))) return undefined
  const inputs = [
    ['deleted-paths', rules.deletedPaths, patterns.content],
    ['id-list-files', rules.idListFiles, patterns.lists]
  ] as const
  const why: string[] = []
  for (const [input, given, rule] of inputs) {
    if (given.length === 0) continue
    if (rule.plain.length === 0) {
      why.push(`\`${input}\` has only \`!\` patterns, which choose nothing`)
      continue
    }
    const none = rule.plain.filter(pattern => !paths.some(p => rule.matchesPlain(pattern, p)))
    const excludedOnly = rule.plain.filter(pattern => !none.includes(pattern))
    if (none.length > 0)
      why.push(
        `\`${input}\` ${none.length === 1 ? 'pattern' : 'patterns'} ${none.map(p => `\`${p}\``).join(', ')} matched no changed file`
      )
    if (excludedOnly.length > 0)
      why.push(
        `every changed file that \`${input}\` ${excludedOnly.length === 1 ? 'pattern' : 'patterns'} ${excludedOnly.map(p => `\`${p}\``).join(', ')} matched is left out by a \`!\` pattern`
      )
  }
  return `The change touched ${plural(changes.length, 'file')}, but none matched the diff source's patterns, so it removes nothing: ${why.join('; ')}. Check the patterns for a typo.`
}

function submoduleNotice(paths: string[]): string {
  const shown = paths.slice(0, 5).join(', ')
  const more = paths.length > 5 ? ` and ${paths.length - 5} more` : ''
  return `${plural(paths.length, 'submodule')} ${paths.length === 1 ? 'matches' : 'match'} the diff source's patterns and ${paths.length === 1 ? 'is' : 'are'} skipped (a submodule is another repository's commit, not a file): ${shown}${more}.`
}

/** The file's path at base, or undefined for a file the change added. */
function pathAtBase(change: FileChange): string | undefined {
  if (change.status === 'added') return undefined
  return change.status === 'renamed' ? change.oldPath : change.path
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}
