// Reconcile mode and the feed-back file of failed IDs, end to end: dist/index.js on a real git
// checkout against the local Miso-compatible server with a catalog.
import { afterAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  expectNoSecret,
  runAgainst,
  unescapeSummary,
  workspaceWith,
  withFakeMiso
} from '../test/support/e2e.js'
import type { ActionRun, RunActionOptions } from '../test/support/run-action.js'
import { type FakeMiso, type FakeMisoOptions } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'

const KEY = 'sk-reconcile-5ecret-key'
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-reconcile-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
let counter = 0

const withMiso = (options: FakeMisoOptions, body: (miso: FakeMiso) => Promise<void>) =>
  withFakeMiso(KEY, options, body)

const product = (id: string) => JSON.stringify({ product_id: id, title: `Product ${id}` })

/**
 * A checkout naming p-1…p-4 by content files, p-5 and p-6 by an ID list, and p-7 by an ID
 * file to keep (in the work tree only).
 */
function checkout(): string {
  const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
  repo.write({
    'catalog/products/a.json': product('p-1'),
    'catalog/products/b.json': product('p-2'),
    'catalog/products/kitchen/c.json': product('p-3'),
    'catalog/products/kitchen/d.json': product('p-4'),
    'catalog/live-ids.txt': 'p-5\np-6\n'
  })
  repo.commit('catalog')
  repo.write({ 'exports/keep.txt': 'p-7\n' })
  return repo.dir
}

const REPO_IDS = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7']
const SOURCES = {
  reconcile: 'true',
  'deleted-paths': 'catalog/products/**/*.json',
  'id-from': 'json:product_id',
  'id-list-files': 'catalog/*.txt',
  'ids-file': 'exports/keep.txt'
}
/** Miso's catalog: every repository ID but p-7, plus `extra` stale ones. */
const catalogWith = (...extra: string[]) =>
  new Set([...REPO_IDS.filter(id => id !== 'p-7'), ...extra])

const run = (miso: FakeMiso, inputs: Record<string, string>, extra: RunActionOptions = {}) =>
  runAgainst(miso.url, KEY, { 'max-deletions-percent': '50', ...inputs }, extra)

const routes = (miso: FakeMiso) => miso.requests.map(r => `${r.method} ${r.path}`)
const posts = (miso: FakeMiso) => miso.requests.filter(r => r.method === 'POST')

function expectRefused(result: ActionRun, miso: FakeMiso, message: string | RegExp) {
  expect(result.code).toBe(1)
  expect(result.outputs.status).toBe('failed')
  expect(posts(miso)).toHaveLength(0)
  expect(miso.deleted.size).toBe(0)
  // Nothing was set out to delete: nothing failed, and there is nothing to rerun.
  expect(result.outputs['failed-count']).toBe('0')
  expect(result.outputs['failed-ids-path']).toBe('')
  const text = unescapeSummary(result.summary)
  if (typeof message === 'string') expect(text).toContain(message)
  else expect(text).toMatch(message)
}

