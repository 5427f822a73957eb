// Reads a ChangeRange from the git checkout, fetching only the commits it needs.
import { commitFiles } from './commit-files.js'
import type { Comparison } from './comparison.js'
import { type ChangeRange, short } from './event.js'
import {
  diffChanges,
  ensureCommit,
  type GitContext,
  HistoryError,
  listTree,
  mergeBase,
  parentOf,
  readBlobs,
  SHA
} from './git.js'

/** Throws HistoryError when the commits are not in the checkout and cannot be fetched. */
export async function openGitComparison(ctx: GitContext, range: ChangeRange): Promise<Comparison> {
  const notices: string[] = []
  const head = await ensureCommit(ctx, range.head)
  // The merge as it landed: in the checkout already, or fetched by SHA like any commit.
  const result = range.result === range.head ? head : await ensureCommit(ctx, range.result)
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
  const files = gitFiles(ctx)
  return { ...files, via: 'git', base: base ?? head, head, result, changes, notices, warnings: [] }
}

/** The files of any commit in the checkout (for reading the IDs a commit names). */
export function gitFiles(ctx: GitContext) {
  return commitFiles({
    tree: commit => listTree(ctx, commit),
    blobs: objects => readBlobs(ctx, objects)
  })
}

/** The commit `rev` names; for `<sha>^` (a push that created a branch) its first parent. */
function commitOrParent(ctx: GitContext, rev: string): Promise<string | undefined> {
  const sha = rev.slice(0, -1)
  return rev.endsWith('^') && SHA.test(sha) ? parentOf(ctx, sha) : ensureCommit(ctx, rev)
}
