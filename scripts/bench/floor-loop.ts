// The floor under the action's own code: the same requests with the same concurrency and
// polling, from a process that only does that (IDs made in memory; no file, no plan, no
// retries, no report), through node-fetch as the action does or through bare node:http. What
// the action's rounds take above the node-fetch loop's is the action's own work; what that
// loop's take above the latency is the HTTP stack and the cores the processes share.
// Run by e2e.ts:
//   node --import tsx scripts/bench/floor-loop.ts node-fetch|http URL KEY BATCHES BATCH_SIZE CONCURRENCY POLL_MS
// Prints one JSON line: { submitMs, totalMs }, from the first request.
import http from 'node:http'
import fetch from 'node-fetch'

const [transport, url, key, ...numbers] = process.argv.slice(2)
const [batches, batchSize, concurrency, pollMs] = numbers.map(Number)
if (
  !(transport === 'node-fetch' || transport === 'http') ||
  !url ||
  !key ||
  !(batches > 0 && batchSize > 0 && concurrency > 0 && pollMs >= 0)
) {
  throw new Error(
    'usage: floor-loop.ts node-fetch|http URL KEY BATCHES BATCH_SIZE CONCURRENCY POLL_MS'
  )
}
const headers = { 'content-type': 'application/json', 'x-api-key': key }
const agent = new http.Agent({ keepAlive: true })

async function send(method: 'GET' | 'POST', path: string, body?: string): Promise<unknown> {
  const { status, text } =
    transport === 'http'
      ? await bareRequest(method, path, body)
      : await fetch(`${url}${path}`, { method, headers, body, agent }).then(async response => ({
          status: response.status,
          text: await response.text()
        }))
  if (status !== 200) throw new Error(`floor client: ${method} ${path} answered ${status}`)
  return JSON.parse(text)
}

function bareRequest(
  method: string,
  path: string,
  body?: string
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method, headers, agent }, response => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })
}

async function poll(taskId: string): Promise<void> {
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, pollMs))
    const answer = (await send('GET', `/v1/products/_status/${taskId}`)) as {
      data?: { status?: string }
    }
    if (answer.data?.status === 'done') return
  }
}

const started = performance.now()
const polls: Promise<void>[] = []
let next = 0
async function submitter(): Promise<void> {
  while (next < batches) {
    const first = next++ * batchSize
    const ids = Array.from({ length: batchSize }, (_, i) => `floor-${first + i}`)
    const answer = (await send(
      'POST',
      '/v1/products/_delete',
      JSON.stringify({ data: { product_ids: ids } })
    )) as { data?: { task_id?: string } }
    if (!answer.data?.task_id) throw new Error('floor client: a delete answer without task_id')
    polls.push(poll(answer.data.task_id))
  }
}
await Promise.all(Array.from({ length: concurrency }, submitter))
const submitMs = performance.now() - started
await Promise.all(polls)
const totalMs = performance.now() - started
process.stdout.write(JSON.stringify({ submitMs, totalMs }) + '\n')
