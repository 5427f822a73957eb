// The deletion run: sends the batches with bounded concurrency and, beside that, polls every
// accepted task until each batch ends in a known state.
//
// - Up to `concurrency` delete requests and, separately, up to `concurrency` status polls are
//   in flight. Which task is polled when is the schedule's decision (poll-schedule.ts): the
//   oldest unfinished task on a back-off, then the next ones as soon as it has ended, never a
//   task earlier than `pollIntervalMs` after it was accepted.
// - 401/403/407 (from a delete or a status poll) means the key (or the proxy's credentials) is
//   wrong for everything: no further batches are sent ('not-sent') and no further polls made;
//   requests in flight finish, and accepted tasks not yet confirmed are 'failed' (their
//   outcome cannot be learnt any more).
// - `waitTimeoutMs` (with `wait` only) counts from the start of the run, i.e. the first delete
//   request. When it passes, requests in flight are aborted, accepted and in-flight batches are
//   'timed-out' and unsent ones 'not-sent'.
// - Cancellation (`signal`) aborts everything in flight; every unfinished batch is 'cancelled'
//   (accepted ones keep their task ID).
// - The run's status: see finaliseRun below. The decisions (stepPoll, finaliseRun) are pure
//   functions apart from the loops (the DeletionRun class), so they are tested as tables.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.

import { setMaxListeners } from 'node:events'
import type { Log } from './log.js'
import { plural } from './plural.js'
import { isTransientStatus, stopsTheRun } from './http-policy.js'
import { failureText, misoMessage } from './miso/message.js'
import { countsText, describeReading, readTaskStatus } from './miso/task-status.js'
import { abortableSleep, type Sleep } from './miso/throttle.js'
import { type Heard, PollSchedule } from './poll-schedule.js'
import type * as Miso from './miso/types.js'

export interface DeletionOptions {
  /** Delete requests in flight at once; also the bound on status polls in flight. */
  concurrency: number
  /** Poll each task until it ends; false: submit and report the task IDs. */
  wait: boolean
  /** 0 = no limit, counted from the first delete request. */
  waitTimeoutMs: number
  /** No task is polled earlier than this after it was accepted. */
  pollIntervalMs: number
  /** The longest gap between polls of the oldest unfinished task (default 30 s). */
  maxPollIntervalMs?: number
  /** More than this many transient status failures in a row fail that task. */
  retries: number
  /** Cancellation. */
  signal: AbortSignal
  /** Progress and problems; notices are main's to give. */
  log: Log
  now?: () => number
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep?: Sleep
}

/** `failedCount`: IDs not confirmed deleted (with `wait` false: not accepted). */
export type DeletionResult = Omit<RunEnd, 'warnings'> & { elapsedMs: number }

export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000
/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** A batch on its way: the public result plus what the run needs to finish it. */
interface Batch extends BatchEnd {
  ids: readonly string[]
  /** What the polls learnt so far. */
  track: PollTrack
}

export function runDeletion(
  batches: readonly (readonly string[])[],
  api: Miso.MisoApi,
  options: DeletionOptions
): Promise<DeletionResult> {
  return new DeletionRun(batches, api, options).run()
}

/** The loops of one run and what they share. */
class DeletionRun implements RunStop {
  halted?: 'cancelled' | 'timed-out'
  fatal?: Miso.MisoFailure
  private readonly batches: Batch[]
  /** The next batch to send. */
  private next = 0
  /** Unknown status words warned about (once per word per run). */
  private readonly toldWords = new Set<string>()
  /** Aborts requests in flight: cancellation, time-out. */
  private readonly halt = new AbortController()
  /** Stops new work only, which a wrong key needs: requests already sent may still tell. */
  private readonly quiet = new AbortController()
  private readonly schedule: PollSchedule<Batch>
  /** Batches are still being sent, so more tasks may come. */
  private submitting = true
  /** Something changed while the poll loop was busy: it looks again before waiting. */
  private woken = false
  /** Ends the poll loop's current wait. */
  private waiting?: AbortController
  private readonly now: () => number
  private readonly sleep: Sleep

