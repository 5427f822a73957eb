// The story of one run: inputs → settings → IDs (with where each came from) →
// plan → batches → tasks → report.
import type { AnnotationProperties } from '@actions/core'
import * as path from 'node:path'
import { type Channel, runChannel } from './channel.js'
import { UnreadableFileError } from './diff/commit-files.js'
import { forcedDryRun } from './diff/event.js'
import { IdFileError, readIdFiles } from './ids/formats.js'
import type { IdGroup } from './ids/id-group.js'
import { parseInlineIds } from './ids/inline.js'
import { plural } from './plural.js'
import { getSettings, InputError, runnerTempOf, type Settings } from './input-helper.js'
import { type RunLog, runLog } from './log.js'
import { MisoClient } from './miso/client.js'
import { describeSource, makePlan, percentRefusal, type Plan, refusal } from './plan.js'
import {
  buildOutputs,
  checkReportDestinations,
  type PlanFiles,
  writePlanFiles
} from './report/outputs.js'
import {
  adviceFor,
  failureLine,
  repositoryLinks,
  deletionShare,
  type RunReport,
  failedCount,
  forcedDryRunNotice,
  notFoundWarning,
  stepFails
} from './report/run-report.js'
import { renderSummary } from './report/summary.js'
import type { RunContext } from './runner.js'
import type { BackupRecords } from './undo/restore.js'

/** What the steps of one run share: what it was given, where it writes, what it made. */
interface RunState {
  env: NodeJS.ProcessEnv
  event: RunContext['event']
  signal: AbortSignal
  channel: Channel
  log: RunLog
  report: RunReport
  settings?: Settings
  /** The plan's files, being written while the deletion runs. */
  planFiles?: Promise<PlanFiles>
  /** What ended the run early: refused inputs get one failing annotation each. */
  error?: unknown
}

/** The state once the settings are read, with the Miso client made when first needed. */
type Running = RunState & { settings: Settings; miso: () => MisoClient }

/** Runs the action; `failed` when the step fails. */
export async function run(context: RunContext): Promise<{ failed: boolean }> {
  const { env, cancellation, event } = context
  const started = Date.now()
  const report: RunReport = { status: 'failed', notes: [], elapsedMs: 0 }
  // Every line, output, file and summary goes through the channel: secrets out first.
  const channel = runChannel(context.input('api-key'), env)
  const log = runLog(channel, report.notes, context.log)
  if (event.problem) log.warning(`Could not read the event payload: ${event.problem}`)
  report.links = repositoryLinks(env, event)
  const state: RunState = { env, event, signal: cancellation.signal, channel, log, report }
  try {
    state.settings = await phase(context, 'Inputs', () => readSettings(context, state))
    report.recordType = state.settings.recordType
    await deleteIds(context, state.settings, state)
  } catch (error) {
    report.status = cancellation.signal.aborted ? 'cancelled' : 'failed'
    report.error = error instanceof Error ? error.message : String(error)
    if (error instanceof UnreadableFileError) report.errorNext = error.next
    state.error = error
  }
  report.elapsedMs = Date.now() - started
  // The signal handlers stay until the report is out: the runner's SIGTERM follows its
  // SIGINT within seconds and must not kill the process half way through the outputs.
  const { shown, failed } = await publish(context, state)
  // Last, when everything else is out: the comment never delays or fails anything.
  const { settings } = state
  if (settings?.comment) {
    const { updatePullRequestComment } = await import('./github/pr-comment.js')
    // Shown to people like the summary: redacted and bounded before the comment escapes it.
    const commentRun = { ...state, settings, report: shown, clean: channel.redact }
    const url = await updatePullRequestComment(commentRun)
    if (url) context.output('comment-url', channel.redact(url))
  }
  cancellation.dispose()
  return { failed }
}

/** Each phase of the run as a collapsible group of the log. */
async function phase<T>(context: RunContext, title: string, work: () => T | Promise<T>) {
  context.log.startGroup(title)
  try {
    return await work()
  } finally {
    context.log.endGroup()
  }
}

/** The inputs as settings; the log says what the run will do and what the event decided. */
function readSettings(context: RunContext, { env, event, log }: RunState): Settings {
  const forced = (branches: readonly string[]) => forcedDryRun(event.name, event.payload, branches)
  const settings = getSettings(context, forced)
  log.info(describeSettings(settings))
  const reason = forced(settings.branches)
  if (reason) log.notice(forcedDryRunNotice(reason))
  const { wait, waitTimeoutMs: timeout, pollIntervalMs: poll } = settings
  const early = `\`wait-timeout\` (${timeout / 1000} s) is shorter than \`poll-interval\` (${poll / 1000} s): the wait ends before the first status poll, so no task can be confirmed. Raise \`wait-timeout\` or lower \`poll-interval\`.`
  if (wait && timeout > 0 && timeout < poll) log.warning(early)
  // Before the first call to Miso: a deletion that cannot be reported is worse than none.
  checkReportDestinations(env, settings.runnerTemp)
  return settings
}

