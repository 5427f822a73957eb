// `npm run demo`: the whole action end to end, offline. Starts the local
// Miso-compatible server on a free loopback port, runs dist/index.js against it
// the way the runner would, and prints the outputs and the job summary; then a reconcile
// run: Miso's catalog compared with the IDs the workspace names; then a deletion and its undo.
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startFakeMiso } from '../test-server/fake-miso.js'
import { ROOT, runAction } from '../test/support/run-action.js'
import { logText, summaryText } from './summary-text.js'

const miso = await startFakeMiso({ apiKey: 'demo-key', taskDurationMs: 1500, latencyMs: 25 })
const workspace = mkdtempSync(path.join(os.tmpdir(), 'miso-demo-'))
cpSync(path.join(ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true })

console.log(`Local Miso-compatible server: ${miso.url}`)
console.log(
  'Running dist/index.js with product-ids and examples/ids.txt + examples/products.csv …\n'
)
const first = await runAction({
  workspace,
  inputs: {
    'api-key': 'demo-key',
    'api-url': miso.url,
    'product-ids': 'sku-1001, demo-extra-1',
    'ids-file': 'examples/ids.txt\nexamples/*.csv',
    'batch-size': '3',
    'poll-interval': '1'
  }
})
show(first)
console.log(`Exit code ${first.code}; the server deleted ${miso.deleted.size} products.`)
await miso.close()

// Reconcile: Miso has the catalog the workspace names (examples/products.csv and a kept
// list) and two stale products nobody removed; only the stale ones go.
const catalog = await startFakeMiso({
  apiKey: 'demo-key',
  latencyMs: 25,
  answerForm: 'task+counts',
  catalog: new Set(['sku-2001', 'sku-2002', 'sku-3001', 'sku-3002', 'stale-9001', 'stale-9002'])
})
writeFileSync(path.join(workspace, 'examples', 'live.txt'), 'sku-3001\nsku-3002\n')
console.log(
  `\n\nReconcile: ${catalog.url} lists 6 products; the workspace names 4 (examples/products.csv, examples/live.txt) …\n`
)
const second = await runAction({
  workspace,
  inputs: {
    'api-key': 'demo-key',
    'api-url': catalog.url,
    reconcile: 'true',
    'ids-file': 'examples/products.csv\nexamples/live.txt',
    'max-deletions-percent': '50',
    'poll-interval': '1'
  }
})
show(second)
console.log(`Exit code ${second.code}; the server deleted ${[...catalog.deleted].join(', ')}.`)
await catalog.close()

// Undo: Miso has the records, so the deletion backs each up first (backup: auto); a second
// run with restore-file uploads the backup back, without the fields Miso computes.
const record = (id: string, price: number) => ({
  product_id: id,
  title: `Demo ${id}`,
  price,
  product_group_id_or_product_id: id,
  category_path_1: 'Lamps'
})
const store = await startFakeMiso({
  apiKey: 'demo-key',
  latencyMs: 25,
  taskDurationMs: 500,
  records: new Map(['lamp-1', 'lamp-2'].map((id, i) => [id, record(id, 10 + i)]))
})
console.log(
  `\n\nUndo: ${store.url} has the records of lamp-1 and lamp-2; delete them, then restore …\n`
)
const third = await runAction({
  workspace,
  inputs: {
    'api-key': 'demo-key',
    'api-url': store.url,
    'product-ids': 'lamp-1 lamp-2',
    'poll-interval': '1'
  }
})
show(third)
const kept = () => ['lamp-1', 'lamp-2'].filter(id => !store.deleted.has(id)).length
console.log(`Exit code ${third.code}; Miso now has ${kept()} of the 2 records.`)
copyFileSync(third.outputs['backup-path'], path.join(workspace, 'backup.jsonl'))
const fourth = await runAction({
  workspace,
  inputs: {
    'api-key': 'demo-key',
    'api-url': store.url,
    'restore-file': 'backup.jsonl',
    'poll-interval': '1'
  }
})
show(fourth)
console.log(`Exit code ${fourth.code}; Miso has ${kept()} of the 2 records again.`)
await store.close()
const ok = (run: typeof first, status = 'succeeded') =>
  run.code === 0 && run.outputs.status === status
process.exitCode = ok(first) && ok(second) && ok(third) && ok(fourth, 'restored') ? 0 : 1

function show(run: typeof first): void {
  console.log('── log (as the run page shows it) ──────────────')
  console.log(logText(run.stdout))
  console.log('\n── outputs ─────────────────────────────────────')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value}`)
  console.log('\n── job summary ─────────────────────────────────')
  console.log(`Written to ${run.summaryFile} (Markdown, as GitHub shows it on the run's page):\n`)
  console.log(summaryText(run.summary))
  console.log('────────────────────────────────────────────────')
}
