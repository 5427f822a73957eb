// The diff sources (`deleted-paths`, `id-list-files`, `delete-list-files`): pick the change per the event,
// read it with git (or, without a usable checkout, the GitHub REST API) and turn it
// into the IDs it removes.
import { plural } from '../plural.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'
import type { Comparison } from './comparison.js'
import { type ChangeRange, changeRangeFor, short } from './event.js'
import { checkoutProblem, HistoryError, openGitComparison } from './git.js'
import { GitHubRest, openRestComparison, restTarget } from './github-rest.js'
import { removedIds, type RemovedIds } from './removed-ids.js'

/** Notices and warnings are for the caller to log and report (not logged here). */
export interface DiffResult extends RemovedIds {
  /** Full SHAs of the commits compared, and of the one the live IDs were read at (event.ts). */
  base: string
  head: string
  result: string
  via: 'git' | 'rest'
}

const NOTHING_REMOVED = { groups: [], kept: [], skipped: [], warnings: [] }

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
    return { base, head, result, via: 'git', notices, ...NOTHING_REMOVED }
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
    const first = kept.slice(0, 5).map(({ id, path }) => `${id} (${path})`)
    const more = kept.length > 5 ? `, and ${kept.length - 5} more` : ''
    log.info(
      `Kept ${plural(kept.length, 'ID')} that files at ${short(cmp.result)} still name: ${first.join(', ')}${more} (the job summary lists them).`
    )
  }
  for (const path of skipped) log.debug(`Skipped ${path}: no ID.`)
  if (skipped.length > 0)
    log.info(
      `Skipped ${plural(skipped.length, 'matching file')} without an ID, not products (the job summary lists them).`
    )
  return {
    ...removed,
    base: cmp.base,
    head: cmp.head,
    result: cmp.result,
    via: cmp.via,
    notices: [...range.notices, ...cmp.notices, ...removed.notices],
    warnings: [...cmp.warnings, ...removed.warnings]
  }
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
    const api = await GitHubRest.open(settings.githubToken, restTarget(env), {
      signal,
      timeoutMs: settings.requestTimeoutMs,
      retries: settings.retries,
      log
    })
    const cmp = await openRestComparison(api, range, env)
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
