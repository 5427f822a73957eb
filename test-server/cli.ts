// Runs the fake Miso server by hand, for the demo and the benchmarks:
//   npm run fake-miso -- --port 9901 --task-ms 2000 --rate-429 0.1

import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startFakeMiso } from './fake-miso.js'
import type { AnswerForm, FakeMisoOptions } from './fake-miso.js'

const USAGE = `Usage: npm run fake-miso -- [options]

A local Miso-compatible server, for products and users alike:
  POST /v1/{products|users}/_delete          {"data":{"product_ids":[...]}} / {"data":{"user_ids":[...]}}
  GET  /v1/{products|users}/_status/{task_id}
  GET  /v1/{products|users}/_ids[?type=T]    {"data":{"ids":[...]}}: the catalog less what was deleted

Options:
  --port N          port on 127.0.0.1 (default 9901; 0 picks a free one)
  --key K           API key to accept (default test-key)
  --task-ms N       how long each task stays pending (default 0)
  --latency-ms N    delay before every answer (default 0)
  --prefix P        serve under a path prefix, e.g. /miso
  --rate-429 R      share of requests answered 429 (0..1)
  --rate-5xx R      share of requests answered 500/502/503 (0..1)
  --seed N          seed for the random faults (default 1)
  --answer FORM     delete answer: task (default), task+counts, counts (done at once,
                    no task) or mixed (the three in turn)
  --catalog FILE    known products, one per line, optionally "ID<tab>type": deleting counts
                    them as deleted (others as not_found), and _ids lists them
  --catalog-ids L   known products, comma separated (added to --catalog)
  --users FILE      known users, one per line
  --help            show this help
`

function number(name: string, value: string | undefined, max = Infinity): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
    throw new Error(`--${name}: '${value}' is not a number from 0 to ${max}`)
  }
  return n
}

function parseOptions(argv: string[]): FakeMisoOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      key: { type: 'string' },
      'task-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      prefix: { type: 'string' },
      'rate-429': { type: 'string' },
      'rate-5xx': { type: 'string' },
      seed: { type: 'string' },
      answer: { type: 'string' },
      catalog: { type: 'string' },
      'catalog-ids': { type: 'string' },
      users: { type: 'string' },
      help: { type: 'boolean' }
    }
  })
  if (values.help) return 'help'
  const port = number('port', values.port, 65535) ?? 9901
  if (!Number.isInteger(port)) throw new Error(`--port: '${values.port}' is not a whole number`)
  const rate429 = number('rate-429', values['rate-429'], 1)
  const rate5xx = number('rate-5xx', values['rate-5xx'], 1)
  if ((rate429 ?? 0) + (rate5xx ?? 0) > 1) throw new Error('--rate-429 plus --rate-5xx exceeds 1')
  const seed = number('seed', values.seed)
  const answer = values.answer ?? 'task'
  if (!['task', 'task+counts', 'counts', 'mixed'].includes(answer)) {
    throw new Error(`--answer: '${answer}' is not task, task+counts, counts or mixed`)
  }
  const products = catalogFile(values.catalog)
  for (const id of (values['catalog-ids'] ?? '').split(',')) {
    if (id.trim() !== '') products.set(id.trim(), undefined)
  }
  const users = catalogFile(values.users)
  const productTypes = new Map<string, string>()
  for (const [id, type] of products) if (type !== undefined) productTypes.set(id, type)
  return {
    answerForm: answer as AnswerForm,
    catalog:
      values.catalog !== undefined || values['catalog-ids'] !== undefined
        ? new Set(products.keys())
        : undefined,
    userCatalog: values.users !== undefined ? new Set(users.keys()) : undefined,
    productTypes,
    port,
    apiKey: values.key,
    taskDurationMs: number('task-ms', values['task-ms']),
    latencyMs: number('latency-ms', values['latency-ms']),
    pathPrefix: values.prefix,
    failRate:
      rate429 !== undefined || rate5xx !== undefined ? { rate429, rate5xx, seed } : undefined,
    // Path only (never the query) so an `api_key` parameter is not printed.
    onRequest: r =>
      console.log(
        `${new Date().toISOString()} ${r.method} ${r.path} ${r.status || 'dropped'}` +
          (r.ids === undefined ? '' : ` ids=${r.ids}`)
      )
  }
}

/** ID → type (or undefined) from a file of `ID` or `ID<tab>type` lines; none without a file. */
function catalogFile(file: string | undefined): Map<string, string | undefined> {
  const entries = new Map<string, string | undefined>()
  if (file === undefined) return entries
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [id, type] = line.split('\t')
    if (id.trim() !== '') entries.set(id.trim(), type?.trim() || undefined)
  }
  return entries
}

async function main(): Promise<void> {
  let options: FakeMisoOptions | 'help'
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (options === 'help') {
    console.log(USAGE)
    return
  }
  const fake = await startFakeMiso(options)
  console.log(`fake Miso listening on ${fake.url}`)
  console.log(`API key: ${fake.apiKey}`)

  const stop = (signal: string) => {
    console.log(`${signal}: stopping`)
    // Once closed, nothing is left to keep the process alive: it exits on its own.
    fake.close().catch(error => {
      console.error(error)
      process.exitCode = 1
    })
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
