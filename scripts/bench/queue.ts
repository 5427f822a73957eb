// `npm run bench -- --only queue`: how soon the action learns that tasks ended, and at what
// cost in status requests, when tasks end by time rather than by poll count: many tasks that
// end together, or tasks that Miso works through one after another (its queue per account).
// The action runs as the runner starts it, with the default poll-interval.
import { rmSync } from 'node:fs'
import * as path from 'node:path'
import { startFakeMiso, type FakeMiso } from '../../test-server/fake-miso.js'
import { runAction } from '../../test/support/run-action.js'
import { progress } from './measure.js'
import { API_KEY, type Options } from './options.js'

export interface QueueCase {
  tasks: number
  taskMs: number
  order: 'together' | 'one-after-another'
}

export interface QueueRun extends QueueCase {
  concurrency: number
  statusRequests: number
  perTask: number
  /** From the end of the last task to the action's exit. */
  lagMs: number
  /** The lag allowed: max(1.5 s, 10 % of the time from the first acceptance to the last end). */
  lagLimitMs: number
  wallMs: number
}

export const QUEUE_CASES: QueueCase[] = [
  { tasks: 100, taskMs: 10_000, order: 'together' },
  { tasks: 100, taskMs: 45_000, order: 'together' },
  { tasks: 40, taskMs: 500, order: 'one-after-another' },
  { tasks: 12, taskMs: 3000, order: 'one-after-another' }
]

export const QUEUE_GOALS = { perTask: 1.5, lagShare: 0.1, lagFloorMs: 1500 }
const QUEUE_BATCH_SIZE = 10

export async function benchQueue(opts: Options): Promise<QueueRun[]> {
  // The server's clock counts from its start, which is this instant (to within microseconds).
  const origin = performance.now()
  const miso = await startFakeMiso({ apiKey: API_KEY, latencyMs: opts.latencyMs, countOnly: true })
  const runs: QueueRun[] = []
  try {
    for (const queueCase of QUEUE_CASES) {
      for (const concurrency of opts.plan.concurrencies) {
        runs.push(await queueRun(miso, origin, queueCase, concurrency))
      }
    }
  } finally {
    await miso.close()
  }
  return runs
}

/** One case at one concurrency; `origin` is when the server's clock started. */
async function queueRun(
  miso: FakeMiso,
  origin: number,
  queueCase: QueueCase,
  concurrency: number
): Promise<QueueRun> {
  const { tasks, taskMs, order } = queueCase
  progress(`queue: ${tasks} tasks of ${taskMs / 1000} s, ${order}, concurrency ${concurrency}`)
  miso.setOptions({ taskDurationMs: taskMs, taskOrder: order })
  miso.clearDeleted()
  miso.reset()
  const ids = Array.from({ length: tasks * QUEUE_BATCH_SIZE }, (_, i) => `queue-${i + 1}`)
  const run = await runAction({
    inputs: {
      'api-key': API_KEY,
      'api-url': miso.url,
      backup: 'false', // measured on its own: `--only backup`
      'product-ids': ids.join('\n'),
      'batch-size': String(QUEUE_BATCH_SIZE),
      concurrency: String(concurrency),
      'wait-timeout': '0'
    },
    timeoutMs: taskMs * tasks + 120_000
  })
  const exitAt = performance.now() - origin
  // runAction makes a temp home for each run (runner temp, output and summary files).
  rmSync(path.dirname(run.runnerTemp), { recursive: true, force: true })
  if (run.code !== 0 || run.outputs.status !== 'succeeded' || miso.tasks.size !== tasks) {
    throw new Error(
      `queue: the action did not succeed (exit ${run.code}, ${miso.tasks.size} tasks)\n` +
        run.stdout.slice(-2000)
    )
  }
  const all = [...miso.tasks.values()]
  const firstAccepted = Math.min(...all.map(t => t.acceptedAt))
  const lastEnd = Math.max(...all.map(t => t.doneAt))
  const statusRequests = miso.stats().statusRequests
  return {
    ...queueCase,
    concurrency,
    statusRequests,
    perTask: statusRequests / tasks,
    lagMs: Math.round(exitAt - lastEnd),
    lagLimitMs: Math.round(
      Math.max(QUEUE_GOALS.lagFloorMs, QUEUE_GOALS.lagShare * (lastEnd - firstAccepted))
    ),
    wallMs: run.elapsedMs
  }
}

export function queueName(run: QueueCase): string {
  return `${run.tasks} x ${run.taskMs / 1000} s, ${run.order === 'together' ? 'together' : 'one after another'}`
}
