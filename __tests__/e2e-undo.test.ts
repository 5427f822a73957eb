// End-to-end: the undo. A deletion backs its records up first (GET /v1/products/{id}) and a
// later run with `restore-file` uploads them back (POST /v1/products), through dist/index.js
// against the local Miso server.
import { afterEach, describe, expect, it } from '@jest/globals'
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import { expectNoSecret, runAgainst, withFakeMiso, workspaceWith } from '../test/support/e2e.js'
import type { ActionRun, RunActionOptions } from '../test/support/run-action.js'
import type { FakeMiso } from '../test-server/fake-miso.js'

const KEY = 'sk-undo-5ecret-key-value'

/** Three products as Miso keeps them: with the fields it computes. */
function catalog(): Map<string, Record<string, unknown>> {
  const record = (id: string, price: number) => ({
    product_id: id,
    title: `Product ${id}`,
    price,
    custom_attributes: { colour: 'red', sizes: [1, 2] },
    product_group_id_or_product_id: id,
    category_path_1: 'Shoes'
  })
  return new Map([
    ['SKU-1', record('SKU-1', 10)],
    ['SKU-2', record('SKU-2', 20.5)],
    ['SKU-3', record('SKU-3', 30)]
  ])
}

const runs: ActionRun[] = []
function run(miso: FakeMiso, inputs: Record<string, string>, extra: RunActionOptions = {}) {
  return runAgainst(miso.url, KEY, inputs, extra).then(result => {
    runs.push(result)
    return result
  })
}
afterEach(() => {
  for (const r of runs.splice(0))
    rmSync(path.dirname(r.runnerTemp), { recursive: true, force: true })
})

const backupLines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line !== '')
    .map(line => JSON.parse(line) as Record<string, unknown>)

/** What a restore must bring back: the record without the fields Miso computes. */
function uploadable(record: Record<string, unknown>): Record<string, unknown> {
  const { product_group_id_or_product_id: _, category_path_1: __, ...rest } = record
  return rest
}

/** The backup of `deleting` copied into a new workspace, as actions/download-artifact leaves it. */
function downloaded(deleting: ActionRun): string {
  const workspace = workspaceWith({})
  copyFileSync(deleting.outputs['backup-path'], path.join(workspace, 'backup.jsonl'))
  return workspace
}

