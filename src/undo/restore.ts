// The undo's second half: `restore-file` uploads the records of a backup file back to Miso
// (`POST /v1/{type}`, in batches, answered with a task like a delete). The deletion run sends
// and polls them: its "delete" of a batch of IDs is here the upload of their records.
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { readIdFiles } from '../ids/files.js'
import type { IdGroup } from '../ids/id-group.js'
import { isObject, type JsonObject, parseJsonOrUndefined } from '../json.js'
import type { MisoClient } from '../miso/client.js'
import type { MisoApi, RecordType } from '../miso/types.js'
import type { Settings } from '../settings.js'

/** The records of a backup by ID, in the file's order. */
export type BackupRecords = Map<string, JsonObject>

const idFieldOf = (type: RecordType): string => (type === 'users' ? 'user_id' : 'product_id')

/**
 * Reads the backup file: its IDs by the one reader of `.jsonl` ID files (which also keeps the
 * path inside the workspace or `RUNNER_TEMP`), and the record of each line. Any line that is
 * not a record with its ID fails the run before any call.
 */
export async function readBackup(
  settings: Settings
): Promise<{ groups: IdGroup[]; records: BackupRecords; diff?: undefined; reconcile?: undefined }> {
  const { restoreFile, workspace, runnerTemp, recordType } = settings
  if (!/\.(jsonl|ndjson)$/i.test(restoreFile)) {
    throw new Error(
      `restore-file: "${restoreFile}" is not a backup file (JSON lines, \`.jsonl\`, as \`backup-path\` names it).`
    )
  }
  if (/[*?[\]{}\n]/.test(restoreFile) || restoreFile.trim().startsWith('!')) {
    throw new Error(
      `restore-file: "${restoreFile}" is a pattern; give the one backup file's path (a pattern could upload a product feed over Miso's records).`
    )
  }
  const groups = await readIdFiles(
    [restoreFile],
    workspace,
    idFieldOf(recordType),
    runnerTemp
  ).catch((error: Error) => {
    throw new Error(error.message.replace(/^ids-file\b/, 'restore-file'))
  })
  const records: BackupRecords = new Map()
  for (const group of groups) {
    const file = path.resolve(workspace, group.name)
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
    const lines = text.split('\n').filter(line => line.trim() !== '')
    const parsed = lines.map(line => parseJsonOrUndefined(line))
    if (parsed.length !== group.ids.length || !parsed.every(isObject)) {
      throw new Error(
        `restore-file: ${group.name} holds a line that is not a ${recordType} record.`
      )
    }
    const seen = new Set<string>()
    const twice = group.ids.find(id => seen.size === seen.add(id).size)
    if (twice !== undefined) {
      throw new Error(
        `restore-file: ${group.name} holds two records of ${JSON.stringify(twice)}: which one to upload is not clear.`
      )
    }
    group.ids.forEach((id, i) => records.set(id, parsed[i] as JsonObject))
  }
  return { groups, records }
}

/** The record as Miso takes it back: without the fields Miso computes and refuses on upload. */
export function uploadable(record: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key]) => key !== 'product_group_id_or_product_id' && !key.startsWith('category_path_')
    )
  )
}

/** The client seen by the deletion run: a batch of IDs is sent as the upload of their records. */
export function restoreApi(client: MisoClient, records: BackupRecords): MisoApi {
  return {
    async deleteProducts(ids, signal) {
      const batch = ids.map(id => uploadable(records.get(id) ?? {}))
      const outcome = await client.uploadRecords(batch, signal)
      if (!outcome.ok && outcome.failure.httpStatus === 422 && outcome.body !== undefined) {
        const refused = refusedRecords(outcome.body, ids)
        if (refused) outcome.failure.message = refused
      }
      return outcome
    },
    getStatus: (taskId, signal) => client.getStatus(taskId, signal)
  }
}

/**
 * Which records and fields a 422 refused, by ID: Miso's lines `data.<i>.<field> is invalid.
 * <why>` under `data`, or FastAPI's `detail` with `loc` [body, data, i, field].
 */
export function refusedRecords(body: string, ids: readonly string[]): string | undefined {
  const answer = parseJsonOrUndefined(body)
  if (!isObject(answer)) return undefined
  const found: { index: number; field: string; why: string }[] = []
  for (const item of Array.isArray(answer.data) ? answer.data : []) {
    const line =
      typeof item === 'string' ? /^\s*data\.(\d+)\.?(\S*)\s.*?invalid\.?\s*(.*)$/.exec(item) : null
    if (line) found.push({ index: Number(line[1]), field: line[2], why: line[3] })
  }
  for (const item of Array.isArray(answer.detail) ? answer.detail : []) {
    const loc = isObject(item) && Array.isArray(item.loc) ? item.loc.map(String) : []
    const at = loc.indexOf('data')
    if (at >= 0 && /^\d+$/.test(loc[at + 1] ?? '')) {
      const why = isObject(item) && typeof item.msg === 'string' ? item.msg : ''
      found.push({ index: Number(loc[at + 1]), field: loc.slice(at + 2).join('.'), why })
    }
  }
  if (found.length === 0) return undefined
  const shown = found.slice(0, 10).map(f => {
    const field = f.field ? `.${f.field}` : ''
    return `${ids[f.index] ?? `record ${f.index + 1}`}${field}${f.why ? `: ${f.why}` : ''}`
  })
  const more = found.length > shown.length ? ` (and ${found.length - shown.length} more)` : ''
  return `Miso refused these records: ${shown.join('; ')}${more}`
}
