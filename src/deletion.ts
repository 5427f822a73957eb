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
// - The run's status: see finaliseRun (deletion-steps.ts), where every decision of the run
//   lives apart from these loops.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.

import { setMaxListeners } from 'node:events'
import {
  batchLabel,
  type BatchEnd,
  finaliseRun,
  givenUp,
  keyProblem,
  NEW_TRACK,
  type PollStep,
  type PollTrack,
  type RunStatus,
  type RunStop,
  stepPoll
} from './deletion-steps.js'
import type { Log } from './log.js'
import { plural } from './plural.js'
import { countsText, describeReading, readTaskStatus } from './miso/task-status.js'
import { abortableSleep, Throttle } from './miso/throttle.js'
import type {
  BatchResult,
  BatchStatus,
  DeleteOutcome,
  MisoApi,
  MisoFailure,
  StatusAnswer
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
  status: RunStatus
  batches: BatchResult[]
  taskIds: string[]
  /** IDs not confirmed deleted (with `wait` false: not accepted). */
  failedCount: number
  /** Why the run stopped early, e.g. 'invalid api key (HTTP 401)' or 'cancelled'. */
  stoppedBy?: string
  elapsedMs: number
  statusRequests: number
}

export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000
/** Each poll of a task comes this many times later than the one before. */
export const POLL_BACK_OFF = 1.5

/** A batch on its way: the public result plus what the run needs to finish it. */
interface Batch extends BatchEnd {
  ids: readonly string[]
}

/** Everything the loops share. Only the loops change it; the decisions are in deletion-steps.ts. */
interface RunState extends RunStop {
  readonly batches: Batch[]
  /** The next batch to send. */
  next: number
  statusRequests: number
  /** Unknown status words warned about (once per word per run). */
  readonly toldWords: Set<string>
  /** Aborts requests in flight: cancellation, time-out. */
  readonly halt: AbortController
  /** Stops new work only, which a wrong key needs: requests already sent may still tell. */
  readonly quiet: AbortController
  /** Pollers, added by the submitters as tasks are accepted. */
  readonly pollers: Promise<void>[]
}

export async function runDeletion(
  batches: readonly (readonly string[])[],
  api: MisoApi,
  options: DeletionOptions
): Promise<DeletionResult> {
  const { log } = options
  const now = options.now ?? Date.now
  // The poller's waits end early, without an error, when new work stops.
  const sleep = options.sleep ?? ((ms, signal) => abortableSleep(ms, signal).catch(() => undefined))
  const startedAt = now()
  const state: RunState = {
    batches: batches.map((ids, index) => ({
      ids,
      result: { index, count: ids.length, status: 'not-sent', counts: {} },
      done: false
    })),
    next: 0,
    statusRequests: 0,
    toldWords: new Set(),
    halt: new AbortController(),
    quiet: new AbortController(),
    pollers: []
  }
  // Every waiting poller and request listens on these: one per batch is expected, not a leak,
  // and Node's warning about it would alarm users reading the log.
  setMaxListeners(0, state.halt.signal, state.quiet.signal)
  const loop: Loop = {
    state,
    api,
    options,
    now,
    sleep,
    pollSlots: new Throttle(Math.max(1, options.concurrency))
  }

  const onCancel = (): void => stop(loop, 'cancelled')
  if (options.signal.aborted) onCancel()
  else options.signal.addEventListener('abort', onCancel, { once: true })
  if (options.wait && options.waitTimeoutMs > 0) {
    // A sleep that rejects on abort must not become an unhandled rejection.
    void sleep(options.waitTimeoutMs, state.halt.signal).then(
      () => {
        if (!state.halt.signal.aborted) stop(loop, 'timed-out')
      },
      () => undefined
    )
  }

  const workers = Math.min(Math.max(1, options.concurrency), state.batches.length)
  await Promise.all(Array.from({ length: workers }, () => submitter(loop)))
  // Pollers are only added by submitters, so the list is complete now.
  await Promise.all(state.pollers)

  // A cancellation after the run must not stop (and report stopping) a run that is over.
  options.signal.removeEventListener('abort', onCancel)
  state.halt.abort() // ends the time-out timer

  const end = finaliseRun(state.batches, state, {
    wait: options.wait,
    waitTimeoutMs: options.waitTimeoutMs,
    now: now()
  })
  for (const warning of end.warnings) log.warning(warning)
  return {
    status: end.status,
    batches: end.batches,
    taskIds: end.taskIds,
    failedCount: end.failedCount,
    ...(end.stoppedBy !== undefined ? { stoppedBy: end.stoppedBy } : {}),
    elapsedMs: now() - startedAt,
    statusRequests: state.statusRequests
  }
}

/** What the loops need besides the state. */
interface Loop {
  state: RunState
  api: MisoApi
  options: DeletionOptions
  now: () => number
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  /** A throttle that is never told of a 429: a plain first-come-first-served semaphore. */
  pollSlots: Throttle
}

/** Cancellation or time-out: aborts everything in flight. */
function stop(loop: Loop, why: 'cancelled' | 'timed-out'): void {
  const { state, options } = loop
  if (state.halted) return
  state.halted = why
  options.log.warning(
    why === 'cancelled'
      ? 'Cancelled: no further requests are made.'
      : `Wait time-out of ${options.waitTimeoutMs / 1000} s passed: no further requests are made.`
  )
  state.halt.abort()
  state.quiet.abort()
}