describe('reconcile', () => {
  it.concurrent(
    'deletes what Miso lists and the repository no longer names, and reports both sides',
    async () => {
      await withMiso({ catalog: catalogWith('old-1', 'old-2') }, async miso => {
        const result = await run(miso, SOURCES, { workspace: checkout() })
        expect(result.code).toBe(0)
        expect(result.outputs.status).toBe('succeeded')
        expect([...miso.deleted].sort()).toEqual(['old-1', 'old-2'])
        expect(JSON.parse(result.outputs.ids)).toEqual(['old-1', 'old-2'])
        expect(routes(miso)[0]).toBe('GET /v1/products/_ids')
        expect(miso.stats().idsRequests).toBe(1)
        const summary = unescapeSummary(result.summary)
        expect(summary).toContain('### Reconcile')
        expect(summary).toMatch(/\| 8 \| 7 \| 2 \| 1 \| old-1, old-2 \|/)
        expect(result.outputs['deleted-count']).toBe('2')
        expect(readFileSync(result.outputs['failed-ids-path'], 'utf8')).toBe('[]\n')
        expectNoSecret(result, KEY)
      })
    }
  )

  it.concurrent('lists one type with reconcile-type and keeps the other types', async () => {
    await withMiso(
      {
        catalog: catalogWith('shoe-old', 'hat-old'),
        productTypes: new Map([
          ['shoe-old', 'shoe'],
          ['p-1', 'shoe'],
          ['hat-old', 'hat']
        ])
      },
      async miso => {
        const result = await run(
          miso,
          { ...SOURCES, 'reconcile-type': 'shoe' },
          { workspace: checkout() }
        )
        expect(result.code).toBe(0)
        expect([...miso.deleted]).toEqual(['shoe-old'])
        expect(miso.requests[0].query).toEqual({ type: 'shoe' })
      }
    )
  })

  it.concurrent('reconciles users through the users listing', async () => {
    await withMiso(
      { userCatalog: new Set(['u-1', 'u-gone']), catalog: new Set(['x']) },
      async miso => {
        const workspace = workspaceWith({ 'users.txt': 'u-1\n' })
        const result = await run(
          miso,
          {
            reconcile: 'true',
            'record-type': 'users',
            'ids-file': 'users.txt',
            'max-deletions-percent': '0'
          },
          { workspace }
        )
        expect(result.code).toBe(0)
        expect([...miso.deletedUsers]).toEqual(['u-gone'])
        expect(routes(miso)[0]).toBe('GET /v1/users/_ids')
      }
    )
  })

  it.concurrent(
    'dry runs, and forced dry runs on pull requests, call only the listing',
    async () => {
      await withMiso({ catalog: catalogWith('old-1') }, async miso => {
        const workspace = checkout()
        const dry = await run(miso, { ...SOURCES, 'dry-run': 'true' }, { workspace })
        expect(dry.code).toBe(0)
        expect(dry.outputs.status).toBe('dry-run')
        expect(JSON.parse(dry.outputs.ids)).toEqual(['old-1'])
        expect(unescapeSummary(dry.summary)).toMatch(/\| 7 \| 7 \| 1 \| 1 \| old-1 \|/)
        const event = {
          name: 'pull_request',
          payload: {
            action: 'opened',
            pull_request: {
              number: 3,
              merged: false,
              base: { sha: 'a'.repeat(40) },
              head: { sha: 'b'.repeat(40) }
            }
          }
        }
        const forced = await run(miso, SOURCES, { workspace, event })
        expect(forced.outputs.status).toBe('dry-run')
        expect(routes(miso)).toEqual(['GET /v1/products/_ids', 'GET /v1/products/_ids'])
        expect(miso.deleted.size).toBe(0)
      })
    }
  )
})

describe('reconcile reads front matter in every form', () => {
  it.concurrent('keeps products named only in TOML, JSON and merge-key front matter', async () => {
    const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
    repo.write({
      'content/_index.md': '+++\ntitle = "Products"\n+++\n',
      'content/toml.md': '+++\nproduct_id = "SKU-TOML"\n+++\nText.\n',
      'content/number.md': '\ufeff+++\r\nproduct_id = 4711\r\n+++\r\n',
      'content/json.md': '{\n  "product_id": "SKU-JSON"\n}\nText.\n',
      'content/merge.md': '---\nd: &d {product_id: SKU-MERGE}\n<<: *d\n---\n',
      'content/yaml.md': '---\nproduct_id: SKU-YAML\n---\n',
      'content/draft.md': '---\nproduct_id: ~\n---\n'
    })
    repo.commit('a Hugo catalog')
    const catalog = new Set(['SKU-TOML', '4711', 'SKU-JSON', 'SKU-MERGE', 'SKU-YAML', 'old-1'])
    await withMiso({ catalog }, async miso => {
      const result = await run(
        miso,
        {
          reconcile: 'true',
          'deleted-paths': 'content/**/*.md',
          'id-from': 'frontmatter:product_id',
          'max-deletions-percent': '0'
        },
        { workspace: repo.dir }
      )
      expect(result.code).toBe(0)
      expect([...miso.deleted]).toEqual(['old-1'])
      expect(result.stdout).toContain('::notice::2 matching content files at')
    })
  })
})

