// The decisions of a deletion run, apart from its loops and timers (deletion.ts runs them):
// what one status answer means for its task, and how the run ends. Pure: plain values in,
// plain values out, messages returned for the caller to log.

import { isTransientStatus, stopsTheRun } from './http-policy.js'
import { misoMessage } from './miso/message.js'
import { describeReading } from './miso/task-status.js'
import type {
  BatchResult,
  BatchStatus,
  MisoFailure,
  StatusAnswer,
  TaskReading
} from './miso/types.js'

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
      error?: MisoFailure
      info?: string
      warning?: string
    }
  /**
   * 401/403/407: the key (or the proxy's credentials) is wrong for every task; the task fails
   * and the run stops.
   */
  | { kind: 'stop-for-key'; failure: MisoFailure }

export interface StepContext {
  /** `Task <id>`, for messages. */
  label: string
  /** More than this many transient failures in a row fail the task. */
  retries: number
  /** Unknown status words the run has warned about already (once per word per run). */
  toldWords: ReadonlySet<string>
}

/** Decides what one status answer (and its reading) means for its task. */
export function stepPoll(
  answer: StatusAnswer,
  reading: TaskReading,
  track: PollTrack,
  context: StepContext
): PollStep {
  const { label } = context
  if (stopsTheRun(answer.httpStatus)) {
    return {
      kind: 'stop-for-key',
      failure: {
        httpStatus: answer.httpStatus,
        message: misoMessage(answer.httpStatus, answer.body),
        fatal: true
      }
    }
  }
  if (reading.state === 'succeeded') {
    return { kind: 'finish', status: 'succeeded', info: `${label}: ${describeReading(reading)}` }
  }
  if (reading.state === 'failed') {
    return {
      kind: 'finish',
      status: 'failed',
      error: { httpStatus: answer.httpStatus, message: reading.note ?? '', fatal: false },
      warning: `${label}: ${describeReading(reading)}`
    }
  }
  if (isTransientStatus(answer.httpStatus)) {
    const transientInRow = track.transientInRow + 1
    if (transientInRow > context.retries) {
      const message = `status unavailable ${transientInRow} times in a row, last: ${reading.note}`
      return givenUp(answer, message, label)
    }
    return { kind: 'continue', track: { ...track, transientInRow } }
  }
  const next: PollTrack = { ...track, transientInRow: 0 }
  if (reading.state === 'unknown' && reading.word !== undefined) {
    if (context.toldWords.has(reading.word)) return { kind: 'continue', track: next }
    return {
      kind: 'continue',
      track: next,
      newWord: reading.word,
      warning: `${label}: ${reading.note}; still polling.`
    }
  }
  if (reading.state === 'unknown' && !track.toldUnknown) {
    return {
      kind: 'continue',
      track: { ...next, toldUnknown: true },
      warning: `${label}: unknown answer (${reading.note}); still polling.`
    }
  }
  return { kind: 'continue', track: next }
}

/** Fails a task the run gives up on (its status cannot be learnt), with `message`. */
export function givenUp(answer: StatusAnswer, message: string, label: string): PollStep {
  return {
    kind: 'finish',
    status: 'failed',
    error: {
      ...(answer.httpStatus !== 0 ? { httpStatus: answer.httpStatus } : {}),
      message,
      fatal: false
    },
    warning: `${label}: ${message}; counted as failed.`
  }
}

/** Why the run stopped early, as the loops recorded it. */
export interface RunStop {
  /** Cancellation or the wait time-out aborted everything in flight. */
  halted?: 'cancelled' | 'timed-out'
  /** A 401/403/407 stopped new work. */
  fatal?: MisoFailure
}

/** One batch as the loops left it. */
export interface BatchEnd {
  result: BatchResult
  done: boolean
  sentAt?: number
  acceptedAt?: number
  lastReading?: TaskReading
}

export interface RunEnd {
  status: RunStatus
  batches: BatchResult[]
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
  const results = batches.map((batch): BatchResult => {
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
    if (fatal) {
      return {
        ...batch.result,
        status: 'failed',
        error: {
          httpStatus: fatal.httpStatus,
          message: `not confirmed: the run stopped (${keyProblem(fatal)})`,
          fatal: true
        },
        ...durationMs
      }
    }
    // Not reached: the loops end only when every sent batch is done or the run stopped.
    return batch.result
  })
  // Without waiting, a batch Miso did at once counts as done too.
  const counted = (status: BatchStatus): boolean =>
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

function overallStatus(results: readonly BatchResult[], wait: boolean): RunStatus {
  const has = (status: BatchStatus): boolean => results.some(r => r.status === status)
  if (has('cancelled')) return 'cancelled'
  if (has('failed')) return 'failed'
  if (has('timed-out') || has('not-sent')) return 'timed-out'
  return wait || !has('submitted') ? 'succeeded' : 'submitted'
}

/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
export function batchLabel(result: BatchResult, total: number): string {
  return result.taskId !== undefined
    ? `Task ${result.taskId}`
    : `Batch ${result.index + 1}/${total}`
}

export function keyProblem(failure: MisoFailure): string {
  if (failure.httpStatus === 407) return 'the proxy refused the credentials (HTTP 407)'
  const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key'
  return `${what} (HTTP ${failure.httpStatus ?? '?'})`
}
