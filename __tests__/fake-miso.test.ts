import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import fetch from 'node-fetch'
import type { RequestInit, Response } from 'node-fetch'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { countCompactIds, startFakeMiso } from '../test-server/fake-miso.js'
import type { FakeMiso, FakeMisoOptions } from '../test-server/fake-miso.js'
import { startProxy } from '../test-server/proxy.js'
import type { TestProxy } from '../test-server/proxy.js'

const KEY = 'test-key'
const JSON_TYPE = { 'content-type': 'application/json' }

function deleteIds(fake: FakeMiso, ids: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.url}/v1/products/_delete`, {
    method: 'POST',
    headers: { ...JSON_TYPE, 'x-api-key': KEY },
    body: JSON.stringify({ data: { product_ids: ids } }),
    ...init
  })
}

function getStatus(fake: FakeMiso, taskId: string): Promise<Response> {
  return fetch(`${fake.url}/v1/products/_status/${taskId}`, { headers: { 'x-api-key': KEY } })
}

async function acceptedTask(fake: FakeMiso, ids: string[]): Promise<string> {
  const res = await deleteIds(fake, ids)
  expect(res.status).toBe(200)
  const body = (await res.json()) as { message: string; data: { task_id: string } }
  expect(body.message).toBe('deleted')
  return body.data.task_id
}

/** Polls the status until it is no longer pending (bounded, so a broken server fails). */
async function statusWhenDone(fake: FakeMiso, taskId: string): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    const res = await getStatus(fake, taskId)
    const body = (await res.json()) as { data?: { status?: string } }
    if (res.status === 200 && body.data?.status !== 'pending') return body
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`task ${taskId} never finished`)
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  expect(condition()).toBe(true)
}

/** Runs a test body against its own server, closed afterwards. */
async function withFake(options: FakeMisoOptions, body: (fake: FakeMiso) => Promise<void>) {
  const fake = await startFakeMiso(options)
  try {
    await body(fake)
  } finally {
    await fake.close()
  }
}

describe('fake Miso', () => {
  let fake: FakeMiso
  beforeAll(async () => {
    fake = await startFakeMiso()
  })
  afterAll(() => fake.close())

  describe('auth', () => {
    it('accepts the key as the X-API-KEY header or the api_key query parameter', async () => {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(fake.apiKey).toBe(KEY)
      expect((await deleteIds(fake, ['h'])).status).toBe(200)
      const byQuery = await fetch(`${fake.url}/v1/products/_delete?api_key=${KEY}`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ data: { product_ids: ['q'] } })
      })
      expect(byQuery.status).toBe(200)
      const task = ((await byQuery.json()) as { data: { task_id: string } }).data.task_id
      const status = await fetch(`${fake.url}/v1/products/_status/${task}?api_key=${KEY}`)
      expect(status.status).toBe(200)
    })

    it('answers 401 with Miso’s message for a missing or wrong key', async () => {
      fake.clearDeleted()
      const attempts: RequestInit[] = [
        { headers: JSON_TYPE },
        { headers: { ...JSON_TYPE, 'x-api-key': 'wrong' } },
        { headers: { ...JSON_TYPE, 'x-api-key': '' } }
      ]
      for (const init of attempts) {
        const res = await deleteIds(fake, ['a'], init)
        expect(res.status).toBe(401)
        expect(await res.json()).toEqual({ message: 'invalid api key.' })
      }
      const wrongQuery = await fetch(`${fake.url}/v1/products/_status/x?api_key=nope`)
      expect(wrongQuery.status).toBe(401)
      // A wrong header is not excused by a right query parameter.
      const mixed = await fetch(`${fake.url}/v1/products/_delete?api_key=${KEY}`, {
        method: 'POST',
        headers: { ...JSON_TYPE, 'x-api-key': 'stale' },
        body: JSON.stringify({ data: { product_ids: ['a'] } })
      })
      expect(mixed.status).toBe(401)
      expect(fake.tasks.size).toBe(0)
    })

    it('can echo the request (URL and headers) in a 401 body', () =>
      withFake({ apiKey: 'right', echoRequestOn401: true }, async echo => {
        const res = await fetch(`${echo.url}/v1/products/_delete?api_key=leaked-q`, {
          method: 'POST',
          headers: { ...JSON_TYPE, 'x-api-key': 'leaked-h' },
          body: '{}'
        })
        expect(res.status).toBe(401)
        const body = (await res.json()) as {
          message: string
          request: { url: string; headers: Record<string, string> }
        }
        expect(body.message).toBe('invalid api key.')
        expect(body.request.url).toBe('/v1/products/_delete?api_key=leaked-q')
        expect(body.request.headers['x-api-key']).toBe('leaked-h')
      }))
  })

  describe('delete validation', () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${fake.url}/v1/products/_delete`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-api-key': KEY },
        body
      })

    it.each([
      ['not JSON', '{"data":', ['body'], 'value_error.jsondecode'],
      ['empty', '', ['body'], 'value_error.missing'],
      ['an array', '[]', ['body'], 'type_error.dict'],
      ['without data', '{}', ['body', 'data'], 'value_error.missing'],
      ['data not an object', '{"data":[]}', ['body', 'data'], 'type_error.dict'],
      [
        'without product_ids',
        '{"data":{}}',
        ['body', 'data', 'product_ids'],
        'value_error.missing'
      ],
      [
        'product_ids not a list',
        '{"data":{"product_ids":"a,b"}}',
        ['body', 'data', 'product_ids'],
        'type_error.list'
      ]
    ])('answers 422 for a body that is %s', async (_what, body, loc, type) => {
      const res = await post(body)
      expect(res.status).toBe(422)
      const answer = (await res.json()) as {
        detail: { loc: unknown[]; msg: string; type: string }[]
      }
      expect(answer.detail).toHaveLength(1)
      expect(answer.detail[0]).toMatchObject({ loc, type })
      expect(answer.detail[0].msg).toEqual(expect.any(String))
    })

    it('names every item that is not a string', async () => {
      const res = await post('{"data":{"product_ids":["a",1,null,"b",{}]}}')
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual({
        detail: [
          {
            loc: ['body', 'data', 'product_ids', 1],
            msg: 'str type expected',
            type: 'type_error.str'
          },
          {
            loc: ['body', 'data', 'product_ids', 2],
            msg: 'none is not an allowed value',
            type: 'type_error.none.not_allowed'
          },
          {
            loc: ['body', 'data', 'product_ids', 4],
            msg: 'str type expected',
            type: 'type_error.str'
          }
        ]
      })
    })

    it('reads the body as JSON only under a JSON content type', async () => {
      const res = await post('{"data":{"product_ids":["a"]}}', 'text/plain')
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual({
        detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }]
      })
      expect(
        (await post('{"data":{"product_ids":["a"]}}', 'application/json; charset=utf-8')).status
      ).toBe(200)
    })

    it('creates no task for a refused body', async () => {
      fake.clearDeleted()
      await post('{}')
      await post('{"data":{"product_ids":[1]}}')
      expect(fake.tasks.size).toBe(0)
      expect(fake.deleted.size).toBe(0)
    })

    it('answers 400 past maxIdsPerRequest', () =>
      withFake({ maxIdsPerRequest: 2 }, async small => {
        const res = await deleteIds(small, ['a', 'b', 'c'])
        expect(res.status).toBe(400)
        expect(((await res.json()) as { message: string }).message).toMatch(/3.*2/)
        expect(small.tasks.size).toBe(0)
        expect((await deleteIds(small, ['a', 'b'])).status).toBe(200)
      }))
  })

  describe('tasks', () => {
    it('stays pending for taskDurationMs, then is done and its IDs deleted', () =>
      withFake({ taskDurationMs: 800, catalog: new Set(['a', 'b', 'x']) }, async slow => {
        const taskId = await acceptedTask(slow, ['a', 'b', 'c', 'a'])
        const task = slow.tasks.get(taskId)
        expect(task).toMatchObject({ id: taskId, ids: ['a', 'b', 'c', 'a'] })
        expect(task!.doneAt - task!.acceptedAt).toBe(800)

        const first = await getStatus(slow, taskId)
        expect(first.status).toBe(200)
        expect(await first.json()).toEqual({ data: { task_id: taskId, status: 'pending' } })
        expect(slow.deleted.size).toBe(0)

        expect(await statusWhenDone(slow, taskId)).toEqual({
          data: { task_id: taskId, status: 'done', deleted: { count: 2 }, not_found: { count: 1 } }
        })
        expect([...slow.deleted].sort()).toEqual(['a', 'b'])
      }))

    it('with taskOrder one-after-another, works through tasks as a queue', () =>
      withFake({ taskDurationMs: 500, taskOrder: 'one-after-another' }, async queue => {
        const ids = [await acceptedTask(queue, ['a']), await acceptedTask(queue, ['b'])]
        const [first, second] = ids.map(id => queue.tasks.get(id)!)
        expect(first.doneAt - first.acceptedAt).toBe(500)
        // the second starts when the first ends
        expect(second.doneAt).toBe(first.doneAt + 500)
        queue.clearDeleted()
        const fresh = queue.tasks.get(await acceptedTask(queue, ['c']))!
        expect(fresh.doneAt - fresh.acceptedAt).toBe(500)
      }))

    it('is done at once by default, every ID deleted when there is no catalog', async () => {
      fake.clearDeleted()
      const taskId = await acceptedTask(fake, ['p1', 'p2'])
      expect([...fake.deleted].sort()).toEqual(['p1', 'p2'])
      const res = await getStatus(fake, taskId)
      expect(await res.json()).toEqual({
        data: { task_id: taskId, status: 'done', deleted: { count: 2 }, not_found: { count: 0 } }
      })
    })

    it('with countOnly counts deleted IDs without keeping them', () =>
      withFake({ countOnly: true }, async counting => {
        const taskId = await acceptedTask(counting, ['a', 'b', 'c'])
        await acceptedTask(counting, ['d'])
        expect(counting.deletedCount).toBe(4)
        expect(counting.deleted.size).toBe(0)
        expect(counting.tasks.get(taskId)!.ids).toEqual([])
        expect(await statusWhenDone(counting, taskId)).toEqual({
          data: { task_id: taskId, status: 'done', deleted: { count: 3 }, not_found: { count: 0 } }
        })
      }))

    it('with countOnly still refuses a body the full check refuses', () =>
      withFake({ countOnly: true }, async counting => {
        for (const ids of [['ok', 7], ['ok', null], 'p1']) {
          const res = await deleteIds(counting, ids)
          expect(res.status).toBe(422)
        }
        const spaced = await deleteIds(counting, undefined, {
          body: '{ "data": { "product_ids": ["a", "b"] } }'
        })
        expect(spaced.status).toBe(200)
        expect(counting.stats().deleteRequests).toBe(4)
        expect(counting.requests.map(r => r.ids)).toEqual([2, 2, undefined, 2])
      }))

    it('counts each deleted ID once in deletedCount', async () => {
      fake.clearDeleted()
      await acceptedTask(fake, ['x1', 'x2'])
      await acceptedTask(fake, ['x2', 'x3'])
      expect(fake.deletedCount).toBe(3)
    })

    it('answers 404 for an unknown task and for a task not registered yet', () =>
      withFake({ statusNotRegisteredMs: 400 }, async late => {
        const unknown = await getStatus(late, 'no-such-task')
        expect(unknown.status).toBe(404)
        expect(((await unknown.json()) as { message: string }).message).toBeTruthy()

        const taskId = await acceptedTask(late, ['a'])
        expect((await getStatus(late, taskId)).status).toBe(404)
        await new Promise(resolve => setTimeout(resolve, 450))
        const later = await getStatus(late, taskId)
        expect(later.status).toBe(200)
        expect(((await later.json()) as { data: { status: string } }).data.status).toBe('done')
      }))

    it('lets statusBody script the answer, falling back to the default', () => {
      const seen: number[] = []
      let calls = 0
      return withFake(
        {
          statusBody: (task, now) => {
            seen.push(now - task.acceptedAt)
            calls++
            if (calls === 1) {
              return {
                status: 200,
                body: '<html>portal</html>',
                headers: { 'content-type': 'text/html' }
              }
            }
            if (calls === 2) return { status: 200, body: '[1,2]' }
            return undefined
          }
        },
        async scripted => {
          const taskId = await acceptedTask(scripted, ['a'])
          const html = await getStatus(scripted, taskId)
          expect(html.headers.get('content-type')).toBe('text/html')
          expect(await html.text()).toBe('<html>portal</html>')
          expect(await (await getStatus(scripted, taskId)).text()).toBe('[1,2]')
          const fallback = (await (await getStatus(scripted, taskId)).json()) as {
            data: { status: string }
          }
          expect(fallback.data.status).toBe('done')
          expect(seen).toHaveLength(3)
          // Each call is told the task's age, later calls an older one.
          expect(seen[0]).toBeGreaterThanOrEqual(0)
          expect(seen[1]).toBeGreaterThanOrEqual(seen[0])
          expect(seen[2]).toBeGreaterThanOrEqual(seen[1])
        }
      )
    })
  })

  describe('faults', () => {
    async function faulted(
      kind: Parameters<FakeMiso['inject']>[0]['kind'],
      check: (res: Response) => Promise<void>
    ) {
      fake.clearDeleted()
      fake.reset()
      fake.inject({ route: 'delete', kind })
      await check(await deleteIds(fake, ['f1', 'f2']))
      // The faulted request created nothing; the next one, unfaulted, does.
      expect(fake.tasks.size).toBe(0)
      expect(fake.deleted.size).toBe(0)
      await acceptedTask(fake, ['f1', 'f2'])
      expect([...fake.deleted].sort()).toEqual(['f1', 'f2'])
      expect(fake.tasks.size).toBe(1)
    }

    it.each([
      ['429', 'Too many requests.'],
      ['500', 'Something went wrong. Please contact miso product team.'],
      ['503', 'Service temporarily unavailable.']
    ] as const)('%s answers with a JSON message', (kind, message) =>
      faulted(kind, async res => {
        expect(res.status).toBe(Number(kind))
        expect(await res.json()).toEqual({ message })
        expect(res.headers.get('retry-after')).toBeNull()
      })
    )

    it('502 answers with a gateway HTML page', () =>
      faulted('502', async res => {
        expect(res.status).toBe(502)
        expect(res.headers.get('content-type')).toBe('text/html')
        expect(await res.text()).toContain('Bad Gateway')
      }))

    it('sends Retry-After when given, for as many requests as asked', async () => {
      fake.clearDeleted()
      fake.inject({ route: 'delete', kind: '429', retryAfter: '1', times: 2 })
      fake.inject({ route: 'delete', kind: '503', retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' })
      const answers = []
      for (let i = 0; i < 4; i++) {
        const res = await deleteIds(fake, ['r'])
        answers.push([res.status, res.headers.get('retry-after')])
      }
      expect(answers).toEqual([
        [429, '1'],
        [429, '1'],
        [503, 'Wed, 21 Oct 2015 07:28:00 GMT'],
        [200, null]
      ])
      expect(fake.tasks.size).toBe(1)
    })

    it('reset drops the connection without an answer', async () => {
      fake.clearDeleted()
      fake.reset()
      fake.inject({ route: 'delete', kind: 'reset' })
      await expect(deleteIds(fake, ['f1'])).rejects.toThrow(/ECONNRESET|socket hang up/)
      await until(() => fake.stats().inFlight === 0)
      expect(fake.requests.at(-1)!.status).toBe(0)
      expect(fake.tasks.size).toBe(0)
      await acceptedTask(fake, ['f1'])
      expect([...fake.deleted]).toEqual(['f1'])
    })

    it('truncated promises more body than it sends', () =>
      faulted('truncated', async res => {
        expect(res.status).toBe(200)
        await expect(res.text()).rejects.toThrow(/premature close|aborted|terminated/i)
      }))

    it('non-json answers 200 with text', () =>
      faulted('non-json', async res => {
        expect(res.status).toBe(200)
        await expect(res.json()).rejects.toThrow()
      }))

    it('no-task-id answers 200 without a task_id', () =>
      faulted('no-task-id', async res => {
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ message: 'deleted', data: {} })
      }))

    it('html answers 200 with a captive portal page', () =>
      faulted('html', async res => {
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toBe('text/html')
        expect(await res.text()).toMatch(/^<!DOCTYPE html>/)
      }))

    it('hang never answers; the task is not created when the client gives up', async () => {
      fake.clearDeleted()
      fake.inject({ route: 'delete', kind: 'hang' })
      await expect(deleteIds(fake, ['h'], { signal: AbortSignal.timeout(300) })).rejects.toThrow(
        /abort/i
      )
      await until(() => fake.stats().inFlight === 0)
      expect(fake.tasks.size).toBe(0)
    })

    it('close ends a hung request at once', () =>
      withFake({}, async hung => {
        hung.inject({ route: 'any', kind: 'hang' })
        const pending = deleteIds(hung, ['h'])
        await until(() => hung.stats().inFlight === 1)
        await hung.close()
        await expect(pending).rejects.toThrow()
        expect(hung.tasks.size).toBe(0)
      }))

    it('slow answers normally after the delay, and does nothing if the client left', async () => {
      fake.clearDeleted()
      fake.inject({ route: 'delete', kind: 'slow', delayMs: 150 })
      const started = Date.now()
      await acceptedTask(fake, ['s1'])
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      expect(fake.tasks.size).toBe(1)

      fake.inject({ route: 'delete', kind: 'slow', delayMs: 10_000 })
      await expect(deleteIds(fake, ['s2'], { signal: AbortSignal.timeout(200) })).rejects.toThrow()
      await until(() => fake.stats().inFlight === 0)
      expect(fake.tasks.size).toBe(1)
      expect(fake.deleted.has('s2')).toBe(false)
    })

    it('applies a fault only to its route; any matches both', async () => {
      fake.clearDeleted()
      fake.inject({ route: 'status', kind: '500' })
      const taskId = await acceptedTask(fake, ['a'])
      expect((await getStatus(fake, taskId)).status).toBe(500)
      expect((await getStatus(fake, taskId)).status).toBe(200)

      fake.inject({ route: 'any', kind: 'html', times: 2 })
      expect(await (await getStatus(fake, taskId)).text()).toContain('<html>')
      expect(await (await deleteIds(fake, ['b'])).text()).toContain('<html>')
      expect((await deleteIds(fake, ['b'])).status).toBe(200)
    })

    it('reset() forgets queued faults', async () => {
      fake.inject({ route: 'delete', kind: '500', times: 5 })
      fake.reset()
      expect((await deleteIds(fake, ['a'])).status).toBe(200)
    })

    it('draws random faults from a seeded PRNG, the same for the same seed', async () => {
      const run = async () => {
        const statuses: number[] = []
        await withFake({ failRate: { rate429: 0.3, rate5xx: 0.3, seed: 42 } }, async flaky => {
          for (let i = 0; i < 30; i++) statuses.push((await deleteIds(flaky, [`id${i}`])).status)
          expect(flaky.tasks.size).toBe(statuses.filter(s => s === 200).length)
        })
        return statuses
      }
      const first = await run()
      expect(await run()).toEqual(first)
      expect(new Set(first)).toContain(200)
      expect(new Set(first)).toContain(429)
      expect(first.some(s => s >= 500)).toBe(true)
    })
  })

  describe('latency, prefix, observation', () => {
    it('waits latencyMs before every answer, plus statusLatencyMs for status', () =>
      withFake({ latencyMs: 100, statusLatencyMs: 150 }, async slow => {
        let started = Date.now()
        const taskId = await acceptedTask(slow, ['a'])
        expect(Date.now() - started).toBeGreaterThanOrEqual(95)
        started = Date.now()
        expect((await getStatus(slow, taskId)).status).toBe(200)
        expect(Date.now() - started).toBeGreaterThanOrEqual(245)

        slow.setOptions({ latencyMs: 0, statusLatencyMs: 0, taskDurationMs: 60_000 })
        const later = await acceptedTask(slow, ['b'])
        expect(slow.tasks.get(later)!.doneAt - slow.tasks.get(later)!.acceptedAt).toBe(60_000)
      }))

    it('serves under a path prefix and 404s anything else', () =>
      withFake({ pathPrefix: 'miso/' }, async prefixed => {
        expect(prefixed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/miso$/)
        const taskId = await acceptedTask(prefixed, ['a'])
        expect((await getStatus(prefixed, taskId)).status).toBe(200)

        const base = prefixed.url.replace(/\/miso$/, '')
        const misses = [
          ['POST', `${base}/v1/products/_delete`],
          ['POST', `${base}//miso/v1/products/_delete`],
          ['POST', `${prefixed.url}//v1/products/_delete`],
          ['GET', `${prefixed.url}/v1/products/_delete`],
          ['GET', `${prefixed.url}/v1/products/_status/`],
          ['GET', `${prefixed.url}/v1/products/_status/a/b`],
          ['POST', `${prefixed.url}/v1/products/_status/${taskId}`]
        ]
        for (const [method, url] of misses) {
          const res = await fetch(url, {
            method,
            headers: { ...JSON_TYPE, 'x-api-key': KEY },
            body: method === 'POST' ? '{"data":{"product_ids":["z"]}}' : undefined
          })
          expect([url, res.status]).toEqual([url, 404])
          expect(await res.json()).toEqual({ detail: 'Not Found' })
        }
        expect(prefixed.tasks.size).toBe(1)
      }))

    it('records every request', async () => {
      fake.reset()
      await deleteIds(fake, ['a', 'b', 'c'])
      await fetch(`${fake.url}/v1/products/_status/t1?api_key=${KEY}&x=1`)
      expect(fake.requests).toHaveLength(2)
      const [del, status] = fake.requests
      expect(del).toMatchObject({
        method: 'POST',
        path: '/v1/products/_delete',
        status: 200,
        ids: 3
      })
      expect(del.headers['x-api-key']).toBe(KEY)
      expect(del.headers['content-type']).toBe('application/json')
      expect(status).toMatchObject({
        method: 'GET',
        path: '/v1/products/_status/t1',
        query: { api_key: KEY, x: '1' },
        status: 404
      })
      expect(status.ids).toBeUndefined()
      expect(status.at).toBeGreaterThanOrEqual(del.at)
      expect(fake.stats()).toMatchObject({ deleteRequests: 1, statusRequests: 1, inFlight: 0 })
    })

    it('counts the requests in flight at once', () =>
      withFake({ latencyMs: 300 }, async busy => {
        const taskId = await acceptedTask(busy, ['a'])
        busy.reset()
        await Promise.all([
          ...Array.from({ length: 5 }, (_, i) => deleteIds(busy, [`c${i}`])),
          getStatus(busy, taskId),
          getStatus(busy, taskId)
        ])
        expect(busy.stats()).toEqual({
          deleteRequests: 5,
          statusRequests: 2,
          idsRequests: 0,
          maxInFlight: 7,
          maxDeleteInFlight: 5,
          inFlight: 0
        })
      }))

    it('reports each finished request to onRequest', async () => {
      const seen: string[] = []
      await withFake(
        { onRequest: r => seen.push(`${r.method} ${r.path} ${r.status}`) },
        async f => {
          await deleteIds(f, ['a'])
          await fetch(`${f.url}/nowhere`)
          await until(() => seen.length === 2)
        }
      )
      expect(seen).toEqual(['POST /v1/products/_delete 200', 'GET /nowhere 404'])
    })

    it('takes a million IDs in 1000 batches', () =>
      withFake({}, async big => {
        const batches = Array.from({ length: 1000 }, (_, b) =>
          Array.from({ length: 1000 }, (_, i) => `product-${b}-${i}`)
        )
        for (let next = 0; next < batches.length; next += 10) {
          await Promise.all(batches.slice(next, next + 10).map(ids => acceptedTask(big, ids)))
        }
        expect(big.tasks.size).toBe(1000)
        expect(big.deleted.size).toBe(1_000_000)
        expect(big.deleted.has('product-999-999')).toBe(true)
      }))
  })
})

