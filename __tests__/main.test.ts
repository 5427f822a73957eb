// The run's story in process: run() against the local Miso stand-in, with its inputs and
// environment given and every sink recorded. The end-to-end suites run the bundle as the
// runner does; these check the same stories without a child process.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { run } from '../src/main.js'
import { formsOf } from '../test/support/e2e.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { type RecordedRun, recordedRun } from '../test/support/run-context.js'

const KEY = 'sk_main_0123456789abcdef'

let miso: FakeMiso
let temp: string
beforeAll(async () => {
  miso = await startFakeMiso({ apiKey: KEY, echoRequestOn401: true })
  temp = mkdtempSync(path.join(os.tmpdir(), 'main-test-'))
})
afterAll(async () => {
  await miso.close()
  rmSync(temp, { recursive: true, force: true })
})

let runs = 0
/** Runs the action in process with `inputs` (the key and Miso's URL unless given). */
async function runWith(
  inputs: Record<string, string>
): Promise<RecordedRun & { failed: boolean; runnerTemp: string }> {
  miso.reset()
  miso.clearDeleted()
  const runnerTemp = path.join(temp, `run-${++runs}`)
  const workspace = path.join(temp, `ws-${runs}`)
  for (const dir of [runnerTemp, workspace]) mkdirSync(dir)
  const recorded = recordedRun(
    { 'api-key': KEY, 'api-url': miso.url, 'poll-interval': '1', ...inputs },
    {
      GITHUB_WORKSPACE: `${workspace}${path.sep}`,
      RUNNER_TEMP: runnerTemp
    }
  )
  const { failed } = await run(recorded.context)
  return { ...recorded, failed, runnerTemp }
}

/** Every sink of a run, and every file it wrote, as one text. */
function everything(result: RecordedRun & { runnerTemp: string }): string {
  return [
    ...result.log.lines,
    JSON.stringify(result.log.errorsAt),
    JSON.stringify(result.outputs),
    ...result.summary,
    ...filesUnder(result.runnerTemp).map(file => readFileSync(file, 'utf8'))
  ].join('\n')
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => path.join(dir, name))
    .filter(file => statSync(file).isFile())
}

describe('run() in process', () => {
  it('deletes inline IDs, waits for the task and succeeds', async () => {
    const result = await runWith({ 'product-ids': 'm-1, m-2\nm-3' })

    expect(result.failed).toBe(false)
    expect(miso.deleted).toEqual(new Set(['m-1', 'm-2', 'm-3']))
    expect(result.outputs).toMatchObject({
      status: 'succeeded',
      count: '3',
      ids: '["m-1","m-2","m-3"]',
      'failed-count': '0',
      'deleted-count': '3'
    })
    expect(JSON.parse(result.outputs['task-ids'])).toEqual([...miso.tasks.keys()])
    expect(miso.stats().statusRequests).toBeGreaterThanOrEqual(1)
    expect(readFileSync(result.outputs['ids-path'], 'utf8')).toBe('m-1\nm-2\nm-3\n')
    // The story in the log, one group per phase, and the summary written once.
    expect(result.log.lines.filter(line => line.startsWith('group: '))).toEqual([
      'group: Inputs',
      'group: Sources and diff',
      'group: Plan: 3 unique IDs from 1 source, in 1 batch',
      'group: Deletion'
    ])
    expect(result.log.of('info').at(-1)).toBe('Status: succeeded; IDs: 3; tasks: 1; failed IDs: 0.')
    expect(result.log.of('error')).toEqual([])
    expect(result.summary).toHaveLength(1)
    expect(result.summary[0]).toContain('m-2')
  })

  it('dry run: reports the plan and calls nothing', async () => {
    const result = await runWith({ 'dry-run': 'true', 'product-ids': 'd-1,d-2' })

    expect(result.failed).toBe(false)
    expect(miso.requests).toHaveLength(0)
    expect(result.outputs).toMatchObject({ status: 'dry-run', count: '2', 'task-ids': '[]' })
    expect(result.summary[0]).toContain('**Dry run:**')
  })

  it('stops at a 401: no further batch is sent and the step fails', async () => {
    const result = await runWith({
      'api-key': 'sk_wrong_key_9876543210',
      'product-ids': 'k-1,k-2,k-3',
      'batch-size': '1',
      concurrency: '1',
      backup: 'false'
    })

    expect(result.failed).toBe(true)
    expect(miso.stats().deleteRequests).toBe(1)
    expect(miso.deleted.size).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'failed', 'failed-count': '3' })
    const [error] = result.log.of('error')
    expect(error).toMatch(/HTTP 401/)
    expect(result.log.of('error')).toHaveLength(1)
  })

  it('refuses an invalid input before any call to Miso, naming the input', async () => {
    const result = await runWith({ 'product-ids': 'i-1', 'batch-size': 'lots' })

    expect(result.failed).toBe(true)
    expect(miso.requests).toHaveLength(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.log.of('error')).toEqual([
      expect.stringMatching(/`batch-size` must be a whole number/)
    ])
  })

  it('keeps the key out of every sink and file, even when Miso echoes it', async () => {
    // Query mode puts the key in the URL, and this Miso's 401 echoes the request back.
    const wrong = 'sk_echoed_key_5555555555'
    const result = await runWith({
      'api-key': ` ${wrong}\n`,
      'auth-mode': 'query',
      'product-ids': 'e-1',
      retries: '0',
      backup: 'false'
    })

    expect(result.failed).toBe(true)
    expect(miso.requests[0].query.api_key).toBe(wrong)
    // Masked for the runner, as given and as used.
    expect(result.log.masked).toEqual([wrong, ` ${wrong}\n`])
    const written = everything(result)
    expect(written).toContain('***')
    for (const form of formsOf(wrong)) expect(written).not.toContain(form)
  })

  it('keeps the key out of the log when a careless user pastes it into another input', async () => {
    // Only the run's channel stands between api-url and the log line that names it.
    const result = await runWith({
      'api-url': `${miso.url}/${KEY}`,
      'product-ids': 'c-1',
      backup: 'false'
    })

    expect(result.failed).toBe(true)
    expect(miso.requests[0].path).toBe(`/${KEY}/v1/products/_delete`)
    expect(result.log.of('info')).toContainEqual(
      `Deleting through ${miso.url}/***: batches of 1000, 4 at once, waiting up to 600 s for the tasks.`
    )
    for (const form of formsOf(KEY)) expect(everything(result)).not.toContain(form)
  })
})
