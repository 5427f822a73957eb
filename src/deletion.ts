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
// - The run's status: see finaliseRun below, a pure function tested as a table.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.

import { setMaxListeners } from 'node:events'
import type { Log } from './log.js'
import { plural } from './plural.js'
import { classifyStatus } from './http-policy.js'
import { countsText, describeReading, readTaskStatus } from './miso/answers.js'
import { errorText, failureText, misoMessage } from './miso/answers.js'
import { abortableSleep, type Clock, type Sleep } from './miso/throttle.js'
import { type Heard, PollSchedule } from './poll-schedule.js'
import type * as Miso from './miso/types.js'

export interface DeletionOptions extends Clock {
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
}

export interface DeletionResult {
  status: Exclude<Miso.BatchStatus, 'not-sent'>
  batches: Miso.BatchResult[]
  taskIds: string[]
  /** IDs not confirmed deleted (with `wait` false: not accepted). */
  failedCount: number
  stoppedBy?: string
  elapsedMs: number
}

/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** One batch as the loops leave it; its status stays 'not-sent' until it ends. */
export interface BatchEnd {
  result: Miso.BatchResult
  sentAt?: number
  acceptedAt?: number
  lastReading?: Miso.TaskReading
}

/** `transientInRow`: transient status failures (no answer, 429, 5xx) in a row. */
type Batch = BatchEnd & { ids: readonly string[]; transientInRow: number }

type Batches = readonly (readonly string[])[]

export function runDeletion(batches: Batches, api: Miso.MisoApi, options: DeletionOptions) {
  return new DeletionRun(batches, api, options).run()
}

/** The loops of one run and what they share. */
class DeletionRun {
  /** Cancellation or the wait time-out aborted everything in flight. */
  halted?: 'cancelled' | 'timed-out'
  /** A 401/403/407 stopped new work; requests already sent may still tell. */
  fatal?: Miso.MisoFailure
  private readonly batches: Batch[]
  /** The next batch to send. */
  private next = 0
  /**
   * What the log said once: each unknown status word (once per run) and, for an unknown
   * answer without one, `Task <id>` (once per task; words are lower case).
   */
  private readonly told = new Set<string>()
  /** Aborts requests in flight: cancellation, time-out, the end of the run. */
  private readonly halt = new AbortController()
  private readonly schedule: PollSchedule<Batch>
  /** Batches are still being sent, so more tasks may come. */
  private submitting = true
  /** Something changed while the poll loop was busy: it looks again before waiting. */
  private woken = false
  /** Ends the poll loop's current wait (aborting a past one does nothing). */
  private waiting?: AbortController
  private readonly now = (): number => this.options.now?.() ?? Date.now()
  /** The poller's waits end early, without an error, when new work stops. */
  private readonly sleep: Sleep = (ms, signal) =>
    (this.options.sleep ?? abortableSleep)(ms, signal).catch(() => {})

  constructor(
    batches: Batches,
    private readonly api: Miso.MisoApi,
    private readonly options: DeletionOptions
  ) {
    this.batches = batches.map((ids, index) => ({
      ids,
      result: { index, count: ids.length, status: 'not-sent', counts: {} },
      transientInRow: 0
    }))
    this.schedule = new PollSchedule(options.pollIntervalMs, options.maxPollIntervalMs)
    // Every request listens on this: one per batch is expected, not a leak, and Node's
    // warning about it would alarm users reading the log.
    setMaxListeners(0, this.halt.signal)
  }

  async run(): Promise<DeletionResult> {
    const { options } = this
    const startedAt = this.now()
    const onCancel = (): void => this.stop('cancelled')
    if (options.signal.aborted) onCancel()
    else options.signal.addEventListener('abort', onCancel, { once: true })
    if (options.wait && options.waitTimeoutMs > 0) {
      void this.sleep(options.waitTimeoutMs, this.halt.signal).then(() => this.stop('timed-out'))
    }
    const polling = options.wait && this.pollLoop()
    const workers = Math.min(Math.max(1, options.concurrency), this.batches.length)
    await Promise.all(Array.from({ length: workers }, () => this.submitter()))
    this.submitting = false
    this.wake()
    await polling
    // A cancellation after the run must not stop (and report stopping) a run that is over.
    options.signal.removeEventListener('abort', onCancel)
    this.halt.abort() // ends the time-out timer
    const end = finaliseRun(this.batches, this, { ...options, now: this.now() })
    return { ...end, elapsedMs: this.now() - startedAt }
  }

  /** Cancellation or time-out: aborts everything in flight (once, and not after the run). */
  private stop(why: 'cancelled' | 'timed-out'): void {
    if (this.halt.signal.aborted) return
    this.halted = why
    const { log, waitTimeoutMs } = this.options
    const what =
      why === 'cancelled' ? 'Cancelled' : `Wait time-out of ${waitTimeoutMs / 1000} s passed`
    log.warning(`${what}: no further requests are made.`)
    this.halt.abort()
    this.wake()
  }

