// The IDs a change removes from the repository (the contract's "Which products a change
// removes"): candidates are the IDs at base of every matching file the change deleted,
// renamed or edited; live are the IDs that any matching file names at the result; the
// deleted set is candidates − live. Moving a product between files never deletes it. The IDs
// a change adds to a `delete-list-files` list are candidates too.
import type { IdGroup } from '../ids/id-group.js'
import { namedForm } from '../ids/named-form.js'
import { DIFF_SHARE_LEAST, shareMayBeRefused } from '../plan.js'
import { plural } from '../plural.js'
import { type IdFileNotes, parseIds } from '../ids/formats.js'
import { pathPatterns, type PathPatterns } from '../patterns.js'
import type { IdFrom, Settings } from '../input-helper.js'
import { type CommitFiles, UnreadableFileError } from './commit-files.js'
import type { Comparison, FileChange } from './comparison.js'
import { firstOf, short } from './event.js'
import { idFromText, missingField, productIds, readsContent } from './product-id.js'

/** The IDs each file names at a commit, and the matching content files that name none. */
interface FileIds {
  /** File → the IDs it names, in path order, for every matching file that names any. */
  byFile: Map<string, string[]>
  /** Matching content files that carry no ID (e.g. Hugo's `_index.md`), in path order. */
  skipped: string[]
}

/** The IDs a commit names through the diff sources' files. */
export interface NamedIds extends FileIds {
  /** An ID's named form (see namedForm) → the first file (in path order) that names it. */
  byId: Map<string, string>
  /** Matching submodules: not files, never read. */
  submodules: string[]
  /** Plain patterns (with their input) that match no file at the commit: likely typos. */
  unmatched: { input: Input; pattern: string }[]
}

