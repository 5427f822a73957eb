// The story of one run: inputs → settings → IDs (with where each came from) →
// plan → batches → tasks → report.
import type { AnnotationProperties } from '@actions/core'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { type Channel, runChannel } from './channel.js'
import { runDeletion } from './deletion.js'
import { UnreadableFileError } from './diff/commit-files.js'
import { forcedDryRun } from './diff/event.js'
import { readIdFiles } from './ids/files.js'
import { IdFileError } from './ids/formats.js'
import type { IdGroup } from './ids/id-group.js'
import { parseInlineIds, whiteSpaceWarning } from './ids/inline.js'
import { plural } from './plural.js'
import { getSettings, runnerTempOf, settingsWarnings } from './input-helper.js'
import { type Log, type LogSink, type RunLog, runLog } from './log.js'
import { MisoClient } from './miso/client.js'
import { describeSource, makePlan, percentRefusal, type Plan, refusal } from './plan.js'
import type { ReconcileInfo } from './reconcile/compare.js'
import { checkReportDestinations } from './report/destinations.js'
import { buildOutputs } from './report/outputs.js'
import { type PlanFiles, writePlanFiles } from './report/plan-files.js'
import { adviceFor, failureLine } from './report/advice.js'
import { repositoryLinks } from './report/links.js'
import type { DiffInfo, RunReport } from './report/run-report.js'
import {
  deletionShare,
  failedCount,
  forcedDryRunNotice,
  notFoundWarning,
  stepFails
} from './report/run-report.js'
import { renderSummary } from './report/summary.js'
import type { RecordType } from './miso/types.js'
import type { RunContext } from './runner.js'
import type { Settings } from './settings.js'

export interface GitHubEvent {
  name: string
  payload: unknown
}

/** The run's end: `failed` when the step fails. */
export interface RunOutcome {
  failed: boolean
}

export async function run(context: RunContext): Promise<RunOutcome> {
  const { env, cancellation } = context
  const started = Date.now()
  const report: RunReport = { status: 'failed', notes: [], elapsedMs: 0 }
  // Every line, output, file and summary goes through the channel: secrets out first.
  const channel = runChannel(context.input('api-key'), env)
  const log = runLog(channel, report.notes, context.log)
  const phase = phaseIn(context.log)
  let settings: Settings | undefined
  let planFiles: Promise<PlanFiles> | undefined
  let errorAt: AnnotationProperties | undefined
  const event = readEvent(env, log)
  report.links = repositoryLinks(env, event)
  try {
    const forced = (branches: readonly string[]) =>
      forcedDryRun(event.name, event.payload, branches)
    const read = await phase('Inputs', () => {
      const s = getSettings({
        forcedDryRun: forced,
        env,
        getInput: context.input,
        setSecret: context.log.mask
      })
      log.info(describeSettings(s))
      const reason = forced(s.branches)
      if (reason) log.notice(forcedDryRunNotice(reason))
      for (const warning of settingsWarnings(s)) log.warning(warning)
      // Before the first call to Miso: a deletion that cannot be reported is worse than none.
      checkReportDestinations(env, s.runnerTemp)
      return s
    })
    settings = read
    report.recordType = read.recordType

    const miso = misoClientOf(read, env, log)
    const { groups, diff, reconcile } = await phase(
      read.reconcile ? 'Sources: Miso and the repository' : 'Sources and diff',
      async () => {
        const found = read.reconcile
          ? await reconcileIds(read, miso, cancellation.signal, env, log)
          : await collectIds(read, event, env, log, cancellation.signal)
        for (const g of found.groups)
          log.info(`${describeSource(g)}: ${plural(g.ids.length, 'ID')}`)
        return found
      }
    )
    report.diff = diff
    report.reconcile = reconcile
    const plan = makePlan(groups, read.batchSize)
    report.plan = plan
    await phase(planTitle(plan, read.recordType), () => logPlan(plan, log, channel))
    // The plan's files (every ID, every source; tens of megabytes for a million IDs) are
    // written while the deletion runs. A failure is reported with the outputs.
    planFiles = writePlanFiles(plan, read.runnerTemp, channel.redact)
    planFiles.catch(() => undefined)
    await phase(read.dryRun ? 'Deletion: dry run, nothing is sent' : 'Deletion', () =>
      deleteOrPreview(report, plan, read, miso, cancellation.signal, log)
    )
  } catch (error) {
    report.status = cancellation.signal.aborted ? 'cancelled' : 'failed'
    report.error = error instanceof Error ? error.message : String(error)
    if (error instanceof UnreadableFileError) report.errorNext = error.next
    errorAt = annotationOf(error)
  }
  report.elapsedMs = Date.now() - started
  // The signal handlers stay until the report is out: the runner's SIGTERM follows its
  // SIGINT within seconds and must not kill the process half way through the outputs.
  planFiles ??= writePlanFiles(
    report.plan,
    settings?.runnerTemp ?? runnerTempOf(env),
    channel.redact
  )
  const { shown, failed } = await publish(report, planFiles, settings?.failOnEmpty ?? false, {
    context,
    channel,
    log,
    errorAt
  })
  // Last, when everything else is out: the comment never delays or fails anything.
  if (settings?.comment) {
    const { updatePullRequestComment } = await import('./github/pr-comment.js')
    const url = await updatePullRequestComment({
      // Shown to people like the summary: redacted and bounded before the comment escapes it.
      report: shown,
      settings,
      event,
      env,
      signal: cancellation.signal,
      clean: channel.redact,
      log
    })
    if (url) context.output('comment-url', channel.redact(url))
  }
  cancellation.dispose()
  return { failed }
}

