// Everything a finished (or stopped) run has to say, gathered in one value so
// outputs, logs and the job summary all tell the same story.
import type { DeletionResult } from '../deletion.js'
import { short } from '../diff/event.js'
import type { BaseShare } from '../diff/removed-ids.js'
import type { RecordType } from '../miso/types.js'
import type { ReconcileInfo } from '../reconcile/reconcile.js'
import { DIFF_SHARE_LEAST, type DeletionShare, type Plan } from '../plan.js'
import type { RepositoryLinks } from './links.js'
import type { BackupInfo } from '../undo/restore.js'

export type RunStatus =
  | 'succeeded'
  | 'failed'
  | 'timed-out'
  | 'cancelled'
  | 'submitted'
  | 'dry-run'
  | 'empty'
  | 'restored'

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
  links?: RepositoryLinks
  elapsedMs: number
}

/**
 * The notice a forced dry run gives in the log. The summary says the reason in its headline
 * instead, so it leaves this note out.
 */
export function forcedDryRunNotice(reason: string): string {
  return `Dry run forced: ${reason}.`
}

/** The run's deletion as a share of its set, for `max-deletions-percent`: reconcile or a diff. */
export function deletionShare(report: RunReport): DeletionShare | undefined {
  const { reconcile, diff } = report
  if (reconcile) {
    return {
      count: reconcile.deleteCount,
      of: reconcile.misoCount,
      set: `${reconcile.recordType} Miso lists`,
      by: 'Reconcile',
      least: 1,
      check: `The repository names ${reconcile.repositoryCount} IDs: check that every source of them is given`
    }
  }
  if (!diff?.share) return undefined
  const base = short(diff.base)
  return {
    count: diff.share.deleting,
    of: diff.share.named,
    set: `IDs that matching files named at ${base}`,
    by: 'The change',
    least: DIFF_SHARE_LEAST,
    check: `Check the change ${base}..${short(diff.head)}: a file emptied or cut short by an export or a merge deletes every ID it named`
  }
}

/** Whether the step must fail for this report. */
export function stepFails(report: RunReport, failOnEmpty: boolean): boolean {
  if (report.error) return true
  switch (report.status) {
    case 'failed':
    case 'timed-out':
    case 'cancelled':
      return true
    case 'empty':
      return failOnEmpty
    default:
      return false
  }
}

/** Each count Miso reported (`deleted`, `not_found`, …), summed over the batches. */
export function countTotals(report: RunReport): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const batch of report.deletion?.batches ?? []) {
    for (const [name, n] of Object.entries(batch.counts)) totals[name] = (totals[name] ?? 0) + n
  }
  return totals
}

/** What Miso reported deleting and not finding; undefined when no batch said. */
export function misoCounts(report: RunReport): { deleted?: number; notFound?: number } {
  const { deleted, not_found: notFound } = countTotals(report)
  return { deleted, notFound }
}

/**
 * A warning when Miso did not find at least half of the IDs it counted: most often the IDs
 * are wrong (another field, another catalog) or the records are of the other `record-type`.
 */
export function notFoundWarning(report: RunReport): string | undefined {
  const { deleted = 0, notFound = 0 } = misoCounts(report)
  if (notFound === 0 || notFound * 2 < deleted + notFound) return undefined
  const type = report.recordType ?? 'products'
  return (
    `Miso did not find ${notFound} of the ${deleted + notFound} ${type} it counted. ` +
    `Check that the IDs are the ones Miso knows and that \`record-type\` (${type}) names the records they belong to.`
  )
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
  return deletion.batches
    .filter(b => b.status !== 'succeeded' && b.status !== 'submitted')
    .flatMap(b => plan.batches[b.index])
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
