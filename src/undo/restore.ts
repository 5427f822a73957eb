// The undo: before the first delete, every record is fetched and written to a backup file,
// one JSON object per line; `restore-file` uploads the records of such a file back to Miso
// (`POST /v1/{type}`, in batches, answered with a task like a delete). The deletion run sends
// and polls them: its "delete" of a batch of IDs is here the upload of their records. A record
// that cannot be fetched is not deleted: without its backup the deletion could not be undone.
import { appendFileSync, mkdtempSync } from 'node:fs'
import * as path from 'node:path'
import { type DeletionOptions, runDeletion, runStatus } from '../deletion.js'
import { readIdFiles } from '../ids/formats.js'
import type { IdGroup } from '../ids/id-group.js'
import { isObject, type JsonObject, parseJsonOrUndefined } from '../json.js'
import type { Log } from '../log.js'
import type { MisoClient } from '../miso/client.js'
import type { MisoApi } from '../miso/types.js'
import { type Plan, toBatches } from '../plan.js'
import { plural } from '../plural.js'
import type { BackupInfo, RunReport } from '../report/run-report.js'
import type { Settings } from '../input-helper.js'

/** `backup: auto` backs up runs of at most this many IDs (one request per ID). */
const AUTO_BACKUP_MOST = 1000

/**
 * Fetches every record with `concurrency` requests at once (the client's throttle and retries
 * apply) and appends each, as it comes, to a new file under `runnerTemp`: a cancelled or
 * killed run leaves the backup it made so far.
 */
async function backUp(
  ids: readonly string[],
  client: Pick<MisoClient, 'getRecord'>,
  options: { concurrency: number; runnerTemp: string; signal: AbortSignal; log: Log }
): Promise<BackupInfo> {
  const { signal, runnerTemp } = options
  const info: BackupInfo = { path: '', count: 0, notFound: 0, unfetched: [], cancelled: false }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < ids.length && !signal.aborted && !info.stoppedBy) {
      const id = ids[next++]
      const got = await client.getRecord(id, signal)
      if (signal.aborted) return
      if (!got.ok && got.failure.fatal) info.stoppedBy = got.failure
      else if (!got.ok) info.unfetched.push({ id, failure: got.failure })
      else if (got.record === undefined) info.notFound++
      else {
        info.path ||= path.join(mkdtempSync(path.join(runnerTemp, 'miso-backup-')), 'backup.jsonl')
        appendFileSync(info.path, `${JSON.stringify(got.record)}\n`, { mode: 0o600 })
        info.count++
      }
    }
  }
  const workers = Math.min(Math.max(1, options.concurrency), ids.length)
  await Promise.all(Array.from({ length: workers }, worker))
  info.cancelled = signal.aborted
  const parts = [
    `Backup: ${plural(info.count, 'record')} written${info.path ? ` to ${info.path}` : ''}`,
    info.notFound > 0 && `${info.notFound} not in Miso (404, nothing to back up)`,
    info.unfetched.length > 0 &&
      `${plural(info.unfetched.length, 'record')} could not be fetched and will not be deleted`,
    info.cancelled && 'cancelled before the backup was complete, nothing was deleted'
  ]
  options.log.info(`${parts.filter(Boolean).join('; ')}.`)
  return info
}

/** The records of a backup by ID, in the file's order. */
export type BackupRecords = Map<string, JsonObject>

/**
 * Reads the backup file by the one reader of `.jsonl` ID files (which also keeps the path
 * inside the workspace or `RUNNER_TEMP`): its IDs and the record of each line. Any line that
 * is not a record with its ID fails the run before any call.
 */
export async function readBackup(
  settings: Settings
): Promise<{ groups: IdGroup[]; records: BackupRecords; diff?: undefined; reconcile?: undefined }> {
  const { restoreFile, workspace, runnerTemp, recordType } = settings
  if (!/\.(jsonl|ndjson)$/i.test(restoreFile))
    throw new Error(
      `restore-file: "${restoreFile}" is not a backup file (JSON lines, \`.jsonl\`, as \`backup-path\` names it).`
    )
  if (/[*?[\]{}\n]/.test(restoreFile) || restoreFile.trim().startsWith('!'))
    throw new Error(
      `restore-file: "${restoreFile}" is a pattern; give the one backup file's path (a pattern could upload a product feed over Miso's records).`
    )
  const items: unknown[] = []
  const idField = recordType === 'users' ? 'user_id' : 'product_id'
  const read = readIdFiles([restoreFile], workspace, idField, runnerTemp, { items })
  const groups = await read.catch((error: Error) => {
    throw new Error(error.message.replace(/^ids-file\b/, 'restore-file'))
  })
  // A plain path names one file; each of its lines is one item with one ID.
  const [{ name, ids }] = groups
  if (!items.every(isObject))
    throw new Error(`restore-file: ${name} holds a line that is not a ${recordType} record.`)
  const records: BackupRecords = new Map(ids.map((id, i) => [id, items[i]]))
  // The map keeps an ID's last record: an earlier one of the same ID is not in it.
  const twice = ids.find((id, i) => records.get(id) !== items[i])
  if (twice !== undefined)
    throw new Error(
      `restore-file: ${name} holds two records of ${JSON.stringify(twice)}: which one to upload is not clear.`
    )
  return { groups, records }
}

