// The goals the figures are judged by; a missed goal makes the benchmark exit with 1.
import { count, seconds } from './figures.js'
import { QUEUE_GOALS, queueName } from './queue.js'
import type { Results } from './results.js'

export const GOALS = {
  /** End to end, at these sizes (a run of a few thousand IDs is mostly process start-up). */
  idealSizes: [100_000, 1_000_000],
  idealRatio: 1.3,
  parseMs: 1000,
  parseRssMB: 300,
  /** Reconcile: a listing of a million IDs against a repository of as many. */
  reconcileIds: 1_000_000,
  reconcileMs: 20_000,
  reconcileRssMB: 1024,
  startupOverheadMs: 200
}

export interface Goal {
  goal: string
  measured: string
  limit: string
  result: 'met' | 'MISSED' | 'not measured'
}

/** Every goal, in the order of the sections, met or missed or not measured. */
export function judge(r: Results): Goal[] {
  return [
    ...judgeEndToEnd(r),
    ...judgeParse(r),
    ...judgeStartup(r),
    ...judgeReconcile(r),
    ...judgePolling(r),
    ...judgeQueue(r)
  ]
}

function check(goal: string, measured: string, limit: string, ok: boolean): Goal {
  return { goal, measured, limit, result: ok ? 'met' : 'MISSED' }
}

function notMeasured(goal: string, limit: string, why: string): Goal {
  return { goal, measured: why, limit, result: 'not measured' }
}

function judgeEndToEnd(r: Results): Goal[] {
  const actionRuns = r.endToEnd.filter(
    run => run.client === 'action' && GOALS.idealSizes.includes(run.ids)
  )
  if (actionRuns.length === 0) {
    return [notMeasured('end to end: wall / ideal', `≤ ${GOALS.idealRatio}`, '-')]
  }
  return actionRuns.map(run => {
    const ratio = run.wallMs / (run.idealMs ?? run.wallMs)
    return check(
      `end to end, ${count(run.ids)} IDs, concurrency ${run.concurrency}: wall / ideal`,
      ratio.toFixed(2),
      `≤ ${GOALS.idealRatio}`,
      ratio <= GOALS.idealRatio
    )
  })
}

function judgeParse(r: Results): Goal[] {
  const parseTime = 'parse 1,000,000 IDs from a text file: time'
  const parseRss = 'parse 1,000,000 IDs from a text file: peak RSS'
  const time = `< ${GOALS.parseMs} ms`
  const rss = `< ${GOALS.parseRssMB} MB`
  const text = r.parse.find(run => run.format === 'txt')
  if (text && text.ids >= 1_000_000) {
    return [
      check(parseTime, `${text.ms} ms`, time, text.ms < GOALS.parseMs),
      check(parseRss, `${text.peakRssMB} MB`, rss, text.peakRssMB < GOALS.parseRssMB)
    ]
  }
  const why = text ? `${count(text.ids)} IDs only` : '-'
  return [notMeasured(parseTime, time, why), notMeasured(parseRss, rss, why)]
}

function judgeStartup(r: Results): Goal[] {
  const startup = 'start-up overhead over bare node'
  const limit = `< ${GOALS.startupOverheadMs} ms`
  if (!r.startup) return [notMeasured(startup, limit, '-')]
  const overhead = r.startup.overheadMs
  return [check(startup, `${overhead} ms`, limit, overhead < GOALS.startupOverheadMs)]
}

function judgeReconcile(r: Results): Goal[] {
  const reconcileTime = `reconcile ${count(GOALS.reconcileIds)} listed against as many: time`
  const reconcileRss = `reconcile ${count(GOALS.reconcileIds)} listed against as many: peak RSS`
  const time = `< ${seconds(GOALS.reconcileMs)}`
  const rss = `< ${GOALS.reconcileRssMB} MB`
  if (r.reconcile && r.reconcile.repositoryIds >= GOALS.reconcileIds) {
    const run = r.reconcile
    return [
      check(reconcileTime, seconds(run.wallMs), time, run.wallMs < GOALS.reconcileMs),
      check(reconcileRss, `${run.peakRssMB} MB`, rss, run.peakRssMB < GOALS.reconcileRssMB)
    ]
  }
  const why = r.reconcile ? `${count(r.reconcile.repositoryIds)} IDs only` : '-'
  return [notMeasured(reconcileTime, time, why), notMeasured(reconcileRss, rss, why)]
}

function judgePolling(r: Results): Goal[] {
  if (r.polling.length === 0) return [notMeasured('status requests', 'the back-off bound', '-')]
  return r.polling.map(run =>
    check(
      `status requests, ${run.tasks} tasks of ${run.taskMs / 1000} s`,
      count(run.statusRequests),
      `≤ ${count(run.bound)}`,
      run.statusRequests <= run.bound
    )
  )
}

function judgeQueue(r: Results): Goal[] {
  if (r.queue.length === 0) return [notMeasured('tasks that end by time', '-', '-')]
  return r.queue.flatMap(run => {
    const name = `${queueName(run)}, concurrency ${run.concurrency}`
    return [
      check(
        `${name}: status requests per task`,
        run.perTask.toFixed(2),
        `≤ ${QUEUE_GOALS.perTask}`,
        run.perTask <= QUEUE_GOALS.perTask
      ),
      check(
        `${name}: lag from the last end to exit`,
        seconds(run.lagMs),
        `≤ ${seconds(run.lagLimitMs)}`,
        run.lagMs <= run.lagLimitMs
      )
    ]
  })
}
