// End-to-end fault injection: dist/index.js runs as the runner would run it, against the
// local Miso server while that answers with 429s, 5xx, resets, hung requests, broken bodies
// and a flapping status endpoint. Whatever happens, every ID must end in a known state, and
// the server, the outputs, the result file and the summary must tell the same story.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runAgainst, unescapeSummary, withFakeMiso } from '../test/support/e2e.js'
import { type ActionRun, type RunActionOptions } from '../test/support/run-action.js'
import {
  type Fault,
  type FakeMiso,
  type FakeMisoOptions,
  type RecordedRequest
} from '../test-server/fake-miso.js'

const KEY = 'sk-faults-5ecret-key-value'
const DELETE = '/v1/products/_delete'
const STATUS = '/v1/products/_status/'

interface Entry {
  task_id: string | null
  count: number
  status: string
  response: string | null
  counts?: Record<string, number>
  error?: { http_status: number | null; message: string }
}

const withMiso = (options: FakeMisoOptions, body: (miso: FakeMiso) => Promise<void>) =>
  withFakeMiso(KEY, options, body)

function run(miso: FakeMiso, inputs: Record<string, string>, extra: RunActionOptions = {}) {
  return runAgainst(miso.url, KEY, inputs, extra)
}

const makeIds = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)

const deletes = (miso: FakeMiso): RecordedRequest[] =>
  miso.requests.filter(r => r.path === DELETE).sort((a, b) => a.at - b.at)

/** The body rows of the summary table under `### heading`, as trimmed cells. */
function tableRows(summary: string, heading: string): string[][] {
  const start = summary.indexOf(`### ${heading}\n`)
  if (start < 0) return []
  const rows: string[][] = []
  for (const line of summary.slice(start).split('\n').slice(1)) {
    if (line.startsWith('### ') || line.startsWith('<details>')) break
    if (!line.startsWith('|')) continue
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map(cell => cell.trim())
    )
  }
  return rows.slice(2) // header and alignment rows
}

interface Ledger {
  batches: string[][]
  entries: Entry[]
  /** IDs whose batch the outputs claim succeeded. */
  succeeded: Set<string>
}

/**
 * Checks that every ID ends in a known state and that everyone agrees on which:
 * - each batch has one `result` entry (output and file alike), in plan order;
 * - a batch claimed `succeeded` has a task that the server ran on exactly its IDs, and
 *   every such ID is deleted;
 * - the server ran no task the outputs do not name, and deleted nothing outside one;
 * - `failed-count` counts every other ID; each such batch is in the summary's Tasks table
 *   with its status, and a failed one has an error with HTTP status and message that the
 *   Errors table repeats.
 */
function account(result: ActionRun, miso: FakeMiso, batchSize: number): Ledger {
  const { outputs, summary } = result
  const ids = readFileSync(outputs['ids-path'], 'utf8').split('\n').slice(0, -1)
  expect(ids).toHaveLength(Number(outputs.count))
  const entries = JSON.parse(readFileSync(outputs['result-path'], 'utf8')) as Entry[]
  expect(outputs['result-truncated']).toBe('false')
  expect(JSON.parse(outputs.result)).toEqual(entries)

  const batches: string[][] = []
  for (let i = 0; i < ids.length; i += batchSize) batches.push(ids.slice(i, i + batchSize))
  expect(entries.map(e => e.count)).toEqual(batches.map(b => b.length))

  const taskIds = entries.flatMap(e => (e.task_id !== null ? [e.task_id] : []))
  expect(JSON.parse(outputs['task-ids'])).toEqual(taskIds)
  expect(new Set(miso.tasks.keys())).toEqual(new Set(taskIds))

  const succeeded = new Set<string>()
  const accepted = new Set<string>()
  const taskRows = tableRows(summary, 'Tasks')
  const errorRows = tableRows(summary, 'Errors')
  expect(taskRows).toHaveLength(entries.length)
  entries.forEach((entry, i) => {
    const batch = batches[i]
    if (entry.task_id !== null) {
      expect(miso.tasks.get(entry.task_id)?.ids).toEqual(batch)
      for (const id of batch) accepted.add(id)
    }
    if (entry.status === 'succeeded') {
      expect(entry.task_id).not.toBeNull()
      for (const id of batch) succeeded.add(id)
    }
    const [number, taskId, count, status] = taskRows[i]
    expect([number, unescapeSummary(taskId), count]).toEqual([
      String(i + 1),
      entry.task_id ?? '',
      String(entry.count)
    ])
    expect(status).toMatch(new RegExp(` ${entry.status}$`))
    if (entry.status === 'failed') {
      expect(entry.error).toBeDefined()
      expect(entry.error?.message).not.toBe('')
    }
    if (entry.error) {
      // Batches with the same answer share a row: `1–3, 5`.
      const row = errorRows.find(r => batchNumbers(r[0]).includes(i + 1))
      expect(row).toBeDefined()
      expect(row?.[1]).toBe(String(entry.error.http_status ?? ''))
      expect(unescapeSummary(row?.[2] ?? '')).toBe(entry.error.message)
    }
  })
  for (const id of succeeded) expect(miso.deleted.has(id)).toBe(true)
  for (const id of miso.deleted) expect(accepted.has(id)).toBe(true)
  expect(Number(outputs['failed-count'])).toBe(ids.length - succeeded.size)
  expect(summary).toMatch(
    new RegExp(
      `^\\| ${outputs.status} \\| ${ids.length} \\| ${batches.length} \\| ${
        taskIds.length
      } \\| ${outputs['failed-count']} \\|`,
      'm'
    )
  )
  return { batches, entries, succeeded }
}

