import { describe, it, expect } from '@jest/globals'
import { runDeletion, type DeletionOptions } from '../src/deletion.js'
import type { DeleteOutcome, MisoApi, StatusAnswer } from '../src/miso/types.js'
import { recordingLog } from '../test/support/log.js'
import { VirtualClock } from '../test/support/virtual-clock.js'

// A scripted, in-memory MisoApi (no HTTP: the HTTP stand-in is test-server/fake-miso.ts). Batch
// IDs are `b<batch>-<n>`, so the fake knows which batch a request carries; the default script
// accepts batch N as task `tN`, which is then done at once.
//
// Every test runs on a virtual clock (the run's `now` and `sleep`, the fake's answer delays,
// scheduled cancellations): the run sees the same times on any machine under any load, and the
// tests assert exact times in virtual milliseconds from the start.

interface Scripted<T> {
  /** Virtual milliseconds before the answer; the request is aborted if the signal fires first. */
  after?: number
  answer: T
}
type DeleteScript = (batch: number) => Scripted<DeleteOutcome>
type StatusScript = (taskId: string, n: number) => Scripted<StatusAnswer>

const accepted = (taskId: string): DeleteOutcome => ({
  ok: true,
  taskId,
  counts: {},
  httpStatus: 200,
  body: JSON.stringify({ message: 'deleted', data: { task_id: taskId } })
})
const refused = (httpStatus: number, message: string): DeleteOutcome => ({
  ok: false,
  failure: { httpStatus, message, fatal: httpStatus === 401 || httpStatus === 403 },
  body: JSON.stringify({ message })
})
const json = (body: unknown, httpStatus = 200): StatusAnswer => ({
  httpStatus,
  body: typeof body === 'string' ? body : JSON.stringify(body)
})
const DONE = json({ data: { status: 'done', deleted: { count: 2 } } })
const RUNNING = json({ data: { status: 'running' } })

/** Answers in turn; the last one repeats. */
const inTurn =
  (...answers: StatusAnswer[]): StatusScript =>
  (_taskId, n) => ({ answer: answers[Math.min(n, answers.length - 1)] })

class ScriptedMisoApi implements MisoApi {
  readonly deleted: number[] = []
  readonly statusCalls: { taskId: string; at: number }[] = []
  readonly events: string[] = []
  /** When each batch was answered. */
  readonly answeredAt = new Map<number, number>()
  aborted = 0
  maxDeletes = 0
  maxPolls = 0
  private deletes = 0
  private polls = 0
  private readonly pollsOf = new Map<string, number>()

  constructor(
    private readonly clock: VirtualClock,
    private readonly script: { delete?: DeleteScript; status?: StatusScript } = {}
  ) {}

  async deleteProducts(ids: readonly string[], signal: AbortSignal): Promise<DeleteOutcome> {
    const batch = Number(/^b(\d+)-/.exec(ids[0])?.[1])
    this.deleted.push(batch)
    this.events.push(`delete ${batch}`)
    this.maxDeletes = Math.max(this.maxDeletes, ++this.deletes)
    const { after = 2, answer } = this.script.delete?.(batch) ?? { answer: accepted(`t${batch}`) }
    const answered = await this.clock.delay(after, signal)
    this.deletes--
    if (!answered) {
      this.aborted++
      return { ok: false, failure: { message: 'aborted', fatal: false } }
    }
    this.answeredAt.set(batch, this.clock.now())
    return answer
  }

  async getStatus(taskId: string, signal: AbortSignal): Promise<StatusAnswer> {
    const n = this.pollsOf.get(taskId) ?? 0
    this.pollsOf.set(taskId, n + 1)
    this.statusCalls.push({ taskId, at: this.clock.now() })
    this.events.push(`status ${taskId}`)
    this.maxPolls = Math.max(this.maxPolls, ++this.polls)
    const { after = 1, answer } = this.script.status?.(taskId, n) ?? { answer: DONE }
    const answered = await this.clock.delay(after, signal)
    this.polls--
    if (!answered) {
      this.aborted++
      return { httpStatus: 0, body: 'aborted' }
    }
    return answer
  }
}

