// Reads a ChangeRange from the git checkout, fetching only the commits it needs.
import type { Comparison } from './comparison.js'
import type { ChangeRange } from './event.js'
import { short } from './event.js'
import type { GitContext } from './git.js'
import {
  diffChanges,
  ensureCommit,
  HistoryError,
  listTree,
  mergeBase,
  parentOf,
  readBlobs
} from './git.js'

/** `<sha>^`: the first parent of a commit, as a push that created a branch names it. */
const PARENT_OF = /^([0-9a-f]{40}|[0-9a-f]{64})\^$/

/** Throws HistoryError when the commits are not in the checkout and cannot be fetched. */
export async function openGitComparison(ctx: GitContext, range: ChangeRange): Promise<Comparison> {
  const notices: string[] = []
  const head = await ensureCommit(ctx, range.head)
  let base: string | undefined
  if (range.mergeBaseOf) {
    base = await mergeBase(ctx, range.mergeBaseOf.base, range.mergeBaseOf.head)
  } else {
    try {
      base = await commitOrParent(ctx, range.base)
    } catch (error) {
      if (!(error instanceof HistoryError) || !range.baseFallback) throw error
      notices.push(`${range.baseFallback.notice} (${error.message})`)
      base = await commitOrParent(ctx, range.baseFallback.base)
    }
  }
  if (base === undefined) {
    notices.push(`${short(head)} is a root commit: no file existed before it, so none was deleted.`)
  }
  const changes = base === undefined ? [] : await diffChanges(ctx, base, head)
  const trees = new Map<string, Promise<Map<string, string>>>()
  const tree = (commit: string) => {
    if (!trees.has(commit)) trees.set(commit, listTree(ctx, commit))
    return trees.get(commit) as Promise<Map<string, string>>
  }
  return {
    via: 'git',
    base: base ?? head,
    head,
    changes,
    notices,
    warnings: [],
    async read(side, paths) {
      const commit = side === 'base' ? (base ?? head) : head
      const files = await tree(commit)
      const blobs = paths.map(path => {
        const blob = files.get(path)
        if (blob === undefined) throw new Error(`${path} is not a file at ${short(commit)}`)
        return blob
      })
      const contents = await readBlobs(ctx, blobs)
      return new Map(
        paths.map((path, i) => [path, (contents.get(blobs[i]) as Buffer).toString('utf8')])
      )
    },
    async headPaths() {
      return [...(await tree(head)).keys()]
    }
  }
}

/** The commit `rev` names; for `<sha>^` its parent, undefined when it is a root commit. */
async function commitOrParent(ctx: GitContext, rev: string): Promise<string | undefined> {
  const parent = PARENT_OF.exec(rev)
  return parent ? parentOf(ctx, parent[1]) : ensureCommit(ctx, rev)
}