describe('fake Miso: users, answer forms and listings', () => {
  const post = (fake: FakeMiso, type: string, body: unknown) =>
    fetch(`${fake.url}/v1/${type}/_delete`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-api-key': KEY },
      body: JSON.stringify(body)
    })
  const list = async (fake: FakeMiso, type: string, query = '') => {
    const res = await fetch(`${fake.url}/v1/${type}/_ids${query}`, {
      headers: { 'x-api-key': KEY }
    })
    return { status: res.status, text: await res.text() }
  }

  it('deletes users from the user catalog, apart from products', () =>
    withFake({ userCatalog: new Set(['u1', 'u2']), catalog: new Set(['u1']) }, async fake => {
      const refused = await post(fake, 'users', { data: { product_ids: ['u1'] } })
      expect(refused.status).toBe(422)
      expect(JSON.stringify(await refused.json())).toContain('user_ids')
      const res = await post(fake, 'users', { data: { user_ids: ['u1', 'u3'] } })
      const taskId = ((await res.json()) as { data: { task_id: string } }).data.task_id
      const status = await fetch(`${fake.url}/v1/users/_status/${taskId}`, {
        headers: { 'x-api-key': KEY }
      })
      expect(await status.json()).toMatchObject({
        data: { status: 'done', deleted: { count: 1 }, not_found: { count: 1 } }
      })
      // A users task is not a products task.
      expect((await getStatus(fake, taskId)).status).toBe(404)
      expect([...fake.deletedUsers]).toEqual(['u1'])
      expect(fake.deleted.size).toBe(0)
      expect(JSON.parse((await list(fake, 'users')).text)).toEqual({ data: { ids: ['u2'] } })
      expect(JSON.parse((await list(fake, 'products')).text)).toEqual({ data: { ids: ['u1'] } })
    }))

  it('answers in each form, and in turn with mixed; an ID deleted once is not found again', () =>
    withFake({ answerForm: 'mixed', catalog: new Set(['a', 'b', 'c']) }, async fake => {
      const bodies: unknown[] = []
      for (const ids of [['a'], ['b', 'x'], ['c', 'a'], ['b']]) {
        bodies.push(await (await deleteIds(fake, ids)).json())
      }
      const [task, taskWithCounts, done, again] = bodies as { data: Record<string, unknown> }[]
      expect(Object.keys(task.data)).toEqual(['task_id'])
      expect(taskWithCounts.data).toMatchObject({ deleted: { count: 1 }, not_found: { count: 1 } })
      expect(typeof taskWithCounts.data.task_id).toBe('string')
      expect(done.data).toEqual({ deleted: { count: 1 }, not_found: { count: 1 } })
      expect(Object.keys(again.data)).toEqual(['task_id'])
      expect(fake.tasks.size).toBe(3)
      expect([...fake.deleted].sort()).toEqual(['a', 'b', 'c'])
      expect(await statusWhenDone(fake, again.data.task_id as string)).toMatchObject({
        data: { deleted: { count: 0 }, not_found: { count: 1 } }
      })
    }))

  it('lists products of one type with ?type=, and its faults', () =>
    withFake(
      {
        catalog: new Set(['p1', 'p2', 'p3']),
        productTypes: new Map([
          ['p1', 'shoe'],
          ['p2', 'hat']
        ])
      },
      async fake => {
        expect(JSON.parse((await list(fake, 'products', '?type=shoe')).text)).toEqual({
          data: { ids: ['p1'] }
        })
        expect(JSON.parse((await list(fake, 'products')).text).data.ids).toHaveLength(3)
        fake.inject({ route: 'ids', kind: 'no-ids' })
        expect(JSON.parse((await list(fake, 'products')).text)).toEqual({ data: {} })
        fake.inject({ route: 'ids', kind: 'non-string-ids' })
        expect(JSON.parse((await list(fake, 'products')).text).data.ids).toEqual(['ok-1', 42, null])
        fake.inject({ route: 'ids', kind: '503' })
        expect((await list(fake, 'products')).status).toBe(503)
        fake.inject({ route: 'ids', kind: 'truncated' })
        await expect(list(fake, 'products')).rejects.toThrow()
        expect(fake.stats().idsRequests).toBe(6)
      }
    ))
})

