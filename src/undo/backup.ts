// The undo's first half: before the first delete, every record is fetched and written to a
// backup file, one JSON object per line, so `restore-file` can upload them back. A record
// that cannot be fetched is not deleted: without its backup the deletion could not be undone.
import { appendFileSync, mkdtempSync } from 'node:fs'
import * as path from 'node:path'
import type { Log } from '../log.js'
import type { MisoClient } from '../miso/client.js'
import type { MisoFailure } from '../miso/types.js'
import { plural } from '../plural.js'

/** `backup: auto` backs up runs of at most this many IDs (one request per ID). */
export const AUTO_BACKUP_MOST = 1000

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

/** Whether this run backs up, telling the log when `auto` skips a large run. */
export function backupWanted(setting: 'auto' | 'true' | 'false', ids: number, log: Log): boolean {
  if (setting !== 'auto') return setting === 'true'
  if (ids <= AUTO_BACKUP_MOST) return true
  log.notice(
    `No backup: ${ids} IDs is more than the ${AUTO_BACKUP_MOST} that \`backup: auto\` backs up (one request per ID). Set \`backup: true\` to back up any number; this deletion cannot be undone.`
  )
  return false
}

/**
 * Fetches every record with `concurrency` requests at once (the client's throttle and retries
 * apply) and appends each, as it comes, to a new file under `runnerTemp`: a cancelled or
 * killed run leaves the backup it made so far.
 */
export async function backUp(
  ids: readonly string[],
  client: Pick<MisoClient, 'getRecord'>,
  options: { concurrency: number; runnerTemp: string; signal: AbortSignal; log: Log }
): Promise<BackupInfo> {
  const { signal, log } = options
  const info: BackupInfo = { path: '', count: 0, notFound: 0, unfetched: [], cancelled: false }
  const write = (record: object): void => {
    if (!info.path) {
      const dir = mkdtempSync(path.join(options.runnerTemp, 'miso-backup-'))
      info.path = path.join(dir, 'backup.jsonl')
    }
    appendFileSync(info.path, `${JSON.stringify(record)}\n`, { mode: 0o600 })
    info.count++
  }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < ids.length && !signal.aborted && !info.stoppedBy) {
      const id = ids[next++]
      const got = await client.getRecord(id, signal)
      if (signal.aborted) return
      if (!got.ok && got.failure.fatal) info.stoppedBy = got.failure
      else if (!got.ok) info.unfetched.push({ id, failure: got.failure })
      else if (got.record === undefined) info.notFound++
      else write(got.record)
    }
  }
  const workers = Math.min(Math.max(1, options.concurrency), ids.length)
  await Promise.all(Array.from({ length: workers }, worker))
  info.cancelled = signal.aborted
  log.info(
    `Backup: ${plural(info.count, 'record')} written${info.path ? ` to ${info.path}` : ''}` +
      (info.notFound > 0 ? `; ${info.notFound} not in Miso (404, nothing to back up)` : '') +
      (info.unfetched.length > 0
        ? `; ${plural(info.unfetched.length, 'record')} could not be fetched and will not be deleted`
        : '') +
      (info.cancelled ? '; cancelled before the backup was complete, nothing was deleted' : '') +
      '.'
  )
  return info
}
