// dist/index.js against Miso's answers in full: users, deletion counts in each answer form
// (task only, task plus counts, counts only and done at once), mixed forms in one run, answers
// done at once under faults, and task IDs that cannot name a status URL.
import { describe, expect, it } from '@jest/globals'
import http from 'node:http'
import { expectNoSecret, runAgainst, unescapeSummary, withFakeMiso } from '../test/support/e2e.js'
import { listenOnLoopback } from '../test/support/loopback.js'
import type { ActionRun } from '../test/support/run-action.js'
import { type AnswerForm, type FakeMiso, type FakeMisoOptions } from '../test-server/fake-miso.js'

const KEY = 'sk-answers-5ecret-key'

const withMiso = (options: FakeMisoOptions, body: (miso: FakeMiso) => Promise<void>) =>
  withFakeMiso(KEY, options, body)

const run = (miso: { url: string }, inputs: Record<string, string>) =>
  runAgainst(miso.url, KEY, inputs)

interface Entry {
  task_id: string | null
  count: number
  status: string
  counts?: Record<string, number>
}
const entries = (result: ActionRun) => JSON.parse(result.outputs.result) as Entry[]
const routes = (miso: FakeMiso) => miso.requests.map(r => `${r.method} ${r.path}`)

describe('record-type: users', () => {
  it.concurrent('deletes users through the users routes and says users', async () => {
    await withMiso({ userCatalog: new Set(['u-1', 'u-2', 'u-3']) }, async miso => {
      const result = await run(miso, {
        'record-type': 'users',
        'product-ids': 'u-1, u-2, u-9',
        'batch-size': '2'
      })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect([...miso.deletedUsers].sort()).toEqual(['u-1', 'u-2'])
      expect(miso.deleted.size).toBe(0)
      expect(routes(miso).every(r => r.includes('/v1/users/'))).toBe(true)
      expect(routes(miso).filter(r => r === 'POST /v1/users/_delete')).toHaveLength(2)
      expect(result.outputs['deleted-count']).toBe('2')
      expect(result.outputs['not-found-count']).toBe('1')
      expect(result.stdout).toContain('Plan: 3 unique user IDs')
      expect(result.summary).toContain('Miso bulk delete (users): succeeded')
      expect(result.summary).toContain('**Miso reported:** 2 deleted, 1 not found.')
      expectNoSecret(result, KEY)
    })
  })

  it.concurrent('refuses an unknown record-type before any call', async () => {
    await withMiso({}, async miso => {
      const result = await run(miso, { 'record-type': 'customers', 'product-ids': 'a' })
      expect(result.code).toBe(1)
      expect(result.stdout).toContain(
        'Input `record-type` must be `products` or `users`, got "customers"'
      )
      expect(miso.requests).toHaveLength(0)
    })
  })

  it.concurrent(
    'warns when Miso finds few of the IDs: most likely the wrong record type',
    async () => {
      await withMiso({ catalog: new Set(['p-1']), userCatalog: new Set(['x']) }, async miso => {
        const result = await run(miso, { 'record-type': 'users', 'product-ids': 'p-1, p-2' })
        expect(result.outputs.status).toBe('succeeded')
        expect(result.outputs['deleted-count']).toBe('0')
        expect(result.outputs['not-found-count']).toBe('2')
        const warning = 'Miso did not find 2 of the 2 users it counted'
        expect(result.stdout).toContain(`::warning::${warning}`)
        expect(unescapeSummary(result.summary)).toContain(warning)
        expect(unescapeSummary(result.summary)).toContain('`record-type` (users)')
      })
    }
  )
})

