// Everything a finished (or stopped) run has to say, gathered in one value so
// outputs, logs and the job summary all tell the same story.
import { accepted, type DeletionResult } from '../deletion.js'
import { short } from '../diff/event.js'
import { failureText } from '../miso/answers.js'
import type { BaseShare } from '../diff/removed-ids.js'
import type { MisoFailure, RecordType } from '../miso/types.js'
import type { ReconcileInfo } from '../reconcile/reconcile.js'
import { DIFF_SHARE_LEAST, type DeletionShare, type Plan } from '../plan.js'
import { pullNumberOf, repositoryUrlOf } from '../github-env.js'
import { plural } from '../plural.js'

/** Each status a run ends in, with its icon in the job summary and the comment. */
export const ICON = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
  submitted: '📨',
  'dry-run': '🔍',
  empty: '➖',
  restored: '↩️'
}
export type RunStatus = keyof typeof ICON

export interface DiffInfo {
  base: string
  head: string
  /** The commit the live IDs were read at: the merge for a merged pull request, else head. */
  result: string
  via: 'git' | 'rest'
  /** IDs not deleted because a file at the result still names them. */
  kept: { id: string; path: string }[]
  /** Matching content files that carry no ID (not products), in path order. */
  skipped: string[]
  /** Counted only when `max-deletions-percent` could refuse the deletion. */
  share?: BaseShare
}

export interface RunReport {
  status: RunStatus
  /** Known once the inputs are read. */
  recordType?: RecordType
  plan?: Plan
  diff?: DiffInfo
  /** Reconcile mode: both sides' sizes. */
  reconcile?: ReconcileInfo
  deletion?: DeletionResult
  /** The backup made before deleting, or a restore (src/undo/). */
  undo?: { backup?: BackupInfo; restoring?: boolean }
  /** Why nothing was sent, for dry runs. */
  dryRunReason?: string
  /** The error that stopped the run, if one did (already free of the key). */
  error?: string
  /** A guard (`max-deletions`, `max-deletions-percent`) refused the run: `error` says why. */
  refused?: boolean
  /** What to do about `error`, when the error knows better than "fix it and run again". */
  errorNext?: string
  /** Notices and warnings raised on the way, in order. */
  notes: string[]
  /** Where the summary may link commits and the pull request to. */
  links?: ReturnType<typeof repositoryLinks>
  elapsedMs: number
}

/** What the backup before a deletion did (src/undo/restore.ts). */
export interface BackupInfo {
  /** Empty when no record was written: no file is made for nothing. */
  path: string
  /** Records written. */
  count: number
  /** IDs Miso answered 404 for: nothing to back up, still deleted. */
  notFound: number
  /** IDs whose record could not be fetched after retries, each with why: not deleted. */
  unfetched: { id: string; failure: MisoFailure }[]
  cancelled: boolean
  /** A 401/403/407: the key is wrong for every request, so the backup (and the run) stopped. */
  stoppedBy?: MisoFailure
}

/**
 * The links the summary may make: the repository (`https://github.com/owner/repo`), the pull
 * request of a pull request event, this workflow run (`GITHUB_RUN_ID`: the restore workflow
 * takes it to find the backup). Built only from a well-formed GITHUB_SERVER_URL and
 * GITHUB_REPOSITORY, so a link carries no other text; undefined when they are missing or odd.
 */
export function repositoryLinks(env: NodeJS.ProcessEnv, event: { name: string; payload: unknown }) {
  const url = repositoryUrlOf(env)
  const pullNumber = pullNumberOf(event.name, event.payload)
  const digits = (name: string) => (/^\d+$/.test(env[name] ?? '') ? env[name] : undefined)
  const [runId, attempt] = [digits('GITHUB_RUN_ID'), digits('GITHUB_RUN_ATTEMPT')]
  const runUrl = runId && `${url}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`
  return url === undefined ? undefined : { url, pullNumber, runId, runUrl }
}

/**
 * The notice a forced dry run gives in the log. The summary says the reason in its headline
 * instead, so it leaves this note out.
 */
export const forcedDryRunNotice = (reason: string) => `Dry run forced: ${reason}.`

/** The run's deletion as a share of its set, for `max-deletions-percent`: reconcile or a diff. */
export function deletionShare({ reconcile: r, diff }: RunReport): DeletionShare | undefined {
  if (r) {
    const check = `The repository names ${r.repositoryCount} IDs: check that every source of them is given`
    const set = `${r.recordType} Miso lists`
    return { count: r.deleteCount, of: r.misoCount, set, by: 'Reconcile', least: 1, check }
  }
  if (!diff?.share) return undefined
  const base = short(diff.base)
  const check = `Check the change ${base}..${short(diff.head)}: a file emptied or cut short by an export or a merge deletes every ID it named`
  const { deleting: count, named: of } = diff.share
  const set = `IDs that matching files named at ${base}`
  return { count, of, set, by: 'The change', least: DIFF_SHARE_LEAST, check }
}

/** Whether the step must fail for this report. */
export function stepFails({ error, status }: RunReport, failOnEmpty: boolean): boolean {
  const failing = ['failed', 'timed-out', 'cancelled', ...(failOnEmpty ? ['empty'] : [])]
  return Boolean(error) || failing.includes(status)
}