/** The exit code and status line the contract gives for `status`. */
function expectStatus(result: ActionRun, status: string): void {
  expect(result.signal).toBeNull()
  expect(result.outputs.status).toBe(status)
  const fails = ['failed', 'timed-out', 'cancelled'].includes(status)
  expect(result.code).toBe(fails ? 1 : 0)
  expect(result.summary).toContain(`Miso bulk delete: ${status}\n`)
}

interface DeleteFaultCase {
  name: string
  fault: Omit<Fault, 'route' | 'times'>
  retries: number
  inputs?: Record<string, string>
  /** What the batch that runs out of retries reports. */
  httpStatus: number | null
  message: RegExp
  /** Least time between a faulty answer's request and the retry (Retry-After, 429 pause). */
  minGapMs?: number
}

const DELETE_FAULTS: DeleteFaultCase[] = [
  {
    name: '429 without Retry-After',
    fault: { kind: '429' },
    retries: 1,
    httpStatus: 429,
    message: /^Too many requests\.$/,
    minGapMs: 1000 // the shared pause after a 429 is at least 1 s
  },
  {
    name: '500',
    fault: { kind: '500' },
    retries: 2,
    httpStatus: 500,
    message: /^Something went wrong/
  },
  {
    name: '502 with an HTML body',
    fault: { kind: '502' },
    retries: 2,
    httpStatus: 502,
    message: /^Bad Gateway$/
  },
  {
    name: '503 with Retry-After: 1',
    fault: { kind: '503', retryAfter: '1' },
    retries: 2,
    httpStatus: 503,
    message: /^Service temporarily unavailable\.$/,
    minGapMs: 1000 // without Retry-After the first back-off is below 0.5 s
  },
  {
    name: 'connection reset',
    fault: { kind: 'reset' },
    retries: 2,
    httpStatus: null,
    message: /^POST \/v1\/products\/_delete: (connection reset|socket hang up)/
  },
  {
    name: 'hung request',
    fault: { kind: 'hang' },
    retries: 2,
    inputs: { 'request-timeout': '1' },
    httpStatus: null,
    message: /^POST \/v1\/products\/_delete: no complete answer within 1 s \(request-timeout\)$/
  },
  {
    name: 'truncated body',
    fault: { kind: 'truncated' },
    retries: 2,
    httpStatus: null,
    message: /^POST \/v1\/products\/_delete: answer cut off after HTTP 200/
  },
  {
    name: 'non-JSON 200',
    fault: { kind: 'non-json' },
    retries: 2,
    httpStatus: 200,
    message: /^answer is not JSON \(text\/plain\)$/
  },
  {
    name: 'HTML 200',
    fault: { kind: 'html' },
    retries: 2,
    httpStatus: 200,
    message: /^answer is not JSON \(text\/html\)$/
  },
  {
    name: '200 without task_id',
    fault: { kind: 'no-task-id' },
    retries: 2,
    httpStatus: 200,
    message: /^answer has no data\.task_id and no deletion counts$/
  }
]