  /**
   * Ends `batch`, timed from its acceptance, else from sending. A fatal `error` (a wrong key)
   * stops new work; what is in flight may finish.
   */
  private finish(batch: Batch, status: Miso.BatchStatus, error?: Miso.MisoFailure): void {
    const durationMs = this.now() - (batch.acceptedAt ?? batch.sentAt ?? 0)
    Object.assign(batch.result, { status, durationMs }, error && { error })
    if (!error?.fatal || this.fatal) return
    this.fatal = error
    // The run's failing annotation gives the cause and what to do: the log line is enough.
    this.options.log.info(`${keyProblem(error)}: no further requests are made.`)
    this.wake()
  }

  private readonly label = (batch: Batch): string => batchLabel(batch.result, this.batches.length)

  /** Sends batches, one at a time, until none is left or new work stops. */
  private async submitter(): Promise<void> {
    while (!this.halted && !this.fatal && this.next < this.batches.length)
      await this.send(this.batches[this.next++])
  }

  private async send(batch: Batch): Promise<void> {
    const { log, wait } = this.options
    batch.sentAt = this.now()
    const outcome = await settle(
      () => this.api.deleteProducts(batch.ids, this.halt.signal),
      (e): Miso.MisoRefusal => ({ ok: false, failure: { message: errorText(e), fatal: false } })
    )
    if (outcome.body !== undefined) batch.result.response = outcome.body
    const what = `${this.label(batch)}: ${plural(batch.ids.length, 'ID')}`
    if (outcome.ok) {
      const { counts, taskId } = outcome
      batch.result.counts = counts
      if (taskId === undefined) {
        log.info(`${what} done at once${countsText(counts)}.`)
        return this.finish(batch, 'succeeded')
      }
      log.info(`${what} accepted as task ${taskId}.`)
      batch.result.taskId = taskId
      if (!wait) return this.finish(batch, 'submitted')
      batch.acceptedAt = this.now()
      this.schedule.add(batch, batch.acceptedAt, batch.sentAt)
      return this.wake()
    }
    // A failure caused by our own abort says nothing about the batch; the run's stop decides.
    if (this.halt.signal.aborted) return
    const { failure } = outcome
    // A wrong key fails every batch the same way: the run's failure says it once.
    log[failure.fatal ? 'info' : 'warning'](`${what} not deleted: ${failureText(failure)}`)
    this.finish(batch, 'failed', failure)
  }