/** Each count Miso reported (`deleted`, `not_found`, …), summed over the batches. */
export function countTotals(report: RunReport): Record<string, number> {
  const totals: Record<string, number> = {}
  const counts = (report.deletion?.batches ?? []).flatMap(b => Object.entries(b.counts))
  for (const [name, n] of counts) totals[name] = (totals[name] ?? 0) + n
  return totals
}

/**
 * A warning when Miso did not find at least half of the IDs it counted: most often the IDs
 * are wrong (another field, another catalog) or the records are of the other `record-type`.
 */
export function notFoundWarning(report: RunReport): string | undefined {
  const { deleted = 0, not_found: notFound = 0 } = countTotals(report)
  if (notFound === 0 || notFound * 2 < deleted + notFound) return undefined
  const type = report.recordType ?? 'products'
  return `Miso did not find ${notFound} of the ${deleted + notFound} ${type} it counted. Check that the IDs are the ones Miso knows and that \`record-type\` (${type}) names the records they belong to.`
}

/**
 * The IDs behind `failed-count`: every batch not `succeeded` (nor, without waiting,
 * `submitted`), or every planned ID when the run stopped before sending any (a cancellation).
 * Undefined when the run never set out to delete (no plan, a dry run, a guard's refusal).
 */
export function failedIds(report: RunReport): string[] | undefined {
  const { deletion, plan } = report
  if (!plan) return undefined
  if (!deletion) return failedCount(report) > 0 ? plan.ids : undefined
  return deletion.batches.filter(b => !accepted(b)).flatMap(b => plan.batches[b.index])
}

/**
 * IDs not confirmed deleted (or, without waiting, not accepted). IDs a guard refused were never
 * set out to delete: a refusal is not a failure to retry, so they are not counted.
 */
export function failedCount(report: RunReport): number {
  if (report.deletion) return report.deletion.failedCount
  if (report.refused || report.status === 'dry-run' || report.status === 'empty') return 0
  return report.plan?.ids.length ?? 0
}

const RERUN = 'Running the same input again is safe: deleting is idempotent.'
/** What to do next after each kind of failure; `adviceFor` says which. */
const NEXT = {
  refused:
    'Nothing was sent to Miso, and there is nothing to retry: no rerun file was written. Check the sources; if the deletion is intended, raise the limit named above.',
  unsent: 'Nothing was sent to Miso. Fix what the error above names, then run again.',
  cancelled: `Batches Miso accepted before that may still be deleted (see Tasks). ${RERUN}`,
  key: 'Check the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to. No further batch was sent.',
  url: 'Check `api-url`: it is the base URL, such as `https://api.askmiso.com`, without `/v1`.',
  failed: `See Errors for each batch's answer from Miso. ${RERUN}`,
  slow: `Miso probably accepted the batches it was sent and is still deleting them. Raise \`wait-timeout\` (0 means no limit) for runs this large. ${RERUN}`
}

/**
 * What a failed run says about itself: its cause (e.g. `Miso refused the API key (HTTP 401)`)
 * and what to do next; undefined when it did not fail. The failing annotation says both; the
 * job summary gives the cause at the top and what to do next at the end.
 */
export function adviceFor(report: RunReport): { cause: string; next: string } | undefined {
  const { error, deletion, status } = report
  const batches = deletion?.batches ?? []
  const failed = batches.filter(b => b.status === 'failed')
  const count = (what: string) => batches.filter(b => b.status === what).length
  const key = batches.find(b => [401, 403].includes(b.error?.httpStatus ?? 0))?.error?.httpStatus
  const advise = (cause: string, next: string) => ({ cause, next })
  if (report.refused) return advise(error ?? 'Refused', NEXT.refused)
  if (error !== undefined && !deletion) return advise(error, report.errorNext ?? NEXT.unsent)
  if (status === 'cancelled') return advise('The workflow was cancelled', NEXT.cancelled)
  if (key) return advise(`Miso refused the API key (HTTP ${key})`, NEXT.key)
  // A status poll's 404 only means "not registered yet", so a batch failed with 404 got it
  // from the delete request.
  const noApi = failed.some(b => b.error?.httpStatus === 404)
  if (noApi) return advise('No Miso API at `api-url` (HTTP 404 on the delete request)', NEXT.url)
  if (failed.length > 0) {
    const answer = failureText(failed[0].error ?? { message: 'no answer', fatal: false })
    const cause = `${plural(failed.length, 'batch', 'batches')} of ${batches.length} failed, first: ${answer}`
    return advise(cause, NEXT.failed)
  }
  if (status === 'timed-out') {
    const unsent = count('not-sent')
    const never = unsent ? `, and ${plural(unsent, 'batch was', 'batches were')} never sent` : ''
    const within = deletion?.stoppedBy ?? '`wait-timeout`'
    const cause = `Miso did not confirm ${plural(count('timed-out'), 'batch', 'batches')} within the ${within}${never}`
    return advise(cause, NEXT.slow)
  }
  return error === undefined ? undefined : advise(error, RERUN)
}

/** The one line the failing annotation says. */
export const failureLine = (advice: { cause: string; next: string }) =>
  `${advice.cause.replace(/\.$/, '')}. ${advice.next}`
