// Real catalogs end to end: files that name several products (`*` in field paths), products
// a file marks as removed (`removed-when`), and inputs as people type them. The bundled
// dist/index.js runs on real git repositories against the local Miso-compatible server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret, runAgainst, unescapeSummary } from '../test/support/e2e.js'
import { eventFixture } from '../test/support/fixtures.js'
import type { ActionRun, RunActionOptions } from '../test/support/run-action.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'

const KEY = 'sk-e2e-fields-5ecret-key'
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-fields-'))
let counter = 0
let miso: FakeMiso

beforeAll(async () => {
  miso = await startFakeMiso({ apiKey: KEY })
})
afterAll(async () => {
  await miso.close()
  rmSync(temp, { recursive: true, force: true })
})
beforeEach(() => {
  miso.reset()
  miso.clearDeleted()
})

const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }

/** A repository with `before`, then `after` written over it (null removes a file). */
function change(before: Record<string, string>, after: Record<string, string | null>) {
  const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
  repo.write(before)
  const base = repo.commit('before')
  for (const [file, text] of Object.entries(after)) {
    if (text === null) repo.remove(file)
    else repo.write({ [file]: text })
  }
  const head = repo.commit('after')
  return { repo, base, head }
}

/** Runs dist/index.js on the change `base`..`head` of the repository at `dir`. */
function run(
  dir: string,
  inputs: Record<string, string>,
  extra: RunActionOptions = {}
): Promise<ActionRun> {
  return runAgainst(miso.url, KEY, inputs, {
    workspace: dir,
    event: dispatch,
    env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    ...extra
  })
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

describe('`*` in field paths: one file names several products', () => {
  it('an edit that removes one item deletes that product only, in content files and ID lists', async () => {
    const { repo, base, head } = change(
      {
        'catalog/bundle.json': json({ items: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }] }),
        'catalog/single.json': json({ items: [{ sku: 'S' }] }),
        'feeds/feed.json': json({ items: [{ sku: 'F-1' }, { sku: 'F-2' }] })
      },
      {
        'catalog/bundle.json': json({ items: [{ sku: 'A' }, { sku: 'C' }] }),
        'catalog/single.json': null,
        'feeds/feed.json': json({ items: [{ sku: 'F-1' }] })
      }
    )
    const result = await run(repo.dir, {
      'deleted-paths': 'catalog/*.json',
      'id-from': 'json:items.*.sku',
      'id-list-files': 'feeds/*.json',
      'id-field': 'items.*.sku',
      base,
      head
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['B', 'F-2', 'S'])
    expect(unescapeSummary(result.summary)).toMatch(
      /\| Content file catalog\/bundle\.json \| 1 \| 1 \| edited \|/
    )
    expectNoSecret(result, KEY)
  })

  it('reads front matter lists; an element without the field fails before any call', async () => {
    const page = (...ids: (string | null)[]) =>
      `---\ntitle: Shirt\nvariants:\n${ids.map(id => (id === null ? '  - size: XL' : `  - id: ${id}`)).join('\n')}\n---\n`
    const { repo, base, head } = change(
      { 'content/shirt.md': page('V-1', 'V-2', 'V-3') },
      { 'content/shirt.md': page('V-1', 'V-3') }
    )
    const inputs = { 'deleted-paths': 'content/*.md', 'id-from': 'frontmatter:variants.*.id' }
    const result = await run(repo.dir, { ...inputs, base, head })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['V-2'])

    miso.reset()
    const broken = repo.write({ 'content/shirt.md': page('V-1', null) }).commit('no id')
    const refused = await run(repo.dir, { ...inputs, base: head, head: broken })
    expect(refused.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expect(refused.stdout).toMatch(
      /::error::.*content\/shirt\.md at [0-9a-f]{12}: front matter key "variants\.1\.id" is missing: every element that `\*` matches must have it/
    )
  })
})

describe('removed-when: a file or row that meets a condition names no live product', () => {
  const page = (id: string, draft: string) =>
    `---\nproduct_id: ${id}\ndraft: ${draft}\ntitle: Page ${id}\n---\n`
  const inputs = {
    'deleted-paths': 'content/*.md',
    'id-from': 'frontmatter:product_id',
    'id-list-files': 'feeds/*',
    'removed-when': 'draft: true\nstatus: discontinued\nactive: false'
  }

  it('unpublishing a page or a feed row deletes its product; a draft protects no ID', async () => {
    const { repo, base, head } = change(
      {
        'content/hat.md': page('HAT', 'false'),
        'content/old.md': page('OLD', 'true'),
        'content/kept.md': page('KEPT', 'false'),
        'feeds/feed.jsonl':
          '{"product_id":"F-1","active":true}\n{"product_id":"F-2","active":true}\n',
        'feeds/feed.csv': 'product_id,active\nC-1,true\nC-2,TRUE\n',
        'feeds/list.txt': 'OLD\nL-1\n'
      },
      {
        // Unpublished: its product goes, though the page stays.
        'content/hat.md': page('HAT', 'true'),
        // Already a draft, and edited: it named no live product at base, and protects none.
        'content/old.md': page('OLD', 'true') + 'More text.\n',
        'content/kept.md': page('KEPT', 'false') + 'More text.\n',
        'feeds/feed.jsonl':
          '{"product_id":"F-1","active":true}\n{"product_id":"F-2","active":false}\n',
        'feeds/feed.csv': 'product_id,active\nC-1,false\nC-2,TRUE\n',
        'feeds/list.txt': 'L-1\n'
      }
    )
    const result = await run(repo.dir, { ...inputs, base, head })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['C-1', 'F-2', 'HAT', 'OLD'])
    expectNoSecret(result, KEY)
  })

  it('reconcile deletes what only an unpublished page or an inactive row names', async () => {
    const repo = TestRepo.create(path.join(temp, `case-${++counter}`))
    repo.write({
      'content/hat.md': page('HAT', 'true'),
      'content/cap.md': page('CAP', 'false'),
      'feeds/feed.json': json([
        { product_id: 'F-1', active: true },
        { product_id: 'F-2', active: false }
      ])
    })
    repo.commit('catalog')
    repo.write({ 'exports/keep.csv': 'product_id,active\nK-1,true\nK-2,false\n' })
    const catalog = await startFakeMiso({
      apiKey: KEY,
      catalog: new Set(['HAT', 'CAP', 'F-1', 'F-2', 'K-1', 'K-2'])
    })
    try {
      const result = await runAgainst(
        catalog.url,
        KEY,
        {
          ...inputs,
          reconcile: 'true',
          'ids-file': 'exports/keep.csv',
          'max-deletions-percent': '0'
        },
        { workspace: repo.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }
      )
      expect(result.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
      expect(result.code).toBe(0)
      expect([...catalog.deleted].sort()).toEqual(['F-2', 'HAT', 'K-2'])
    } finally {
      await catalog.close()
    }
  })

  it('a malformed condition is an input error naming the line, before any call', async () => {
    const { repo, base, head } = change(
      { 'content/a.md': page('A', 'false') },
      {
        'content/a.md': null
      }
    )
    const result = await run(repo.dir, {
      ...inputs,
      'removed-when': 'draft: true\npublished false\nstatus: [a, b]',
      base,
      head
    })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      '::error::Input `removed-when`: line "published false" names no field; write one `field: value` a line.'
    )
  })
})