describe('faults on delete requests', () => {
  // Three batches sent one after another, and retries + 2 faulty answers in a row: the first
  // batch meets the fault on every attempt and fails, the second once and recovers, the third
  // meets none.
  it.concurrent.each(DELETE_FAULTS)(
    '$name: retried, bounded, and reported when retries run out',
    async ({ fault, retries, inputs, httpStatus, message, minGapMs }) => {
      await withMiso({}, async miso => {
        miso.inject({ route: 'delete', ...fault, times: retries + 2 })
        const result = await run(miso, {
          'product-ids': makeIds('d', 5).join(','),
          'batch-size': '2',
          concurrency: '1',
          retries: String(retries),
          ...inputs
        })

        expectStatus(result, 'failed')
        const { batches, entries, succeeded } = account(result, miso, 2)
        expect(entries.map(e => e.status)).toEqual(['failed', 'succeeded', 'succeeded'])
        expect(succeeded).toEqual(new Set([...batches[1], ...batches[2]]))
        expect(miso.deleted).toEqual(succeeded)
        expect(result.outputs['failed-count']).toBe('2')
        expect(entries[0].task_id).toBeNull()
        expect(entries[0].error?.http_status).toBe(httpStatus)
        expect(entries[0].error?.message).toMatch(message)
        expect(result.stdout).toContain('::warning::Batch 1/3: 2 IDs not deleted: ')

        // Sent one at a time: retries + 1 attempts, 2 attempts, 1 attempt, and no more.
        const sent = deletes(miso)
        expect(sent).toHaveLength(retries + 1 + 2 + 1)
        expect(sent.map(r => r.status === 200 && r.ids !== undefined)).toEqual([
          ...Array<boolean>(retries + 2).fill(false),
          true,
          true
        ])
        if (minGapMs !== undefined) {
          // Every retry of a faulty answer: all but the last of the first batch's, and the second's.
          const retried = [...Array.from({ length: retries }, (_, i) => i), retries + 1]
          for (const i of retried) {
            expect(sent[i + 1].at - sent[i].at).toBeGreaterThanOrEqual(minGapMs)
          }
        }
      })
    }
  )

  it.concurrent('a batch that runs out of retries fails with the last reason', async () => {
    await withMiso({}, async miso => {
      for (const kind of ['500', 'reset', '502'] as const) miso.inject({ route: 'delete', kind })
      const result = await run(miso, { 'product-ids': 'l-1,l-2', retries: '2' })
      expectStatus(result, 'failed')
      const { entries } = account(result, miso, 1000)
      expect(entries[0].error).toEqual({ http_status: 502, message: 'Bad Gateway' })
      expect(deletes(miso).map(r => r.status)).toEqual([500, 0, 502])
      expect(miso.deleted.size).toBe(0)
    })
  })

  it.concurrent('Retry-After on a 429 is waited out before the next request', async () => {
    const latencyMs = 200
    await withMiso({ latencyMs }, async miso => {
      miso.inject({ route: 'delete', kind: '429', retryAfter: '2' })
      const ids = makeIds('r', 4)
      const result = await run(miso, {
        'product-ids': ids.join(','),
        'batch-size': '1',
        concurrency: '2'
      })
      expectStatus(result, 'succeeded')
      account(result, miso, 1)
      expect(miso.deleted).toEqual(new Set(ids))
      const sent = deletes(miso)
      expect(sent[0].status).toBe(429)
      // Every worker waits, not only the one that was told: of the requests sent after the
      // answer (the other first one was sent beside it), none arrives within 2 s.
      const later = sent.filter(r => r.at >= sent[0].at + latencyMs)
      expect(later).toHaveLength(3)
      for (const r of later) expect(r.at - sent[0].at).toBeGreaterThanOrEqual(2000)
    })
  })

  it('repeated 429s: fewer requests in flight and longer pauses, then recovery', async () => {
    const latencyMs = 100
    await withMiso({ latencyMs }, async miso => {
      // All four first requests, then both requests of the next round, are told to slow down.
      miso.inject({ route: 'delete', kind: '429', times: 6 })
      const ids = makeIds('s', 16)
      const result = await run(miso, {
        'product-ids': ids.join(','),
        'batch-size': '1',
        concurrency: '4',
        retries: '3'
      })
      expectStatus(result, 'succeeded')
      account(result, miso, 1)
      expect(miso.deleted).toEqual(new Set(ids))

      const sent = deletes(miso)
      expect(sent).toHaveLength(16 + 6)
      // Requests in flight when each arrived; every answer took at least `latencyMs`.
      const inFlight = sent.map(
        r => sent.filter(q => q.at <= r.at && r.at < q.at + latencyMs).length
      )
      expect(sent.slice(0, 6).map(r => r.status)).toEqual(Array<number>(6).fill(429))
      expect(sent.slice(6).every(r => r.status === 200)).toBe(true)
      expect(inFlight[3]).toBe(4) // the first round: four at once
      expect(Math.max(...inFlight.slice(4, 6))).toBeLessThanOrEqual(2) // halved
      expect(Math.max(...inFlight.slice(6, 8))).toBe(1) // halved again
      // Shared pauses: nothing is sent until the pause ends, and the second is longer.
      const firstPause = sent[4].at - sent[3].at
      const secondPause = sent[6].at - sent[5].at
      expect(firstPause).toBeGreaterThanOrEqual(1000)
      expect(secondPause).toBeGreaterThanOrEqual(2000)
      expect(secondPause).toBeGreaterThan(firstPause)
      // Recovering slowly: more than one in flight again later on.
      expect(Math.max(...inFlight.slice(8))).toBeGreaterThan(1)
      expect(result.stdout).toContain('rate limited (HTTP 429); 2 request(s) in flight at most')
      expect(result.stdout).toContain('rate limited (HTTP 429); 1 request(s) in flight at most')
    })
  })
})