describe('test proxy', () => {
  let fake: FakeMiso
  let proxy: TestProxy
  beforeAll(async () => {
    fake = await startFakeMiso()
    proxy = await startProxy()
  })
  afterAll(async () => {
    await proxy.close()
    await fake.close()
  })

  it('forwards absolute-URI HTTP requests', async () => {
    proxy.requests.length = 0
    fake.clearDeleted()
    const agent = new HttpProxyAgent(proxy.url)
    const res = await deleteIds(fake, ['via-proxy'], { agent })
    expect(res.status).toBe(200)
    const taskId = ((await res.json()) as { data: { task_id: string } }).data.task_id
    expect(fake.deleted.has('via-proxy')).toBe(true)
    expect(proxy.requests).toEqual([{ method: 'POST', target: `${fake.url}/v1/products/_delete` }])
    const status = await fetch(`${fake.url}/v1/products/_status/${taskId}`, {
      headers: { 'x-api-key': KEY },
      agent
    })
    expect(status.status).toBe(200)
    expect(proxy.requests).toHaveLength(2)
    agent.destroy()
  })

  it('tunnels CONNECT requests', async () => {
    proxy.requests.length = 0
    fake.clearDeleted()
    const agent = new HttpsProxyAgent(proxy.url)
    const res = await deleteIds(fake, ['tunnelled'], { agent })
    expect(res.status).toBe(200)
    expect(fake.deleted.has('tunnelled')).toBe(true)
    expect(proxy.requests).toEqual([{ method: 'CONNECT', target: `127.0.0.1:${fake.port}` }])
    agent.destroy()
  })

  function rawRequest(options: http.RequestOptions): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: new URL(proxy.url).port, ...options })
      req.on('connect', (res: http.IncomingMessage, socket) => {
        socket.destroy()
        resolve(res.statusCode ?? 0)
      })
      req.on('response', res => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('refuses any target that is not loopback', async () => {
    proxy.requests.length = 0
    expect(await rawRequest({ method: 'GET', path: 'http://192.0.2.1/v1/products/_delete' })).toBe(
      403
    )
    expect(await rawRequest({ method: 'GET', path: 'http://example.com:8080/' })).toBe(403)
    expect(await rawRequest({ method: 'CONNECT', path: 'example.com:443' })).toBe(403)
    expect(await rawRequest({ method: 'CONNECT', path: '10.0.0.1:80' })).toBe(403)
    expect(await rawRequest({ method: 'GET', path: '/not-absolute' })).toBe(400)
    expect(proxy.requests.map(r => r.target)).toEqual([
      'http://192.0.2.1/v1/products/_delete',
      'http://example.com:8080/',
      'example.com:443',
      '10.0.0.1:80',
      '/not-absolute'
    ])
  })

  it('reaches localhost through 127.0.0.1', async () => {
    const url = `http://localhost:${fake.port}/v1/products/_status/none`
    const res = await fetch(url, {
      headers: { 'x-api-key': KEY },
      agent: new HttpProxyAgent(proxy.url)
    })
    expect(res.status).toBe(404)
    expect(proxy.requests.at(-1)).toEqual({ method: 'GET', target: url })
  })
})

