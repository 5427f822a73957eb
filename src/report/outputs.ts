// Step outputs and the files behind them. GitHub keeps outputs small, so the `ids` and
// `result` outputs are cut at 256 KiB and the files hold everything: every unique ID
// (`ids-path`), which source gave which IDs (`sources-path`), each batch's result.
import { accessSync, constants, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import type { Plan, SourceSummary } from '../plan.js'
import { fitting } from './markdown.js'
import { accepted } from '../deletion.js'
import { countTotals, failedCount, failedIds, type RunReport } from './run-report.js'

export const OUTPUT_LIMIT = 256 * 1024

/** The plan's files, in the run's own directory under RUNNER_TEMP (with the result file). */
export type PlanFiles = Awaited<ReturnType<typeof writePlanFiles>>

/** IDs per source in the `sources` output; the file has them all. */
const SOURCE_IDS_IN_OUTPUT = 1000

/** Builds every output value and writes the result file next to the plan's files. */
export function buildOutputs(report: RunReport, files: PlanFiles): Record<string, string> {
  const ids = report.plan?.ids ?? []
  const batches = report.deletion?.batches ?? []
  // Undefined fields are left out of the JSON.
  const entries = batches.map(({ taskId, count, status, response, counts, error }) => ({
    ...{ task_id: taskId ?? null, count, status, response: response ?? null },
    counts: Object.keys(counts).length > 0 ? counts : undefined,
    error: error && { http_status: error.httpStatus ?? null, message: error.message }
  }))
  const resultPath = path.join(files.dir, 'result.json')
  writeFileSync(resultPath, JSON.stringify(entries))
  const failed = failedIds(report)
  const failedIdsPath = failed ? path.join(files.dir, 'failed-ids.json') : ''
  if (failed) writeFileSync(failedIdsPath, rerunFileText(failed))
  const sources = (report.plan?.sources ?? []).map(sourceEntry)
  const firstOfSources = sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) }))
  const sourcesCut = sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT)
  const { deleted, not_found: notFound } = countTotals(report)
  const { backup, restoring } = report.undo ?? {}
  const restored = batches.filter(accepted).reduce((n, b) => n + b.count, 0)
  // Each JSON output: as many leading items as fit in OUTPUT_LIMIT bytes (the brackets take 2,
  // each item its length and a comma, less the first one's), and its `-truncated` flag.
  const cut = (name: string, items: readonly unknown[], more = false) => {
    const n = fitting(items, OUTPUT_LIMIT - 1, item => Buffer.byteLength(JSON.stringify(item)) + 1)
    const value = JSON.stringify(items.slice(0, n))
    return { [name]: value, [`${name}-truncated`]: String(n < items.length || more) }
  }
  return {
    status: report.status,
    count: String(ids.length),
    ...cut('ids', ids),
    'ids-path': files.idsPath,
    ...cut('task-ids', report.deletion?.taskIds ?? []),
    'failed-count': String(failedCount(report)),
    'deleted-count': String(deleted ?? ''),
    'not-found-count': String(notFound ?? ''),
    'failed-ids-path': failedIdsPath,
    ...cut('result', entries),
    'result-path': resultPath,
    ...cut('sources', firstOfSources, sourcesCut),
    'sources-path': files.sourcesPath,
    // The backup's file and count; the records a restore got accepted (src/undo/).
    'backup-path': backup?.path ?? '',
    'backup-count': String(backup?.count ?? ''),
    'restored-count': restoring ? String(restored) : ''
  }
}

/**
 * The rerun file (`failed-ids-path`): a JSON array of the IDs exactly as they were sent. The
 * `.json` reader of `ids-file` takes its strings as they are, so a rerun sends the same IDs;
 * one per line would lose white space at the ends, a leading `#` (a comment) and a BOM.
 */
export const rerunFileText = (ids: readonly string[]) => `${JSON.stringify(ids)}\n`

/** One source in the `sources` output and file. */
function sourceEntry({ kind, name, detail, ids }: SourceSummary) {
  return { kind, name, detail: detail ?? null, count: ids.length, ids }
}

/** IDs per chunk: each takes well under a millisecond to build, so requests are not held up. */
const CHUNK_IDS = 10_000

/**
 * The plan's files depend on nothing the deletion does, so they are written while it runs: for
 * a million IDs they are tens of megabytes, and written in chunks they neither hold up the end
 * of the run nor need the whole text in memory at once. `writeFile` builds each chunk only when
 * the file has taken the one before (a stream would read ahead, and chunks held that long
 * outlive the young generation).
 *
 * Writes both files into a new directory under `runnerTemp` (empty lists without a plan),
 * every ID and name passed through `redact` first, as every channel's text is.
 */
export async function writePlanFiles(
  plan: Plan | undefined,
  runnerTemp: string,
  redact: (text: string) => string
) {
  const dir = mkdtempSync(path.join(runnerTemp, 'miso-bulk-delete-'))
  const [idsPath, sourcesPath] = ['ids.txt', 'sources.json'].map(name => path.join(dir, name))
  function* chunks(ids: readonly string[], text: (ids: string[], first: boolean) => string) {
    for (let at = 0; at < ids.length; at += CHUNK_IDS) {
      yield text(ids.slice(at, at + CHUNK_IDS).map(redact), at === 0)
    }
  }
  await writeFile(
    idsPath,
    chunks(plan?.ids ?? [], ids => `${ids.join('\n')}\n`)
  )
  // The same JSON as JSON.stringify() of the entries, each source's IDs in chunks.
  function* sources() {
    yield '['
    for (const [n, source] of (plan?.sources ?? []).entries()) {
      const { ids, ...entry } = sourceEntry(source)
      const rest = JSON.stringify(entry, (_, v: unknown) => (typeof v === 'string' ? redact(v) : v))
      yield `${n > 0 ? ',' : ''}${rest.slice(0, -1)},"ids":[`
      yield* chunks(ids, (part, first) => (first ? '' : ',') + JSON.stringify(part).slice(1, -1))
      yield ']}'
    }
    yield ']'
  }
  await writeFile(sourcesPath, sources())
  return { dir, idsPath, sourcesPath }
}

/**
 * Where the report goes, checked before the first call to Miso: a run that deletes and then
 * cannot say what it deleted (no outputs, no ID files) is worse than one that refuses to start.
 * Throws, naming the variable, unless `runnerTemp` is a writable directory and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, when set, are writable files.
 */
export function checkReportDestinations(env: NodeJS.ProcessEnv, runnerTemp: string): void {
  const temp = env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temp directory'
  const { GITHUB_OUTPUT, GITHUB_STEP_SUMMARY } = env
  const targets = { [temp]: runnerTemp, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY }
  const problems = Object.entries(targets).flatMap(([name, target]) => {
    const problem = target && problemWith(target, name === temp ? 'directory' : 'file')
    return problem ? [`${name} (${target}) ${problem}`] : []
  })
  const cannot = "The run's report could not be written, so nothing was sent to Miso"
  if (problems.length > 0) throw new Error(`${cannot}: ${problems.join('; ')}.`)
}

function problemWith(target: string, kind: 'directory' | 'file'): string | undefined {
  try {
    const stat = statSync(target)
    if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile()) return `is not a ${kind}`
    accessSync(target, constants.W_OK)
  } catch (error) {
    // Which call failed says what is wrong: no entry to stat, or no right to write.
    const { syscall } = error as NodeJS.ErrnoException
    return syscall === 'stat' ? 'does not exist' : 'is not writable'
  }
}
