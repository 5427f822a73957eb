import { describe, it, expect } from '@jest/globals'
import { type BatchEnd, finaliseRun } from '../src/deletion.js'
import type { BatchResult } from '../src/miso/types.js'
import { recordingLog } from '../test/support/log.js'

// The run's end as a table, without loops or timers (deletion.test.ts runs the loops).

describe('finaliseRun', () => {
  const result = (index: number, count: number, extra: Partial<BatchResult> = {}): BatchResult => ({
    index,
    count,
    status: 'not-sent',
    counts: {},
    ...extra
  })
  const succeeded: BatchEnd = {
    result: result(0, 2, { taskId: 't0', status: 'succeeded' }),
    sentAt: 0,
    acceptedAt: 5
  }
  const accepted: BatchEnd = {
    result: result(1, 3, { taskId: 't1' }),
    sentAt: 10,
    acceptedAt: 20,
    lastReading: { state: 'running', word: 'running', counts: {} }
  }
  const inFlight: BatchEnd = { result: result(2, 4), sentAt: 30 }
  const unsent: BatchEnd = { result: result(3, 5) }
  const failed: BatchEnd = {
    result: result(1, 3, {
      status: 'failed',
      error: { httpStatus: 422, message: 'bad', fatal: false }
    }),
    sentAt: 10
  }
  const settings = { waitTimeoutMs: 60_000, now: 100, log: recordingLog() }
  const key401 = { httpStatus: 401, message: 'invalid api key.', fatal: true }

  it.each([
    // stop, batches, status, statuses, failedCount, stoppedBy
    [{}, [succeeded], 'succeeded', ['succeeded'], 0, undefined],
    [{}, [succeeded, failed], 'failed', ['succeeded', 'failed'], 3, undefined],
    [
      { halted: 'timed-out' as const },
      [succeeded, accepted, inFlight, unsent],
      'timed-out',
      ['succeeded', 'timed-out', 'timed-out', 'not-sent'],
      12,
      'wait-timeout of 60 s'
    ],
    [
      { halted: 'timed-out' as const },
      [failed, accepted],
      'failed',
      ['failed', 'timed-out'],
      6,
      'wait-timeout of 60 s'
    ],
    [
      { halted: 'cancelled' as const },
      [failed, accepted, inFlight, unsent],
      'cancelled',
      ['failed', 'cancelled', 'cancelled', 'cancelled'],
      15,
      'cancelled'
    ],
    [
      { fatal: key401 },
      [succeeded, accepted, unsent],
      'failed',
      ['succeeded', 'failed', 'not-sent'],
      8,
      'invalid api key (HTTP 401)'
    ],
    [
      // cancellation outranks the key: the run says it was cancelled
      { halted: 'cancelled' as const, fatal: key401 },
      [accepted],
      'cancelled',
      ['cancelled'],
      3,
      'cancelled'
    ],
    [{}, [succeeded, unsent], 'timed-out', ['succeeded', 'not-sent'], 5, undefined]
  ])('%o', (stop, batches, status, statuses, failedCount, stoppedBy) => {
    const end = finaliseRun(batches, stop, settings)
    expect(end.status).toBe(status)
    expect(end.batches.map(b => b.status)).toEqual(statuses)
    expect(end.failedCount).toBe(failedCount)
    expect(end.stoppedBy).toBe(stoppedBy)
  })

  it('says which tasks timed out, with their last reading, and times them from acceptance', () => {
    const log = recordingLog()
    const end = finaliseRun(
      [succeeded, accepted, inFlight],
      { halted: 'timed-out' },
      {
        ...settings,
        log
      }
    )
    expect(log.of('warning')).toEqual([
      'Task t1: timed out; last status: running "running"',
      'Batch 3/3: timed out; last status: no answer yet'
    ])
    expect(end.batches.slice(1).map(b => b.durationMs)).toEqual([80, 70])
    expect(end.taskIds).toEqual(['t0', 't1'])
  })

  it('fails accepted tasks a wrong key left unconfirmed, saying why', () => {
    const end = finaliseRun([accepted], { fatal: key401 }, settings)
    expect(end.batches[0].error).toEqual({
      httpStatus: 401,
      message: 'not confirmed: the run stopped (invalid api key (HTTP 401))',
      fatal: true
    })
  })

  it('counts submitted batches as done without waiting', () => {
    const submitted: BatchEnd = {
      ...succeeded,
      result: { ...succeeded.result, status: 'submitted' }
    }
    const end = finaliseRun([submitted, failed], {}, settings)
    expect(end.status).toBe('failed')
    expect(end.failedCount).toBe(3)
    expect(finaliseRun([submitted], {}, settings).status).toBe('submitted')
  })

  it('leaves the batches it was given untouched', () => {
    const before = JSON.stringify(accepted)
    finaliseRun([accepted], { halted: 'cancelled' }, settings)
    expect(JSON.stringify(accepted)).toBe(before)
  })
})