describe('deletion counts in each answer form', () => {
  // 5 IDs in batches of 2; the catalog has 4 of them (c-5 is unknown).
  const catalog = new Set(['c-1', 'c-2', 'c-3', 'c-4'])
  const ids = 'c-1,c-2,c-3,c-4,c-5'

  it.concurrent.each<[AnswerForm, number]>([
    ['task', 3],
    ['task+counts', 3],
    ['counts', 0]
  ])('%s: each batch counted once, tasks polled: %d', async (answerForm, tasks) => {
    await withMiso({ catalog, answerForm }, async miso => {
      const result = await run(miso, { 'product-ids': ids, 'batch-size': '2' })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['deleted-count']).toBe('4')
      expect(result.outputs['not-found-count']).toBe('1')
      expect(result.outputs['failed-count']).toBe('0')
      expect(JSON.parse(result.outputs['task-ids'])).toHaveLength(tasks)
      expect(miso.stats().statusRequests).toBe(tasks)
      expect(miso.stats().deleteRequests).toBe(3)
      expect(entries(result).map(e => e.counts)).toEqual([
        { deleted: 2, not_found: 0 },
        { deleted: 2, not_found: 0 },
        { deleted: 0, not_found: 1 }
      ])
      expect(result.summary).toContain('**Miso reported:** 4 deleted, 1 not found.')
      expect(unescapeSummary(result.summary)).toMatch(
        /\| 3 \| [^|]* \| 1 \| ✅ succeeded \| [^|]* \| deleted 0, not_found 1 \|/
      )
    })
  })

  it.concurrent(
    'mixed forms in one run add up, and a run without counts leaves them empty',
    async () => {
      await withMiso({ catalog, answerForm: 'mixed' }, async miso => {
        const result = await run(miso, { 'product-ids': ids, 'batch-size': '1' })
        expect(result.outputs.status).toBe('succeeded')
        expect(entries(result).map(e => [e.task_id === null, e.status])).toEqual([
          [false, 'succeeded'],
          [false, 'succeeded'],
          [true, 'succeeded'],
          [false, 'succeeded'],
          [false, 'succeeded']
        ])
        expect(result.outputs['deleted-count']).toBe('4')
        expect(result.outputs['not-found-count']).toBe('1')
        expect([...miso.deleted].sort()).toEqual([...catalog])
      })
      await withMiso(
        {
          statusBody: task => ({
            status: 200,
            body: JSON.stringify({ data: { task_id: task.id } })
          })
        },
        async miso => {
          const result = await run(miso, { 'product-ids': 'n-1' })
          expect(result.outputs.status).toBe('succeeded')
          expect(result.outputs['deleted-count']).toBe('')
          expect(result.outputs['not-found-count']).toBe('')
          expect(result.summary).not.toContain('Miso reported')
        }
      )
    }
  )
})

describe('answers done at once under faults', () => {
  it.concurrent(
    'faults are retried; the answer with counts ends the batch without a poll',
    async () => {
      await withMiso({ answerForm: 'counts' }, async miso => {
        // Kept to three: each retry backs off, and the first batch meets them all.
        for (const kind of ['no-task-id', 'reset', 'truncated'] as const) {
          miso.inject({ route: 'delete', kind })
        }
        const result = await run(miso, {
          'product-ids': 'f-1,f-2,f-3',
          'batch-size': '1',
          concurrency: '1',
          retries: '5'
        })
        expect(result.code).toBe(0)
        expect(result.outputs.status).toBe('succeeded')
        expect(result.outputs['deleted-count']).toBe('3')
        expect(result.outputs['task-ids']).toBe('[]')
        expect(miso.stats().statusRequests).toBe(0)
        expect(miso.stats().deleteRequests).toBe(6)
        expect([...miso.deleted].sort()).toEqual(['f-1', 'f-2', 'f-3'])
      })
    }
  )

  it.concurrent(
    'a 2xx with neither a task nor counts fails the batch when retries run out',
    async () => {
      await withMiso({ answerForm: 'counts' }, async miso => {
        miso.inject({ route: 'delete', kind: 'no-task-id', times: 2 })
        const result = await run(miso, {
          'product-ids': 'g-1,g-2',
          'batch-size': '1',
          concurrency: '1',
          retries: '1'
        })
        expect(result.code).toBe(1)
        expect(result.outputs.status).toBe('failed')
        expect(entries(result).map(e => e.status)).toEqual(['failed', 'succeeded'])
        expect(result.outputs['failed-count']).toBe('1')
        expect(result.outputs['deleted-count']).toBe('1')
      })
    }
  )

  it.concurrent('with wait false an answer done at once is succeeded, not submitted', async () => {
    await withMiso({ answerForm: 'counts' }, async miso => {
      const result = await run(miso, { 'product-ids': 'w-1', wait: 'false' })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.outputs['failed-count']).toBe('0')
    })
  })
})

describe('task IDs that cannot name a status URL', () => {
  it.concurrent.each(['..', '.', '  '])(
    '%j is refused like an answer without a task',
    async taskId => {
      const hits: string[] = []
      const server = http.createServer((req, res) => {
        hits.push(`${req.method} ${req.url}`)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'deleted', data: { task_id: taskId } }))
      })
      const { url, close } = await listenOnLoopback(server)
      try {
        // The delete's answer is the subject: no backup before it.
        const inputs = { 'product-ids': 'dot-1', retries: '1', backup: 'false' }
        const result = await runAgainst(url, KEY, inputs)
        expect(result.code).toBe(1)
        expect(result.outputs.status).toBe('failed')
        expect(hits).toEqual(['POST /v1/products/_delete', 'POST /v1/products/_delete'])
        expect(entries(result)[0].task_id).toBeNull()
        expect(result.stdout).toContain('unusable data.task_id')
      } finally {
        await close()
      }
    }
  )
})
