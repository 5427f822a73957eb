// The diff sources (`deleted-paths`, `id-list-files`): pick the change per the event,
// read it with git (or, without a usable checkout, the GitHub REST API) and turn it
// into the IDs it removes.
import type { IdGroup } from '../ids/id-group.js'
import { plural } from '../plural.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'
import type { Comparison } from './comparison.js'
import { changeRangeFor, short } from './event.js'
import type { ChangeRange } from './event.js'
import { openGitComparison } from './git-comparison.js'
import { checkoutProblem, HistoryError } from './git.js'
import { GitHubRest, openRestComparison, restTarget } from './github-rest.js'
import { removedIds } from './removed-ids.js'

export interface DiffResult {
  groups: IdGroup[]
  /** Full SHAs of the commits compared. */
  base: string
  head: string
  via: 'git' | 'rest'
  /** For the caller to log and report (not logged here). */
  notices: string[]
  warnings: string[]
  /** IDs not deleted because a file at head still yields them. */
  kept: { id: string; path: string }[]
}

/** Called only when `deleted-paths` or `id-list-files` is set. */
export async function resolveDiffIds(
  settings: Settings,
  event: { name: string; payload: unknown },
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<DiffResult> {
  const range = changeRangeFor(event.name, event.payload, settings)
  if ('error' in range) throw new Error(range.error)
  log.info(range.reason)
  if (range.base === range.head) {
    return {
      groups: [],
      base: range.base,
      head: range.head,
      via: 'git',
      notices: range.notices,
      warnings: [],
      kept: []
    }
  }
  const cmp = await openComparison(settings, range, env, log)
  log.info(
    `Comparing ${short(cmp.base)}..${short(cmp.head)} (${cmp.via}): ${plural(cmp.changes.length, 'file')} changed.`
  )
  const { groups, kept } = await removedIds(cmp, settings)
  for (const group of groups) log.debug(`${group.name} (${group.detail}): ${group.ids.join(', ')}`)
  for (const { id, path } of kept)
    log.info(`Kept ${id}: ${path} still names it at ${short(cmp.head)}.`)
  return {
    groups,
    base: cmp.base,
    head: cmp.head,
    via: cmp.via,
    notices: [...range.notices, ...cmp.notices],
    warnings: cmp.warnings,
    kept
  }
}

/** Git when the workspace is a checkout that has (or can fetch) the commits; else REST. */
async function openComparison(
  settings: Settings,
  range: ChangeRange,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<Comparison> {
  const ctx = { cwd: settings.workspace, env, debug: (message: string) => log.debug(message) }
  let problem = await checkoutProblem(ctx)
  if (!problem) {
    try {
      return await openGitComparison(ctx, range)
    } catch (error) {
      if (!(error instanceof HistoryError)) throw error
      problem = error.message
    }
  }
  if (!settings.githubToken) {
    throw new Error(
      `The diff source cannot read the change with git (${problem}). Add actions/checkout before this step (the default fetch-depth 1 is enough), or pass \`github-token\` so the GitHub API can be used instead.`
    )
  }
  log.debug(`git cannot read the change: ${problem}`)
  const cmp = await openRestComparison(
    await GitHubRest.open(settings.githubToken, restTarget(env)),
    range,
    env
  )
  cmp.notices.unshift(`Read the change through the GitHub API, as git could not: ${problem}.`)
  return cmp
}