  constructor(
    batches: readonly (readonly string[])[],
    private readonly api: Miso.MisoApi,
    private readonly options: DeletionOptions
  ) {
    this.batches = batches.map((ids, index) => ({
      ids,
      result: { index, count: ids.length, status: 'not-sent', counts: {} },
      done: false,
      track: NEW_TRACK
    }))
    this.schedule = new PollSchedule({
      pollIntervalMs: options.pollIntervalMs,
      maxGapMs: options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
    })
    this.now = options.now ?? Date.now
    // The poller's waits end early, without an error, when new work stops.
    this.sleep = options.sleep ?? ((ms, signal) => abortableSleep(ms, signal).catch(() => {}))
    // Every waiting poller and request listens on these: one per batch is expected, not a
    // leak, and Node's warning about it would alarm users reading the log.
    setMaxListeners(0, this.halt.signal, this.quiet.signal)
  }

  async run(): Promise<DeletionResult> {
    const { options } = this
    const startedAt = this.now()
    const onCancel = (): void => this.stop('cancelled')
    if (options.signal.aborted) onCancel()
    else options.signal.addEventListener('abort', onCancel, { once: true })
    if (options.wait && options.waitTimeoutMs > 0) {
      // A sleep that rejects on abort must not become an unhandled rejection.
      void this.sleep(options.waitTimeoutMs, this.halt.signal).then(
        () => this.halt.signal.aborted || this.stop('timed-out'),
        () => undefined
      )
    }
    const polling = options.wait ? this.pollLoop() : Promise.resolve()
    const workers = Math.min(Math.max(1, options.concurrency), this.batches.length)
    await Promise.all(Array.from({ length: workers }, () => this.submitter()))
    this.submitting = false
    this.wake()
    await polling
    // A cancellation after the run must not stop (and report stopping) a run that is over.
    options.signal.removeEventListener('abort', onCancel)
    this.halt.abort() // ends the time-out timer
    const { wait, waitTimeoutMs } = options
    const { warnings, ...end } = finaliseRun(this.batches, this, {
      wait,
      waitTimeoutMs,
      now: this.now()
    })
    for (const warning of warnings) options.log.warning(warning)
    return { ...end, elapsedMs: this.now() - startedAt }
  }

  /** Cancellation or time-out: aborts everything in flight. */
  private stop(why: 'cancelled' | 'timed-out'): void {
    if (this.halted) return
    this.halted = why
    this.options.log.warning(
      why === 'cancelled'
        ? 'Cancelled: no further requests are made.'
        : `Wait time-out of ${this.options.waitTimeoutMs / 1000} s passed: no further requests are made.`
    )
    this.halt.abort()
    this.quiet.abort()
    this.wake()
  }

  /** A wrong key: no new work, but what is in flight may finish. */
  private stopForKey(failure: Miso.MisoFailure): void {
    if (this.fatal) return
    this.fatal = failure
    // The run's failing annotation gives the cause and what to do: the log line is enough.
    this.options.log.info(`${keyProblem(failure)}: no further requests are made.`)
    this.quiet.abort()
    this.wake()
  }

  private finish(
    batch: Batch,
    status: Miso.BatchStatus,
    from?: number,
    error?: Miso.MisoFailure
  ): void {
    batch.done = true
    batch.result.status = status
    if (error) batch.result.error = error
    if (from !== undefined) batch.result.durationMs = this.now() - from
  }

  private label(batch: Batch): string {
    return batchLabel(batch.result, this.batches.length)
  }

  /** Sends batches, one at a time, until none is left or new work stops. */
  private async submitter(): Promise<void> {
    while (!this.quiet.signal.aborted && this.next < this.batches.length) {
      await this.send(this.batches[this.next++])
    }
  }

