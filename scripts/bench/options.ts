// The benchmark's fixed settings and its command line (see main.ts for the options).
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../../test/support/run-action.js'

export const SECTIONS = [
  'e2e',
  'parse',
  'startup',
  'polling',
  'reconcile',
  'backup',
  'queue',
  'scale'
] as const
export type Section = (typeof SECTIONS)[number]

/**
 * Shaped like a Miso secret key (40 hex digits). Its length matters: the redactor passes over
 * every string shorter than the key's shortest form, so with a 9-letter key every ID would
 * pay a search that no real run pays (docs/performance.md gives that cost).
 */
export const API_KEY = 'b3c4a9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f70'
export const BATCH_SIZE = 1000
export const POLL_INTERVAL_MS = 1000
/** The docs' rule of thumb for a simple client: 100 IDs per request, one request at a time. */
export const NAIVE_BATCH = 100

export interface Plan {
  sizes: number[]
  concurrencies: number[]
  naiveSizes: number[]
  /** Runs of each action and parse measurement; the median is reported. */
  repeats: number
  parseIds: number
  startupRuns: number
  taskTimesMs: number[]
  /** IDs of the dry runs whose peak memory is measured. */
  scaleIds: number[]
}

const FULL: Plan = {
  sizes: [100_000, 1_000_000],
  concurrencies: [4, 8],
  naiveSizes: [100_000, 1_000_000],
  repeats: 3,
  parseIds: 1_000_000,
  startupRuns: 15,
  taskTimesMs: [500, 3000, 10_000],
  scaleIds: [1_000_000, 10_000_000, 20_000_000]
}

const QUICK: Plan = {
  sizes: [10_000, 100_000],
  concurrencies: [4, 8],
  naiveSizes: [10_000],
  repeats: 1,
  parseIds: 100_000,
  startupRuns: 5,
  taskTimesMs: [500, 3000],
  scaleIds: [1_000_000]
}

const USAGE = `npm run bench -- [options]
  --quick                 smaller sizes, for a quick look
  --only SECTIONS         some sections only, comma separated: ${SECTIONS.join(', ')}
  --skip-naive            leave out the naive client (minutes at a million IDs)
  --out FILE              where the JSON goes (default bench-results/bench.json)
  --latency-ms N          the local server's latency per request (default 20)
  --task-ms N             how long a task takes (default 500, at most 1000)`

export interface Options {
  plan: Plan
  quick: boolean
  out: string
  sections: Set<Section>
  latencyMs: number
  taskMs: number
}

export function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      quick: { type: 'boolean', default: false },
      // The naive client takes minutes at a million IDs: skip it when only the action matters.
      'skip-naive': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join('bench-results', 'bench.json') },
      only: { type: 'string', default: SECTIONS.join(',') },
      'latency-ms': { type: 'string', default: '20' },
      'task-ms': { type: 'string', default: '500' }
    }
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const sections = new Set<Section>()
  for (const name of values.only.split(',').map(s => s.trim())) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown section "${name}"; sections: ${SECTIONS.join(', ')}`)
    }
    sections.add(name as Section)
  }
  const latencyMs = wholeNumber('--latency-ms', values['latency-ms'])
  const taskMs = wholeNumber('--task-ms', values['task-ms'])
  // The ideal time counts one status round per task, which holds only when a task is done
  // by its first poll.
  if (taskMs > POLL_INTERVAL_MS) {
    throw new Error(`--task-ms: at most ${POLL_INTERVAL_MS} (the poll interval the runs use)`)
  }
  return {
    plan: { ...(values.quick ? QUICK : FULL), ...(values['skip-naive'] ? { naiveSizes: [] } : {}) },
    quick: values.quick,
    out: path.resolve(ROOT, values.out),
    sections,
    latencyMs,
    taskMs
  }
}

function wholeNumber(name: string, value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${name}: "${value}" is not a whole number >= 0`)
  }
  return n
}