/** Batches of the given sizes, IDs `b<batch>-<n>`. */
const batchesOf = (...sizes: number[]): string[][] =>
  sizes.map((size, b) => Array.from({ length: size }, (_, n) => `b${b}-${n}`))

function options(clock: VirtualClock, overrides: Partial<DeletionOptions> = {}) {
  const logged = recordingLog()
  const opts: DeletionOptions = {
    concurrency: 2,
    wait: true,
    waitTimeoutMs: 5000,
    pollIntervalMs: 5,
    maxPollIntervalMs: 20,
    retries: 3,
    signal: new AbortController().signal,
    log: logged,
    now: clock.now,
    sleep: clock.sleep,
    ...overrides
  }
  return { opts, logged }
}

describe('runDeletion', () => {
  it('deletes every batch and reads each task once it is done', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock)
    const { opts } = options(clock)
    const result = await clock.run(runDeletion(batchesOf(2, 2, 1, 2, 2), api, opts))

    expect(result.status).toBe('succeeded')
    expect(result.taskIds).toEqual(['t0', 't1', 't2', 't3', 't4'])
    expect(result.failedCount).toBe(0)
    expect(result.stoppedBy).toBeUndefined()
    expect(api.statusCalls.length).toBe(5)
    expect(api.deleted.sort()).toEqual([0, 1, 2, 3, 4])
    expect(result.batches.map(b => [b.index, b.count, b.status])).toEqual([
      [0, 2, 'succeeded'],
      [1, 2, 'succeeded'],
      [2, 1, 'succeeded'],
      [3, 2, 'succeeded'],
      [4, 2, 'succeeded']
    ])
    for (const batch of result.batches) {
      expect(batch.response).toBe(DONE.body)
      expect(batch.counts).toEqual({ deleted: 2 })
      // from acceptance to the status answer (1 ms after its poll) that said done
      const polled = api.statusCalls.find(c => c.taskId === batch.taskId)?.at ?? NaN
      expect(batch.durationMs).toBe(polled + 1 - (api.answeredAt.get(batch.index) ?? NaN))
      expect(batch.durationMs).toBeGreaterThanOrEqual(opts.pollIntervalMs + 1)
      expect(batch.error).toBeUndefined()
    }
  })

  it('keeps at most `concurrency` deletes and `concurrency` polls in flight', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch => ({ after: 15, answer: accepted(`t${batch}`) }),
      status: (taskId, n) => ({ after: 10, answer: n < 2 ? RUNNING : DONE })
    })
    const { opts } = options(clock, { concurrency: 3, pollIntervalMs: 1, maxPollIntervalMs: 2 })
    const result = await clock.run(runDeletion(batchesOf(...Array(12).fill(1)), api, opts))

    expect(result.status).toBe('succeeded')
    expect(api.maxDeletes).toBe(3)
    expect(api.maxPolls).toBe(3)
    expect(api.statusCalls.length).toBe(36)
  })

  it('polls accepted tasks while later batches are still being sent', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch => ({ after: 30, answer: accepted(`t${batch}`) })
    })
    const { opts } = options(clock, { concurrency: 1 })
    const result = await clock.run(runDeletion(batchesOf(1, 1, 1, 1), api, opts))

    expect(result.status).toBe('succeeded')
    const firstPoll = api.events.indexOf('status t0')
    expect(firstPoll).toBeGreaterThan(-1)
    expect(firstPoll).toBeLessThan(api.events.indexOf('delete 3'))
  })

  it('stops at 401: no further batches are sent, those in flight finish', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch =>
        batch === 0
          ? { after: 2, answer: accepted('t0') }
          : batch === 1
            ? { after: 20, answer: refused(401, 'invalid api key.') }
            : { after: 40, answer: accepted(`t${batch}`) }
    })
    const { opts, logged } = options(clock, { concurrency: 2, pollIntervalMs: 1000 })
    const result = await clock.run(runDeletion(batchesOf(2, 2, 2, 2, 2, 2), api, opts))

    expect(result.status).toBe('failed')
    expect(result.stoppedBy).toBe('invalid api key (HTTP 401)')
    // batch 0 answered first, so its worker took batch 2 before the 401 came
    expect(api.deleted).toEqual([0, 1, 2])
    expect(api.aborted).toBe(0)
    expect(result.batches.map(b => b.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'not-sent',
      'not-sent',
      'not-sent'
    ])
    expect(result.batches[1].error).toEqual({
      httpStatus: 401,
      message: 'invalid api key.',
      fatal: true
    })
    // accepted, but never confirmed: the run stopped before the first poll was due
    expect(result.batches[0].taskId).toBe('t0')
    expect(result.batches[2].taskId).toBe('t2')
    expect(result.batches[2].error?.message).toMatch(/^not confirmed/)
    expect(result.taskIds).toEqual(['t0', 't2'])
    expect(api.statusCalls.length).toBe(0)
    expect(result.failedCount).toBe(12)
    // Said once, in the log: the run's failing annotation gives the cause and the fix.
    expect(logged.of('info').join('\n')).toContain('invalid api key (HTTP 401)')
    expect(logged.of('warning').join('\n')).not.toContain('HTTP 401')
  })

  it('stops at a 403 from the status endpoint too', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch => ({ after: batch === 0 ? 1 : 30, answer: accepted(`t${batch}`) }),
      status: () => ({ answer: json({ message: 'Request is denied.' }, 403) })
    })
    const { opts } = options(clock, { concurrency: 1 })
    const result = await clock.run(runDeletion(batchesOf(1, 1, 1, 1), api, opts))

    expect(result.status).toBe('failed')
    expect(result.stoppedBy).toBe('api key refused (HTTP 403)')
    expect(result.batches[0].error).toEqual({
      httpStatus: 403,
      message: 'Request is denied.',
      fatal: true
    })
    // batch 1 was in flight when the 403 came; it finished but is not confirmed
    expect(api.deleted).toEqual([0, 1])
    expect(result.batches.map(b => b.status)).toEqual(['failed', 'failed', 'not-sent', 'not-sent'])
    expect(api.statusCalls.length).toBe(1)
  })

  it('fails only the batch answered 422; the others go on', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch => ({
        answer: batch === 1 ? refused(422, 'product_ids: field required') : accepted(`t${batch}`)
      })
    })
    const { opts, logged } = options(clock)
    const result = await clock.run(runDeletion(batchesOf(3, 2, 3, 3), api, opts))

    expect(result.status).toBe('failed')
    expect(result.stoppedBy).toBeUndefined()
    expect(api.deleted.sort()).toEqual([0, 1, 2, 3])
    expect(result.batches.map(b => b.status)).toEqual([
      'succeeded',
      'failed',
      'succeeded',
      'succeeded'
    ])
    expect(result.batches[1].error).toEqual({
      httpStatus: 422,
      message: 'product_ids: field required',
      fatal: false
    })
    expect(result.batches[1].response).toBe('{"message":"product_ids: field required"}')
    expect(result.batches[1].taskId).toBeUndefined()
    expect(result.taskIds).toEqual(['t0', 't2', 't3'])
    expect(result.failedCount).toBe(2)
    expect(
      logged.of('warning').some(m => m.includes('HTTP 422: product_ids: field required'))
    ).toBe(true)
  })

  it('adds up failedCount over every batch that did not succeed', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock, {
      delete: batch => ({ answer: batch === 1 ? refused(400, 'bad') : accepted(`t${batch}`) }),
      status: taskId => ({
        answer: taskId === 't2' ? json({ status: 'failed', failed: { count: 4 } }) : DONE
      })
    })
    const { opts } = options(clock)
    const result = await clock.run(runDeletion(batchesOf(3, 2, 4, 1), api, opts))

    expect(result.batches.map(b => b.status)).toEqual([
      'succeeded',
      'failed',
      'failed',
      'succeeded'
    ])
    expect(result.batches[2].error).toEqual({
      httpStatus: 200,
      message: 'status "failed"',
      fatal: false
    })
    expect(result.batches[2].counts).toEqual({ failed: 4 })
    expect(result.failedCount).toBe(6)
    expect(result.status).toBe('failed')
  })

  describe('with wait false', () => {
    it('submits every batch and polls none', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock)
      const { opts } = options(clock, { wait: false })
      const result = await clock.run(runDeletion(batchesOf(2, 2, 2), api, opts))

      expect(result.status).toBe('submitted')
      expect(result.batches.map(b => b.status)).toEqual(['submitted', 'submitted', 'submitted'])
      expect(result.batches[0].response).toBe(accepted('t0').body)
      expect(result.taskIds).toEqual(['t0', 't1', 't2'])
      expect(result.failedCount).toBe(0)
      expect(api.statusCalls.length).toBe(0)
      expect(api.statusCalls).toEqual([])
    })

    it('fails when a batch is not accepted, counting only its IDs', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        delete: batch => ({ answer: batch === 2 ? refused(422, 'invalid') : accepted(`t${batch}`) })
      })
      const { opts } = options(clock, { wait: false })
      const result = await clock.run(runDeletion(batchesOf(2, 2, 3), api, opts))

      expect(result.status).toBe('failed')
      expect(result.batches.map(b => b.status)).toEqual(['submitted', 'submitted', 'failed'])
      expect(result.failedCount).toBe(3)
      expect(api.statusCalls).toEqual([])
    })
  })

  describe('wait-timeout', () => {
    it('stops sending and polling when it passes', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        // the first two batches are accepted at once, the next ones hang until aborted
        delete: batch => ({ after: batch < 2 ? 2 : 60_000, answer: accepted(`t${batch}`) }),
        status: () => ({ answer: RUNNING })
      })
      const { opts, logged } = options(clock, { waitTimeoutMs: 100 })
      const result = await clock.run(runDeletion(batchesOf(1, 2, 3, 4, 5, 6), api, opts))

      expect(result.status).toBe('timed-out')
      expect(result.stoppedBy).toBe('wait-timeout of 0.1 s')
      expect(result.elapsedMs).toBe(100)
      expect(result.batches.map(b => b.status)).toEqual([
        'timed-out',
        'timed-out',
        'timed-out',
        'timed-out',
        'not-sent',
        'not-sent'
      ])
      expect(api.deleted).toEqual([0, 1, 2, 3])
      // the two hanging deletes, and any poll still waiting for its answer (1 ms) at 100 ms
      expect(api.aborted).toBe(2 + api.statusCalls.filter(c => c.at + 1 > 100).length)
      expect(result.taskIds).toEqual(['t0', 't1'])
      expect(result.batches[0].response).toBe(RUNNING.body)
      expect(result.batches[2].taskId).toBeUndefined()
      expect(result.failedCount).toBe(21)
      expect(logged.of('warning')).toContain('Task t0: timed out; last status: running "running"')
      // nothing is polled after the time-out
      expect(api.statusCalls.every(c => c.at < 100)).toBe(true)
      const polls = api.statusCalls.length
      await clock.run(clock.delay(50))
      expect(api.statusCalls.length).toBe(polls)
    })

    it('reports failed over timed-out', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        delete: batch => ({
          answer: batch === 0 ? refused(422, 'invalid') : accepted(`t${batch}`)
        }),
        status: () => ({ answer: RUNNING })
      })
      const { opts } = options(clock, { waitTimeoutMs: 60 })
      const result = await clock.run(runDeletion(batchesOf(1, 1), api, opts))

      expect(result.batches.map(b => b.status)).toEqual(['failed', 'timed-out'])
      expect(result.status).toBe('failed')
      expect(result.stoppedBy).toBe('wait-timeout of 0.06 s')
      expect(result.elapsedMs).toBe(60)
      expect(result.failedCount).toBe(2)
    })
  })

  describe('cancellation', () => {
    it('aborts what is in flight and marks every unfinished batch cancelled', async () => {
      const clock = new VirtualClock()
      const cancel = new AbortController()
      const api = new ScriptedMisoApi(clock, {
        delete: batch => ({ after: batch === 0 ? 2 : 60_000, answer: accepted(`t${batch}`) }),
        status: (_taskId, n) => {
          if (n === 0) return { answer: RUNNING }
          cancel.abort()
          return { after: 60_000, answer: RUNNING }
        }
      })
      const { opts } = options(clock, { signal: cancel.signal, pollIntervalMs: 1 })
      const result = await clock.run(runDeletion(batchesOf(1, 1, 1, 1), api, opts))

      expect(result.status).toBe('cancelled')
      expect(result.stoppedBy).toBe('cancelled')
      expect(result.batches.map(b => b.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled'
      ])
      expect(result.batches[0].taskId).toBe('t0')
      expect(result.taskIds).toEqual(['t0'])
      expect(api.deleted).toEqual([0, 1, 2])
      // the pending delete and the pending poll were aborted
      expect(api.aborted).toBe(3)
      expect(result.failedCount).toBe(4)
    })

    it('sends nothing when cancelled before the start', async () => {
      const clock = new VirtualClock()
      const cancel = new AbortController()
      cancel.abort()
      const api = new ScriptedMisoApi(clock)
      const { opts } = options(clock, { signal: cancel.signal })
      const result = await clock.run(runDeletion(batchesOf(1, 1), api, opts))

      expect(result.status).toBe('cancelled')
      expect(result.batches.map(b => b.status)).toEqual(['cancelled', 'cancelled'])
      expect(api.deleted).toEqual([])
    })

    it('outranks a failed batch', async () => {
      const clock = new VirtualClock()
      const cancel = new AbortController()
      const api = new ScriptedMisoApi(clock, {
        delete: batch => {
          if (batch === 1) clock.setTimeout(() => cancel.abort(), 10)
          return batch === 0
            ? { answer: refused(422, 'invalid') }
            : { after: 60_000, answer: accepted('t1') }
        }
      })
      const { opts } = options(clock, { signal: cancel.signal, concurrency: 1 })
      const result = await clock.run(runDeletion(batchesOf(1, 1, 1), api, opts))

      expect(result.batches.map(b => b.status)).toEqual(['failed', 'cancelled', 'cancelled'])
      expect(result.status).toBe('cancelled')
      expect(result.elapsedMs).toBe(12) // batch 0 answered at 2 ms, cancelled 10 ms later
    })
  })

  describe('status answers', () => {
    it.each([
      // answer, status polls, the batch's status, what stopped the run
      ['done', json({ data: { status: 'done' } }), 1, 'succeeded', undefined],
      ['no markers', json({}), 1, 'succeeded', undefined],
      ['a failure word', json({ status: 'failed' }), 1, 'failed', undefined],
      ['errors: true', json({ errors: true }), 1, 'failed', undefined],
      ['running', RUNNING, 2, 'succeeded', undefined],
      ['not registered', json({ message: 'task not found.' }, 404), 2, 'succeeded', undefined],
      ['503', json('down', 503), 2, 'succeeded', undefined],
      ['429', json('', 429), 2, 'succeeded', undefined],
      ['no answer', json('socket hang up', 0), 2, 'succeeded', undefined],
      ['html', json('<html>hi</html>'), 2, 'succeeded', undefined],
      [
        '401',
        json({ message: 'invalid api key.' }, 401),
        1,
        'failed',
        'invalid api key (HTTP 401)'
      ],
      [
        '403',
        json({ message: 'Request is denied.' }, 403),
        1,
        'failed',
        'api key refused (HTTP 403)'
      ]
    ])('%s', async (_name, first, polls, status, stoppedBy) => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, { status: inTurn(first, DONE) })
      const { opts } = options(clock, { pollIntervalMs: 1, maxPollIntervalMs: 1 })
      const result = await clock.run(runDeletion(batchesOf(1), api, opts))

      expect(api.statusCalls).toHaveLength(polls)
      expect(result.batches[0].status).toBe(status)
      expect(result.stoppedBy).toBe(stoppedBy)
    })

    it('keeps polling while the task is not registered yet', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        status: inTurn(json({ message: 'not found' }, 404), json('', 404), DONE)
      })
      const { opts, logged } = options(clock)
      const result = await clock.run(runDeletion(batchesOf(2), api, opts))

      expect(result.status).toBe('succeeded')
      expect(api.statusCalls.length).toBe(3)
      expect(result.batches[0].response).toBe(DONE.body)
      expect(logged.of('warning')).toEqual([])
    })

    it('keeps polling through unknown answers, saying so once', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        status: inTurn(
          json('<html>Bad gateway</html>'),
          json('["x"]'),
          json({ status: 'Reticulating' }),
          json({ status: 'reticulating' }),
          json({ status: 'splining' }),
          RUNNING,
          DONE
        )
      })
      const { opts, logged } = options(clock, {
        concurrency: 1,
        pollIntervalMs: 1,
        maxPollIntervalMs: 1
      })
      const result = await clock.run(runDeletion(batchesOf(1, 1), api, opts))

      expect(result.status).toBe('succeeded')
      expect(api.statusCalls.length).toBe(14)
      const warnings = logged.of('warning').sort()
      // non-JSON once per task, each unknown word once for the whole run
      expect(warnings.filter(m => m.includes('not a JSON object'))).toEqual([
        'Task t0: unknown answer (not a JSON object: <html>Bad gateway</html>); still polling.',
        'Task t1: unknown answer (not a JSON object: <html>Bad gateway</html>); still polling.'
      ])
      expect(warnings.filter(m => m.includes('"reticulating"'))).toHaveLength(1)
      expect(warnings.filter(m => m.includes('"splining"'))).toHaveLength(1)
      expect(warnings).toHaveLength(4)
    })

    it('fails a task after more than `retries` transient errors in a row', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        status: inTurn(json('down', 503), json('', 429), json('socket hang up', 0), DONE)
      })
      const { opts, logged } = options(clock, { retries: 2 })
      const result = await clock.run(runDeletion(batchesOf(2), api, opts))

      expect(result.status).toBe('failed')
      expect(api.statusCalls.length).toBe(3)
      expect(result.batches[0].error).toEqual({
        message: 'status unavailable 3 times in a row, last: no answer: socket hang up',
        fatal: false
      })
      // the last real answer is kept, not the network error
      expect(result.batches[0].response).toBe('')
      expect(result.failedCount).toBe(2)
      expect(logged.of('warning').join('\n')).toContain('counted as failed')
    })

    it('recovers from transient errors that stop short of that', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        status: inTurn(
          json('down', 503),
          json('down', 502),
          RUNNING,
          json('down', 500),
          json('', 0),
          json({ message: 'not found' }, 404),
          json('busy', 429),
          json('busy', 429),
          DONE
        )
      })
      const { opts } = options(clock, { retries: 2, pollIntervalMs: 1, maxPollIntervalMs: 2 })
      const result = await clock.run(runDeletion(batchesOf(2), api, opts))

      expect(result.status).toBe('succeeded')
      expect(api.statusCalls.length).toBe(9)
      expect(result.batches[0].error).toBeUndefined()
    })

    it('reads an API method that throws at once as a failed request', async () => {
      const clock = new VirtualClock()
      const scripted = new ScriptedMisoApi(clock)
      let deletes = 0
      const api: MisoApi = {
        deleteProducts: (ids, signal) => {
          if (deletes++ === 0) throw new Error('thrown at once')
          return scripted.deleteProducts(ids, signal)
        },
        getStatus: () => {
          throw new Error('no status')
        }
      }
      const { opts } = options(clock, { retries: 0 })
      const result = await clock.run(runDeletion(batchesOf(1, 1), api, opts))

      expect(result.batches.map(b => b.status)).toEqual(['failed', 'failed'])
      expect(result.batches[0].error).toEqual({ message: 'thrown at once', fatal: false })
      expect(result.batches[1].error?.message).toContain('no status')
    })

    it('fails only the task whose answer cannot be read, and goes on', async () => {
      const clock = new VirtualClock()
      const broken = {
        httpStatus: 200,
        get body(): string {
          throw new Error('unreadable body')
        }
      }
      const api = new ScriptedMisoApi(clock, {
        status: taskId => ({ answer: taskId === 't1' ? (broken as StatusAnswer) : DONE })
      })
      const { opts, logged } = options(clock)
      const result = await clock.run(runDeletion(batchesOf(1, 2, 3), api, opts))

      expect(result.status).toBe('failed')
      expect(result.taskIds).toEqual(['t0', 't1', 't2'])
      expect(result.batches.map(b => b.status)).toEqual(['succeeded', 'failed', 'succeeded'])
      expect(result.batches[1].error).toEqual({
        httpStatus: 200,
        message: 'status answer could not be read: unreadable body',
        fatal: false
      })
      expect(result.failedCount).toBe(2)
      expect(logged.of('warning')).toEqual([
        'Task t1: status answer could not be read: unreadable body; counted as failed.'
      ])
    })

    it('keeps the counts of the last reading that had any', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock, {
        status: inTurn(json({ status: 'running', deleted_count: 1 }), json('overloaded', 503))
      })
      const { opts } = options(clock, { retries: 1000, waitTimeoutMs: 80 })
      const result = await clock.run(runDeletion(batchesOf(3), api, opts))

      expect(result.status).toBe('timed-out')
      expect(result.elapsedMs).toBe(80)
      expect(api.statusCalls.length).toBeGreaterThan(1)
      expect(result.batches[0].counts).toEqual({ deleted: 1 })
      expect(result.batches[0].response).toBe('overloaded')
    })
  })

  describe('poll timing', () => {
    it('polls a running task on the schedule, not on every wake-up', async () => {
      const clock = new VirtualClock()
      const sleeps: number[] = []
      const api = new ScriptedMisoApi(clock, { status: () => ({ after: 0, answer: RUNNING }) })
      const { opts } = options(clock, {
        pollIntervalMs: 10,
        maxPollIntervalMs: 40,
        waitTimeoutMs: 300,
        sleep: (ms, signal) => {
          if (ms !== 300) sleeps.push(ms)
          return clock.sleep(ms, signal)
        }
      })
      const result = await clock.run(runDeletion(batchesOf(1), api, opts))

      expect(result.status).toBe('timed-out')
      // timed waits only until the next poll or the backstop's first (2 x 40 ms after acceptance)
      const timed = sleeps.filter(ms => ms < 2 ** 31 - 1)
      expect(timed.length).toBeGreaterThan(0)
      expect(Math.max(...timed)).toBeLessThanOrEqual(80)
      // polled at least 5 ms apart (half the poll interval), not on every wake-up, the first
      // 10 ms after the acceptance at 2 ms
      expect(api.statusCalls.length).toBeLessThanOrEqual(Math.ceil(290 / 5))
      expect(api.statusCalls.length).toBeGreaterThanOrEqual(2)
      const at = api.statusCalls.map(c => c.at)
      expect(at[0]).toBe(12)
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(5)
    })

    it('waits for a free slot without a timer when every poll slot is busy', async () => {
      const clock = new VirtualClock()
      let shortWaits = 0
      // Slow status answers, one slot: tasks fall due while the only slot is taken.
      const api = new ScriptedMisoApi(clock, {
        status: (_taskId, n) => ({ after: 100, answer: n < 2 ? RUNNING : DONE })
      })
      const { opts } = options(clock, {
        concurrency: 1,
        pollIntervalMs: 5,
        maxPollIntervalMs: 20,
        sleep: (ms, signal) => {
          if (ms <= 1) shortWaits++
          return clock.sleep(ms, signal)
        }
      })
      const result = await clock.run(runDeletion(batchesOf(1, 1, 1), api, opts))

      expect(result.status).toBe('succeeded')
      expect(api.maxPolls).toBe(1)
      // Not a wake-up every millisecond while a poll of 100 ms holds the slot.
      expect(shortWaits).toBeLessThanOrEqual(api.statusCalls.length)
    })

    it('polls a task first pollIntervalMs after it was accepted', async () => {
      const clock = new VirtualClock()
      const api = new ScriptedMisoApi(clock)
      const { opts } = options(clock, { pollIntervalMs: 40 })
      await clock.run(runDeletion(batchesOf(1), api, opts))

      expect(api.statusCalls).toHaveLength(1)
      expect(api.statusCalls[0].at - (api.answeredAt.get(0) ?? NaN)).toBe(40)
    })
  })

  it('leaves no timer behind, whether the run completes or is cancelled', async () => {
    // The run's waits (the time-out's, the poll loop's) and the fake's answers are all timers of
    // the clock, and the clock fires none after the run has ended: what is pending was left.
    const clock = new VirtualClock()
    const long = { waitTimeoutMs: 60_000, pollIntervalMs: 1000, maxPollIntervalMs: 1000 }

    const done = await clock.run(
      runDeletion(
        batchesOf(1),
        new ScriptedMisoApi(clock),
        options(clock, { ...long, pollIntervalMs: 1 }).opts
      )
    )
    expect(done.status).toBe('succeeded')
    expect(clock.pending).toBe(0)

    const cancel = new AbortController()
    const start = clock.now()
    clock.setTimeout(() => cancel.abort(), 20)
    const api = new ScriptedMisoApi(clock, { status: inTurn(RUNNING, DONE) })
    const cancelled = await clock.run(
      runDeletion(batchesOf(1, 1), api, options(clock, { ...long, signal: cancel.signal }).opts)
    )
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.elapsedMs).toBe(20)
    expect(clock.now() - start).toBe(20)
    expect(clock.pending).toBe(0)
  })

  it('ignores a cancellation that comes after the run', async () => {
    const clock = new VirtualClock()
    // The run's only guard against a late stop: its cancel listener goes when the run ends.
    const cancel = new AbortController()
    const { opts, logged } = options(clock, { signal: cancel.signal, pollIntervalMs: 1 })
    const result = await clock.run(runDeletion(batchesOf(1), new ScriptedMisoApi(clock), opts))
    cancel.abort()

    expect(result.status).toBe('succeeded')
    expect(result.stoppedBy).toBeUndefined()
    expect(logged.of('warning')).toEqual([])
  })

  it('succeeds at once with no batches', async () => {
    const clock = new VirtualClock()
    const api = new ScriptedMisoApi(clock)
    const { opts } = options(clock)
    const result = await clock.run(runDeletion([], api, opts))

    expect(result).toMatchObject({ status: 'succeeded', batches: [], taskIds: [], failedCount: 0 })
  })
})