/** Sources → plan → batches → tasks. */
async function deleteIds(context: RunContext, settings: Settings, state: RunState) {
  const { report, log, channel } = state
  // Made when first needed (a dry run makes none): it throws for unusable proxy settings.
  let client: MisoClient | undefined
  const miso = () => (client ??= new MisoClient({ ...settings, env: state.env, log }))
  const running = Object.assign(state, { settings, miso })
  const found = await phase(context, sourcesTitle(settings), async () => {
    const found = await findIds(running)
    for (const g of found.groups) log.info(`${describeSource(g)}: ${plural(g.ids.length, 'ID')}`)
    return found
  })
  Object.assign(report, { diff: found.diff, reconcile: found.reconcile })
  const plan = (report.plan = makePlan(found.groups, settings.batchSize))
  await phase(context, planTitle(plan, settings), () => logPlan(plan, log, channel))
  // The plan's files (every ID, every source; tens of megabytes for a million IDs) are
  // written while the deletion runs. A failure is reported with the outputs.
  state.planFiles = writePlanFiles(plan, settings.runnerTemp, channel.redact)
  state.planFiles.catch(() => undefined)
  const work = settings.restoreFile ? 'Restore' : 'Deletion'
  const title = settings.dryRun ? `${work}: dry run, nothing is sent` : work
  const restore = 'records' in found ? found.records : undefined
  await phase(context, title, () => deleteOrPreview(plan, running, restore))
}

/** Where a refused ID file is wrong, so the annotation shows on that file and line. */
function annotationOf(error: unknown): AnnotationProperties | undefined {
  // Files under RUNNER_TEMP (absolute names) are not in the repository.
  if (!(error instanceof IdFileError) || path.isAbsolute(error.file)) return undefined
  const startLine = Number(/^line (\d+)/.exec(error.position)?.[1]) || undefined
  return { title: 'Refused ID file', file: error.file, startLine }
}

/** Decides what to do with the plan and, when it is a real run, does it. */
async function deleteOrPreview(plan: Plan, state: Running, restore?: BackupRecords) {
  const { settings, report, signal, log } = state
  const share = deletionShare(report)
  const percent = share && percentRefusal(share, settings.maxDeletionsPercent)
  const refused = refusal(plan, settings.maxDeletions) ?? percent
  // A signal that came while the action loaded or the IDs were read ends the run as cancelled,
  // whatever was found. Node delivers a signal only on an event-loop turn, and a run with inline
  // IDs may not have taken one yet: take one before deciding.
  await new Promise(resolve => setImmediate(resolve))
  if (signal.aborted) {
    report.status = 'cancelled'
  } else if (plan.ids.length === 0) {
    report.status = 'empty'
    if (settings.failOnEmpty) report.error = 'No IDs were resolved and `fail-on-empty` is true.'
  } else if (settings.dryRun) {
    report.status = 'dry-run'
    report.dryRunReason = settings.dryRunReason
    if (refused) log.warning(`When this runs for real it will be refused: ${refused}`)
  } else if (refused) {
    report.error = `Refused: ${refused}`
    report.refused = true
  } else {
    const { sendPlan } = await import('./undo/restore.js')
    await sendPlan(report, plan, settings, state.miso(), restore, { ...settings, signal, log })
    const notFound = notFoundWarning(report)
    if (notFound) log.warning(notFound)
  }
}

/**
 * The IDs to delete, by source. Reconcile: what Miso lists and the repository no longer names
 * (see reconcile/). Otherwise every source the inputs name, in a fixed order: inline, files,
 * then the diff.
 */
