// `--only polling`: status requests for tasks of one ID each, against the back-off bound.
import { startFakeMiso } from '../../test-server/fake-miso.js'
import { makeIds } from './data.js'
import { expectSucceeded, progress, runMeasured } from './measure.js'
import { API_KEY, POLL_INTERVAL_MS, type Options } from './options.js'
import { QUEUE_GOALS } from './queue.js'

export const POLLING_TASKS = 100

export interface PollingRun {
  taskMs: number
  tasks: number
  statusRequests: number
  maxPerTask: number
  /** Status requests allowed: QUEUE_GOALS.perTask per task. */
  bound: number
  wallMs: number
}

export async function benchPolling(opts: Options, scratch: string): Promise<PollingRun[]> {
  const miso = await startFakeMiso({ apiKey: API_KEY, latencyMs: opts.latencyMs })
  const runs: PollingRun[] = []
  try {
    for (const taskMs of opts.plan.taskTimesMs) {
      progress(`status polling: ${POLLING_TASKS} tasks of ${taskMs / 1000} s`)
      miso.setOptions({ taskDurationMs: taskMs })
      miso.clearDeleted()
      miso.reset()
      const ids = makeIds(POLLING_TASKS)
      const { run } = await runMeasured(
        {
          inputs: {
            'api-key': API_KEY,
            'api-url': miso.url,
            backup: 'false', // measured on its own: `--only backup`
            'product-ids': ids.join('\n'),
            'batch-size': '1',
            'poll-interval': String(POLL_INTERVAL_MS / 1000),
            'wait-timeout': '0'
          },
          timeoutMs: taskMs + 120_000
        },
        scratch
      )
      expectSucceeded(run, ids.length, miso)
      const perTask = new Map<string, number>()
      for (const request of miso.requests) {
        if (request.method === 'GET') {
          perTask.set(request.path, (perTask.get(request.path) ?? 0) + 1)
        }
      }
      runs.push({
        taskMs,
        tasks: POLLING_TASKS,
        statusRequests: miso.stats().statusRequests,
        maxPerTask: Math.max(...perTask.values()),
        bound: Math.floor(POLLING_TASKS * QUEUE_GOALS.perTask),
        wallMs: run.elapsedMs
      })
    }
  } finally {
    await miso.close()
  }
  return runs
}
