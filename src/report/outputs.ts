// Step outputs and the files behind them. GitHub keeps outputs small, so the
// `ids` and `result` outputs are cut at 256 KiB and the files hold everything.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { type PlanFiles, sourceEntry } from './plan-files.js'
import type { RunReport } from './run-report.js'
import { failedCount, failedIds, misoCounts } from './run-report.js'

export const OUTPUT_LIMIT = 256 * 1024

/** IDs per source in the `sources` output; the file has them all. */
const SOURCE_IDS_IN_OUTPUT = 1000

/** Builds every output value and writes the result file next to the plan's files. */
export function buildOutputs(report: RunReport, files: PlanFiles): Record<string, string> {
  const ids = report.plan?.ids ?? []
  const entries = (report.deletion?.batches ?? []).map(batch => ({
    task_id: batch.taskId ?? null,
    count: batch.count,
    status: batch.status,
    response: batch.response ?? null,
    ...(Object.keys(batch.counts).length > 0 ? { counts: batch.counts } : {}),
    ...(batch.error
      ? { error: { http_status: batch.error.httpStatus ?? null, message: batch.error.message } }
      : {})
  }))
  const resultPath = path.join(files.dir, 'result.json')
  writeFileSync(resultPath, JSON.stringify(entries))
  const failed = failedIds(report)
  const failedIdsPath = failed ? path.join(files.dir, 'failed-ids.json') : ''
  if (failed) writeFileSync(failedIdsPath, rerunFileText(failed))
  const sources = (report.plan?.sources ?? []).map(sourceEntry)
  const counts = misoCounts(report)
  // Each JSON output with its `-truncated` flag.
  const cut = (name: string, items: readonly unknown[], more = false) => {
    const { json, truncated } = jsonArrayWithin(items, OUTPUT_LIMIT)
    return { [name]: json, [`${name}-truncated`]: String(truncated || more) }
  }
  return {
    status: report.status,
    count: String(ids.length),
    ...cut('ids', ids),
    'ids-path': files.idsPath,
    ...cut('task-ids', report.deletion?.taskIds ?? []),
    'failed-count': String(failedCount(report)),
    'deleted-count': counts.deleted === undefined ? '' : String(counts.deleted),
    'not-found-count': counts.notFound === undefined ? '' : String(counts.notFound),
    'failed-ids-path': failedIdsPath,
    ...cut('result', entries),
    'result-path': resultPath,
    ...cut(
      'sources',
      sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) })),
      sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT)
    ),
    'sources-path': files.sourcesPath,
    ...undoOutputs(report)
  }
}

/** The backup's file and count; the records a restore got accepted (src/undo/). */
function undoOutputs(report: RunReport): Record<string, string> {
  const { backup, restoring } = report.undo ?? {}
  const accepted = (report.deletion?.batches ?? []).filter(
    b => b.status === 'succeeded' || b.status === 'submitted'
  )
  return {
    'backup-path': backup?.path ?? '',
    'backup-count': backup ? String(backup.count) : '',
    'restored-count': restoring ? String(accepted.reduce((sum, b) => sum + b.count, 0)) : ''
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

/** A JSON array of as many leading items as fit in `limit` bytes. */
export function jsonArrayWithin(
  items: readonly unknown[],
  limit: number
): { json: string; truncated: boolean } {
  const parts: string[] = []
  let size = 2 // the brackets
  for (const item of items) {
    const part = JSON.stringify(item)
    size += Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0)
    if (size > limit) return { json: `[${parts.join(',')}]`, truncated: true }
    parts.push(part)
  }
  return { json: `[${parts.join(',')}]`, truncated: false }
}