describe('reconcile reads front matter after blank lines and HTML comments', () => {
  it.concurrent('keeps pages whose front matter follows them, or has CR line ends', async () => {
    const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
    repo.write({
      'content/blank.md': '\n---\nproduct_id: SKU-BLANK\n---\nText.\n',
      'content/comment.md': '<!-- draft note -->\n---\nproduct_id: SKU-COMMENT\n---\n',
      'content/cr.md': '---\rproduct_id: SKU-CR\r---\rText.\r',
      'content/json.md': '\n{"product_id": "SKU-JSON"}\n'
    })
    repo.commit('a Hugo catalog')
    const catalog = new Set(['SKU-BLANK', 'SKU-COMMENT', 'SKU-CR', 'SKU-JSON', 'old-1'])
    await withMiso({ catalog }, async miso => {
      const result = await run(
        miso,
        {
          reconcile: 'true',
          'deleted-paths': 'content/**/*.md',
          'id-from': 'frontmatter:product_id',
          'max-deletions-percent': '0'
        },
        { workspace: repo.dir }
      )
      expect(result.code).toBe(0)
      expect([...miso.deleted]).toEqual(['old-1'])
    })
  })
})

describe('reconcile reads the repository files as a person would', () => {
  it.concurrent(
    'a header line in an ID list is no ID, and the log says how lists were read',
    async () => {
      await withMiso({ catalog: catalogWith('old-1', 'product_id') }, async miso => {
        const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
        repo.write({
          'catalog/products/a.json': product('p-1'),
          'catalog/live-ids.txt': 'product_id\np-2\np-3\np-4\np-5\np-6\n'
        })
        repo.commit('catalog')
        repo.write({ 'exports/keep.csv': 'sku;title\np-7;Kettle\n' })
        repo.write({ 'exports/more.csv': 'sku\np-8\n' })
        const inputs = { ...SOURCES, 'ids-file': 'exports/*.csv', 'id-field': 'sku' }
        const result = await run(miso, { ...inputs, 'dry-run': 'true' }, { workspace: repo.dir })
        expect(result.code).toBe(0)
        // `product_id` heads the list only when it is `id-field`: here it is an ID kept.
        expect(JSON.parse(result.outputs.ids)).toEqual(['old-1'])
        expect(result.stdout).not.toContain('::notice::catalog/live-ids.txt')
        expect(result.stdout).not.toContain('::warning::exports/')

        const headed = await run(
          miso,
          { ...SOURCES, 'ids-file': 'exports/more.csv', 'dry-run': 'true' },
          { workspace: repo.dir }
        )
        expect(headed.code).toBe(0)
        expect(JSON.parse(headed.outputs.ids)).toEqual(['old-1', 'product_id'])
        expect(headed.stdout).toContain(
          '::notice::catalog/live-ids.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.'
        )
        expect(headed.stdout).toContain(
          '::warning::exports/more.csv: line 1, "sku", was read as the header of its one column, not as an ID. If it is an ID, add a first line "product_id".'
        )
        expect(posts(miso)).toHaveLength(0)
      })
    }
  )
})