describe('countCompactIds', () => {
  const body = (ids: unknown) => Buffer.from(JSON.stringify({ data: { product_ids: ids } }))
  const JSON_MEDIA = 'application/json'

  it('counts the IDs of a body as JSON.stringify writes it', () => {
    expect(countCompactIds(JSON_MEDIA, body(['a']))).toBe(1)
    expect(countCompactIds(JSON_MEDIA, body(['a', 'b,c', 'd]}}']))).toBe(3)
    const tricky = ['say "hi"', 'back\\slash\\', '\\"', 'é 商品 😀', 'a\nb']
    expect(countCompactIds(JSON_MEDIA, body(tricky))).toBe(tricky.length)
    const many = Array.from({ length: 1000 }, (_, i) => `sku-${i}`)
    expect(countCompactIds(JSON_MEDIA, body(many))).toBe(1000)
  })

  it('leaves every other shape to the full check', () => {
    const other = [
      body([]),
      body(['']),
      body(['a', '']),
      body(['a', 1]),
      body([null]),
      body('a'),
      Buffer.from('{ "data": { "product_ids": ["a"] } }'),
      Buffer.from('{"data":{"product_ids":["a"]}} '),
      Buffer.from('{"data":{"product_ids":["a"],"x":1}}'),
      Buffer.from('{"data":{"product_ids":["a""b"]}}'),
      Buffer.from('{"data":{"product_ids":["a\\"]}}'),
      Buffer.from('')
    ]
    for (const raw of other)
      expect([raw.toString(), countCompactIds(JSON_MEDIA, raw)]).toEqual([
        raw.toString(),
        undefined
      ])
    expect(countCompactIds('text/plain', body(['a']))).toBeUndefined()
    expect(countCompactIds(undefined, body(['a']))).toBeUndefined()
  })
})
