// Step outputs and the files behind them. GitHub keeps outputs small, so the
// `ids` and `result` outputs are cut at 256 KiB and the files hold everything.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { BatchResult } from '../miso/types.js'
import { type PlanFiles, type SourceEntry, sourceEntry } from './plan-files.js'
import type { RunReport } from './run-report.js'
import { failedCount, failedIds, misoCounts } from './run-report.js'

export const OUTPUT_LIMIT = 256 * 1024

interface ResultEntry {
  task_id: string | null
  count: number
  status: BatchResult['status']
  response: string | null
  counts?: Record<string, number>
  error?: { http_status: number | null; message: string }
}

export interface Outputs {
  status: string
  count: string
  ids: string
  'ids-truncated': string
  'ids-path': string
  'task-ids': string
  'task-ids-truncated': string
  'failed-count': string
  'deleted-count': string
  'not-found-count': string
  'failed-ids-path': string
  result: string
  'result-truncated': string
  'result-path': string
  sources: string
  'sources-truncated': string
  'sources-path': string
}

/** IDs per source in the `sources` output; the file has them all. */
const SOURCE_IDS_IN_OUTPUT = 1000

/** Builds every output value and writes the result file next to the plan's files. */
export function buildOutputs(report: RunReport, files: PlanFiles): Outputs {
  const ids = report.plan?.ids ?? []
  const entries = (report.deletion?.batches ?? []).map(toResultEntry)
  const resultPath = path.join(files.dir, 'result.json')
  const sources: SourceEntry[] = (report.plan?.sources ?? []).map(sourceEntry)
  writeFileSync(resultPath, JSON.stringify(entries))
  const failed = failedIds(report)
  const failedIdsPath = failed ? path.join(files.dir, 'failed-ids.json') : ''
  if (failed) writeFileSync(failedIdsPath, rerunFileText(failed))
  const idsJson = jsonArrayWithin(ids, OUTPUT_LIMIT)
  const sourcesJson = jsonArrayWithin(
    sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) })),
    OUTPUT_LIMIT
  )
  const resultJson = jsonArrayWithin(entries, OUTPUT_LIMIT)
  const counts = misoCounts(report)
  const taskIdsJson = jsonArrayWithin(report.deletion?.taskIds ?? [], OUTPUT_LIMIT)
  return {
    status: report.status,
    count: String(ids.length),
    ids: idsJson.json,
    'ids-truncated': String(idsJson.truncated),
    'ids-path': files.idsPath,
    'task-ids': taskIdsJson.json,
    'task-ids-truncated': String(taskIdsJson.truncated),
    'failed-count': String(failedCount(report)),
    'deleted-count': counts.deleted === undefined ? '' : String(counts.deleted),
    'not-found-count': counts.notFound === undefined ? '' : String(counts.notFound),
    'failed-ids-path': failedIdsPath,
    result: resultJson.json,
    'result-truncated': String(resultJson.truncated),
    'result-path': resultPath,
    sources: sourcesJson.json,
    'sources-truncated': String(
      sourcesJson.truncated || sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT)
    ),
    'sources-path': files.sourcesPath
  }
}

/**
 * The rerun file (`failed-ids-path`): a JSON array of the IDs exactly as they were sent. The
 * `.json` reader of `ids-file` takes its strings as they are, so a rerun sends the same IDs;
 * one per line would lose white space at the ends, a leading `#` (a comment) and a BOM.
 */
export function rerunFileText(ids: readonly string[]): string {
  return `${JSON.stringify(ids)}\n`
}

function toResultEntry(batch: BatchResult): ResultEntry {
  const entry: ResultEntry = {
    task_id: batch.taskId ?? null,
    count: batch.count,
    status: batch.status,
    response: batch.response ?? null
  }
  if (Object.keys(batch.counts).length > 0) entry.counts = batch.counts
  if (batch.error) {
    entry.error = { http_status: batch.error.httpStatus ?? null, message: batch.error.message }
  }
  return entry
}

/** A JSON array of as many leading items as fit in `limit` bytes. */
export function jsonArrayWithin(
  items: readonly unknown[],
  limit: number
): { json: string; truncated: boolean } {
  const parts: string[] = []
  let size = 2 // the brackets
  for (const item of items) {
    const part = JSON.stringify(item)
    const added = Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0)
    if (size + added > limit) return { json: `[${parts.join(',')}]`, truncated: true }
    parts.push(part)
    size += added
  }
  return { json: `[${parts.join(',')}]`, truncated: false }
}