  /**
   * Polls what the schedule says is due, at most `concurrency` at once, until every task has
   * ended and no more can come, or new work stops.
   */
  private async pollLoop(): Promise<void> {
    const concurrency = Math.max(1, this.options.concurrency)
    const inFlight = new Set<Promise<void>>()
    while (!this.halted && !this.fatal) {
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
      if (!this.woken) {
        // Every slot taken: the poll that ends first wakes the loop, no timer needed. One
        // signal, woken by wake() also when new work stops (AbortSignal.any() per wait would
        // cost more than the poll it waits for).
        const ms = inFlight.size >= concurrency ? MAX_TIMER_MS : Math.max(0, wakeAt - now)
        this.waiting = new AbortController()
        await this.sleep(Math.min(MAX_TIMER_MS, ms), this.waiting.signal)
      }
      this.woken = false
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

  /** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
  private async pollOnce(batch: Batch, sentAt: number): Promise<void> {
    const answer = await settle(
      () => this.api.getStatus(batch.result.taskId ?? '', this.halt.signal),
      (e): Miso.StatusAnswer => ({ httpStatus: 0, body: errorText(e) })
    )
    if (this.halt.signal.aborted) return
    // A fault in reading one answer ends that task only; the run and its report go on.
    const heard = await settle(
      () => this.read(batch, answer),
      e => this.giveUp(batch, answer.httpStatus, `status answer could not be read: ${errorText(e)}`)
    )
    this.schedule.heard(batch, heard, sentAt, this.now())
  }

  /** What one status answer means for its task, which it ends if it can. */
  private read(batch: Batch, { httpStatus, body }: Miso.StatusAnswer): Heard {
    const { log, retries } = this.options
    const label = this.label(batch)
    const reading = readTaskStatus({ httpStatus, body })
    const { state, word, note } = reading
    log.debug(`${label}: HTTP ${httpStatus}, ${describeReading(reading)}`)
    if (httpStatus !== 0) batch.result.response = body
    batch.result.counts = { ...batch.result.counts, ...reading.counts }
    batch.lastReading = reading
    const policy = classifyStatus(httpStatus)
    // A refused key or proxy (always read as 'failed') stops the run; its failure says it once.
    if (state === 'succeeded' || state === 'failed') {
      const fatal = policy === 'stops-run'
      const message = fatal ? misoMessage(httpStatus, body) : (note ?? '')
      const failed = state === 'failed' && { httpStatus, message, fatal }
      this.finish(batch, state, failed || undefined)
      if (!fatal) log[failed ? 'warning' : 'info'](`${label}: ${describeReading(reading)}`)
      return 'ended'
    }
    if (policy === 'retry') {
      if (++batch.transientInRow <= retries) return 'no-news'
      const message = `status unavailable ${batch.transientInRow} times in a row, last: ${note}`
      return this.giveUp(batch, httpStatus, message)
    }
    batch.transientInRow = 0
    if (state === 'unknown' && !this.told.has(word ?? label)) {
      this.told.add(word ?? label)
      log.warning(`${label}: ${word ? note : `unknown answer (${note})`}; still polling.`)
    }
    return 'running'
  }

  /** Fails a task whose status cannot be learnt, with `message`. */
  private giveUp(batch: Batch, httpStatus: number, message: string): Heard {
    this.finish(batch, 'failed', { ...(httpStatus !== 0 && { httpStatus }), message, fatal: false })
    this.options.log.warning(`${this.label(batch)}: ${message}; counted as failed.`)
    return 'ended'
  }
}

/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out', with a log line naming its last status;
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
export function finaliseRun(
  batches: readonly BatchEnd[],
  { halted, fatal }: Pick<DeletionRun, 'halted' | 'fatal'>,
  { waitTimeoutMs, log, now }: Pick<DeletionOptions, 'waitTimeoutMs' | 'log'> & { now: number }
): Omit<DeletionResult, 'elapsedMs'> {
  const results = batches.map(({ result, sentAt, acceptedAt, lastReading }): Miso.BatchResult => {
    if (result.status !== 'not-sent') return result
    const from = acceptedAt ?? sentAt
    const ended = from !== undefined ? { durationMs: now - from } : {}
    if (halted === 'cancelled') return { ...result, status: 'cancelled', ...ended }
    if (sentAt === undefined) return result
    if (halted === 'timed-out') {
      const last = lastReading ? describeReading(lastReading) : 'no answer yet'
      log.warning(`${batchLabel(result, batches.length)}: timed out; last status: ${last}`)
      return { ...result, status: 'timed-out', ...ended }
    }
    // Not reached without `fatal`: the loops end only when every sent batch is done or the
    // run stopped.
    if (!fatal) return result
    const message = `not confirmed: the run stopped (${keyProblem(fatal)})`
    const error = { httpStatus: fatal.httpStatus, message, fatal: true }
    return { ...result, status: 'failed', error, ...ended }
  })
  const timedOut = halted === 'timed-out' && `wait-timeout of ${waitTimeoutMs / 1000} s`
  const stoppedBy = halted === 'cancelled' ? halted : fatal ? keyProblem(fatal) : timedOut
  return {
    status: runStatus(results),
    batches: results,
    taskIds: results.flatMap(r => r.taskId ?? []),
    failedCount: results.reduce((sum, r) => sum + (accepted(r) ? 0 : r.count), 0),
    ...(stoppedBy ? { stoppedBy } : {})
  }
}

/** The run's status: its most important batch outcome, in finaliseRun's order. */
export function runStatus(results: readonly Miso.BatchResult[]): DeletionResult['status'] {
  const has = (status: Miso.BatchStatus): boolean => results.some(r => r.status === status)
  // Last, 'submitted': a task left running (without waiting) is done all the same.
  const worst = (['cancelled', 'failed', 'timed-out', 'not-sent', 'submitted'] as const).find(has)
  return worst === 'not-sent' ? 'timed-out' : (worst ?? 'succeeded')
}

/** A batch Miso deleted, or accepted by a run that does not wait (only such a run submits). */
export const accepted = ({ status }: Miso.BatchResult) =>
  status === 'succeeded' || status === 'submitted'

/** What `call` resolves to, or `onError` of what it threw or rejected with (never rejects). */
function settle<T>(call: () => T | Promise<T>, onError: (error: unknown) => T): Promise<T> {
  return Promise.resolve().then(call).catch(onError)
}

/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel({ taskId, index }: Miso.BatchResult, total: number): string {
  return taskId !== undefined ? `Task ${taskId}` : `Batch ${index + 1}/${total}`
}

function keyProblem(failure: Miso.MisoFailure): string {
  if (failure.httpStatus === 407) return 'the proxy refused the credentials (HTTP 407)'
  const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key'
  return `${what} (HTTP ${failure.httpStatus ?? '?'})`
}
