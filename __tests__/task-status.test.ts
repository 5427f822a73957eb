import { describe, it, expect } from '@jest/globals'
import { classifyStatus } from '../src/http-policy.js'
import { describeReading, readTaskStatus } from '../src/miso/answers.js'
import type { TaskReading, TaskState } from '../src/miso/types.js'

const ok = (body: unknown): TaskReading =>
  readTaskStatus({ httpStatus: 200, body: typeof body === 'string' ? body : JSON.stringify(body) })

const RUNNING =
  'pending queued waiting created scheduled accepted running processing in_progress started'
const SUCCESS = 'done completed complete success succeeded finished ok deleted'
const FAILURE = 'failed failure error errored cancelled canceled aborted'

describe('readTaskStatus: HTTP status', () => {
  it.each([
    [404, '{"message":"not found"}', 'not-registered'],
    [0, 'connect ECONNREFUSED 127.0.0.1:1', 'unknown'],
    [429, 'slow down', 'unknown'],
    [500, '{"message":"Something went wrong."}', 'unknown'],
    [502, '<html>Bad Gateway</html>', 'unknown'],
    [599, '', 'unknown'],
    [400, '{"message":"bad"}', 'failed'],
    [401, '{"message":"invalid api key."}', 'failed'],
    [410, '{"detail":"gone"}', 'failed'],
    [302, '', 'failed'],
    [308, '<html>moved</html>', 'failed'],
    [101, '', 'unknown'],
    // a status code alone never reads as success, even with a success body
    [500, '{"status":"done"}', 'unknown']
  ] as const)('HTTP %i %s -> %s', (httpStatus, body, state) => {
    const reading = readTaskStatus({ httpStatus, body })
    expect(reading.state).toBe(state)
    expect(reading.counts).toEqual({})
    expect(reading.note).toBeDefined()
  })

  it('names the HTTP status and the start of the body in the note', () => {
    expect(readTaskStatus({ httpStatus: 503, body: 'upstream\n  down' }).note).toBe(
      'HTTP 503: upstream down'
    )
    expect(readTaskStatus({ httpStatus: 429, body: '' }).note).toBe(
      'HTTP 429 (rate limited): (empty body)'
    )
    expect(readTaskStatus({ httpStatus: 0, body: 'socket hang up' }).note).toBe(
      'no answer: socket hang up'
    )
  })

  it('fails a task at a refusal: a redirect, or a 4xx other than 404 and 429', () => {
    expect(readTaskStatus({ httpStatus: 400, body: '{"message":"Invalid task id."}' }).note).toBe(
      'status request refused (HTTP 400): Invalid task id.'
    )
    expect(readTaskStatus({ httpStatus: 403, body: '' }).note).toBe(
      'status request refused (HTTP 403): Forbidden'
    )
    expect(readTaskStatus({ httpStatus: 301, body: '' }).note).toBe(
      "status request redirected (HTTP 301); set api-url to the API's own address"
    )
  })

  it.each([
    [0, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [200, false],
    [400, false],
    [401, false],
    [404, false],
    [422, false],
    [600, false]
  ])('HTTP %i is transient: %s', (status, transient) => {
    expect(classifyStatus(status) === 'retry').toBe(transient)
  })
})

describe('readTaskStatus: bodies that are not a JSON object', () => {
  it.each([
    ['<!DOCTYPE html><html><body>Gateway</body></html>'],
    ['["a","b"]'],
    ['[]'],
    ['null'],
    ['"done"'],
    ['42'],
    ['true'],
    ['task finished'],
    [''],
    ['{"status": "done"']
  ])('%j is unknown', body => {
    const reading = ok(body)
    expect(reading.state).toBe('unknown')
    expect(reading.word).toBeUndefined()
    expect(reading.note).toMatch(/^not a JSON object: /)
  })

  it('quotes at most 80 characters of the body', () => {
    const body = `<html>${'x'.repeat(200)}</html>`
    expect(ok(body).note).toBe(`not a JSON object: ${body.slice(0, 80)}...`)
    expect(ok('').note).toBe('not a JSON object: (empty body)')
    expect(ok('y'.repeat(80)).note).toBe(`not a JSON object: ${'y'.repeat(80)}`)
    expect(ok('y'.repeat(81)).note).toBe(`not a JSON object: ${'y'.repeat(80)}...`)
  })

  it('reads any 2xx like a 200', () => {
    expect(readTaskStatus({ httpStatus: 202, body: '{"status":"queued"}' }).state).toBe('running')
  })
})

describe('readTaskStatus: status words', () => {
  const table: [string, TaskState][] = [
    ...RUNNING.split(' ').map(w => [w, 'running'] as [string, TaskState]),
    ...SUCCESS.split(' ').map(w => [w, 'succeeded'] as [string, TaskState]),
    ...FAILURE.split(' ').map(w => [w, 'failed'] as [string, TaskState])
  ]

  it.each(table)('data.status %s -> %s', (word, state) => {
    const reading = ok({ data: { status: word } })
    expect(reading.state).toBe(state)
    expect(reading.word).toBe(word)
  })

  it.each(table)('top-level state %s -> %s', (word, state) => {
    expect(ok({ state: word }).state).toBe(state)
  })

  it.each([
    ['DONE', 'succeeded', 'done'],
    ['  Processing \n', 'running', 'processing'],
    ['In Progress', 'running', 'in_progress'],
    ['in-progress', 'running', 'in_progress'],
    ['FAILED', 'failed', 'failed'],
    ['Canceled', 'failed', 'canceled']
  ] as const)('%j is read as %s (word %s)', (raw, state, word) => {
    const reading = ok({ status: raw })
    expect(reading.state).toBe(state)
    expect(reading.word).toBe(word)
  })

  it('looks at data.status, data.state, status, state in that order', () => {
    expect(ok({ status: 'done', data: { status: 'running' } }).state).toBe('running')
    expect(ok({ status: 'done', data: { state: 'queued' } }).state).toBe('running')
    expect(ok({ state: 'running', status: 'done' }).state).toBe('succeeded')
    expect(ok({ state: 'done', data: { state: 'pending', status: 'ok' } }).word).toBe('ok')
  })

  it('skips places that hold no string or an empty one', () => {
    expect(ok({ status: 200, data: { status: ' ', state: 'running' } }).state).toBe('running')
    expect(ok({ status: 200, state: 'done' }).word).toBe('done')
    expect(ok({ data: { status: null }, status: { s: 1 }, state: 'queued' }).state).toBe('running')
  })

  it('reads a failure word at any place as failure, before the first word', () => {
    const reading = ok({ status: 'error', data: { status: 'done' } })
    expect(reading.state).toBe('failed')
    expect(reading.word).toBe('error')
    expect(reading.note).toBe('status "error"')
  })

  it('leaves an unknown word unknown, with the word', () => {
    const reading = ok({ data: { status: 'Reticulating' }, finished: true })
    expect(reading).toEqual({
      state: 'unknown',
      word: 'reticulating',
      counts: {},
      note: 'unknown status word "reticulating"'
    })
  })
})

describe('readTaskStatus: failure markers, finished, and no marker', () => {
  it.each([
    [{ errors: true, status: 'done' }, 'errors: true'],
    [{ data: { errors: true, status: 'done' } }, 'errors: true'],
    [{ data: { errors: ['p-1 failed'] }, status: 'done' }, '1 error: ["p-1 failed"]'],
    [{ errors: [{ id: 'a' }, { id: 'b' }], finished: true }, '2 errors: [{"id":"a"},{"id":"b"}]']
  ])('%j fails: %s', (body, note) => {
    const reading = ok(body)
    expect(reading.state).toBe('failed')
    expect(reading.note).toBe(note)
  })

  it('does not fail on errors: false or an empty errors list', () => {
    expect(ok({ errors: false, status: 'done' }).state).toBe('succeeded')
    expect(ok({ data: { errors: [] }, status: 'done' }).state).toBe('succeeded')
    expect(ok({ errors: [], data: { errors: false } }).state).toBe('succeeded')
  })

  it('lets a status word decide before finished', () => {
    expect(ok({ status: 'running', finished: true }).state).toBe('running')
    expect(ok({ data: { status: 'done', finished: false } }).state).toBe('succeeded')
  })

  it.each([
    [{ finished: true }, 'succeeded'],
    [{ finished: false }, 'running'],
    [{ data: { finished: false } }, 'running'],
    [{ data: { finished: true } }, 'succeeded'],
    [{ data: { finished: false }, finished: true }, 'running'],
    [{ finished: 'yes' }, 'succeeded']
  ] as const)('%j -> %s', (body, state) => {
    const reading = ok(body)
    expect(reading.state).toBe(state)
    expect(reading.word).toBeUndefined()
  })

  it('reads a JSON object without any marker as succeeded', () => {
    expect(ok({})).toEqual({ state: 'succeeded', counts: {} })
    expect(ok({ message: 'success', data: { task_id: 't-1' } }).state).toBe('succeeded')
  })
})

describe('readTaskStatus: hostile bodies', () => {
  it('reads errors nested 100,000 deep without exhausting the stack', () => {
    const depth = 100_000
    for (const errors of [
      '['.repeat(depth) + ']'.repeat(depth),
      '[{"a":'.repeat(depth) + '1' + '}]'.repeat(depth)
    ]) {
      const reading = ok(`{"data":{"errors":${errors}}}`)
      expect(reading.state).toBe('failed')
      expect(reading.note?.length).toBeLessThan(120)
      expect(reading.note).toMatch(/^1 error: \[(\[|\{"a":)/)
    }
  })

  it('shows at most 8 levels and about 80 characters of an errors list', () => {
    expect(ok({ errors: [[[[[[[[[['x']]]]]]]]]] }).note).toBe('1 error: [[[[[[[[[…]]]]]]]]]')
    const long = ok({ errors: Array.from({ length: 50 }, (_, i) => ({ code: i })) }).note
    expect(long).toMatch(/^50 errors: \[\{"code":0\},\{"code":1\},.*\.\.\.$/)
    expect(long?.length).toBeLessThanOrEqual('50 errors: '.length + 83)
  })
})

describe('readTaskStatus: counts', () => {
  it.each([
    [
      { data: { deleted: { count: 3, ids: ['a'] }, not_found: { count: 1 } } },
      { deleted: 3, not_found: 1 }
    ],
    [
      { deleted: { count: 2 }, failed: { count: 0 } },
      { deleted: 2, failed: 0 }
    ],
    [
      { deleted_count: 5, data: { not_found_count: 2 } },
      { deleted: 5, not_found: 2 }
    ],
    [
      { deletedCount: 4, notFound: { count: 1 } },
      { deleted: 4, not_found: 1 }
    ],
    [{ data: { deleted: 3, total: 4 } }, { deleted: 3, total: 4 }],
    [{ deleted: 1, data: { deleted: 7 } }, { deleted: 7 }]
  ])('%j -> %j', (body, counts) => {
    expect(ok(body).counts).toEqual(counts)
  })

  it('ignores numbers that are no counts', () => {
    const body = {
      status: 200,
      code: 0,
      status_code: 200,
      created_at: 1700000000,
      took_ms: 12,
      task_id: 5,
      version: 2,
      progress: 50,
      data: {
        count: { n: 1 },
        deleted: -1,
        not_found: 1.5,
        failed: '2',
        skipped: [1, 2],
        done: true
      }
    }
    expect(ok(body).counts).toEqual({})
  })

  it('does not read the data object itself as a count', () => {
    expect(ok({ data: { count: 3 } }).counts).toEqual({ count: 3 })
  })

  it('keeps counts alongside the state', () => {
    expect(ok({ status: 'failed', failed: { count: 2 } })).toMatchObject({
      state: 'failed',
      counts: { failed: 2 }
    })
    expect(ok({ data: { status: 'running', deleted_count: 10 } })).toMatchObject({
      state: 'running',
      counts: { deleted: 10 }
    })
  })
})

describe('describeReading', () => {
  it.each([
    [{ state: 'running', word: 'processing', counts: {} }, 'running "processing"'],
    [
      { state: 'succeeded', word: 'done', counts: { deleted: 3, not_found: 1 } },
      'succeeded "done" [deleted 3, not_found 1]'
    ],
    [{ state: 'succeeded', counts: {} }, 'succeeded'],
    [
      { state: 'unknown', word: 'weird', counts: {}, note: 'unknown status word "weird"' },
      'unknown: unknown status word "weird"'
    ],
    [
      { state: 'not-registered', counts: {}, note: 'not registered yet' },
      'not-registered: not registered yet'
    ]
  ] as [TaskReading, string][])('%j -> %s', (reading, text) => {
    expect(describeReading(reading)).toBe(text)
  })

  it('describes real readings', () => {
    expect(describeReading(ok({ errors: true, deleted: { count: 1 } }))).toBe(
      'failed: errors: true [deleted 1]'
    )
    expect(describeReading(ok('<html>'))).toBe('unknown: not a JSON object: <html>')
  })
})