  private async send(batch: Batch): Promise<void> {
    const { log, wait } = this.options
    const sentAt = (batch.sentAt = this.now())
    let outcome: Miso.DeleteOutcome
    try {
      outcome = await this.api.deleteProducts(batch.ids, this.halt.signal)
    } catch (e) {
      outcome = { ok: false, failure: { message: errorText(e), fatal: false } }
    }
    if (outcome.body !== undefined) batch.result.response = outcome.body
    const what = `${this.label(batch)}: ${plural(batch.ids.length, 'ID')}`
    if (outcome.ok) {
      batch.result.counts = outcome.counts
      if (outcome.taskId === undefined) {
        this.finish(batch, 'succeeded', sentAt)
        log.info(`${what} done at once${countsText(outcome.counts)}.`)
        return
      }
      log.info(`${what} accepted as task ${outcome.taskId}.`)
      batch.result.taskId = outcome.taskId
      batch.acceptedAt = this.now()
      if (!wait) return this.finish(batch, 'submitted', sentAt)
      this.schedule.add(batch, batch.acceptedAt, sentAt)
      return this.wake()
    }
    // A failure caused by our own abort says nothing about the batch; the run's stop decides.
    if (this.halt.signal.aborted) return
    const { failure } = outcome
    this.finish(batch, 'failed', sentAt, failure)
    // A wrong key fails every batch the same way: the run's failure says it once.
    const line = `${what} not deleted: ${failureText(failure)}`
    if (!failure.fatal) return log.warning(line)
    log.info(line)
    this.stopForKey(failure)
  }

  /**
   * Polls what the schedule says is due, at most `concurrency` at once, until every task has
   * ended and no more can come, or new work stops.
   */
  private async pollLoop(): Promise<void> {
    const concurrency = Math.max(1, this.options.concurrency)
    const inFlight = new Set<Promise<void>>()
    while (!this.quiet.signal.aborted) {
      if (!this.submitting && inFlight.size === 0 && this.schedule.open === 0) break
      const now = this.now()
      const { poll, wakeAt } = this.schedule.due(now, concurrency - inFlight.size)
      for (const batch of poll) {
        const request: Promise<void> = this.pollOnce(batch, now).finally(() => {
          inFlight.delete(request)
          this.wake()
        })
        inFlight.add(request)
      }
      // Every slot taken: the poll that ends first wakes the loop, no timer needed.
      await this.waitForWake(inFlight.size >= concurrency ? MAX_TIMER_MS : wakeAt - now)
    }
    await Promise.all(inFlight)
  }

  /**
   * Tells the poll loop to look again: a task was accepted or answered, sending ended, or new
   * work stopped. A run wakes it a few times per batch: the abort carries a plain reason, as
   * the default one costs a DOMException with its stack each time.
   */
  private wake(): void {
    this.woken = true
    this.waiting?.abort('woken')
  }

  private async waitForWake(ms: number): Promise<void> {
    if (!this.woken) {
      // One signal, woken by wake() also when new work stops (AbortSignal.any() per wait
      // would cost more than the poll it waits for).
      const waiting = new AbortController()
      this.waiting = waiting
      await this.sleep(Math.min(MAX_TIMER_MS, Math.max(0, ms)), waiting.signal)
      this.waiting = undefined
    }
    this.woken = false
  }