/** A wrong key: no new work, but what is in flight may finish. */
function stopForKey(loop: Loop, failure: MisoFailure): void {
  const { state } = loop
  if (state.fatal) return
  state.fatal = failure
  // The run's failing annotation gives the cause and what to do: the log line is enough here.
  loop.options.log.info(`${keyProblem(failure)}: no further requests are made.`)
  state.quiet.abort()
}

function finish(
  loop: Loop,
  batch: Batch,
  status: BatchStatus,
  from: number | undefined,
  error?: MisoFailure
): void {
  batch.done = true
  batch.result.status = status
  if (error) batch.result.error = error
  if (from !== undefined) batch.result.durationMs = loop.now() - from
}

function label(loop: Loop, batch: Batch): string {
  return batchLabel(batch.result, loop.state.batches.length)
}

/** Sends batches, one at a time, until none is left or new work stops. */
async function submitter(loop: Loop): Promise<void> {
  const { state } = loop
  while (!state.quiet.signal.aborted && state.next < state.batches.length) {
    await send(loop, state.batches[state.next++])
  }
}

async function send(loop: Loop, batch: Batch): Promise<void> {
  const { state, api, options } = loop
  batch.sentAt = loop.now()
  let outcome: DeleteOutcome
  try {
    outcome = await api.deleteProducts(batch.ids, state.halt.signal)
  } catch (e) {
    outcome = { ok: false, failure: { message: errorText(e), fatal: false }, attempts: 1 }
  }
  if (outcome.body !== undefined) batch.result.response = outcome.body
  if (outcome.ok) {
    batch.result.counts = outcome.counts
    if (outcome.taskId === undefined) {
      finish(loop, batch, 'succeeded', batch.sentAt)
      options.log.info(
        `${label(loop, batch)}: ${plural(batch.ids.length, 'ID')} done at once${countsText(outcome.counts)}.`
      )
      return
    }
    options.log.info(
      `${label(loop, batch)}: ${plural(batch.ids.length, 'ID')} accepted as task ${outcome.taskId}.`
    )
    batch.result.taskId = outcome.taskId
    batch.acceptedAt = loop.now()
    if (!options.wait) finish(loop, batch, 'submitted', batch.sentAt)
    else state.pollers.push(poll(loop, batch, outcome.taskId))
    return
  }
  // A failure caused by our own abort says nothing about the batch; the run's stop decides.
  if (state.halt.signal.aborted) return
  const { failure } = outcome
  finish(loop, batch, 'failed', batch.sentAt, failure)
  // A wrong key fails every batch the same way: the run's failure says it once.
  const line = `${label(loop, batch)}: ${plural(batch.ids.length, 'ID')} not deleted: ${failureText(failure)}`
  if (failure.fatal) options.log.info(line)
  else options.log.warning(line)
  if (failure.fatal) stopForKey(loop, failure)
}

/** Polls one task until it ends or new work stops. Never rejects. */
async function poll(loop: Loop, batch: Batch, taskId: string): Promise<void> {
  const { state, options } = loop
  const maxInterval = options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
  let interval = options.pollIntervalMs
  let track: PollTrack = NEW_TRACK
  for (;;) {
    await loop.sleep(interval, state.quiet.signal)
    interval = Math.min(maxInterval, interval * POLL_BACK_OFF)
    // Rejects once new work has stopped: that ends the poller.
    const release = await loop.pollSlots.acquire(state.quiet.signal).catch(() => undefined)
    if (!release) return
    const answer = await askStatus(loop, taskId).finally(release)
    if (state.halt.signal.aborted) return
    let step: PollStep
    try {
      step = readAnswer(loop, batch, answer, track)
    } catch (e) {
      // A fault in reading one answer ends that task only; the run and its report go on.
      const message = `status answer could not be read: ${errorText(e)}`
      step = givenUp(answer, message, label(loop, batch))
    }
    switch (step.kind) {
      case 'stop-for-key':
        finish(loop, batch, 'failed', batch.acceptedAt, step.failure)
        stopForKey(loop, step.failure)
        return
      case 'finish':
        finish(loop, batch, step.status, batch.acceptedAt, step.error)
        if (step.info !== undefined) options.log.info(step.info)
        if (step.warning !== undefined) options.log.warning(step.warning)
        return
      case 'continue':
        track = step.track
        if (step.newWord !== undefined) state.toldWords.add(step.newWord)
        if (step.warning !== undefined) options.log.warning(step.warning)
    }
  }
}

/** Reads one status answer into the batch and decides what it means. */
function readAnswer(loop: Loop, batch: Batch, answer: StatusAnswer, track: PollTrack): PollStep {
  const reading = readTaskStatus(answer)
  loop.options.log.debug(
    `${label(loop, batch)}: HTTP ${answer.httpStatus}, ${describeReading(reading)}`
  )
  if (answer.httpStatus !== 0) batch.result.response = answer.body
  batch.result.counts = { ...batch.result.counts, ...reading.counts }
  batch.lastReading = reading
  return stepPoll(answer, reading, track, {
    label: label(loop, batch),
    retries: loop.options.retries,
    toldWords: loop.state.toldWords
  })
}

/** One status request; a thrown error becomes an answer without HTTP status. */
async function askStatus(loop: Loop, taskId: string): Promise<StatusAnswer> {
  loop.state.statusRequests++
  try {
    return await loop.api.getStatus(taskId, loop.state.halt.signal)
  } catch (e) {
    return { httpStatus: 0, body: errorText(e) }
  }
}

function failureText(failure: MisoFailure): string {
  const status = failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : ''
  return `${status}${failure.message}`
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