export interface RemovedIds {
  groups: IdGroup[]
  /** Candidates not deleted, each with the file at the result that still names it. */
  kept: { id: string; path: string }[]
  /** Matching content files without an ID (at base or at the result), in path order. */
  skipped: string[]
  notices: string[]
  /** When the change touched files but none matched: a plain line for the log. */
  nothingMatched?: string
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

type Input = 'deleted-paths' | 'id-list-files' | 'delete-list-files'
type Kind = 'deleted-path' | 'id-list' | 'delete-list'

/** One matching file the change deleted, renamed or edited: its IDs at base are candidates. */
interface Candidate {
  kind: Kind
  basePath: string
  /** The file's path at head, unless the change deleted it. */
  headPath?: string
  /** Whether `headPath` is its own file, whose IDs the change kept in place (candidatesOf). */
  own: boolean
  detail: string
}

/** Each input's patterns, and the kind of group its files give. */
type Patterns = { input: Input; kind: Kind; given: string[]; rule: PathPatterns }[]

/** The patterns of the files that name live products, then of the "to delete" lists. */
function patternsOf(rules: Settings): Patterns {
  return [
    { input: 'deleted-paths', kind: 'deleted-path', given: rules.deletedPaths },
    { input: 'id-list-files', kind: 'id-list', given: rules.idListFiles },
    { input: 'delete-list-files', kind: 'delete-list', given: rules.deleteListFiles }
  ].map(p => ({ ...p, rule: pathPatterns(p.given, p.input) }) as Patterns[number])
}

function chosen(patterns: Patterns, path: string): boolean {
  return patterns.some(p => p.rule.chooses(path))
}

/** The plain patterns of `rule` that match none of `paths`. */
function unmatchedOf(rule: PathPatterns, paths: string[]): string[] {
  return rule.plain.filter(pattern => !paths.some(path => rule.matchesPlain(pattern, path)))
}

/** The paths a change touched: both names of a renamed file. */
function touchedBy(changes: FileChange[]): string[] {
  return changes.flatMap(c => (c.oldPath ? [c.oldPath, c.path] : [c.path]))
}

/**
 * Every ID named at `commit` by the files matching `deletedPaths` (read with `idFrom`) and
 * `idListFiles`. Throws naming file and commit for a file that cannot be read or parsed.
 */
export async function namedIdsAt(
  files: CommitFiles,
  commit: string,
  rules: Settings,
  notes?: IdFileNotes
): Promise<NamedIds> {
  const patterns = patternsOf(rules).slice(0, 2)
  const paths = (await files.paths(commit)).sort(byPath)
  const [content, lists] = patterns.map(p => paths.filter(path => p.rule.chooses(path)))

  // A header row that may be an ID keeps its product, as a named ID does (see IdFileNotes).
  const maybe: [string, string][] = []
  const reading: IdFileNotes = {
    ...(notes ?? { notice() {}, warning() {} }),
    maybeId: (value, file) => maybe.push([namedForm(value), file])
  }
  const { byFile, skipped } = await idsOfFiles(files, commit, [content, lists], rules, reading)
  const submodules = (await files.submodules(commit)).filter(p => chosen(patterns, p))
  const byId = new Map<string, string>()
  const named = [...byFile].flatMap(([file, ids]) => ids.map(id => [namedForm(id), file]))
  for (const [form, file] of [...named, ...maybe]) if (!byId.has(form)) byId.set(form, file)
  const unmatched = patterns.flatMap(({ input, rule }) =>
    unmatchedOf(rule, paths).map(pattern => ({ input, pattern }))
  )
  return { byId, byFile, skipped, submodules: submodules.sort(byPath), unmatched }
}

export async function removedIds(cmp: Comparison, rules: Settings): Promise<RemovedIds> {
  const result: RemovedIds = { groups: [], kept: [], skipped: [], notices: [], warnings: [] }
  const all = patternsOf(rules)
  // In path order at base, so git and the REST API report alike.
  const changes = [...cmp.changes].sort((a, b) => byPath(a.oldPath ?? a.path, b.oldPath ?? b.path))
  await refuseTypos(cmp, changes, all)
  result.nothingMatched = noMatchLine(changes, all)
  const submodules = touchedBy(changes.filter(c => c.submodule)).filter(p => chosen(all, p))
  const files = changes.filter(c => !c.submodule)
  const candidates = files.flatMap(c => candidatesOf(c, all.slice(0, 2)))
  const added = await addedToLists(cmp, files, all[2].rule, rules, onceEach(result))
  if (candidates.length > 0 || added.length > 0) {
    submodules.push(...(await decide(cmp, candidates, added, rules, result)))
  }
  result.share = await shareOfBase(cmp, rules, result.groups)
  if (submodules.length > 0) result.notices.push(submoduleNotice(submodules))
  return result
}

/**
 * A plain pattern that matches no file at the result and no file the change touched is a typo
 * (or a path from the wrong folder): refused, or the run would quietly delete nothing forever.
 * A pattern whose last file the change deleted still matches that file, so it passes. A file
 * that is both a live list and a "to delete" list is refused: its changes read both ways.
 */
async function refuseTypos(cmp: Comparison, changes: FileChange[], patterns: Patterns) {
  const given = patterns.filter(p => p.rule.plain.length > 0)
  if (given.length === 0) return
  const paths = [...touchedBy(changes), ...(await cmp.paths(cmp.result))]
  const typos = given.flatMap(({ input, rule }) =>
    unmatchedOf(rule, paths).map(pattern => `\`${input}\` pattern \`${pattern}\``)
  )
  const both = paths.find(path => patterns[1].rule.chooses(path) && patterns[2].rule.chooses(path))
  if (both !== undefined) {
    throw new Error(
      `${both} matches both \`id-list-files\` (IDs of live products: a removed line deletes it) and \`delete-list-files\` (IDs to delete: an added line deletes it), which read its changes the opposite way. Leave it out of one of them with a \`!\` pattern.`
    )
  }
  if (typos.length === 0) return
  const [what, match] = typos.length === 1 ? [typos[0], 'matches'] : [typos.join(', '), 'match']
  throw new Error(
    `${what} ${match} no file at ${short(cmp.result)} (the repository after the change) and no file the change touched, so nothing was deleted. Likely causes: a typo, or a path that does not start at the repository's root (patterns are relative to it, with \`/\` separators).`
  )
}

/**
 * Fills `result` with the candidates' groups and kept IDs; returns the matching submodules
 * at the result. The result is read first: a file unreadable there is to be fixed, one
 * unreadable only at base cannot be.
 */
async function decide(
  cmp: Comparison,
  candidates: Candidate[],
  added: IdGroup[],
  rules: Settings,
  result: RemovedIds
): Promise<string[]> {
  const notes = onceEach(result)
  // The candidates' files at base, or their own files at head: [content files, ID lists].
  const paths = (at: 'basePath' | 'headPath') =>
    (['deleted-path', 'id-list'] as const).map(kind =>
      candidates.filter(c => c.kind === kind && (at === 'basePath' || c.own)).map(c => c[at] ?? '')
    ) as [string[], string[]]
  const live = await namedIdsAt(cmp, cmp.result, rules, notes)
  const atBase = await idsOfFiles(cmp, cmp.base, paths('basePath'), rules, notes)
  const noId = await goneWithoutId(cmp, candidates, atBase.skipped, rules.idFrom)
  if (noId) result.notices.push(noId)
  // What the change itself left in its own files is not removed by it, whatever the result
  // holds (the base branch may have removed it meanwhile: that is another run's change).
  const own = await idsOfFiles(cmp, cmp.head, paths('headPath'), rules, notes)
  result.skipped = [...new Set([...atBase.skipped, ...live.skipped, ...own.skipped])].sort(byPath)
  const range = `${short(cmp.base)}..${short(cmp.head)}`
  const isLive = (id: string) => live.byId.has(namedForm(id))
  // Whether an ID is still named is decided on its named form; the ID deleted is as written.
  const groups = candidates.map(candidate => {
    const before = [...new Set(atBase.byFile.get(candidate.basePath))]
    const inPlace = candidate.own ? (own.byFile.get(candidate.headPath ?? '') ?? []) : []
    const stays = new Set(inPlace.map(namedForm))
    const { kind, basePath: name } = candidate
    const ids = before.filter(id => !stays.has(namedForm(id)))
    const removed = ids.filter(id => !isLive(id))
    const detail = kind === 'id-list' ? listDetail(candidate.detail, range, removed, before) : ''
    return { kind, name, ids, detail: detail || candidate.detail }
  })
  const kept = new Map<string, string>()
  for (const group of [...groups, ...added]) {
    for (const id of group.ids.filter(id => isLive(id) && !kept.has(id)))
      kept.set(id, live.byId.get(namedForm(id)) as string)
    const ids = group.ids.filter(id => !isLive(id))
    if (ids.length > 0) result.groups.push({ ...group, ids })
  }
  result.kept = [...kept].map(([id, path]) => ({ id, path }))
  return live.submodules
}

/**
 * The IDs the change added to the "to delete" lists: named at the result by a list it added,
 * renamed or edited, and by none of the lists it edited, renamed or deleted at base (an ID
 * moved between two lists is not added). One group per list.
 */
async function addedToLists(
  cmp: Comparison,
  changes: FileChange[],
  rule: PathPatterns,
  rules: Settings,
  notes: IdFileNotes
): Promise<IdGroup[]> {
  const changed = changes.filter(c => c.status !== 'deleted' && rule.chooses(c.path))
  if (changed.length === 0) return []
  // The base branch may have removed a list since: it names nothing at the result.
  const atResult = new Set(await cmp.paths(cmp.result))
  const now = changed.map(c => c.path).filter(p => atResult.has(p))
  const earlier = changes.filter(c => c.status !== 'added').map(c => c.oldPath ?? c.path)
  const after = await idsOfFiles(cmp, cmp.result, [[], now], rules, notes)
  const before = await idsOfFiles(cmp, cmp.base, [[], earlier.filter(rule.chooses)], rules, notes)
  const there = new Set([...before.byFile.values()].flat().map(namedForm))
  const detail = `added in ${short(cmp.base)}..${short(cmp.head)}`
  return [...after.byFile].flatMap(([name, ids]) => {
    const fresh = [...new Set(ids)].filter(id => !there.has(namedForm(id)))
    return fresh.length > 0 ? [{ kind: 'delete-list' as const, name, ids: fresh, detail }] : []
  })
}

/**
 * The unique IDs the change deletes, of those every matching file named at base: what
 * `max-deletions-percent` measures a diff against. Every matching file at base is read, so
 * only when the guard could refuse. A list's header row that may be an ID is not counted.
 */
async function shareOfBase(
  cmp: Comparison,
  rules: Settings,
  groups: IdGroup[]
): Promise<BaseShare | undefined> {
  const deleting = new Set(groups.flatMap(g => g.ids.map(namedForm))).size
  if (!shareMayBeRefused(deleting, rules.maxDeletionsPercent, DIFF_SHARE_LEAST)) return
  // Its notes were given when the change's files were read, or are the result's.
  const named = await namedIdsAt(cmp, cmp.base, rules)
  return { deleting, named: new Set([...named.byFile.values()].flat().map(namedForm)).size }
}

/**
 * What the change did to a matching file, as candidates (a path may match both inputs). Its
 * own file at head is the same page (a moved page is reported as kept, with where it went),
 * or the same list, renamed or not.
 */
function candidatesOf(change: FileChange, patterns: Patterns): Candidate[] {
  if (change.status === 'added') return []
  const basePath = change.oldPath ?? change.path
  const headPath = change.status === 'deleted' ? undefined : change.path
  const detail = { renamed: `renamed to ${change.path}`, deleted: 'deleted', modified: 'edited' }
  return patterns
    .filter(p => p.rule.chooses(basePath))
    .map(({ kind, rule }) => ({
      kind,
      basePath,
      headPath,
      own: !!headPath && rule.chooses(headPath) && (kind === 'id-list' || headPath === basePath),
      detail: detail[change.status as keyof typeof detail]
    }))
}

function listDetail(detail: string, range: string, removed: string[], before: string[]) {
  const counts =
    removed.length < before.length
      ? `${removed.length} of ${plural(before.length, 'ID')} removed`
      : removed.length === 1
        ? 'its one ID removed'
        : `all ${removed.length} IDs removed`
  return `${detail} in ${range}: ${counts}`
}

/**
 * The IDs each file names at `commit`: content files through `id-from`, ID lists parsed. A file
 * unreadable at a change's base cannot be fixed by a later commit: the error says the ways on.
 */
async function idsOfFiles(
  files: CommitFiles,
  commit: string,
  [contentPaths, listPaths]: string[][],
  rules: Settings,
  notes: IdFileNotes | undefined
): Promise<FileIds> {
  const byFile = new Map<string, string[]>()
  const skipped: string[] = []
  const add = (file: string, ids: string[]) =>
    byFile.set(file, [...(byFile.get(file) ?? []), ...ids])
  const readContent = readsContent(rules.idFrom) || rules.removedWhen.length > 0
  const toRead = [...new Set([...(readContent ? contentPaths : []), ...listPaths])]
  try {
    const texts = toRead.length > 0 ? await files.read(commit, toRead) : new Map<string, string>()
    for (const file of contentPaths) {
      const ids = productIds(rules.idFrom, file, commit, texts.get(file), rules.removedWhen)
      if (ids === undefined) skipped.push(file)
      else add(file, ids)
    }
    const options = { notes, removedWhen: rules.removedWhen }
    for (const file of listPaths) {
      try {
        add(file, parseIds(texts.get(file) ?? '', file, rules.idField, options))
      } catch (error) {
        const message = `${(error as Error).message} (at ${short(commit)})`
        throw new UnreadableFileError(file, commit, message, undefined, { cause: error })
      }
    }
  } catch (error) {
    const cmp = files as Partial<Comparison>
    if (!(error instanceof UnreadableFileError) || commit !== cmp.base) throw error
    const base = short(commit)
    throw new UnreadableFileError(
      error.file,
      error.commit,
      `${error.message.replace(/\.$/, '')}. ${base} is the base commit of the change ${base}..${short(cmp.head ?? '')}, so no later commit can change it: to go on, run the workflow by hand with the \`base\` input set to a commit after ${base} whose files can be read, or run once with \`reconcile: true\``,
      'Nothing was sent to Miso. Running this change again fails the same way: take one of the ways on that the error gives.',
      { cause: error }
    )
  }
  return { byFile: new Map([...byFile].sort(([a], [b]) => byPath(a, b))), skipped }
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
  const gone = candidates.filter(c => c.kind === 'deleted-path' && c.headPath !== c.basePath)
  const without = gone.map(c => c.basePath).filter(p => skippedAtBase.includes(p))
  if (without.length === 0) return undefined
  const what = gone.some(c => c.headPath !== undefined) ? 'deleted or renamed' : 'deleted'
  const files = gone.length === 1 ? `${what} file` : `${what} files`
  const using = `id-from \`${idFromText(idFrom)}\``
  const texts = without.length === gone.length ? await cmp.read(cmp.base, without) : undefined
  const why = without.map(p => texts && missingField(idFrom, p, cmp.base, texts.get(p) ?? ''))
  if (why.every(w => w !== undefined)) {
    const which = gone.length === 1 ? `the ${files}` : `any of the ${gone.length} ${files}, e.g.`
    throw new Error(
      `${using} found no ID in ${which} ${without[0]}; ${why[0]}. Check \`id-from\`; if these files are no product pages, leave them out of \`deleted-paths\` with a \`!\` pattern.`
    )
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
    if (!seen.has(message)) list.push(message)
    seen.add(message)
  }
  return { notice: once(into.notices), warning: once(into.warnings) }
}

/**
 * When the change touched files but no pattern chose any of them: how many changed and
 * which patterns matched none, so a typo never passes unsaid as "nothing to delete".
 */
function noMatchLine(changes: FileChange[], patterns: Patterns): string | undefined {
  const paths = touchedBy(changes)
  if (paths.length === 0 || paths.some(p => chosen(patterns, p))) return undefined
  const why: string[] = []
  const listed = (patterns: string[]) =>
    `${patterns.length === 1 ? 'pattern' : 'patterns'} ${patterns.map(p => `\`${p}\``).join(', ')}`
  for (const { input, rule } of patterns.filter(p => p.given.length > 0)) {
    if (rule.plain.length === 0)
      why.push(`\`${input}\` has only \`!\` patterns, which choose nothing`)
    const none = unmatchedOf(rule, paths)
    const excludedOnly = rule.plain.filter(pattern => !none.includes(pattern))
    if (none.length > 0) why.push(`\`${input}\` ${listed(none)} matched no changed file`)
    if (excludedOnly.length > 0)
      why.push(
        `every changed file that \`${input}\` ${listed(excludedOnly)} matched is left out by a \`!\` pattern`
      )
  }
  return `The change touched ${plural(changes.length, 'file')}, but none matched the diff source's patterns, so it removes nothing: ${why.join('; ')}. Check the patterns for a typo.`
}

function submoduleNotice(found: string[]): string {
  const paths = [...new Set(found)].sort(byPath)
  return `${plural(paths.length, 'submodule')} ${paths.length === 1 ? 'matches' : 'match'} the diff source's patterns and ${paths.length === 1 ? 'is' : 'are'} skipped (a submodule is another repository's commit, not a file): ${firstOf(paths, 5)}.`
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
