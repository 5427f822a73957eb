// The IDs a change removes: products of deleted (or renamed) content files, and IDs
// dropped from ID list files. An ID that a file at head still yields is kept, so
// moving content or an ID between files never deletes a product.
import picomatch from 'picomatch'
import type { IdGroup } from '../ids/id-group.js'
import { plural } from '../plural.js'
import { parseIds } from '../ids/formats.js'
import type { IdFrom } from '../settings.js'
import type { Comparison, FileChange } from './comparison.js'
import { short } from './event.js'
import { productId, readsContent } from './product-id.js'

interface DiffRules {
  /** `deleted-paths` globs. */
  deletedPaths: string[]
  idFrom: IdFrom
  /** `id-list-files` globs. */
  idListFiles: string[]
  idField: string
}

interface RemovedIds {
  groups: IdGroup[]
  /** IDs not deleted because a file at head still yields them. */
  kept: { id: string; path: string }[]
}

/** A file that existed at base and is gone from head (or from its own path there). */
interface Gone {
  basePath: string
  /** The same file at head, for a list file renamed or edited in place. */
  headPath?: string
  detail: string
}

export async function removedIds(cmp: Comparison, rules: DiffRules): Promise<RemovedIds> {
  const result: RemovedIds = { groups: [], kept: [] }
  // In path order at base, so git and the REST API report alike.
  const changes = [...cmp.changes].sort((a, b) => byPath(pathAtBase(a) ?? '', pathAtBase(b) ?? ''))
  const sorted = { ...cmp, changes }
  if (rules.deletedPaths.length > 0) await contentFiles(sorted, rules, result)
  if (rules.idListFiles.length > 0) await listFiles(sorted, rules, result)
  return result
}

/** `deleted-paths`: each deleted or renamed matching file removes the product it names. */
async function contentFiles(cmp: Comparison, rules: DiffRules, result: RemovedIds) {
  const matches = matcher(rules.deletedPaths)
  const gone: Gone[] = []
  for (const change of cmp.changes) {
    const basePath = pathAtBase(change)
    if (basePath === undefined || !matches(basePath)) continue
    if (change.status === 'deleted') gone.push({ basePath, detail: 'deleted' })
    // A rename counts too: whether the product survives is decided below, by what head yields.
    if (change.status === 'renamed') gone.push({ basePath, detail: `renamed to ${change.path}` })
  }
  if (gone.length === 0) return

  const idAt = async (side: 'base' | 'head', paths: string[]): Promise<Map<string, string>> => {
    const commit = side === 'base' ? cmp.base : cmp.head
    const texts = readsContent(rules.idFrom) ? await cmp.read(side, paths) : undefined
    return new Map(paths.map(p => [p, productId(rules.idFrom, p, commit, texts?.get(p))]))
  }
  const baseIds = await idAt(
    'base',
    gone.map(g => g.basePath)
  )
  // Every matching file at head, unchanged ones too: two files may name the same product.
  const stillYielded = invert(await idAt('head', (await cmp.headPaths()).filter(matches)))
  for (const file of gone) {
    const id = baseIds.get(file.basePath) as string
    const keeper = stillYielded.get(id)
    if (keeper !== undefined) result.kept.push({ id, path: keeper })
    else
      result.groups.push({
        kind: 'deleted-path',
        name: file.basePath,
        ids: [id],
        detail: file.detail
      })
  }
}

/** `id-list-files`: IDs in a changed list file at base that no list file at head has. */
async function listFiles(cmp: Comparison, rules: DiffRules, result: RemovedIds) {
  const matches = matcher(rules.idListFiles)
  const changed: Gone[] = []
  for (const change of cmp.changes) {
    const basePath = pathAtBase(change)
    if (basePath === undefined || !matches(basePath)) continue
    const headPath = change.status === 'deleted' || !matches(change.path) ? undefined : change.path
    const detail =
      change.status === 'renamed' ? `renamed to ${change.path}` : headPath ? 'edited' : 'deleted'
    changed.push({ basePath, headPath, detail })
  }
  if (changed.length === 0) return

  const parsed = async (side: 'base' | 'head', paths: string[]) => {
    const commit = side === 'base' ? cmp.base : cmp.head
    const texts = await cmp.read(side, paths)
    return new Map(paths.map(p => [p, idsOf(texts.get(p) ?? '', p, commit, rules.idField)]))
  }
  const atBase = await parsed(
    'base',
    changed.map(c => c.basePath)
  )
  const atHead = await parsed('head', (await cmp.headPaths()).filter(matches))
  const stillListed = invert(atHead)
  const range = `${short(cmp.base)}..${short(cmp.head)}`
  for (const file of changed) {
    const before = unique(atBase.get(file.basePath) ?? [])
    const own = new Set(file.headPath ? atHead.get(file.headPath) : [])
    const removed: string[] = []
    for (const id of before) {
      if (own.has(id)) continue
      const keeper = stillListed.get(id)
      if (keeper !== undefined) result.kept.push({ id, path: keeper })
      else removed.push(id)
    }
    if (removed.length === 0) continue
    const counts = file.headPath
      ? `${removed.length} of ${plural(before.length, 'ID')} removed`
      : removed.length === 1
        ? 'its one ID removed'
        : `all ${removed.length} IDs removed`
    result.groups.push({
      kind: 'id-list',
      name: file.basePath,
      ids: removed,
      detail: `${file.detail} in ${range}: ${counts}`
    })
  }
}

function idsOf(text: string, file: string, commit: string, idField: string): string[] {
  try {
    return parseIds(text, file, idField)
  } catch (error) {
    throw new Error(`${(error as Error).message} (at ${short(commit)})`, { cause: error })
  }
}

/** The file's path at base, or undefined for a file the change added. */
function pathAtBase(change: FileChange): string | undefined {
  if (change.status === 'added') return undefined
  return change.status === 'renamed' ? change.oldPath : change.path
}

function matcher(globs: string[]): (path: string) => boolean {
  // `s`: a wildcard matches a newline in a file name too.
  return picomatch(globs, { dot: true, flags: 's' })
}

/** ID → the first file (in path order) that yields it. */
function invert(idsByFile: Map<string, string | string[]>): Map<string, string> {
  const byId = new Map<string, string>()
  for (const [file, ids] of [...idsByFile].sort(([a], [b]) => byPath(a, b))) {
    for (const id of typeof ids === 'string' ? [ids] : ids) if (!byId.has(id)) byId.set(id, file)
  }
  return byId
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}