/** The client seen by the deletion run, with its "delete" of a batch replaced. */
const apiOf = (client: MisoClient, deleteProducts: MisoApi['deleteProducts']): MisoApi => ({
  deleteProducts,
  getStatus: (taskId, signal) => client.getStatus(taskId, signal)
})

/** A restore's "delete" of a batch of IDs: the upload of their records. */
function restoreApi(client: MisoClient, records: BackupRecords): MisoApi {
  return apiOf(client, async (ids, signal) => {
    // Without the fields Miso computes and refuses on upload.
    const computed = /^(?:product_group_id_or_product_id$|category_path_)/
    const fields = (id: string) => Object.entries(records.get(id) ?? {})
    const batch = ids.map(id =>
      Object.fromEntries(fields(id).filter(([key]) => !computed.test(key)))
    )
    const outcome = await client.uploadRecords(batch, signal)
    if (!outcome.ok && outcome.failure.httpStatus === 422 && outcome.body !== undefined)
      outcome.failure.message = refusedRecords(outcome.body, ids) ?? outcome.failure.message
    return outcome
  })
}

/**
 * Which records and fields a 422 refused, by ID: Miso's lines `data.<i>.<field> is invalid.
 * <why>` under `data`, or FastAPI's `detail` with `loc` [body, data, i, field].
 */
function refusedRecords(body: string, ids: readonly string[]): string | undefined {
  const answer = parseJsonOrUndefined(body)
  const list = (key: string) => (isObject(answer) && Array.isArray(answer[key]) ? answer[key] : [])
  // A `detail` item is read as the line Miso would write for it.
  const detail = list('detail').map(item => {
    if (!isObject(item) || !Array.isArray(item.loc)) return ''
    const why = typeof item.msg === 'string' ? item.msg : ''
    return `${item.loc.slice(item.loc.indexOf('data')).join('.')} is invalid. ${why}`
  })
  const found = [...list('data'), ...detail].flatMap(line => {
    const match =
      typeof line === 'string' && /^\s*data\.(\d+)\.?(\S*)\s.*?invalid\.?\s*(.*)$/.exec(line)
    if (!match) return []
    const [, index, field, why] = match
    const id = ids[Number(index)] ?? `record ${Number(index) + 1}`
    return [`${id}${field && `.${field}`}${why && `: ${why}`}`]
  })
  if (found.length === 0) return undefined
  const more = found.length > 10 ? ` (and ${found.length - 10} more)` : ''
  return `Miso refused these records: ${found.slice(0, 10).join('; ')}${more}`
}

// A real run's sending step: a restore uploads the backup's records; a deletion first backs its
// records up (when `backup` says so) and leaves undeleted every record it could not back up.

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
  // `backup: auto` backs up runs of at most AUTO_BACKUP_MOST IDs (one request per ID).
  const many = plan.ids.length > AUTO_BACKUP_MOST
  if (settings.backup === 'auto' && many)
    options.log.notice(
      `No backup: ${plan.ids.length} IDs is more than the ${AUTO_BACKUP_MOST} that \`backup: auto\` backs up (one request per ID). Set \`backup: true\` to back up any number; this deletion cannot be undone.`
    )
  const backup = (settings.backup === 'auto' ? !many : settings.backup === 'true')
    ? await backUp(plan.ids, client, { ...options, runnerTemp: settings.runnerTemp })
    : undefined
  if (backup) report.undo = { backup }
  if (backup?.cancelled) {
    report.status = 'cancelled'
    return
  }
  const stoppedBy = backup?.stoppedBy
  // A refused key fails the run as the first delete would have, and nothing is sent.
  const api = stoppedBy ? apiOf(client, async () => ({ ok: false, failure: stoppedBy })) : client
  const unfetched = backup?.unfetched ?? []
  const left = new Set(unfetched.map(u => u.id))
  const kept = left.size > 0 ? plan.ids.filter(id => !left.has(id)) : undefined
  const batches = kept ? toBatches(kept, settings.batchSize) : plan.batches
  const deletion = await runDeletion(batches, api, options)
  if (unfetched.length > 0) {
    // The records that could not be backed up as one more batch, failed and never sent:
    // counted in `failed-count`, listed in the rerun file, shown with their reason.
    const { failure } = unfetched[0]
    const why = `${plural(left.size, 'record')} could not be backed up (${failure.message})`
    const error = { ...failure, message: `not deleted: ${why}`, fatal: false }
    plan.batches = [...batches, [...left]]
    const count = left.size
    deletion.batches.push({ index: batches.length, count, status: 'failed', counts: {}, error })
    deletion.failedCount += count
    deletion.status = runStatus(deletion.batches)
  }
  report.deletion = deletion
  report.status = deletion.status
}
