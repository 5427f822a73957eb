// A real run's sending step with its undo: a restore uploads the backup's records; a deletion
// first backs its records up (when `backup` says so) and leaves undeleted every record it
// could not back up.
import { type DeletionOptions, type DeletionResult, runDeletion } from '../deletion.js'
import type { MisoClient } from '../miso/client.js'
import type { MisoApi } from '../miso/types.js'
import { type Plan, toBatches } from '../plan.js'
import { plural } from '../plural.js'
import type { RunReport } from '../report/run-report.js'
import type { Settings } from '../settings.js'
import { type BackupInfo, type BackupRecords, backUp, backupWanted, restoreApi } from './restore.js'

/** Sends the plan: uploads `restore`'s records when given, else deletes (after the backup). */
export async function sendPlan(
  report: RunReport,
  plan: Plan,
  settings: Settings,
  client: MisoClient,
  restore: BackupRecords | undefined,
  options: DeletionOptions
): Promise<void> {
  if (restore) {
    report.undo = { restoring: true }
    report.deletion = await runDeletion(plan.batches, restoreApi(client, restore), options)
    const { status } = report.deletion
    report.status = status === 'succeeded' ? 'restored' : status
    return
  }
  let batches = plan.batches
  let api: MisoApi = client
  let backup: BackupInfo | undefined
  if (backupWanted(settings.backup, plan.ids.length, options.log)) {
    backup = await backUp(plan.ids, client, { ...options, runnerTemp: settings.runnerTemp })
    report.undo = { backup }
    if (backup.cancelled) {
      report.status = 'cancelled'
      return
    }
    const { stoppedBy } = backup
    // A refused key fails the run as the first delete would have, and nothing is sent.
    if (stoppedBy) {
      api = {
        deleteProducts: async () => ({ ok: false, failure: stoppedBy }),
        getStatus: (taskId, signal) => client.getStatus(taskId, signal)
      }
    }
    const unfetched = new Set(backup.unfetched.map(u => u.id))
    const kept = plan.ids.filter(id => !unfetched.has(id))
    if (unfetched.size > 0) batches = toBatches(kept, settings.batchSize)
  }
  const deletion = await runDeletion(batches, api, options)
  if (backup && backup.unfetched.length > 0) leftUndeleted(plan, batches, deletion, backup)
  report.deletion = deletion
  report.status = deletion.status
}

/**
 * The records that could not be backed up as one more batch, failed and never sent: counted
 * in `failed-count`, listed in the rerun file, shown with their reason.
 */
function leftUndeleted(
  plan: Plan,
  sent: string[][],
  deletion: DeletionResult,
  backup: BackupInfo
): void {
  const ids = backup.unfetched.map(u => u.id)
  const { failure } = backup.unfetched[0]
  const why = `${plural(ids.length, 'record')} could not be backed up (${failure.message})`
  plan.batches = [...sent, ids]
  deletion.batches.push({
    index: sent.length,
    count: ids.length,
    status: 'failed',
    counts: {},
    error: { ...failure, message: `not deleted: ${why}`, fatal: false }
  })
  deletion.failedCount += ids.length
  if (deletion.status === 'succeeded' || deletion.status === 'submitted') deletion.status = 'failed'
}