describe('answers done at once and counts', () => {
  const doneAtOnce = (counts: Record<string, number>): DeleteOutcome => ({
    ok: true,
    counts,
    httpStatus: 200,
    body: JSON.stringify({ data: counts })
  })

  it('ends a batch answered with counts and no task as succeeded, without a poll', async () => {
    const clock = new VirtualClock()
    const miso = new ScriptedMisoApi(clock, {
      delete: b => ({ answer: b === 0 ? doneAtOnce({ deleted: 2 }) : accepted(`t${b}`) })
    })
    const { opts, logged } = options(clock)
    const result = await clock.run(runDeletion(batchesOf(2, 2), miso, opts))
    expect(result.status).toBe('succeeded')
    expect(result.batches.map(b => [b.status, b.taskId, b.counts])).toEqual([
      ['succeeded', undefined, { deleted: 2 }],
      ['succeeded', 't1', { deleted: 2 }]
    ])
    expect(result.taskIds).toEqual(['t1'])
    expect(miso.statusCalls.map(c => c.taskId)).toEqual(['t1'])
    expect(logged.of('info').join('\n')).toContain('Batch 1/2: 2 IDs done at once [deleted 2]')
  })

  it('counts a batch done at once as done with wait false', async () => {
    const clock = new VirtualClock()
    const miso = new ScriptedMisoApi(clock, {
      delete: () => ({ answer: doneAtOnce({ deleted: 1 }) })
    })
    const result = await clock.run(
      runDeletion(batchesOf(1, 1), miso, options(clock, { wait: false }).opts)
    )
    expect(result.status).toBe('succeeded')
    expect(result.failedCount).toBe(0)
    const mixed = new ScriptedMisoApi(clock, {
      delete: b => ({ answer: b === 0 ? doneAtOnce({ deleted: 1 }) : accepted('t1') })
    })
    const both = await clock.run(
      runDeletion(batchesOf(1, 1), mixed, options(clock, { wait: false }).opts)
    )
    expect(both.status).toBe('submitted')
    expect(both.failedCount).toBe(0)
  })

  it('lets a later answer replace a count, never add to it', async () => {
    const clock = new VirtualClock()
    const withCounts: DeleteOutcome = {
      ok: true,
      taskId: 't0',
      counts: { deleted: 2, not_found: 1 },
      httpStatus: 200,
      body: '{}'
    }
    const miso = new ScriptedMisoApi(clock, {
      delete: () => ({ answer: withCounts }),
      status: inTurn(json({ data: { status: 'running', deleted: { count: 1 } } }), DONE)
    })
    const result = await clock.run(runDeletion(batchesOf(3), miso, options(clock).opts))
    // DONE says deleted 2; not_found stays as the delete answer said.
    expect(result.batches[0].counts).toEqual({ deleted: 2, not_found: 1 })
  })
})