  /** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
  private async pollOnce(batch: Batch, sentAt: number): Promise<void> {
    const { log, retries } = this.options
    let answer: Miso.StatusAnswer
    try {
      answer = await this.api.getStatus(batch.result.taskId ?? '', this.halt.signal)
    } catch (e) {
      answer = { httpStatus: 0, body: errorText(e) }
    }
    if (this.halt.signal.aborted) return
    const label = this.label(batch)
    let step: PollStep
    try {
      const reading = readTaskStatus(answer)
      log.debug(`${label}: HTTP ${answer.httpStatus}, ${describeReading(reading)}`)
      if (answer.httpStatus !== 0) batch.result.response = answer.body
      batch.result.counts = { ...batch.result.counts, ...reading.counts }
      batch.lastReading = reading
      step = stepPoll(answer, reading, batch.track, { label, retries, toldWords: this.toldWords })
    } catch (e) {
      // A fault in reading one answer ends that task only; the run and its report go on.
      step = givenUp(answer, `status answer could not be read: ${errorText(e)}`, label)
    }
    let heard: Heard = 'ended'
    if (step.kind === 'stop-for-key') {
      this.finish(batch, 'failed', batch.acceptedAt, step.failure)
      this.stopForKey(step.failure)
    } else if (step.kind === 'finish') {
      this.finish(batch, step.status, batch.acceptedAt, step.error)
      if (step.info !== undefined) log.info(step.info)
      if (step.warning !== undefined) log.warning(step.warning)
    } else {
      batch.track = step.track
      if (step.newWord !== undefined) this.toldWords.add(step.newWord)
      if (step.warning !== undefined) log.warning(step.warning)
      heard = isTransientStatus(answer.httpStatus) ? 'no-news' : 'running'
    }
    this.schedule.heard(batch, heard, sentAt, this.now())
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

// The decisions of a run: plain values in, plain values out, messages returned for the loops
// to log.

export type RunStatus = 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'submitted'

/** What the run learnt of one task between polls. */
export interface PollTrack {
  /** Transient failures (no answer, 429, 5xx) in a row. */
  transientInRow: number
  /** The task gave an unknown answer without a status word, and the log said so. */
  toldUnknown: boolean
}

export const NEW_TRACK: PollTrack = { transientInRow: 0, toldUnknown: false }

/** What to do after one status answer. */
export type PollStep =
  | {
      kind: 'continue'
      track: PollTrack
      /** An unknown status word the run has not warned about yet. */
      newWord?: string
      warning?: string
    }
  | {
      kind: 'finish'
      status: 'succeeded' | 'failed'
      error?: Miso.MisoFailure
      info?: string
      warning?: string
    }
  /**
   * 401/403/407: the key (or the proxy's credentials) is wrong for every task; the task fails
   * and the run stops.
   */
  | { kind: 'stop-for-key'; failure: Miso.MisoFailure }

interface StepContext {
  /** `Task <id>`, for messages. */
  label: string
  /** More than this many transient failures in a row fail the task. */
  retries: number
  /** Unknown status words the run has warned about already (once per word per run). */
  toldWords: ReadonlySet<string>
}

/** Decides what one status answer (and its reading) means for its task. */
export function stepPoll(
  answer: Miso.StatusAnswer,
  reading: Miso.TaskReading,
  track: PollTrack,
  context: StepContext
): PollStep {
  const { label, toldWords } = context
  const { httpStatus } = answer
  if (stopsTheRun(httpStatus)) {
    const failure = { httpStatus, message: misoMessage(httpStatus, answer.body), fatal: true }
    return { kind: 'stop-for-key', failure }
  }
  const line = `${label}: ${describeReading(reading)}`
  if (reading.state === 'succeeded') return { kind: 'finish', status: 'succeeded', info: line }
  if (reading.state === 'failed') {
    const error = { httpStatus, message: reading.note ?? '', fatal: false }
    return { kind: 'finish', status: 'failed', error, warning: line }
  }
  if (isTransientStatus(httpStatus)) {
    const transientInRow = track.transientInRow + 1
    if (transientInRow <= context.retries) {
      return { kind: 'continue', track: { ...track, transientInRow } }
    }
    const message = `status unavailable ${transientInRow} times in a row, last: ${reading.note}`
    return givenUp(answer, message, label)
  }
  const next: PollTrack = { ...track, transientInRow: 0 }
  const { state, word, note } = reading
  if (state !== 'unknown' || (word !== undefined ? toldWords.has(word) : track.toldUnknown)) {
    return { kind: 'continue', track: next }
  }
  if (word !== undefined) {
    return {
      kind: 'continue',
      track: next,
      newWord: word,
      warning: `${label}: ${note}; still polling.`
    }
  }
  const warning = `${label}: unknown answer (${note}); still polling.`
  return { kind: 'continue', track: { ...next, toldUnknown: true }, warning }
}

/** Fails a task the run gives up on (its status cannot be learnt), with `message`. */
function givenUp(answer: Miso.StatusAnswer, message: string, label: string): PollStep {
  const httpStatus = answer.httpStatus !== 0 ? { httpStatus: answer.httpStatus } : {}
  return {
    kind: 'finish',
    status: 'failed',
    error: { ...httpStatus, message, fatal: false },
    warning: `${label}: ${message}; counted as failed.`
  }
}

/** Why the run stopped early, as the loops recorded it. */
interface RunStop {
  /** Cancellation or the wait time-out aborted everything in flight. */
  halted?: 'cancelled' | 'timed-out'
  /** A 401/403/407 stopped new work. */
  fatal?: Miso.MisoFailure
}

/** One batch as the loops left it. */
export interface BatchEnd {
  result: Miso.BatchResult
  done: boolean
  sentAt?: number
  acceptedAt?: number
  lastReading?: Miso.TaskReading
}

export interface RunEnd {
  status: RunStatus
  batches: Miso.BatchResult[]
  taskIds: string[]
  failedCount: number
  stoppedBy?: string
  /** One line per batch that timed out, for the log. */
  warnings: string[]
}

/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out';
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
export function finaliseRun(
  batches: readonly BatchEnd[],
  stop: RunStop,
  settings: { wait: boolean; waitTimeoutMs: number; now: number }
): RunEnd {
  const { halted, fatal } = stop
  const warnings: string[] = []
  const results = batches.map((batch): Miso.BatchResult => {
    if (batch.done) return batch.result
    const from = batch.acceptedAt ?? batch.sentAt
    const durationMs = from !== undefined ? { durationMs: settings.now - from } : {}
    if (halted === 'cancelled') return { ...batch.result, status: 'cancelled', ...durationMs }
    if (batch.sentAt === undefined) return { ...batch.result, status: 'not-sent' }
    if (halted === 'timed-out') {
      const last = batch.lastReading ? describeReading(batch.lastReading) : 'no answer yet'
      warnings.push(`${batchLabel(batch.result, batches.length)}: timed out; last status: ${last}`)
      return { ...batch.result, status: 'timed-out', ...durationMs }
    }
    // Not reached without `fatal`: the loops end only when every sent batch is done or the
    // run stopped.
    if (!fatal) return batch.result
    const message = `not confirmed: the run stopped (${keyProblem(fatal)})`
    const error = { httpStatus: fatal.httpStatus, message, fatal: true }
    return { ...batch.result, status: 'failed', error, ...durationMs }
  })
  // Without waiting, a batch Miso did at once counts as done too.
  const counted = (status: Miso.BatchStatus): boolean =>
    status === 'succeeded' || (!settings.wait && status === 'submitted')
  const stoppedBy =
    halted === 'cancelled'
      ? 'cancelled'
      : fatal
        ? keyProblem(fatal)
        : halted === 'timed-out'
          ? `wait-timeout of ${settings.waitTimeoutMs / 1000} s`
          : undefined
  return {
    status: overallStatus(results, settings.wait),
    batches: results,
    taskIds: results.flatMap(r => (r.taskId !== undefined ? [r.taskId] : [])),
    failedCount: results.reduce((sum, r) => sum + (counted(r.status) ? 0 : r.count), 0),
    ...(stoppedBy !== undefined ? { stoppedBy } : {}),
    warnings
  }
}

function overallStatus(results: readonly Miso.BatchResult[], wait: boolean): RunStatus {
  const has = (status: Miso.BatchStatus): boolean => results.some(r => r.status === status)
  if (has('cancelled')) return 'cancelled'
  if (has('failed')) return 'failed'
  if (has('timed-out') || has('not-sent')) return 'timed-out'
  return wait || !has('submitted') ? 'succeeded' : 'submitted'
}

/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel(result: Miso.BatchResult, total: number): string {
  return result.taskId !== undefined
    ? `Task ${result.taskId}`
    : `Batch ${result.index + 1}/${total}`
}

function keyProblem(failure: Miso.MisoFailure): string {
  if (failure.httpStatus === 407) return 'the proxy refused the credentials (HTTP 407)'
  const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key'
  return `${what} (HTTP ${failure.httpStatus ?? '?'})`
}