describe('faults on status polls', () => {
  it.concurrent(
    'a flapping status endpoint (reset, 503, HTML, 404, unknown word, 429) ends in done',
    async () => {
      // Each task's scripted answers, in order, after which the server says done.
      const scripts: { status: number; body: string; headers?: Record<string, string> }[][] = [
        [{ status: 503, body: '{"message":"Service temporarily unavailable."}' }],
        [
          { status: 200, body: '<html><body>Sign in to the network</body></html>' },
          { status: 404, body: '{"message":"task not found."}' }
        ],
        [
          { status: 200, body: '{"data":{"status":"frobnicating"}}' },
          { status: 429, body: '{"message":"Too many requests."}' }
        ]
      ]
      const served = new Map<string, number>()
      let current: FakeMiso | undefined
      await withMiso(
        {
          statusBody: task => {
            const script = scripts[[...(current?.tasks.keys() ?? [])].indexOf(task.id)]
            const n = served.get(task.id) ?? 0
            served.set(task.id, n + 1)
            return script?.[n]
          }
        },
        async server => {
          current = server
          // The first poll (of the first task) meets a reset before any script.
          server.inject({ route: 'status', kind: 'reset' })
          const result = await run(server, {
            'product-ids': makeIds('f', 3).join(','),
            'batch-size': '1',
            concurrency: '1',
            retries: '2'
          })
          expectStatus(result, 'succeeded')
          const { entries } = account(result, server, 1)
          expect(server.deleted).toEqual(new Set(makeIds('f', 3)))
          for (const entry of entries) {
            expect(entry.counts).toEqual({ deleted: 1, not_found: 0 })
            expect(JSON.parse(entry.response ?? '')).toMatchObject({ data: { status: 'done' } })
          }
          const polls = (taskId: string | null): number[] =>
            server.requests.filter(r => r.path === STATUS + taskId).map(r => r.status)
          expect(polls(entries[0].task_id)).toEqual([0, 503, 200])
          expect(polls(entries[1].task_id)).toEqual([200, 404, 200])
          expect(polls(entries[2].task_id)).toEqual([200, 429, 200])
          expect(result.stdout).toMatch(
            /::warning::Task .*: unknown answer \(not a JSON object: <html>/
          )
          expect(
            result.stdout.match(/::warning::.*unknown status word "frobnicating"/g)
          ).toHaveLength(1)
        }
      )
    }
  )

  it.concurrent(
    'more than `retries` failed polls in a row fail the task, not confirmed',
    async () => {
      await withMiso(
        {
          statusBody: () => ({
            status: 503,
            body: '{"message":"Service temporarily unavailable."}'
          })
        },
        async miso => {
          const result = await run(miso, { 'product-ids': 'u-1,u-2', retries: '1' })
          expectStatus(result, 'failed')
          const { entries, succeeded } = account(result, miso, 1000)
          expect(entries[0].status).toBe('failed')
          expect(entries[0].task_id).not.toBeNull()
          expect(entries[0].error).toEqual({
            http_status: 503,
            message: expect.stringMatching(/^status unavailable 2 times in a row, last: HTTP 503/)
          })
          expect(succeeded.size).toBe(0)
          expect(result.outputs['failed-count']).toBe('2')
          expect(miso.stats().statusRequests).toBe(2)
        }
      )
    }
  )

  it.concurrent(
    'an answer never understood times out at wait-timeout, reporting the last body',
    async () => {
      const body = '{"data":{"status":"frobnicating"}}'
      await withMiso({ statusBody: () => ({ status: 200, body }) }, async miso => {
        const result = await run(miso, { 'product-ids': 'n-1', 'wait-timeout': '3' })
        expectStatus(result, 'timed-out')
        const { entries } = account(result, miso, 1000)
        expect(entries[0]).toMatchObject({ status: 'timed-out', response: body })
        expect(result.stdout).toMatch(/timed out; last status: unknown: unknown status word/)
        expect(
          result.stdout.match(/unknown status word "frobnicating"; still polling/g)
        ).toHaveLength(1)
        expect(result.summary).toContain(
          '**Cause:** Miso did not confirm 1 batch within the wait-timeout of 3 s.'
        )
        expect(result.summary).toContain('Raise `wait-timeout`')
        expect(result.elapsedMs).toBeLessThan(3000 + 10_000)
      })
    }
  )
})

describe('time limits', () => {
  it.concurrent(
    'wait-timeout ends hung deletes long before request-timeout and retries would',
    async () => {
      await withMiso({}, async miso => {
        miso.inject({ route: 'delete', kind: 'hang', times: 100 })
        const result = await run(miso, {
          'product-ids': makeIds('h', 3).join(','),
          'batch-size': '1',
          concurrency: '1',
          'request-timeout': '30',
          'wait-timeout': '2'
        })
        expectStatus(result, 'timed-out')
        const { entries } = account(result, miso, 1)
        expect(entries.map(e => e.status)).toEqual(['timed-out', 'not-sent', 'not-sent'])
        expect(result.outputs['failed-count']).toBe('3')
        expect(miso.stats().deleteRequests).toBe(1)
        expect(result.elapsedMs).toBeLessThan(2000 + 10_000)
      })
    }
  )

  it.concurrent(
    'a Retry-After beyond the wait does not hold the run past wait-timeout',
    async () => {
      await withMiso({}, async miso => {
        miso.inject({ route: 'delete', kind: '429', retryAfter: '3600' })
        const result = await run(miso, {
          'product-ids': 'ra-1,ra-2',
          'batch-size': '1',
          concurrency: '1',
          'wait-timeout': '2'
        })
        expectStatus(result, 'timed-out')
        const { entries } = account(result, miso, 1)
        expect(entries.map(e => e.status)).toEqual(['timed-out', 'not-sent'])
        expect(miso.stats().deleteRequests).toBe(1)
        expect(result.elapsedMs).toBeLessThan(2000 + 10_000)
      })
    }
  )
})

describe('cancellation', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: stops submitting, reports the tasks submitted so far, exits non-zero',
    async signal => {
      // Slow answers and long tasks: the signal comes while batch 3 is in flight.
      await withMiso({ latencyMs: 300, taskDurationMs: 60_000 }, async miso => {
        const ids = makeIds('c', 10)
        const result = await run(
          miso,
          { 'product-ids': ids.join(','), 'batch-size': '1', concurrency: '1' },
          { kill: { signal, afterOutput: 'Batch 2/10: 1 ID accepted as task' } }
        )
        expectStatus(result, 'cancelled')
        const { entries } = account(result, miso, 1)
        // Batch 3 was in flight and is abandoned; nothing after it is sent.
        expect(miso.stats().deleteRequests).toBeGreaterThanOrEqual(2)
        expect(miso.stats().deleteRequests).toBeLessThanOrEqual(3)
        expect(miso.stats().statusRequests).toBe(0)
        expect(entries.every(e => e.status === 'cancelled')).toBe(true)
        const taskIds = JSON.parse(result.outputs['task-ids']) as string[]
        expect(taskIds).toHaveLength(2)
        expect(entries.slice(0, 2).map(e => e.task_id)).toEqual(taskIds)
        expect(result.outputs['failed-count']).toBe('10')
        expect(result.summary).toContain('**Cause:** The workflow was cancelled.')
        expect(result.summary).toMatch(
          /### What to do next\n\nBatches Miso accepted before that may still be deleted/
        )
        expect(result.stdout).toContain('::warning::Cancelled: no further requests are made.')
      })
    }
  )
})