/** Each phase of the run as a collapsible group of the log. */
function phaseIn(sink: LogSink) {
  return async <T>(title: string, work: () => T | Promise<T>): Promise<T> => {
    sink.startGroup(title)
    try {
      return await work()
    } finally {
      sink.endGroup()
    }
  }
}

/** Where a refused ID file is wrong, so the annotation shows on that file and line. */
function annotationOf(error: unknown): AnnotationProperties | undefined {
  // Files under RUNNER_TEMP (absolute names) are not in the repository.
  if (!(error instanceof IdFileError) || path.isAbsolute(error.file)) return undefined
  const line = /^line (\d+)/.exec(error.position)
  return {
    title: 'Refused ID file',
    file: error.file,
    ...(line ? { startLine: Number(line[1]) } : {})
  }
}

/** Decides what to do with the plan and, when it is a real run, does it. */
async function deleteOrPreview(
  report: RunReport,
  plan: Plan,
  settings: Settings,
  miso: () => MisoClient,
  signal: AbortSignal,
  log: Log
): Promise<void> {
  const share = deletionShare(report)
  const refused =
    refusal(plan, settings.maxDeletions) ??
    (share ? percentRefusal(share, settings.maxDeletionsPercent) : undefined)
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
    report.deletion = await runDeletion(plan.batches, miso(), {
      concurrency: settings.concurrency,
      wait: settings.wait,
      waitTimeoutMs: settings.waitTimeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      retries: settings.retries,
      signal,
      log
    })
    report.status = report.deletion.status
    const notFound = notFoundWarning(report)
    if (notFound) log.warning(notFound)
  }
}

/**
 * The client for Miso, made when first needed (a dry run makes none, a reconcile makes it
 * for the listing): it throws for unusable proxy settings.
 */
function misoClientOf(settings: Settings, env: NodeJS.ProcessEnv, log: Log): () => MisoClient {
  let client: MisoClient | undefined
  return () =>
    (client ??= new MisoClient({
      apiUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      authMode: settings.authMode,
      recordType: settings.recordType,
      retries: settings.retries,
      requestTimeoutMs: settings.requestTimeoutMs,
      concurrency: settings.concurrency,
      env,
      log
    }))
}

/** Reconcile mode: what Miso lists and the repository no longer names (see reconcile/). */
async function reconcileIds(
  settings: Settings,
  miso: () => MisoClient,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv,
  log: Log
): Promise<{ groups: IdGroup[]; reconcile: ReconcileInfo; diff?: undefined }> {
  const { resolveReconcileIds } = await import('./reconcile/reconcile.js')
  const { groups, info } = await resolveReconcileIds(settings, miso(), signal, env, log)
  return { groups, reconcile: info }
}

/** Every source the inputs name, in a fixed order: inline, files, then the diff. */
async function collectIds(
  settings: Settings,
  event: GitHubEvent,
  env: NodeJS.ProcessEnv,
  log: Log,
  signal: AbortSignal
): Promise<{ groups: IdGroup[]; diff?: DiffInfo; reconcile?: undefined }> {
  const groups: IdGroup[] = []
  const inline = parseInlineIds(settings.productIds)
  const spaced = whiteSpaceWarning(inline)
  if (spaced) log.warning(spaced)
  if (inline.length > 0) groups.push({ kind: 'inline', name: 'product-ids', ids: inline })
  if (settings.idsFiles.length > 0) {
    const { idsFiles, workspace, idField, runnerTemp } = settings
    groups.push(...(await readIdFiles(idsFiles, workspace, idField, runnerTemp, { notes: log })))
  }
  if (settings.deletedPaths.length === 0 && settings.idListFiles.length === 0) {
    if (groups.length === 0)
      log.notice(
        'No ID source was given (`product-ids`, `ids-file`, `deleted-paths` or `id-list-files`).'
      )
    return { groups }
  }
  // Loaded only when needed: git, the REST client and YAML are most of the bundle's start-up.
  const { resolveDiffIds } = await import('./diff/diff-source.js')
  const diff = await resolveDiffIds(settings, event, env, log, signal)
  for (const notice of diff.notices) log.notice(notice)
  for (const warning of diff.warnings) log.warning(warning)
  groups.push(...diff.groups)
  return {
    groups,
    diff: {
      base: diff.base,
      head: diff.head,
      result: diff.result,
      via: diff.via,
      kept: diff.kept,
      skipped: diff.skipped,
      share: diff.share
    }
  }
}

