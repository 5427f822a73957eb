// Runs the committed dist/index.js as the runner would, against the local
// Miso-compatible server, and checks outputs, summary and exit code.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret, runAgainst, workspaceWith } from '../test/support/e2e.js'
import { runAction, type RunActionOptions } from '../test/support/run-action.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'

const KEY = 'sk-e2e-5ecret-key-value'
let miso: FakeMiso

beforeAll(async () => {
  miso = await startFakeMiso({ apiKey: KEY })
})
afterAll(async () => {
  await miso.close()
})
beforeEach(() => {
  miso.reset()
  miso.clearDeleted()
  miso.setOptions({
    taskDurationMs: 0,
    statusBody: undefined,
    latencyMs: 0,
    echoRequestOn401: false
  })
})

const run = (inputs: Record<string, string>, extra: RunActionOptions = {}) =>
  runAgainst(miso.url, KEY, inputs, extra)

describe('end to end', () => {
  it('deletes exactly the de-duplicated IDs from inputs and files, and reports', async () => {
    const workspace = workspaceWith({
      'ids/list.txt': '# retired\nsku-1\nsku-2\nsku#3\n\nsku-1\n',
      'ids/more.csv': 'title,product_id\n"Lamp, brass",sku-4\nChair,sku-5\n',
      'api.json': JSON.stringify({ data: { product_ids: ['sku-6', 'sku-2'] } })
    })
    const result = await run(
      {
        'product-ids': 'sku-0,\n sku-1 ',
        'ids-file': 'ids/*\napi.json',
        'batch-size': '2',
        concurrency: '2'
      },
      { workspace }
    )
    expect(result.code).toBe(0)
    // Inline first, then files in path order (api.json before ids/…).
    const all = ['sku-0', 'sku-1', 'sku-6', 'sku-2', 'sku#3', 'sku-4', 'sku-5']
    expect([...miso.deleted].sort()).toEqual([...all].sort())
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs.count).toBe('7')
    expect(JSON.parse(result.outputs.ids)).toEqual(all)
    expect(result.outputs['ids-truncated']).toBe('false')
    expect(readFileSync(result.outputs['ids-path'], 'utf8')).toBe(all.join('\n') + '\n')
    expect(result.outputs['ids-path'].startsWith(result.runnerTemp)).toBe(true)
    const taskIds = JSON.parse(result.outputs['task-ids']) as string[]
    expect(taskIds).toHaveLength(4)
    expect(new Set(taskIds)).toEqual(new Set(miso.tasks.keys()))
    expect(result.outputs['failed-count']).toBe('0')
    const entries = JSON.parse(result.outputs.result) as { count: number; status: string }[]
    expect(entries.map(e => [e.count, e.status])).toEqual([
      [2, 'succeeded'],
      [2, 'succeeded'],
      [2, 'succeeded'],
      [1, 'succeeded']
    ])
    expect(result.summary).toContain('## ✅ Miso bulk delete: succeeded')
    expect(result.summary).toContain('ID file ids/list.txt')
    expect(result.summary).toContain('ID file ids/more.csv')
    expect(miso.stats().maxDeleteInFlight).toBeLessThanOrEqual(2)
    expect(miso.requests.every(r => r.headers['x-api-key'] === KEY)).toBe(true)
    expectNoSecret(result, KEY)
  })

  it('sends the key as the api_key query parameter with auth-mode query', async () => {
    const result = await run({ 'product-ids': 'q-1', 'auth-mode': 'query' })
    expect(result.code).toBe(0)
    expect(miso.deleted).toEqual(new Set(['q-1']))
    expect(miso.requests.every(r => r.query.api_key === KEY && !r.headers['x-api-key'])).toBe(true)
    expectNoSecret(result, KEY)
  })

  it('reads the ID from the id-field column or dotted JSON field', async () => {
    const workspace = workspaceWith({
      'export.tsv': 'sku\ttitle\nt-1\tLamp\n',
      'export.json': JSON.stringify([{ meta: { sku: 'j-1' } }, { meta: { sku: 42 } }]),
      'export.jsonl': '{"meta":{"sku":"l-1"}}\n"l-2"\n'
    })
    const dotted = await run(
      { 'ids-file': 'export.json\nexport.jsonl', 'id-field': 'meta.sku' },
      { workspace }
    )
    expect(dotted.code).toBe(0)
    expect(JSON.parse(dotted.outputs.ids)).toEqual(['j-1', '42', 'l-1', 'l-2'])
    const column = await run({ 'ids-file': 'export.tsv', 'id-field': 'sku' }, { workspace })
    expect(column.code).toBe(0)
    expect(miso.deleted).toEqual(new Set(['j-1', '42', 'l-1', 'l-2', 't-1']))
    // The default field is product_id, which the TSV does not have: refused, nothing sent.
    miso.reset()
    const missing = await run({ 'ids-file': 'export.tsv' }, { workspace })
    expect(missing.code).not.toBe(0)
    // The annotation points at the file and line, so it shows on the pull request's files.
    expect(missing.stdout).toContain(
      '::error title=Refused ID file,file=export.tsv,line=1::export.tsv: line 1: no column "product_id"'
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('keeps a path prefix of api-url', async () => {
    const prefixed = await startFakeMiso({ apiKey: KEY, pathPrefix: '/eu/miso' })
    try {
      const result = await run({ 'product-ids': 'pre-1', 'api-url': `${prefixed.url}/` })
      expect(result.code).toBe(0)
      expect(prefixed.deleted).toEqual(new Set(['pre-1']))
      // The backup's record request, then the delete: both under the prefix.
      expect(prefixed.requests.slice(0, 2).map(r => r.path)).toEqual([
        '/eu/miso/v1/products/pre-1',
        '/eu/miso/v1/products/_delete'
      ])
    } finally {
      await prefixed.close()
    }
  })

  it('waits for tasks that take time, polling until done', async () => {
    miso.setOptions({ taskDurationMs: 1500 })
    const result = await run({ 'product-ids': 'slow-1,slow-2' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(miso.stats().statusRequests).toBeGreaterThanOrEqual(2)
    expect(miso.deleted).toEqual(new Set(['slow-1', 'slow-2']))
  })

  it('logs each status answer only with step debug logging on', async () => {
    miso.setOptions({ taskDurationMs: 300 })
    const quiet = await run({ 'product-ids': 'dbg-1' })
    expect(quiet.code).toBe(0)
    expect(quiet.stdout).toMatch(/Task [0-9a-f-]{36}: succeeded/)
    expect(quiet.stdout).not.toMatch(/::debug::/)
    const debugging = await run({ 'product-ids': 'dbg-2' }, { env: { RUNNER_DEBUG: '1' } })
    expect(debugging.code).toBe(0)
    expect(debugging.stdout).toMatch(/::debug::Task [0-9a-f-]{36}: HTTP 200, succeeded/)
    expectNoSecret(debugging, KEY)
  })

  it('dry run: resolves and reports, no key needed, no call', async () => {
    const result = await run({ 'api-key': '', 'dry-run': 'true', 'product-ids': 'd-1,d-2' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(result.outputs.count).toBe('2')
    expect(result.outputs['task-ids']).toBe('[]')
    expect(result.summary).toContain('**Dry run:**')
    expect(miso.requests).toHaveLength(0)
  })

  it('wait false: submits and reports the task IDs', async () => {
    miso.setOptions({ taskDurationMs: 60_000 })
    const result = await run({ 'product-ids': 'w-1,w-2,w-3', wait: 'false', 'batch-size': '2' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('submitted')
    expect(JSON.parse(result.outputs['task-ids'])).toHaveLength(2)
    expect(result.outputs['failed-count']).toBe('0')
    expect(miso.stats().statusRequests).toBe(0)
  })

  it('empty: succeeds, or fails with fail-on-empty', async () => {
    const ok = await run({ 'product-ids': ' , \n' })
    expect(ok.code).toBe(0)
    expect(ok.outputs.status).toBe('empty')
    expect(ok.outputs.count).toBe('0')
    const failing = await run({ 'product-ids': '', 'fail-on-empty': 'true' })
    expect(failing.code).not.toBe(0)
    expect(failing.outputs.status).toBe('empty')
    expect(failing.stdout).toMatch(/::error::No IDs were resolved and `fail-on-empty` is true/)
    expect(miso.requests).toHaveLength(0)
  })

  it('max-deletions refuses before any call', async () => {
    const result = await run({ 'product-ids': 'm-1,m-2,m-3', 'max-deletions': '2' })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    // Refused IDs were never set out to delete: nothing failed, and there is nothing to rerun.
    expect(result.outputs['failed-count']).toBe('0')
    expect(result.outputs['failed-ids-path']).toBe('')
    expect(result.stdout).toMatch(
      /::error::Refused: 3 IDs were resolved, more than `max-deletions` \(2\)/
    )
    expect(result.summary).toContain('### Refused')
    expect(result.summary).toContain('more than `max-deletions` (2)')
    expect(miso.requests).toHaveLength(0)
  })

  it('a wrong key stops the run at the first 401, without leaking either key', async () => {
    const wrong = 'sk-wrong-key-that-must-not-leak'
    miso.setOptions({ echoRequestOn401: true })
    for (const mode of ['header', 'query']) {
      miso.reset()
      const result = await runAction({
        inputs: {
          'api-key': wrong,
          'api-url': miso.url,
          'auth-mode': mode,
          'product-ids': 'k-1,k-2,k-3,k-4',
          'batch-size': '1',
          concurrency: '1'
        }
      })
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.outputs['failed-count']).toBe('4')
      // The first 401, to the backup's record request, stops the run as a delete's would.
      expect(miso.requests.map(r => r.path)).toEqual(['/v1/products/k-1'])
      expect(miso.stats().deleteRequests).toBe(0)
      expect(result.summary).toContain('401')
      expect(result.summary).toMatch(/invalid api key/)
      const text =
        result.stdout.replace(`::add-mask::${wrong}`, '') + result.stderr + result.summary
      expect(text + JSON.stringify(result.outputs)).not.toContain(wrong)
    }
  })

  it('a task whose status says failed fails the step with its body in result', async () => {
    miso.setOptions({
      statusBody: task => ({
        status: 200,
        body: JSON.stringify({ data: { task_id: task.id, status: 'FAILED', errors: ['boom'] } })
      })
    })
    const result = await run({ 'product-ids': 'f-1' })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.outputs['failed-count']).toBe('1')
    const [entry] = JSON.parse(result.outputs.result) as { status: string; response: string }[]
    expect(entry.status).toBe('failed')
    expect(entry.response).toContain('FAILED')
  })

  it('times out when tasks outlast wait-timeout', async () => {
    miso.setOptions({ taskDurationMs: 60_000 })
    const result = await run({ 'product-ids': 't-1', 'wait-timeout': '2' })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('timed-out')
    expect(result.outputs['failed-count']).toBe('1')
    expect(JSON.parse(result.outputs['task-ids'])).toHaveLength(1)
    expect(result.summary).toContain('timed-out')
  })

  it('cancellation: SIGTERM stops the run and still reports what was submitted', async () => {
    miso.setOptions({ taskDurationMs: 60_000 })
    const result = await run(
      { 'product-ids': 'c-1,c-2' },
      // Once the first batch is accepted (a fixed delay was too short on a busy machine).
      { kill: { signal: 'SIGTERM', afterOutput: 'accepted as task' } }
    )
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('cancelled')
    expect(JSON.parse(result.outputs['task-ids'])).toHaveLength(1)
    expect(result.outputs['failed-count']).toBe('2')
    expect(result.summary).toContain('cancelled')
  })

  it('refuses before any call, still writing the summary, when the output file is missing', async () => {
    const output = path.join(os.tmpdir(), 'no-such-dir', 'output')
    const result = await run({ 'product-ids': 'o-1' }, { env: { GITHUB_OUTPUT: output } })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain(
      `::error::The run's report could not be written, so nothing was sent to Miso: GITHUB_OUTPUT (${output}) does not exist.`
    )
    expect(result.summary).toContain('Miso bulk delete: failed')
    expect(miso.requests).toHaveLength(0)
    expect(result.stderr).not.toMatch(/at .*index\.js/)
  })

  it('refuses before any call, still writing the summary, when RUNNER_TEMP is missing', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-runner-temp', 'deeper')
    const result = await run({ 'product-ids': 't-1,t-2' }, { env: { RUNNER_TEMP: missing } })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toMatch(
      /::error::The run's report could not be written, so nothing was sent to Miso: RUNNER_TEMP \(.*no-such-runner-temp.*\) does not exist\./
    )
    expect(result.summary).toContain('Miso bulk delete: failed')
    expect(result.stderr).not.toMatch(/Unhandled|at .*index\.js/)
  })

  it('refuses an ids-file outside the workspace before any call', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'e2e-outside-'))
    writeFileSync(path.join(outside, 'ids.txt'), 'x-1\n')
    const workspace = workspaceWith({})
    symlinkSync(path.join(outside, 'ids.txt'), path.join(workspace, 'link.txt'))
    for (const pattern of ['link.txt', '../' + path.basename(outside) + '/ids.txt']) {
      const result = await run({ 'ids-file': pattern }, { workspace })
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toMatch(/::error::.*ids-file/)
    }
    expect(miso.requests).toHaveLength(0)
  })

  it.each([
    [{ 'batch-size': 'ten' }, /`batch-size` must be a whole number/],
    [{ concurrency: '0' }, /`concurrency` must be from 1/],
    [{ retries: '-1' }, /`retries` must be a whole number/],
    [{ 'request-timeout': '1.5' }, /`request-timeout` must be a whole number/],
    [{ 'wait-timeout': 'x' }, /`wait-timeout` must be a whole number/],
    [{ 'poll-interval': '0' }, /`poll-interval` must be from 1/],
    [{ 'max-deletions': '1e3' }, /`max-deletions` must be a whole number/],
    [{ 'auth-mode': 'cookie' }, /`auth-mode` must be `header` or `query`/],
    [{ 'id-from': 'yaml:id' }, /`id-from` must be/],
    [{ 'dry-run': 'maybe' }, /`dry-run` must be `true` or `false`/],
    [{ wait: 'always' }, /`wait` must be `true` or `false`/],
    [{ 'api-url': 'http://api.askmiso.com' }, /`api-url` must use https/],
    [{ 'api-key': '' }, /`api-key` is required unless the run is a dry run/],
    [{ 'ids-file': 'missing/*.txt' }, /ids-file.*missing\/\*\.txt/]
  ])('refuses %j before any call, naming the input', async (inputs, message) => {
    const result = await run({ 'product-ids': 'p-1', ...inputs })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(message)
    expect(result.summary).toContain('❌')
    expect(miso.requests).toHaveLength(0)
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY)
  })
})