/** The batch numbers of an Errors row: `1–3, 5` is 1, 2, 3 and 5. */
function batchNumbers(cell: string): number[] {
  return cell.split(', ').flatMap(part => {
    const [from, to = from] = part.split('–').map(Number)
    return Array.from({ length: to - from + 1 }, (_, k) => from + k)
  })
}

describe('status answers that end a task at once', () => {
  it.concurrent(
    'a deeply nested errors array fails its task, and every task ID is still reported',
    async () => {
      const depth = 100_000
      const body = `{"errors":${'['.repeat(depth)}${']'.repeat(depth)}}`
      await withMiso({ statusBody: () => ({ status: 200, body }) }, async miso => {
        const result = await run(miso, {
          'product-ids': makeIds('deep', 3).join(','),
          'batch-size': '1',
          'wait-timeout': '30'
        })
        expectStatus(result, 'failed')
        // 200 KB bodies: the result output is cut, the result file holds every entry
        const entries = JSON.parse(readFileSync(result.outputs['result-path'], 'utf8')) as Entry[]
        expect(entries).toHaveLength(3)
        expect(JSON.parse(result.outputs['task-ids'])).toEqual(entries.map(e => e.task_id))
        expect(new Set(miso.tasks.keys())).toEqual(new Set(entries.map(e => e.task_id)))
        for (const entry of entries) {
          expect(entry.status).toBe('failed')
          expect(entry.error?.message).toMatch(/^1 error: \[\[\[/)
        }
        expect(result.outputs['failed-count']).toBe('3')
        // learnt at the first poll of each task, not at the wait-timeout
        expect(miso.stats().statusRequests).toBe(3)
        expect(result.stderr).not.toMatch(/Maximum call stack/)
      })
    }
  )

  it.concurrent.each([
    [302, '', { location: 'https://elsewhere.example/v1/products/_status/x' }, /redirected/],
    [400, '{"message":"Invalid task id."}', {}, /Invalid task id\./],
    [410, '{"detail":"Task expired."}', {}, /Task expired\./]
  ])(
    'a status poll answered %i fails that task at once with the status and message',
    async (status, body, headers, message) => {
      await withMiso({ statusBody: () => ({ status, body, headers }) }, async miso => {
        const result = await run(miso, {
          'product-ids': makeIds(`r${status}`, 2).join(','),
          'batch-size': '1',
          'wait-timeout': '30'
        })
        expectStatus(result, 'failed')
        const { entries } = account(result, miso, 1)
        for (const entry of entries) {
          expect(entry.status).toBe('failed')
          expect(entry.error?.http_status).toBe(status)
          expect(entry.error?.message).toMatch(message)
        }
        expect(result.outputs['failed-count']).toBe('2')
        expect(miso.stats().statusRequests).toBe(2)
        expect(miso.stats().deleteRequests).toBe(2)
      })
    }
  )
})