async function findIds({ settings, miso, event, env, log, signal }: Running) {
  if (settings.restoreFile) return (await import('./undo/restore.js')).readBackup(settings)
  if (settings.reconcile) {
    const { resolveReconcileIds } = await import('./reconcile/reconcile.js')
    const { groups, info } = await resolveReconcileIds(settings, miso(), signal, env, log)
    return { groups, reconcile: info }
  }
  const groups: IdGroup[] = []
  const inline = parseInlineIds(settings.productIds)
  if (inline.length > 0) groups.push({ kind: 'inline', name: 'product-ids', ids: inline })
  if (settings.idsFiles.length > 0) {
    const { idsFiles, workspace, idField, runnerTemp } = settings
    groups.push(...(await readIdFiles(idsFiles, workspace, idField, runnerTemp, { notes: log })))
  }
  const { deletedPaths, idListFiles, deleteListFiles } = settings
  if (deletedPaths.length + idListFiles.length + deleteListFiles.length === 0) {
    const none =
      'No ID source was given (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files` or `delete-list-files`).'
    if (groups.length === 0) log.notice(none)
    return { groups }
  }
  // Loaded only when needed: git, the REST client and YAML are most of the bundle's start-up.
  const { resolveDiffIds } = await import('./diff/diff-source.js')
  const found = await resolveDiffIds(settings, event, env, log, signal)
  const { groups: removed, notices, warnings, ...diff } = found
  notices.forEach(log.notice)
  warnings.forEach(log.warning)
  return { groups: [...groups, ...removed], diff }
}

/** What this run will do, in one line of the log (never the key). */
function describeSettings(s: Settings): string {
  const waiting = !s.wait
    ? 'no wait for the tasks'
    : s.waitTimeoutMs === 0
      ? 'waiting for the tasks without a time limit'
      : `waiting up to ${s.waitTimeoutMs / 1000} s for the tasks`
  const doing = s.restoreFile ? 'Restoring' : 'Deleting'
  const mode = s.dryRun ? 'Dry run, nothing is sent to Miso' : `${doing} through ${s.apiUrl}`
  return `${mode}: batches of ${s.batchSize}, ${s.concurrency} at once, ${waiting}.`
}

function sourcesTitle({ restoreFile, reconcile }: Settings): string {
  if (restoreFile) return 'Sources: the backup file'
  return reconcile ? 'Sources: Miso and the repository' : 'Sources and diff'
}

/** The plan in one line: the title of its group in the log. */
function planTitle(plan: Plan, { recordType }: Settings): string {
  const what = recordType === 'users' ? 'unique user ID' : 'unique ID'
  return `Plan: ${plural(plan.ids.length, what)} from ${plural(plan.sources.length, 'source')}, in ${plural(plan.batches.length, 'batch', 'batches')}`
}

function logPlan({ ids }: Plan, log: RunLog, channel: Channel): void {
  // One line per ID, each made safe on its own: an ID is data and must not become a command.
  log.infoLines(ids.slice(0, 1000).map(id => channel.value(id)))
  if (ids.length > 1000) log.info(`… and ${plural(ids.length - 1000, 'more ID')} (see ids-path).`)
}

/**
 * Outputs, summary and the step's result: written for every run, failed ones too. Gives the
 * report as shown to people (redacted and bounded), for the comment, and whether the step fails.
 */
async function publish(context: RunContext, state: RunState) {
  const { report, settings, channel, log } = state
  const runnerTemp = settings?.runnerTemp ?? runnerTempOf(state.env)
  const planFiles = state.planFiles ?? writePlanFiles(report.plan, runnerTemp, channel.redact)
  const files = await planFiles.catch((error: Error) => error)
  const redacted = channel.redacted(report)
  const shown = channel.shown(redacted)
  // Each channel on its own: a missing output file must not also cost the summary.
  let unwritten: string | undefined
  try {
    if (files instanceof Error) throw files
    const outputs = buildOutputs(redacted, files)
    for (const [name, value] of Object.entries(outputs)) context.output(name, value)
  } catch (error) {
    unwritten = `The step outputs could not be written: ${(error as Error).message}`
  }
  // No summary file (e.g. a local run): the log and outputs still tell everything.
  const unsummarised = (error: Error) => log.debug(`No job summary written: ${error.message}`)
  await context.summary(renderSummary(shown)).catch(unsummarised)
  const { plan, deletion } = report
  log.info(
    `Status: ${report.status}; IDs: ${plan?.ids.length ?? 0}; tasks: ${deletion?.taskIds.length ?? 0}; failed IDs: ${failedCount(report)}.`
  )
  const fails = stepFails(report, settings?.failOnEmpty ?? false)
  if (fails) {
    // The error annotation says what went wrong and what to do next; each refused input has
    // its own, so that one run shows every input to fix.
    const advice = adviceFor(report)
    const own = report.errorNext === undefined ? report.error : undefined
    const message = own ?? (advice ? failureLine(advice) : `Miso bulk delete ${report.status}.`)
    const { error } = state
    const lines = error instanceof InputError ? error.problems : [message]
    for (const line of lines) log.error(line, annotationOf(error))
  }
  if (unwritten) log.error(unwritten)
  return { shown, failed: fails || unwritten !== undefined }
}