function readEvent(env: NodeJS.ProcessEnv, log: Log): GitHubEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const file = env.GITHUB_EVENT_PATH
  if (!file) return { name, payload: {} }
  try {
    return { name, payload: JSON.parse(readFileSync(file, 'utf8')) as unknown }
  } catch (error) {
    log.warning(`Could not read the event payload: ${(error as Error).message}`)
    return { name, payload: {} }
  }
}

/** What this run will do, in one line of the log (never the key). */
function describeSettings(s: Settings): string {
  const waiting = !s.wait
    ? 'no wait for the tasks'
    : s.waitTimeoutMs === 0
      ? 'waiting for the tasks without a time limit'
      : `waiting up to ${s.waitTimeoutMs / 1000} s for the tasks`
  const mode = s.dryRun ? 'Dry run, nothing is sent to Miso' : `Deleting through ${s.apiUrl}`
  return `${mode}: batches of ${s.batchSize}, ${s.concurrency} at once, ${waiting}.`
}

/** The plan in one line: the title of its group in the log. */
function planTitle(plan: Plan, recordType: RecordType): string {
  const what = recordType === 'users' ? 'unique user ID' : 'unique ID'
  return `Plan: ${plural(plan.ids.length, what)} from ${plural(plan.sources.length, 'source')}, in ${plural(plan.batches.length, 'batch', 'batches')}`
}

function logPlan(plan: Plan, log: RunLog, channel: Channel): void {
  const { ids } = plan
  if (ids.length === 0) return
  // One line per ID, each made safe on its own: an ID is data and must not become a command.
  const shown = ids.slice(0, 1000)
  log.infoLines(shown.map(id => channel.value(id)))
  if (ids.length > shown.length) {
    log.info(`… and ${plural(ids.length - shown.length, 'more ID')} (see ids-path).`)
  }
}

/**
 * Outputs, summary and the step's result: written for every run, failed ones too. Gives the
 * report as shown to people (redacted and bounded), for the comment, and whether the step fails.
 */
async function publish(
  report: RunReport,
  planFiles: Promise<PlanFiles>,
  failOnEmpty: boolean,
  to: { context: RunContext; channel: Channel; log: RunLog; errorAt?: AnnotationProperties }
): Promise<{ shown: RunReport; failed: boolean }> {
  const { context, channel, log } = to
  const files = await planFiles.then(
    written => ({ written }),
    (error: Error) => ({ error })
  )
  const redacted = channel.redacted(report)
  const shown = channel.shown(redacted)
  // Each channel on its own: a missing output file must not also cost the summary.
  let unwritten: string | undefined
  try {
    if ('error' in files) throw files.error
    const outputs = buildOutputs(redacted, files.written)
    for (const [name, value] of Object.entries(outputs)) context.output(name, value)
  } catch (error) {
    unwritten = `The step outputs could not be written: ${(error as Error).message}`
  }
  context.log.startGroup('Report')
  try {
    await context.summary(renderSummary(shown))
  } catch (error) {
    // No summary file (e.g. a local run): the log and outputs still tell everything.
    log.debug(`No job summary written: ${(error as Error).message}`)
  }
  context.log.endGroup()
  log.info(
    `Status: ${report.status}; IDs: ${report.plan?.ids.length ?? 0}; tasks: ${report.deletion?.taskIds.length ?? 0}; failed IDs: ${failedCount(report)}.`
  )
  const fails = stepFails(report, failOnEmpty)
  if (fails) {
    // The one error annotation says what went wrong and what to do next.
    const advice = adviceFor(report)
    const message =
      report.errorNext === undefined && report.error !== undefined
        ? report.error
        : advice
          ? failureLine(advice)
          : `Miso bulk delete ${report.status}.`
    log.error(message, to.errorAt)
  }
  if (unwritten) log.error(unwritten)
  return { shown, failed: fails || unwritten !== undefined }
}