describe('reconcile guards, each before any delete', () => {
  it.concurrent('no repository source: refused before any call', async () => {
    await withMiso({ catalog: catalogWith() }, async miso => {
      const result = await run(miso, { reconcile: 'true' }, { workspace: checkout() })
      expectRefused(result, miso, 'Reconcile needs the IDs the repository names')
      expect(miso.requests).toHaveLength(0)
    })
  })

  it.concurrent('product-ids with reconcile is an input error', async () => {
    await withMiso({ catalog: catalogWith() }, async miso => {
      const result = await run(
        miso,
        { ...SOURCES, 'product-ids': 'p-1' },
        { workspace: checkout() }
      )
      expectRefused(result, miso, '`product-ids` cannot be used with `reconcile: true`')
      expect(miso.requests).toHaveLength(0)
    })
  })

  it.concurrent('an empty repository set: refused before the listing', async () => {
    await withMiso({ catalog: catalogWith() }, async miso => {
      const workspace = workspaceWith({ 'keep.txt': '# nothing yet\n' })
      const result = await run(miso, { reconcile: 'true', 'ids-file': 'keep.txt' }, { workspace })
      expectRefused(result, miso, 'The repository names no IDs')
      expect(miso.requests).toHaveLength(0)
    })
  })

  it.concurrent(
    'a pattern that matches no file at head (a typo): refused before the listing',
    async () => {
      // Without the guard, p-1…p-4 would count as gone and be deleted (4 of 8 is within 50%).
      await withMiso({ catalog: catalogWith() }, async miso => {
        const result = await run(
          miso,
          { ...SOURCES, 'deleted-paths': 'catalog/product/**/*.json' },
          { workspace: checkout() }
        )
        expectRefused(
          result,
          miso,
          /`deleted-paths` pattern `catalog\/product\/\*\*\/\*\.json` matches no file at [0-9a-f]{7}.*Likely causes: a typo, or a path relative to the wrong folder \(patterns are relative to the repository's root\)/
        )
        expect(miso.requests).toHaveLength(0)
      })
    }
  )

  it.concurrent('deletes the IDs exactly as Miso lists them, never trimmed', async () => {
    // The stale record is listed with spaces around its ID: that exact ID is the one sent.
    await withMiso({ catalog: catalogWith(' old-9 ') }, async miso => {
      const result = await run(miso, SOURCES, { workspace: checkout() })
      expect(result.code).toBe(0)
      expect(JSON.parse(result.outputs.ids)).toEqual([' old-9 '])
      expect([...miso.deleted]).toEqual([' old-9 '])
    })
  })

  it.concurrent(
    'keeps a listed ID the repository names in another Unicode form or with white space around it',
    async () => {
      // Miso lists the plain forms; the repository names them in a JSON file kept as written
      // (a trailing space, a no-break space, NFD) and in a text list (a BOM, an ideographic space).
      const named = ['P-WS', 'P-NBSP', 'Caf\u00e9', 'P-BOM', 'P-IDEO']
      await withMiso({ catalog: catalogWith('old-1', ...named) }, async miso => {
        const workspace = checkout()
        writeFileSync(
          path.join(workspace, 'exports/keep.json'),
          JSON.stringify(['P-WS ', 'P-NBSP\u00a0', 'Cafe\u0301'])
        )
        writeFileSync(path.join(workspace, 'exports/more.txt'), '\ufeffP-BOM\n\u3000P-IDEO\n')
        const inputs = { ...SOURCES, 'ids-file': 'exports/keep.*\nexports/more.txt' }
        const result = await run(miso, inputs, { workspace })
        expect(result.code).toBe(0)
        expect(JSON.parse(result.outputs.ids)).toEqual(['old-1'])
        expect([...miso.deleted]).toEqual(['old-1'])
      })
    }
  )

  it.concurrent(
    'keeps a listed ID with white space around it or in another Unicode form that the repository names plainly',
    async () => {
      const listed = ['p-1 ', '\u00a0p-2', 'p-5\ufeff', '\u3000p-6']
      const nfd = 'Cafe\u0301'
      await withMiso({ catalog: new Set(['old-1', ...listed, nfd]) }, async miso => {
        const workspace = checkout()
        writeFileSync(path.join(workspace, 'exports/keep.txt'), 'p-7\nCaf\u00e9\n')
        const result = await run(miso, SOURCES, { workspace })
        expect(result.code).toBe(0)
        expect(JSON.parse(result.outputs.ids)).toEqual(['old-1'])
        expect([...miso.deleted]).toEqual(['old-1'])
      })
    }
  )

  it.concurrent('over max-deletions: refused with the numbers after the listing', async () => {
    await withMiso({ catalog: catalogWith('o-1', 'o-2', 'o-3') }, async miso => {
      const result = await run(
        miso,
        { ...SOURCES, 'max-deletions': '2' },
        { workspace: checkout() }
      )
      expectRefused(result, miso, '3 IDs were resolved, more than `max-deletions` (2)')
      expect(routes(miso)).toEqual(['GET /v1/products/_ids'])
      expect(unescapeSummary(result.summary)).toContain('### Refused')
      expect(result.stdout).toContain('::error::Refused: 3 IDs were resolved')
    })
  })

  it.concurrent(
    'over max-deletions-percent: refused with the numbers; a dry run warns',
    async () => {
      await withMiso({ catalog: catalogWith('o-1', 'o-2') }, async miso => {
        const workspace = checkout()
        const inputs = { ...SOURCES, 'max-deletions-percent': '10' }
        const result = await run(miso, inputs, { workspace })
        expectRefused(
          result,
          miso,
          'Reconcile would delete 2 of the 8 products Miso lists (25.0%), more than `max-deletions-percent` (10%)'
        )
        expect(unescapeSummary(result.summary)).toContain('### Refused')
        expect(unescapeSummary(result.summary)).toMatch(/\| failed \| 2 \| 1 \| 0 \| 0 \|/)
        expect(result.stdout).toContain('::error::Refused: Reconcile would delete 2')
        const dry = await run(miso, { ...inputs, 'dry-run': 'true' }, { workspace })
        expect(dry.code).toBe(0)
        expect(dry.stdout).toContain(
          'When this runs for real it will be refused: Reconcile would delete 2'
        )
        expect(posts(miso)).toHaveLength(0)
      })
    }
  )
})

describe('listing failures fail the step before any delete', () => {
  it.concurrent.each([
    ['5xx until retries run out', { kind: '503' as const, times: 3 }, /HTTP 503/],
    ['a cut-off body', { kind: 'truncated' as const, times: 3 }, /cut off/],
    ['a body without data.ids', { kind: 'no-ids' as const }, /`data.ids` is missing/],
    [
      'non-string IDs',
      { kind: 'non-string-ids' as const },
      /`data.ids` item 1 is a number, not a string/
    ]
  ])('%s', async (_name, fault, message) => {
    await withMiso({ catalog: catalogWith('old-1') }, async miso => {
      miso.inject({ route: 'ids', ...fault })
      const result = await run(miso, { ...SOURCES, retries: '2' }, { workspace: checkout() })
      expectRefused(result, miso, message)
      expect(result.outputs['failed-ids-path']).toBe('')
    })
  })

  it.concurrent('a 5xx that clears within the retries is only retried', async () => {
    await withMiso({ catalog: catalogWith('old-1') }, async miso => {
      miso.inject({ route: 'ids', kind: '500', times: 2 })
      const result = await run(miso, { ...SOURCES, retries: '2' }, { workspace: checkout() })
      expect(result.code).toBe(0)
      expect(miso.stats().idsRequests).toBe(3)
      expect([...miso.deleted]).toEqual(['old-1'])
    })
  })
})

describe('failed-ids-path', () => {
  it.concurrent(
    'holds every ID not confirmed deleted after partial failures, and feeds a rerun',
    async () => {
      await withMiso({}, async miso => {
        // The first batch meets a 500 on both of its attempts; the others go through. Its IDs
        // hold what a file of lines would lose: white space at the ends, a leading `#`, a BOM.
        miso.inject({ route: 'delete', kind: '500', times: 2 })
        const failed = [' f-1', 'f-2 ', '#f-3', '\ufefff-4\u00a0']
        const ids = [...failed, 'f-5', 'f-6']
        const first = await run(miso, {
          'product-ids': JSON.stringify(ids),
          'batch-size': '4',
          concurrency: '1',
          retries: '1'
        })
        expect(first.outputs.status).toBe('failed')
        expect([...miso.deleted]).toEqual(['f-5', 'f-6'])
        const file = first.outputs['failed-ids-path']
        expect(file.startsWith(first.runnerTemp)).toBe(true)
        expect(path.basename(file)).toBe('failed-ids.json')
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(failed)
        expect(first.outputs['failed-count']).toBe('4')
        // The file as the ids-file of a rerun (copied into the rerun's workspace): it sends
        // exactly those IDs, and deletes nothing else.
        miso.clearDeleted()
        const workspace = workspaceWith({})
        copyFileSync(file, path.join(workspace, 'failed-ids.json'))
        const rerun = await run(miso, { 'ids-file': 'failed-ids.json' }, { workspace })
        expect(rerun.outputs.status).toBe('succeeded')
        expect(JSON.parse(rerun.outputs.ids)).toEqual(failed)
        expect([...miso.deleted]).toEqual(failed)
        expect(readFileSync(rerun.outputs['failed-ids-path'], 'utf8')).toBe('[]\n')
      })
    }
  )

  it.concurrent('holds the unconfirmed and unsent IDs after cancellation', async () => {
    await withMiso({ taskDurationMs: 60_000 }, async miso => {
      const ids = Array.from({ length: 6 }, (_, i) => `c-${i}`)
      const result = await run(
        miso,
        { 'product-ids': ids.join(','), 'batch-size': '2', concurrency: '1' },
        { kill: { signal: 'SIGINT', afterOutput: 'accepted as task' } }
      )
      expect(result.outputs.status).toBe('cancelled')
      expect(JSON.parse(readFileSync(result.outputs['failed-ids-path'], 'utf8'))).toEqual(ids)
      expect(result.outputs['failed-count']).toBe('6')
    })
  })

  it.concurrent('is empty without anything sent', async () => {
    await withMiso({}, async miso => {
      const result = await run(miso, { 'product-ids': 'd-1', 'dry-run': 'true' })
      expect(result.outputs['failed-ids-path']).toBe('')
    })
  })
})
