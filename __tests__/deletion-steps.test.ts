import { describe, it, expect } from '@jest/globals'
import { type BatchEnd, finaliseRun, NEW_TRACK, type PollTrack, stepPoll } from '../src/deletion.js'
import { readTaskStatus } from '../src/miso/task-status.js'
import type { BatchResult, StatusAnswer } from '../src/miso/types.js'

// The run's decisions as tables, without loops or timers (deletion.test.ts runs the loops).

const answer = (httpStatus: number, body: unknown = ''): StatusAnswer => ({
  httpStatus,
  body: typeof body === 'string' ? body : JSON.stringify(body)
})
const step = (a: StatusAnswer, track: PollTrack = NEW_TRACK, toldWords = new Set<string>()) =>
  stepPoll(a, readTaskStatus(a), track, { label: 'Task t1', retries: 2, toldWords })

describe('stepPoll', () => {
  it.each([
    ['done', answer(200, { data: { status: 'done' } }), 'finish', 'succeeded'],
    ['no markers', answer(200, {}), 'finish', 'succeeded'],
    ['a failure word', answer(200, { status: 'failed' }), 'finish', 'failed'],
    ['errors: true', answer(200, { errors: true }), 'finish', 'failed'],
    ['running', answer(200, { status: 'running' }), 'continue', undefined],
    ['not registered', answer(404, { message: 'task not found.' }), 'continue', undefined],
    ['503', answer(503, 'down'), 'continue', undefined],
    ['429', answer(429, ''), 'continue', undefined],
    ['no answer', answer(0, 'socket hang up'), 'continue', undefined],
    ['html', answer(200, '<html>hi</html>'), 'continue', undefined],
    ['401', answer(401, { message: 'invalid api key.' }), 'stop-for-key', undefined],
    ['403', answer(403, { message: 'Request is denied.' }), 'stop-for-key', undefined]
  ])('%s: %s', (_name, a, kind, status) => {
    const result = step(a)
    expect(result.kind).toBe(kind)
    if (result.kind === 'finish') expect(result.status).toBe(status)
  })

  it('stops for the key with Miso message, a fatal failure', () => {
    expect(step(answer(403, { message: 'Request is denied.' }))).toEqual({
      kind: 'stop-for-key',
      failure: { httpStatus: 403, message: 'Request is denied.', fatal: true }
    })
  })

  it('fails a task after more than `retries` transient failures in a row', () => {
    let track = NEW_TRACK
    for (const a of [answer(503, 'down'), answer(0, 'reset')]) {
      const result = step(a, track)
      if (result.kind !== 'continue') throw new Error(`continue expected, got ${result.kind}`)
      track = result.track
    }
    expect(track.transientInRow).toBe(2)
    expect(step(answer(429, 'slow down'), track)).toEqual({
      kind: 'finish',
      status: 'failed',
      error: {
        httpStatus: 429,
        message: 'status unavailable 3 times in a row, last: HTTP 429 (rate limited): slow down',
        fatal: false
      },
      warning:
        'Task t1: status unavailable 3 times in a row, last: HTTP 429 (rate limited): ' +
        'slow down; counted as failed.'
    })
  })

  it('resets the transient count on a real answer, 404 included', () => {
    const track = { transientInRow: 2, toldUnknown: false }
    for (const a of [answer(200, { status: 'running' }), answer(404, '')]) {
      const result = step(a, track)
      expect(result.kind === 'continue' && result.track.transientInRow).toBe(0)
    }
  })

  it('warns once per unknown word per run, and once per task for other unknown answers', () => {
    const word = answer(200, { status: 'Reticulating' })
    expect(step(word)).toMatchObject({
      kind: 'continue',
      newWord: 'reticulating',
      warning: 'Task t1: unknown status word "reticulating"; still polling.'
    })
    expect(step(word, NEW_TRACK, new Set(['reticulating']))).toEqual({
      kind: 'continue',
      track: NEW_TRACK
    })

    const html = answer(200, '<html>Bad gateway</html>')
    const first = step(html)
    expect(first).toEqual({
      kind: 'continue',
      track: { transientInRow: 0, toldUnknown: true },
      warning:
        'Task t1: unknown answer (not a JSON object: <html>Bad gateway</html>); still polling.'
    })
    expect(first.kind === 'continue' && step(html, first.track)).toEqual({
      kind: 'continue',
      track: { transientInRow: 0, toldUnknown: true }
    })
  })
})

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
    done: true,
    sentAt: 0,
    acceptedAt: 5
  }
  const accepted: BatchEnd = {
    result: result(1, 3, { taskId: 't1' }),
    done: false,
    sentAt: 10,
    acceptedAt: 20,
    lastReading: { state: 'running', word: 'running', counts: {} }
  }
  const inFlight: BatchEnd = { result: result(2, 4), done: false, sentAt: 30 }
  const unsent: BatchEnd = { result: result(3, 5), done: false }
  const failed: BatchEnd = {
    result: result(1, 3, {
      status: 'failed',
      error: { httpStatus: 422, message: 'bad', fatal: false }
    }),
    done: true,
    sentAt: 10
  }
  const settings = { wait: true, waitTimeoutMs: 60_000, now: 100 }
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
    const end = finaliseRun([succeeded, accepted, inFlight], { halted: 'timed-out' }, settings)
    expect(end.warnings).toEqual([
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
    const end = finaliseRun([submitted, failed], {}, { ...settings, wait: false })
    expect(end.status).toBe('failed')
    expect(end.failedCount).toBe(3)
    expect(finaliseRun([submitted], {}, { ...settings, wait: false }).status).toBe('submitted')
  })

  it('leaves the batches it was given untouched', () => {
    const before = JSON.stringify(accepted)
    finaliseRun([accepted], { halted: 'cancelled' }, settings)
    expect(JSON.stringify(accepted)).toBe(before)
  })
})
