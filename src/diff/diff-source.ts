// The diff sources (`deleted-paths`, `id-list-files`, `delete-list-files`): pick the change per the event,
// read it with git (or, without a usable checkout, the GitHub REST API) and turn it
// into the IDs it removes.
import { plural } from '../plural.js'
import type { Log } from '../log.js'
import type { Settings } from '../input-helper.js'
import type { Comparison } from './comparison.js'
import { type ChangeRange, changeRangeFor, firstOf, short } from './event.js'
import {
  checkoutProblem,
  ensureCommit,
  type GitContext,
  gitFiles,
  HistoryError,
  openGitComparison
} from './git.js'
import {
  ForeignOriginError,
  openGitHubRest,
  openRestComparison,
  restTarget
} from './github-rest.js'
import { removedIds, type RemovedIds } from './removed-ids.js'

/**
 * With the full SHAs of the commits compared, and of the one the live IDs were read at
 * (event.ts). Notices and warnings are for the caller to log and report (not logged here).
 */
export type DiffResult = RemovedIds & Pick<Comparison, 'base' | 'head' | 'result' | 'via'>

/** Called only when a diff source (`deleted-paths`, `id-list-files`, `delete-list-files`) is set. */
export async function resolveDiffIds(
  settings: Settings,
  event: { name: string; payload: unknown },
  env: NodeJS.ProcessEnv,
  log: Log,
  signal?: AbortSignal
): Promise<DiffResult> {
  const range = changeRangeFor(event.name, event.payload, settings)
  if ('error' in range) throw new Error(range.error)
  log.info(range.reason)
  if (range.base === range.head) {
    const { base, head, result, notices } = range
    const none = { groups: [], kept: [], skipped: [], warnings: [] }
    return { base, head, result, via: 'git', notices, ...none }
  }
  const cmp = await openComparison(settings, range, env, log, signal)
  log.info(
    `Comparing ${short(cmp.base)}..${short(cmp.head)} (${cmp.via}): ${plural(cmp.changes.length, 'file')} changed.`
  )
  const removed = await removedIds(cmp, settings)
  if (removed.nothingMatched) log.info(removed.nothingMatched)
  for (const group of removed.groups)
    log.debug(`${group.name} (${group.detail}): ${group.ids.join(', ')}`)
  // One line each: the job summary lists them all (a feed split keeps hundreds of IDs).
  const { kept, skipped } = removed
  for (const { id, path } of kept) log.debug(`Kept ${id}: ${path} still names it.`)
  if (kept.length > 0) {
    const first = kept.map(({ id, path }) => `${id} (${path})`)
    log.info(
      `Kept ${plural(kept.length, 'ID')} that files at ${short(cmp.result)} still name: ${firstOf(first, 5)} (the job summary lists them).`
    )
  }
  for (const path of skipped) log.debug(`Skipped ${path}: no ID.`)
  if (skipped.length > 0)
    log.info(
      `Skipped ${plural(skipped.length, 'matching file')} without an ID, not products (the job summary lists them).`
    )
  const { base, head, result, via } = cmp
  const notices = [...range.notices, ...cmp.notices, ...removed.notices]
  const warnings = [...cmp.warnings, ...removed.warnings]
  return { ...removed, base, head, result, via, notices, warnings }
}

/** Git when the workspace is a checkout that has (or can fetch) the commits; else REST. */
async function openComparison(
  settings: Settings,
  range: ChangeRange,
  env: NodeJS.ProcessEnv,
  log: Log,
  signal: AbortSignal | undefined
): Promise<Comparison> {
  const ctx = { cwd: settings.workspace, env, signal, log }
  const checkout = await checkoutProblem(ctx)
  let gitProblem = checkout
  if (!gitProblem) {
    try {
      const gone = range.baseFallback && (await missingCommit(ctx, range.base))
      if (gone) return await beforeGone(ctx, settings, range, gone)
      return await openGitComparison(ctx, range)
    } catch (error) {
      if (!(error instanceof HistoryError)) throw error
      gitProblem = error.message
    }
  }
  const advice = checkout
    ? 'Add actions/checkout before this step (the default fetch-depth 1 is enough)'
    : 'Check that the commits exist and that origin can be reached'
  if (!settings.githubToken) {
    throw new Error(
      `The diff source cannot read the change with git: ${gitProblem}. ${advice}, or pass \`github-token\` so the GitHub API can be used instead.`
    )
  }
  log.info(`git cannot read the change (${gitProblem}); reading it through the GitHub API…`)
  try {
    const cmp = await openRestComparison(await openApi(settings, ctx), range, env)
    cmp.notices.unshift(`Read the change through the GitHub API, as git could not: ${gitProblem}.`)
    return cmp
  } catch (error) {
    signal?.throwIfAborted()
    // Both ways failed: git's reason first, it is usually the one to fix.
    throw new Error(
      `The diff source cannot read the change. With git: ${gitProblem}. With the GitHub API: ${(error as Error).message}. ${advice}.`,
      { cause: error }
    )
  }
}

/**
 * A push whose `before` git cannot have (a force push took it away): GitHub keeps such
 * commits, so its compare of `before...after` first, else only `after`'s last commit; one
 * notice says which. The files are read with git when it can fetch the merge base GitHub
 * compares from (an ancestor of `after`), else through the API as well.
 */
async function beforeGone(
  ctx: GitContext,
  settings: Settings,
  { baseFallback, ...range }: ChangeRange,
  gone: string
): Promise<Comparison> {
  const fallback = baseFallback as NonNullable<typeof baseFallback>
  let apiProblem = 'no `github-token` to ask GitHub for it'
  if (settings.githubToken) {
    try {
      const cmp = await openRestComparison(await openApi(settings, ctx), range, ctx.env)
      const files = (await missingCommit(ctx, cmp.base)) ? {} : gitFiles(ctx)
      const notice = `The push's \`before\` commit ${short(range.base)} is not in the git history (${gone}), but GitHub still has it: compared it with ${short(cmp.head)} through the GitHub REST API${cmp.base === range.base ? '' : `, from their merge base ${short(cmp.base)}`}.`
      return { ...cmp, ...files, notices: [notice] }
    } catch (error) {
      ctx.signal?.throwIfAborted()
      // A guard's refusal (the token kept on the API's origin) stops the run.
      for (let e: unknown = error; e instanceof Error; e = e.cause) {
        if (e instanceof ForeignOriginError) throw error
      }
      apiProblem = `the GitHub REST API could not compare it: ${(error as Error).message}`
    }
  }
  const cmp = await openGitComparison(ctx, { ...range, base: fallback.base })
  const notice = `${fallback.notice.replace(/\.$/, '')} (${gone}; ${apiProblem}).`
  return { ...cmp, notices: [notice, ...cmp.notices] }
}

/** Why git has no `rev` and cannot fetch it, or undefined when it has it. */
async function missingCommit(ctx: GitContext, rev: string): Promise<string | undefined> {
  try {
    await ensureCommit(ctx, rev)
    return undefined
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error
    return error.message
  }
}

function openApi(settings: Settings, ctx: GitContext) {
  return openGitHubRest(settings.githubToken, restTarget(ctx.env), {
    signal: ctx.signal,
    timeoutMs: settings.requestTimeoutMs,
    retries: settings.retries,
    log: ctx.log
  })
}
