// The deletion run: sends the batches with bounded concurrency and, beside that, polls every
// accepted task until each batch ends in a known state.
//
// - Up to `concurrency` delete requests and, separately, up to `concurrency` status polls are
//   in flight. A task is first polled `pollIntervalMs` after it was accepted, then at intervals
//   growing x1.5 up to `maxPollIntervalMs`, whatever the answer (polite to a struggling server).
// - 401/403 (from a delete or a status poll) means the key is wrong for everything: no further
//   batches are sent ('not-sent') and no further polls made; requests in flight finish, and
//   accepted tasks not yet confirmed are 'failed' (their outcome cannot be learnt any more).
// - `waitTimeoutMs` (with `wait` only) counts from the start of the run, i.e. the first delete
//   request. When it passes, requests in flight are aborted, accepted and in-flight batches are
//   'timed-out' and unsent ones 'not-sent'.
// - Cancellation (`signal`) aborts everything in flight; every unfinished batch is 'cancelled'
//   (accepted ones keep their task ID).
// - The run's status is the most important batch outcome: cancelled > failed > timed-out
//   (also for 'not-sent') > succeeded, or 'submitted' with `wait` false. A failure outranks a
//   time-out because it needs action, not just patience.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.

import { setMaxListeners } from 'node:events'
import type { Log } from './log.js'
import { misoMessage } from './miso/client.js'
import { describeReading, isTransientStatus, readTaskStatus } from './miso/task-status.js'
import { abortableSleep, Throttle } from './miso/throttle.js'
import type {
  BatchResult,
  BatchStatus,
  DeleteOutcome,
  MisoApi,
  MisoFailure,
  StatusAnswer,
  TaskReading
} from './miso/types.js'

/** The run reports progress and problems; notices are main's to give. */
export type DeletionLog = Pick<Log, 'info' | 'warning' | 'debug'>

