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
import { isTransientStatus } from './http-policy.js'
import { countsText, describeReading, readTaskStatus } from './miso/task-status.js'
import { abortableSleep } from './miso/throttle.js'
import { type Heard, PollSchedule } from './poll-schedule.js'
import type {
  BatchResult,
  BatchStatus,
  DeleteOutcome,
  MisoApi,
  MisoFailure,
  StatusAnswer
} from './miso/types.js'

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
}

export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000
/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** A batch on its way: the public result plus what the run needs to finish it. */
interface Batch extends BatchEnd {
  ids: readonly string[]
  /** What the polls learnt so far. */
  track: PollTrack
}

/** Everything the loops share. Only the loops change it; the decisions are in deletion-steps.ts. */
interface RunState extends RunStop {
  readonly batches: Batch[]
  /** The next batch to send. */
  next: number
  /** Unknown status words warned about (once per word per run). */
  readonly toldWords: Set<string>
  /** Aborts requests in flight: cancellation, time-out. */
  readonly halt: AbortController
  /** Stops new work only, which a wrong key needs: requests already sent may still tell. */
  readonly quiet: AbortController
  readonly schedule: PollSchedule<Batch>
  /** Batches are still being sent, so more tasks may come. */
  submitting: boolean
  /** Something changed while the poll loop was busy: it looks again before waiting. */
  woken: boolean
  /** Ends the poll loop's current wait. */
  waiting?: AbortController
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
      done: false,
      track: NEW_TRACK
    })),
    next: 0,
    toldWords: new Set(),
    halt: new AbortController(),
    quiet: new AbortController(),
    schedule: new PollSchedule({
      pollIntervalMs: options.pollIntervalMs,
      maxGapMs: options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
    }),
    submitting: true,
    woken: false
  }
  // Every waiting poller and request listens on these: one per batch is expected, not a leak,
  // and Node's warning about it would alarm users reading the log.
  setMaxListeners(0, state.halt.signal, state.quiet.signal)
  const loop: Loop = { state, api, options, now, sleep }

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

  const polling = options.wait ? pollLoop(loop) : Promise.resolve()
  const workers = Math.min(Math.max(1, options.concurrency), state.batches.length)
  await Promise.all(Array.from({ length: workers }, () => submitter(loop)))
  state.submitting = false
  wake(state)
  await polling

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
    elapsedMs: now() - startedAt
  }
}

/** What the loops need besides the state. */
interface Loop {
  state: RunState
  api: MisoApi
  options: DeletionOptions
  now: () => number
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
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
  wake(state)
}

/** A wrong key: no new work, but what is in flight may finish. */
function stopForKey(loop: Loop, failure: MisoFailure): void {
  const { state } = loop
  if (state.fatal) return
  state.fatal = failure
  // The run's failing annotation gives the cause and what to do: the log line is enough here.
  loop.options.log.info(`${keyProblem(failure)}: no further requests are made.`)
  state.quiet.abort()
  wake(state)
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
    outcome = { ok: false, failure: { message: errorText(e), fatal: false } }
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
    else {
      state.schedule.add(batch, batch.acceptedAt, batch.sentAt)
      wake(state)
    }
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

/**
 * Polls what the schedule says is due, at most `concurrency` at once, until every task has
 * ended and no more can come, or new work stops.
 */
async function pollLoop(loop: Loop): Promise<void> {
  const { state } = loop
  const concurrency = Math.max(1, loop.options.concurrency)
  const inFlight = new Set<Promise<void>>()
  while (!state.quiet.signal.aborted) {
    if (!state.submitting && inFlight.size === 0 && state.schedule.open === 0) break
    const now = loop.now()
    const { poll, wakeAt } = state.schedule.due(now, concurrency - inFlight.size)
    for (const batch of poll) {
      const request: Promise<void> = pollOnce(loop, batch, now).finally(() => {
        inFlight.delete(request)
        wake(state)
      })
      inFlight.add(request)
    }
    // Every slot taken: the poll that ends first wakes the loop, no timer needed.
    await waitForWake(loop, inFlight.size >= concurrency ? MAX_TIMER_MS : wakeAt - now)
  }
  await Promise.all(inFlight)
}

/**
 * Tells the poll loop to look again: a task was accepted or answered, sending ended, or new
 * work stopped. A run wakes it a few times per batch: the abort carries a plain reason, as
 * the default one costs a DOMException with its stack each time.
 */
function wake(state: RunState): void {
  state.woken = true
  state.waiting?.abort(WOKEN)
}

const WOKEN = 'woken'

async function waitForWake(loop: Loop, ms: number): Promise<void> {
  const { state } = loop
  if (!state.woken) {
    // One signal, woken by wake() also when new work stops (AbortSignal.any() per wait would
    // cost more than the poll it waits for).
    const waiting = new AbortController()
    state.waiting = waiting
    await loop.sleep(Math.min(MAX_TIMER_MS, Math.max(0, ms)), waiting.signal)
    state.waiting = undefined
  }
  state.woken = false
}

/** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
async function pollOnce(loop: Loop, batch: Batch, sentAt: number): Promise<void> {
  const { state, options } = loop
  const answer = await askStatus(loop, batch.result.taskId ?? '')
  if (state.halt.signal.aborted) return
  let step: PollStep
  try {
    step = readAnswer(loop, batch, answer, batch.track)
  } catch (e) {
    // A fault in reading one answer ends that task only; the run and its report go on.
    const message = `status answer could not be read: ${errorText(e)}`
    step = givenUp(answer, message, label(loop, batch))
  }
  let heard: Heard = 'ended'
  switch (step.kind) {
    case 'stop-for-key':
      finish(loop, batch, 'failed', batch.acceptedAt, step.failure)
      stopForKey(loop, step.failure)
      break
    case 'finish':
      finish(loop, batch, step.status, batch.acceptedAt, step.error)
      if (step.info !== undefined) options.log.info(step.info)
      if (step.warning !== undefined) options.log.warning(step.warning)
      break
    case 'continue':
      batch.track = step.track
      if (step.newWord !== undefined) state.toldWords.add(step.newWord)
      if (step.warning !== undefined) options.log.warning(step.warning)
      heard = isTransientStatus(answer.httpStatus) ? 'no-news' : 'running'
  }
  state.schedule.heard(batch, heard, sentAt, loop.now())
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