describe('undo: backup before deleting, restore-file', () => {
  it('backs up every record, deletes, and restores them field for field without computed fields', async () => {
    const original = catalog()
    await withFakeMiso(
      KEY,
      { records: catalog(), catalog: new Set(original.keys()) },
      async miso => {
        const deleting = await run(miso, { 'product-ids': 'SKU-1,SKU-2,SKU-3' })
        expect(deleting.code).toBe(0)
        expect(deleting.outputs.status).toBe('succeeded')
        expect(deleting.outputs['backup-count']).toBe('3')
        const backedUp = backupLines(deleting.outputs['backup-path'])
        expect(new Map(backedUp.map(r => [r.product_id, r]))).toEqual(original)
        expect([...miso.deleted].sort()).toEqual(['SKU-1', 'SKU-2', 'SKU-3'])
        // The record requests all came before the first delete.
        const firstDelete = miso.requests.findIndex(r => r.path.endsWith('/_delete'))
        const gets = miso.requests.filter(r => r.method === 'GET' && /\/SKU-\d$/.test(r.path))
        expect(gets).toHaveLength(3)
        expect(gets.every(g => miso.requests.indexOf(g) < firstDelete)).toBe(true)
        expect(deleting.summary).toContain('backup-path')
        expect(deleting.summary).toContain('restore workflow')
        expectNoSecret(deleting, KEY)

        const workspace = downloaded(deleting)
        try {
          const restoring = await run(miso, { 'restore-file': 'backup.jsonl' }, { workspace })
          expect(restoring.code).toBe(0)
          expect(restoring.outputs.status).toBe('restored')
          expect(restoring.outputs['restored-count']).toBe('3')
          // The log tells a restore, not a deletion.
          expect(restoring.stdout).toContain('Restoring through')
          expect(restoring.stdout).not.toMatch(
            /Deleting through|Sources and diff|::group::Deletion/
          )
          expect(restoring.stdout).toContain('::group::Sources: the backup file')
          expect(restoring.stdout).toContain('::group::Restore')
          expect(JSON.parse(restoring.outputs['task-ids'])).toHaveLength(1)
          expect(miso.deleted.size).toBe(0)
          for (const [id, record] of original)
            expect(miso.records.get(id)).toEqual(uploadable(record))
          expectNoSecret(restoring, KEY)
        } finally {
          rmSync(workspace, { recursive: true, force: true })
        }
      }
    )
  })

  it('does not delete a record it cannot fetch: failed, in the rerun file', async () => {
    await withFakeMiso(KEY, { records: catalog() }, async miso => {
      miso.inject({ route: 'record', kind: '500', path: '/v1/products/SKU-2', times: 10 })
      const result = await run(miso, { 'product-ids': 'SKU-1,SKU-2,SKU-3', retries: '1' })
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.outputs['failed-count']).toBe('1')
      expect(JSON.parse(readFileSync(result.outputs['failed-ids-path'], 'utf8'))).toEqual(['SKU-2'])
      expect([...miso.deleted].sort()).toEqual(['SKU-1', 'SKU-3'])
      const sent = [...miso.tasks.values()].flatMap(t => t.ids)
      expect(sent).not.toContain('SKU-2')
      expect(result.outputs['backup-count']).toBe('2')
      expect(result.summary).toContain('could not be backed up')
    })
  })

  it('does not delete a record when the answer is a record of another ID (or none)', async () => {
    const records = catalog()
    records.set('SKU-2', { ...records.get('SKU-3') })
    records.set('SKU-1', { title: 'no ID' })
    await withFakeMiso(KEY, { records }, async miso => {
      const result = await run(miso, { 'product-ids': 'SKU-1,SKU-2,SKU-3' })
      expect(result.outputs.status).toBe('failed')
      expect(JSON.parse(readFileSync(result.outputs['failed-ids-path'], 'utf8'))).toEqual([
        'SKU-1',
        'SKU-2'
      ])
      expect([...miso.deleted]).toEqual(['SKU-3'])
      expect(backupLines(result.outputs['backup-path']).map(r => r.product_id)).toEqual(['SKU-3'])
      expect(result.stdout).toContain('no `product_id` equal to the ID asked for')
    })
  })

  it('sends an ID Miso answers 404 for: nothing to back up', async () => {
    await withFakeMiso(KEY, { records: catalog() }, async miso => {
      const result = await run(miso, { 'product-ids': 'SKU-1,GONE-9' })
      expect(result.code).toBe(0)
      expect(result.outputs['backup-count']).toBe('1')
      expect(backupLines(result.outputs['backup-path']).map(r => r.product_id)).toEqual(['SKU-1'])
      expect([...miso.tasks.values()].flatMap(t => t.ids).sort()).toEqual(['GONE-9', 'SKU-1'])
    })
  })

  it('makes no backup file when Miso has none of the records: backup-count 0', async () => {
    await withFakeMiso(KEY, { records: catalog() }, async miso => {
      const result = await run(miso, { 'product-ids': 'GONE-1,GONE-2' })
      expect(result.code).toBe(0)
      expect(result.outputs['backup-count']).toBe('0')
      expect(result.outputs['backup-path']).toBe('')
      expect(readdirSync(result.runnerTemp).filter(f => f.startsWith('miso-backup-'))).toEqual([])
      expect([...miso.tasks.values()].flatMap(t => t.ids).sort()).toEqual(['GONE-1', 'GONE-2'])
      expect(result.summary).toContain('No record was backed up')
    })
  })

  it('a 401 during the backup fails the run as the delete would: nothing deleted, key unseen', async () => {
    await withFakeMiso(KEY, { records: catalog(), echoRequestOn401: true }, async miso => {
      const wrong = 'sk-wrong-undo-key-0123456789'
      const result = await runAgainst(miso.url, wrong, { 'product-ids': 'SKU-1,SKU-2,SKU-3' })
      runs.push(result)
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.outputs['failed-count']).toBe('3')
      expect(result.outputs['backup-count']).toBe('0')
      expect(result.stdout).toContain('Miso refused the API key (HTTP 401)')
      // Only record requests were made, and the first 401 stopped them; no delete was sent.
      expect(miso.requests.every(r => r.method === 'GET' && /\/SKU-\d$/.test(r.path))).toBe(true)
      expect(miso.requests.length).toBeLessThanOrEqual(4)
      expect(miso.deleted.size).toBe(0)
      expect(miso.records.size).toBe(3)
      expectNoSecret(result, wrong)
    })
  })

  it('cancelled during the backup: no delete sent, the backup so far reported', async () => {
    await withFakeMiso(KEY, { records: catalog() }, async miso => {
      // SKU-2's record answers 503 with a long Retry-After: the run is cancelled while it waits.
      miso.inject({
        route: 'record',
        kind: '503',
        path: '/v1/products/SKU-2',
        retryAfter: '30',
        times: 10
      })
      const result = await run(
        miso,
        { 'product-ids': 'SKU-1,SKU-2,SKU-3', concurrency: '1' },
        { kill: { signal: 'SIGINT', afterOutput: 'retry 1 of' } }
      )
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('cancelled')
      expect(miso.requests.filter(r => r.path.endsWith('/_delete'))).toHaveLength(0)
      expect(result.outputs['backup-count']).toBe('1')
      expect(backupLines(result.outputs['backup-path']).map(r => r.product_id)).toEqual(['SKU-1'])
      expect(result.outputs['failed-count']).toBe('3')
    })
  })

  it('names the records and fields of a restore Miso refuses with 422', async () => {
    await withFakeMiso(KEY, {}, async miso => {
      const workspace = workspaceWith({
        'backup.jsonl':
          '{"product_id":"SKU-1","price":1}\n{"product_id":"SKU-2","price":"free","title":"x"}\n'
      })
      try {
        const result = await run(miso, { 'restore-file': 'backup.jsonl' }, { workspace })
        expect(result.code).not.toBe(0)
        expect(result.outputs.status).toBe('failed')
        expect(result.outputs['restored-count']).toBe('0')
        expect(result.stdout).toContain('SKU-2.price: Expected a number.')
        expect(result.summary).toContain('SKU-2.price')
        expect(miso.records.size).toBe(0)
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    })
  })

  it('takes one backup file: no pattern, no second record of an ID, a BOM read as the ID reader does', async () => {
    await withFakeMiso(KEY, {}, async miso => {
      const workspace = workspaceWith({
        'backup.jsonl': '\uFEFF{"product_id":"SKU-1"}\n',
        'feed.jsonl': '{"product_id":"FEED-1"}\n',
        'twice.jsonl': '{"product_id":"SKU-1","a":1}\n{"product_id":"SKU-1","a":2}\n'
      })
      try {
        const glob = await run(miso, { 'restore-file': '*.jsonl' }, { workspace })
        expect(glob.code).not.toBe(0)
        expect(glob.stdout).toContain('restore-file: "*.jsonl" is a pattern')
        const twice = await run(miso, { 'restore-file': 'twice.jsonl' }, { workspace })
        expect(twice.stdout).toContain('restore-file: twice.jsonl holds two records of "SKU-1"')
        const missing = await run(miso, { 'restore-file': 'gone.jsonl' }, { workspace })
        expect(missing.stdout).toMatch(/restore-file: "gone\.jsonl" matches no file/)
        expect(miso.requests).toHaveLength(0)
        const bom = await run(miso, { 'restore-file': 'backup.jsonl' }, { workspace })
        expect(bom.outputs.status).toBe('restored')
        expect(miso.records.get('SKU-1')).toEqual({ product_id: 'SKU-1' })
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    })
  })

  it('does not delete an ID that cannot be asked for as one path segment (`.`, `..`, `/`)', async () => {
    await withFakeMiso(KEY, { records: catalog() }, async miso => {
      const ids = ['SKU-1', '.', '..', 'a/b']
      const result = await run(miso, { 'product-ids': JSON.stringify(ids) })
      expect(result.outputs.status).toBe('failed')
      expect(JSON.parse(readFileSync(result.outputs['failed-ids-path'], 'utf8'))).toEqual([
        '.',
        '..',
        'a/b'
      ])
      expect([...miso.deleted]).toEqual(['SKU-1'])
      expect(result.stdout).toContain('set `backup: false` to delete it without a backup')
    })
  })

  it('refuses restore-file with an ID source, and caps a restore by max-deletions', async () => {
    await withFakeMiso(KEY, {}, async miso => {
      const workspace = workspaceWith({
        'backup.jsonl': '{"product_id":"SKU-1"}\n{"product_id":"SKU-2"}\n'
      })
      try {
        const mixed = await run(
          miso,
          { 'restore-file': 'backup.jsonl', 'product-ids': 'SKU-9' },
          { workspace }
        )
        expect(mixed.code).not.toBe(0)
        expect(mixed.stdout).toContain('`restore-file`')
        const capped = await run(
          miso,
          { 'restore-file': 'backup.jsonl', 'max-deletions': '1' },
          { workspace }
        )
        expect(capped.code).not.toBe(0)
        expect(capped.stdout).toContain('max-deletions')
        const dry = await run(
          miso,
          { 'restore-file': 'backup.jsonl', 'dry-run': 'true' },
          { workspace }
        )
        expect(dry.outputs.status).toBe('dry-run')
        expect(miso.requests).toHaveLength(0)
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    })
  })
})

describe('a record request that is never answered', () => {
  it('ends at request-timeout while other requests go on, and that record is not deleted', async () => {
    // Many answered requests while one waits: the collections of memory they cause must not
    // drop the waiting request's time limit (a small young generation makes them frequent).
    const ids = Array.from({ length: 1500 }, (_, i) => `P-${i}`)
    const records = new Map(ids.map(id => [id, { product_id: id, title: `Product ${id}` }]))
    await withFakeMiso(KEY, { records }, async miso => {
      miso.inject({ route: 'record', kind: 'hang', path: '/v1/products/P-3' })
      const inputs = { 'product-ids': ids.join(','), backup: 'true', 'max-deletions': '0' }
      const result = await run(
        miso,
        { ...inputs, 'request-timeout': '3', retries: '0', 'batch-size': '500' },
        { env: { NODE_OPTIONS: '--max-semi-space-size=1' }, timeoutMs: 60_000 }
      )
      expect(result.signal).toBeNull()
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toContain(
        'GET /v1/products/P-3: no complete answer within 3 s (request-timeout)'
      )
      expect(miso.deleted.has('P-3')).toBe(false)
      expect(miso.deleted.size).toBe(ids.length - 1)
    })
  }, 70_000)
})