export interface DeletionOptions {
  /** Delete requests in flight at once; also the bound on status polls in flight. */
  concurrency: number
  /** Poll each task until it ends; false: submit and report the task IDs. */
  wait: boolean
  /** 0 = no limit, counted from the first delete request. */
  waitTimeoutMs: number
  /** First poll this long after a task is accepted; later polls back off x1.5. */
  pollIntervalMs: number
  /** The back-off cap (default 30 s). */
  maxPollIntervalMs?: number
  /** More than this many transient status failures in a row fail that task. */
  retries: number
  /** Cancellation. */
  signal: AbortSignal
  log: DeletionLog
  now?: () => number
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

export interface DeletionResult {
  status: 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'submitted'
  batches: BatchResult[]
  taskIds: string[]
  /** IDs not confirmed deleted (with `wait` false: not accepted). */
  failedCount: number
  /** Why the run stopped early, e.g. 'invalid api key (HTTP 401)' or 'cancelled'. */
  stoppedBy?: string
  elapsedMs: number
  statusRequests: number
}

const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000
const BACK_OFF = 1.5

/** A batch on its way: the public result plus what the run needs to finish it. */
interface Batch {
  ids: readonly string[]
  result: BatchResult
  sentAt?: number
  acceptedAt?: number
  lastReading?: TaskReading
  done: boolean
}

export async function runDeletion(
  batches: readonly (readonly string[])[],
  api: MisoApi,
  options: DeletionOptions
): Promise<DeletionResult> {
  const { wait, retries, log } = options
  const now = options.now ?? Date.now
  // The poller's waits end early, without an error, when new work stops.
  const sleep = options.sleep ?? ((ms, signal) => abortableSleep(ms, signal).catch(() => undefined))
  const concurrency = Math.max(1, options.concurrency)
  const maxInterval = options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
  const startedAt = now()
  const total = batches.length

  const items: Batch[] = batches.map((ids, index) => ({
    ids,
    result: { index, count: ids.length, status: 'not-sent', counts: {} },
    done: false
  }))

  // `halt` aborts requests in flight (cancellation, time-out); `quiet` only stops new work,
  // which a wrong key needs: the requests already sent may still tell something.
  const halt = new AbortController()
  const quiet = new AbortController()
  // Every waiting poller and request listens on these: one per batch is expected, not a leak,
  // and Node's warning about it would alarm users reading the log.
  setMaxListeners(0, halt.signal, quiet.signal)
  let halted: 'cancelled' | 'timed-out' | undefined
  let fatal: MisoFailure | undefined
  let statusRequests = 0
  const unknownWords = new Set<string>()

  const stop = (why: 'cancelled' | 'timed-out'): void => {
    if (halted || items.every(b => b.done)) return
    halted = why
    log.warning(
      why === 'cancelled'
        ? 'Cancelled: no further requests are made.'
        : `Wait time-out of ${options.waitTimeoutMs / 1000} s passed: no further requests are made.`
    )
    halt.abort()
    quiet.abort()
  }
  const stopForKey = (failure: MisoFailure): void => {
    if (fatal) return
    fatal = failure
    log.warning(`${keyProblem(failure)}: no further requests are made.`)
    quiet.abort()
  }

  const onCancel = (): void => stop('cancelled')
  if (options.signal.aborted) onCancel()
  else options.signal.addEventListener('abort', onCancel, { once: true })
  if (wait && options.waitTimeoutMs > 0) {
    // A sleep that rejects on abort must not become an unhandled rejection.
    void sleep(options.waitTimeoutMs, halt.signal).then(
      () => {
        if (!halt.signal.aborted) stop('timed-out')
      },
      () => undefined
    )
  }

  const finish = (
    batch: Batch,
    status: BatchStatus,
    from: number | undefined,
    error?: MisoFailure
  ): void => {
    batch.done = true
    batch.result.status = status
    if (error) batch.result.error = error
    if (from !== undefined) batch.result.durationMs = now() - from
  }

  const label = (batch: Batch): string =>
    batch.result.taskId !== undefined
      ? `Task ${batch.result.taskId}`
      : `Batch ${batch.result.index + 1}/${total}`

  // A throttle that is never told of a 429: a plain first-come-first-served semaphore.
  const pollSlots = new Throttle(concurrency)
  const pollers: Promise<void>[] = []

  const poll = async (batch: Batch, taskId: string): Promise<void> => {
    let interval = options.pollIntervalMs
    let transientInRow = 0
    let toldUnknown = false
    for (;;) {
      await sleep(interval, quiet.signal)
      interval = Math.min(maxInterval, interval * BACK_OFF)
      const release = await pollSlots.acquire(quiet.signal).catch(() => undefined)
      if (!release) return
      let answer: StatusAnswer
      try {
        statusRequests++
        answer = await api.getStatus(taskId, halt.signal)
      } catch (e) {
        answer = { httpStatus: 0, body: errorText(e) }
      } finally {
        release()
      }
      if (halt.signal.aborted) return

      const reading = readTaskStatus(answer)
      log.debug(`Task ${taskId}: HTTP ${answer.httpStatus}, ${describeReading(reading)}`)
      if (answer.httpStatus !== 0) batch.result.response = answer.body
      if (Object.keys(reading.counts).length > 0) batch.result.counts = reading.counts
      batch.lastReading = reading

      if (answer.httpStatus === 401 || answer.httpStatus === 403) {
        const failure = {
          httpStatus: answer.httpStatus,
          message: misoMessage(answer.httpStatus, answer.body),
          fatal: true
        }
        finish(batch, 'failed', batch.acceptedAt, failure)
        stopForKey(failure)
        return
      }
      if (reading.state === 'succeeded') {
        finish(batch, 'succeeded', batch.acceptedAt)
        log.info(`${label(batch)}: ${describeReading(reading)}`)
        return
      }
      if (reading.state === 'failed') {
        const failure = { httpStatus: answer.httpStatus, message: reading.note ?? '', fatal: false }
        finish(batch, 'failed', batch.acceptedAt, failure)
        log.warning(`${label(batch)}: ${describeReading(reading)}`)
        return
      }
      if (isTransientStatus(answer.httpStatus)) {
        transientInRow++
        if (transientInRow > retries) {
          const message = `status unavailable ${transientInRow} times in a row, last: ${reading.note}`
          finish(batch, 'failed', batch.acceptedAt, {
            ...(answer.httpStatus !== 0 ? { httpStatus: answer.httpStatus } : {}),
            message,
            fatal: false
          })
          log.warning(`${label(batch)}: ${message}; counted as failed.`)
          return
        }
      } else {
        transientInRow = 0
        if (reading.state === 'unknown' && reading.word !== undefined) {
          if (!unknownWords.has(reading.word)) {
            unknownWords.add(reading.word)
            log.warning(`${label(batch)}: ${reading.note}; still polling.`)
          }
        } else if (reading.state === 'unknown' && !toldUnknown) {
          toldUnknown = true
          log.warning(`${label(batch)}: unknown answer (${reading.note}); still polling.`)
        }
      }
      if (quiet.signal.aborted) return
    }
  }

  const send = async (batch: Batch): Promise<void> => {
    batch.sentAt = now()
    let outcome: DeleteOutcome
    try {
      outcome = await api.deleteProducts(batch.ids, halt.signal)
    } catch (e) {
      outcome = { ok: false, failure: { message: errorText(e), fatal: false }, attempts: 1 }
    }
    if (outcome.body !== undefined) batch.result.response = outcome.body
    if (outcome.ok) {
      log.info(`${label(batch)}: ${batch.ids.length} IDs accepted as task ${outcome.taskId}.`)
      batch.result.taskId = outcome.taskId
      batch.acceptedAt = now()
      if (!wait) finish(batch, 'submitted', batch.sentAt)
      else pollers.push(poll(batch, outcome.taskId))
      return
    }
    // A failure caused by our own abort says nothing about the batch; the run's stop decides.
    if (halt.signal.aborted) return
    const { failure } = outcome
    finish(batch, 'failed', batch.sentAt, failure)
    log.warning(`${label(batch)}: ${batch.ids.length} IDs not deleted: ${failureText(failure)}`)
    if (failure.fatal) stopForKey(failure)
  }

  let next = 0
  const submitter = async (): Promise<void> => {
    while (!quiet.signal.aborted && next < items.length) {
      await send(items[next++])
    }
  }

  const workers = Array.from({ length: Math.min(concurrency, items.length) }, submitter)
  await Promise.all(workers)
  // Pollers are only added by submitters, so the list is complete now.
  await Promise.all(pollers)

  options.signal.removeEventListener('abort', onCancel)
  halt.abort() // ends the time-out timer

  for (const batch of items) {
    if (batch.done) continue
    const sent = batch.sentAt !== undefined
    const from = batch.acceptedAt ?? batch.sentAt
    if (halted === 'cancelled') finish(batch, 'cancelled', from)
    else if (!sent) finish(batch, 'not-sent', undefined)
    else if (halted === 'timed-out') {
      finish(batch, 'timed-out', from)
      const last = batch.lastReading ? describeReading(batch.lastReading) : 'no answer yet'
      log.warning(`${label(batch)}: timed out; last status: ${last}`)
    } else if (fatal) {
      finish(batch, 'failed', from, {
        httpStatus: fatal.httpStatus,
        message: `not confirmed: the run stopped (${keyProblem(fatal)})`,
        fatal: true
      })
    }
  }

  const results = items.map(b => b.result)
  const status = overallStatus(results, wait)
  const counted: BatchStatus = wait ? 'succeeded' : 'submitted'
  const stoppedBy =
    halted === 'cancelled'
      ? 'cancelled'
      : fatal
        ? keyProblem(fatal)
        : halted === 'timed-out'
          ? `wait-timeout of ${options.waitTimeoutMs / 1000} s`
          : undefined
  return {
    status,
    batches: results,
    taskIds: results.flatMap(r => (r.taskId !== undefined ? [r.taskId] : [])),
    failedCount: results.reduce((sum, r) => sum + (r.status === counted ? 0 : r.count), 0),
    ...(stoppedBy !== undefined ? { stoppedBy } : {}),
    elapsedMs: now() - startedAt,
    statusRequests
  }
}

function overallStatus(results: readonly BatchResult[], wait: boolean): DeletionResult['status'] {
  const has = (status: BatchStatus): boolean => results.some(r => r.status === status)
  if (has('cancelled')) return 'cancelled'
  if (has('failed')) return 'failed'
  if (has('timed-out') || has('not-sent')) return 'timed-out'
  return wait ? 'succeeded' : 'submitted'
}

function keyProblem(failure: MisoFailure): string {
  const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key'
  return `${what} (HTTP ${failure.httpStatus ?? '?'})`
}

function failureText(failure: MisoFailure): string {
  const status = failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : ''
  return `${status}${failure.message}`
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
