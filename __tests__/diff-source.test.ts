import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { resolveDiffIds } from '../src/diff/diff-source.js'
import type { DiffResult } from '../src/diff/diff-source.js'
import { productIds } from '../src/diff/product-id.js'

import { UnreadableFileError } from '../src/diff/commit-files.js'
import type { IdFrom, Settings } from '../src/input-helper.js'
import { startFakeGitHub } from '../test-server/fake-github.js'
import { isolatedGitEnv, TestRepo } from '../test-server/git-repo.js'
import { recordingLog } from '../test/support/log.js'
import { eventFixture, pushEvent } from '../test/support/fixtures.js'

/** The one ID of a file whose path has no `*`. */
const productId = (...args: Parameters<typeof productIds>) => productIds(...args)?.[0]

const temp = mkdtempSync(path.join(os.tmpdir(), 'diff-source-test-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
let counter = 0
const fresh = (): string => path.join(temp, `case-${++counter}`)

function settings(workspace: string, over: Partial<Settings> = {}): Settings {
  return {
    apiKey: '',
    apiUrl: 'https://api.askmiso.com',
    authMode: 'header',
    recordType: 'products',
    reconcile: false,
    reconcileType: '',
    maxDeletionsPercent: 10,
    productIds: '',
    idsFiles: [],
    idField: 'product_id',
    deletedPaths: [],
    idFrom: { kind: 'filename' },
    idListFiles: [],
    deleteListFiles: [],
    base: '',
    head: '',
    dryRun: false,
    dryRunReason: '',
    maxDeletions: 1000,
    failOnEmpty: false,
    batchSize: 1000,
    concurrency: 4,
    retries: 5,
    requestTimeoutMs: 30000,
    wait: true,
    waitTimeoutMs: 600000,
    pollIntervalMs: 2000,
    githubToken: '',
    comment: false,
    commentTitle: 'Miso bulk delete',
    branches: [],
    backup: 'auto',
    restoreFile: '',
    removedWhen: [],
    workspace,
    runnerTemp: temp,
    ...over
  }
}

function pullEvent(
  name: string,
  base: string,
  head: string,
  eventName = 'pull_request',
  extra: Record<string, unknown> = {}
) {
  const payload = eventFixture(name)
  const pull = payload.pull_request as Record<string, Record<string, unknown>>
  const pull_request = {
    ...pull,
    base: { ...pull.base, sha: base },
    head: { ...pull.head, sha: head },
    ...extra
  }
  return { name: eventName, payload: { ...payload, pull_request } }
}

const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }

/** Groups as [name, ids, detail], for compact expectations. */
function groups(result: DiffResult): [string, string[], string | undefined][] {
  return result.groups.map(g => [g.name, g.ids, g.detail])
}

const product = (id: string | number, extra: object = {}) =>
  JSON.stringify({ product_id: id, title: `Product ${id}`, ...extra }, null, 2)

describe('deleted-paths with json:product_id on a push, from a default shallow checkout', () => {
  let repo: TestRepo
  let base: string
  let head: string
  let remote: string
  // In path order at base, whatever order git or GitHub lists the changes in.
  const expectedGroups = [
    // Its ID was edited (C-1 → C-2): the old ID is no product any more.
    ['catalog/products/chair.json', ['C-1'], 'edited'],
    ['catalog/products/kettle.json', ['K-1'], 'deleted'],
    ['catalog/products/lamp.json', ['1001'], 'renamed to archive/lamp.json'],
    ['catalog/products/stool.json', ['S-0'], 'edited']
  ]
  const expectedKept = [
    { id: 'S-1', path: 'catalog/products/stool.json' },
    { id: 'M-1', path: 'catalog/products/en/mug.json' },
    { id: 'T-1', path: 'catalog/products/kitchen/toaster.json' }
  ]

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'catalog/products/kettle.json': product('K-1'),
      'catalog/products/toaster.json': product('T-1'),
      'catalog/products/en/mug.json': product('M-1', { lang: 'en' }),
      'catalog/products/fr/mug.json': product('M-1', { lang: 'fr' }),
      'catalog/products/lamp.json': product(1001),
      'catalog/products/chair.json': product('C-1'),
      'catalog/products/bench.json': product('S-1'),
      'catalog/products/stool.json': product('S-0'),
      'docs/readme.json': product('not-a-product')
    })
    base = repo.commit('catalog')
    repo.remove('catalog/products/kettle.json', 'catalog/products/fr/mug.json', 'docs/readme.json')
    repo.remove('catalog/products/bench.json')
    repo.move('catalog/products/toaster.json', 'catalog/products/kitchen/toaster.json')
    repo.move('catalog/products/lamp.json', 'archive/lamp.json')
    // An edit that changes a file's ID deletes the old one; one that takes over a deleted ID keeps it.
    repo.write({ 'catalog/products/chair.json': product('C-2') })
    repo.write({ 'catalog/products/stool.json': product('S-1') })
    head = repo.commit('prune')
    remote = repo.bareRemote()
  })

  const rules = {
    deletedPaths: ['catalog/products/**/*.json'],
    idFrom: { kind: 'json', field: 'product_id' } as IdFrom
  }

  it('deletes removed and moved-away products, keeps those still named at head', async () => {
    const clone = TestRepo.shallowCheckout(remote, head, fresh())
    const log = recordingLog()
    const result = await resolveDiffIds(
      settings(clone.dir, rules),
      pushEvent(base, head),
      isolatedGitEnv(),
      log
    )
    expect(result).toMatchObject({ base, head, via: 'git', warnings: [] })
    expect(groups(result)).toEqual(expectedGroups)
    expect(result.groups.every(g => g.kind === 'deleted-path')).toBe(true)
    expect(result.kept).toEqual(expectedKept)
    expect(log.lines.join('\n')).toMatch(
      /Kept \d+ IDs? that files at \w+ still name: .*M-1 \(catalog\/products\/en\/mug.json\)/
    )
    // The base commit was fetched by SHA into the shallow checkout.
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true')
    expect(clone.git('cat-file', '-t', base).trim()).toBe('commit')
  })

  it('gives the same answer through the GitHub REST API when there is no checkout', async () => {
    const server = await startFakeGitHub({ repoDir: repo.dir })
    try {
      const empty = fresh()
      mkdirSync(empty)
      const env = isolatedGitEnv({
        GITHUB_API_URL: server.url,
        GITHUB_REPOSITORY: 'acme/shop-catalog',
        GITHUB_SHA: head
      })
      const result = await resolveDiffIds(
        settings(empty, { ...rules, githubToken: 'test-token' }),
        pushEvent(base, head),
        env,
        recordingLog()
      )
      expect(result).toMatchObject({ base, head, via: 'rest' })
      expect(groups(result)).toEqual(expectedGroups)
      expect(result.kept).toEqual(expectedKept)
      expect(result.notices.join(' ')).toMatch(
        /Read the change through the GitHub API, as git could not: .* is not a git checkout/
      )
    } finally {
      await server.close()
    }
  })

  it('without a checkout or a token, says what to add', async () => {
    const empty = fresh()
    mkdirSync(empty)
    await expect(
      resolveDiffIds(
        settings(empty, rules),
        pushEvent(base, head),
        isolatedGitEnv(),
        recordingLog()
      )
    ).rejects.toThrow(
      /cannot read the change with git: .* is not a git checkout\. Add actions\/checkout before this step.*or pass `github-token`/
    )
  })

  it('uses the REST API when origin cannot be reached', async () => {
    const clone = TestRepo.shallowCheckout(remote, head, fresh())
    clone.git('remote', 'set-url', 'origin', `file://${path.join(temp, 'gone.git')}`)
    const server = await startFakeGitHub({ repoDir: repo.dir })
    try {
      const env = isolatedGitEnv({
        GITHUB_API_URL: server.url,
        GITHUB_REPOSITORY: 'acme/shop-catalog'
      })
      const result = await resolveDiffIds(
        settings(clone.dir, { ...rules, githubToken: 'test-token' }),
        pushEvent(base, head),
        env,
        recordingLog()
      )
      expect(result.via).toBe('rest')
      // `before` is the commit git cannot fetch: GitHub's compare, with one notice.
      expect(result.notices).toEqual([
        expect.stringMatching(
          /`before` commit \w{12} is not in the git history \(cannot fetch commit .* from origin .*\), but GitHub still has it: compared it with \w{12} through the GitHub REST API\.$/
        )
      ])
      expect(groups(result)).toEqual(expectedGroups)
    } finally {
      await server.close()
    }
  })

  it('an ID that some file at head names but cannot be read is an error, not a guess', async () => {
    const work = TestRepo.create(fresh())
    work.write({ 'p/a.json': product('A'), 'p/b.json': product('B') })
    const from = work.commit()
    work.remove('p/a.json').write({ 'p/b.json': '{"product_id": ' })
    const to = work.commit()
    await expect(
      resolveDiffIds(
        settings(work.dir, { deletedPaths: ['p/*.json'], idFrom: rules.idFrom }),
        pushEvent(from, to),
        isolatedGitEnv(),
        recordingLog()
      )
    ).rejects.toThrow(`p/b.json at ${to.slice(0, 12)}: not valid JSON`)
  })
})

describe('deleted-paths with filename and path, odd file names', () => {
  const ODD = [
    'with space.json',
    'ünïcødé.json',
    'new\nline.json',
    '-leading-dash.json',
    '--output=x.json'
  ]
  let repo: TestRepo
  let base: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    const files: Record<string, string> = {}
    // Distinct contents, so that git pairs each rename with its own source.
    for (const name of ['a.b.json', 'x/same.json', 'keep.json', '.hidden.json', ...ODD]) {
      files[`catalog/${name}`] = JSON.stringify({ name })
    }
    base = repo.write(files).commit('base')
    repo.remove(...ODD.map(odd => `catalog/${odd}`), 'catalog/.hidden.json')
    repo
      .move('catalog/a.b.json', 'catalog/c.json')
      .move('catalog/x/same.json', 'catalog/y/same.json')
    repo.commit('head')
  })

  it('filename: the name without its last extension; a rename keeps the same name', async () => {
    const result = await resolveDiffIds(
      settings(repo.dir, { deletedPaths: ['catalog/**'], base }),
      dispatch,
      isolatedGitEnv(),
      recordingLog()
    )
    expect(new Set(groups(result))).toEqual(
      new Set([
        ['catalog/.hidden.json', ['.hidden'], 'deleted'],
        ...ODD.map(odd => [`catalog/${odd}`, [odd.replace(/\.json$/, '')], 'deleted']),
        ['catalog/a.b.json', ['a.b'], 'renamed to catalog/c.json']
      ])
    )
    expect(result.kept).toEqual([{ id: 'same', path: 'catalog/y/same.json' }])
    expect(result.head).toBe(repo.head())
  })

  it('path: the repo-relative path without the extension', async () => {
    const result = await resolveDiffIds(
      settings(repo.dir, {
        deletedPaths: ['catalog/x/*.json', 'catalog/*.b.json'],
        idFrom: { kind: 'path' },
        base
      }),
      dispatch,
      isolatedGitEnv(),
      recordingLog()
    )
    expect(groups(result)).toEqual([
      ['catalog/a.b.json', ['catalog/a.b'], 'renamed to catalog/c.json'],
      ['catalog/x/same.json', ['catalog/x/same'], 'renamed to catalog/y/same.json']
    ])
    expect(result.kept).toEqual([])
  })
})

describe('deleted-paths with frontmatter and dotted JSON fields', () => {
  it('reads the ID from the file as it was at base', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/kettle.md': '---\ntitle: Kettle\nsku: 00123\nproduct:\n  id: "K 1"\n---\n# Kettle\n',
      'content/toaster.md': '\ufeff---\r\nsku: T-9\r\nproduct: { id: T-9 }\r\n...\r\nBody\r\n',
      'data/lamp.json': JSON.stringify({ meta: { ids: [{ sku: 'L-1' }] } })
    })
    const base = repo.commit()
    // Head edits the IDs before deleting: base is what counts.
    repo.write({ 'content/kettle.md': '---\nsku: changed\n---\n' }).commit()
    repo.remove('content/kettle.md', 'content/toaster.md', 'data/lamp.json').commit()

    const run = (deletedPaths: string[], idFrom: IdFrom) =>
      resolveDiffIds(
        settings(repo.dir, { deletedPaths, idFrom, base }),
        dispatch,
        isolatedGitEnv(),
        recordingLog()
      )
    expect(groups(await run(['content/*.md'], { kind: 'frontmatter', key: 'sku' }))).toEqual([
      ['content/kettle.md', ['00123'], 'deleted'],
      ['content/toaster.md', ['T-9'], 'deleted']
    ])
    expect(
      groups(await run(['content/*.md'], { kind: 'frontmatter', key: 'product.id' })).map(g => g[1])
    ).toEqual([['K 1'], ['T-9']])
    expect(groups(await run(['data/**'], { kind: 'json', field: 'meta.ids.0.sku' }))).toEqual([
      ['data/lamp.json', ['L-1'], 'deleted']
    ])
  })
})

describe('productId', () => {
  const at = 'c0ffee'.padEnd(40, '0')
  const json: IdFrom = { kind: 'json', field: 'product_id' }
  const fm: IdFrom = { kind: 'frontmatter', key: 'id' }

  it.each([
    ['not json', /not valid JSON/],
    ['{"product_id": true}', /true is not an ID/],
    ['{"product_id": {"a": 1}}', /an object is not an ID/],
    ['{"product_id": ["a"]}', /an array is not an ID/],
    ['{"product_id": "  "}', /an empty string is not an ID/],
    ['{"product_id": 12345678901234567890}', /may not be read exactly/],
    ['{"product_id": 1.5}', /the number 1.5 is not a whole number/]
  ])('json: %s is an error naming the file and commit', (text, problem) => {
    expect(() => productId(json, 'p/x.json', at, text)).toThrow(UnreadableFileError)
    expect(() => productId(json, 'p/x.json', at, text)).toThrow(/^p\/x\.json at c0ffee000000: /)
    expect(() => productId(json, 'p/x.json', at, text)).toThrow(problem)
  })

  it.each([
    ['---\nid: a\n', /no closing/],
    ['---\n- a\n- b\n---\n', /not a mapping/],
    ['---\nid: [unclosed\n---\n', /not valid YAML/],
    ['---\nid:\n  nested: 1\n---\n', /front matter key "id": an object is not an ID/]
  ])('frontmatter: %j is an error', (text, problem) => {
    expect(() => productId(fm, 'c/x.md', at, text)).toThrow(problem)
  })

  it.each([
    [json, '{"other": 1}'],
    [json, '[1, 2]'],
    [json, '{"product_id": null}'],
    [fm, '# no front matter\n'],
    [fm, '---\nother: 1\n---\n'],
    [fm, '---\ntitle: Products\n---\n']
  ])('a file without the ID is no product: %j, %j', (idFrom, text) => {
    expect(productId(idFrom, 'c/_index.md', at, text)).toBeUndefined()
  })

  it('takes numbers in decimal form, strings as they are, and reads a dotted key only escaped', () => {
    expect(productId(json, 'x.json', at, '{"product_id": 42}')).toBe('42')
    expect(productId(json, 'x.json', at, '{"product_id": " a "}')).toBe(' a ')
    const doc = '{"a.b": "lit", "a": {"b": "deep"}}'
    expect(productId({ kind: 'json', field: 'a.b' }, 'x.json', at, doc)).toBe('deep')
    expect(productId({ kind: 'json', field: 'a\\.b' }, 'x.json', at, doc)).toBe('lit')
    expect(productId(fm, 'x.md', at, '---\nid: true\n---\n')).toBe('true')
  })

  it('names products from paths without reading them', () => {
    expect(productId({ kind: 'filename' }, 'a/b/c.d.json', at)).toBe('c.d')
    expect(productId({ kind: 'filename' }, 'a/README', at)).toBe('README')
    expect(productId({ kind: 'path' }, 'a/b/c.d.json', at)).toBe('a/b/c.d')
    expect(productId({ kind: 'path' }, 'top.json', at)).toBe('top')
  })
})

describe('id-list-files in every format', () => {
  let repo: TestRepo
  let base: string
  let head: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'lists/ids.txt': '# retired products\nA-1\nA-2\nA-3\n',
      'lists/ids.csv': 'product_id,name\nB-1,one\nB-2,two\nB-3,three\n',
      'lists/ids.json': JSON.stringify([
        { product_id: 'C-1' },
        { product_id: 'C-2' },
        { product_id: 3 }
      ]),
      'lists/ids.jsonl': '"D-1"\n{"product_id":"D-2"}\n"D-3"\n',
      'lists/old.txt': 'E-1\nE-2\nE-2\n',
      'lists/from.txt': 'F-1\nF-2\n',
      'lists/to.txt': 'G-1\n',
      'lists/renamed.txt': 'H-1\nH-2\nH-3\nH-4\nH-5\nH-6\nH-7\nH-8\n',
      'other/ids.txt': 'Z-1\n'
    })
    base = repo.commit('lists')
    repo.write({
      'lists/ids.txt': '# retired products\nA-1\nA-3\n',
      'lists/ids.csv': 'product_id,name\nB-1,one\nB-3,three\n',
      'lists/ids.json': JSON.stringify([{ product_id: 'C-1' }, { product_id: 'C-2' }]),
      'lists/ids.jsonl': '"D-1"\n"D-3"\n',
      'lists/from.txt': 'F-2\n',
      'lists/to.txt': 'G-1\nF-1\n',
      'lists/renamed.txt': 'H-1\nH-2\nH-3\nH-4\nH-5\nH-6\nH-7\n'
    })
    repo.remove('lists/old.txt', 'other/ids.txt').move('lists/renamed.txt', 'lists/moved.txt')
    head = repo.commit('edit lists')
  })

  it('deletes IDs at base that no list file at head has, one group per file', async () => {
    const result = await resolveDiffIds(
      settings(repo.dir, { idListFiles: ['lists/**'], base, head }),
      dispatch,
      isolatedGitEnv(),
      recordingLog()
    )
    const range = `${base.slice(0, 12)}..${head.slice(0, 12)}`
    expect(new Set(groups(result))).toEqual(
      new Set([
        ['lists/ids.csv', ['B-2'], `edited in ${range}: 1 of 3 IDs removed`],
        ['lists/ids.json', ['3'], `edited in ${range}: 1 of 3 IDs removed`],
        ['lists/ids.jsonl', ['D-2'], `edited in ${range}: 1 of 3 IDs removed`],
        ['lists/ids.txt', ['A-2'], `edited in ${range}: 1 of 3 IDs removed`],
        ['lists/old.txt', ['E-1', 'E-2'], `deleted in ${range}: all 2 IDs removed`],
        ['lists/renamed.txt', ['H-8'], `renamed to lists/moved.txt in ${range}: 1 of 8 IDs removed`]
      ])
    )
    expect(result.groups.every(g => g.kind === 'id-list')).toBe(true)
    expect(result.kept).toEqual([{ id: 'F-1', path: 'lists/to.txt' }])
  })

  it('names the file and commit of a list that cannot be parsed', async () => {
    const work = TestRepo.create(fresh())
    work.write({ 'l/ids.json': '[{"product_id": null}]' })
    const from = work.commit()
    work.remove('l/ids.json')
    const to = work.commit()
    await expect(
      resolveDiffIds(
        settings(work.dir, { idListFiles: ['l/*'], base: from, head: to }),
        dispatch,
        isolatedGitEnv(),
        recordingLog()
      )
    ).rejects.toThrow(new RegExp(`l/ids\\.json.*\\(at ${from.slice(0, 12)}\\)`))
  })
})

describe('pull requests: the PR own change, whatever the merge style', () => {
  let repo: TestRepo
  let forkBase: string
  let featureTip: string
  let mainBeforeMerge: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'catalog/a.json': '{}',
      'catalog/b.json': '{}',
      'catalog/c.json': '{}',
      'catalog/d.json': '{}'
    })
    forkBase = repo.commit('catalog')
    repo.git('checkout', '--quiet', '-b', 'feature')
    repo.remove('catalog/a.json').commit('drop a')
    featureTip = repo.remove('catalog/b.json').commit('drop b')
    repo.git('checkout', '--quiet', 'main')
    // Main moves on after the fork: its own deletion is not the PR's change.
    mainBeforeMerge = repo.remove('catalog/c.json').commit('drop c on main')
  })

  const mergeStyles: Record<string, (r: TestRepo) => void> = {
    merge: r => r.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request #42', 'feature'),
    squash: r => {
      r.git('merge', '--quiet', '--squash', 'feature')
      r.git('commit', '--quiet', '-m', 'Retire a and b (#42)')
    },
    rebase: r => {
      r.git('cherry-pick', '--allow-empty', `${forkBase}..feature`)
    }
  }

  it.each(Object.keys(mergeStyles))(
    'closed and merged (%s): merge-base(base, head)..head',
    async style => {
      const work = TestRepo.create(fresh())
      work.git('fetch', '--quiet', repo.dir, 'main:upstream', 'feature:feature')
      work.git('reset', '--quiet', '--hard', 'upstream')
      mergeStyles[style](work)
      const remote = work.bareRemote({ 'refs/pull/42/head': featureTip })
      const clone = TestRepo.shallowCheckout(remote, work.head(), fresh())
      const result = await resolveDiffIds(
        settings(clone.dir, { deletedPaths: ['catalog/*.json'] }),
        pullEvent('pull_request-closed-merged', mainBeforeMerge, featureTip, 'pull_request', {
          merge_commit_sha: work.head()
        }),
        isolatedGitEnv(),
        recordingLog()
      )
      expect(result).toMatchObject({
        base: forkBase,
        head: featureTip,
        result: work.head(),
        via: 'git'
      })
      expect(groups(result)).toEqual([
        ['catalog/a.json', ['a'], 'deleted'],
        ['catalog/b.json', ['b'], 'deleted']
      ])
    }
  )

  it('opened, and through the REST API: the same change, previewed', async () => {
    const remote = repo.bareRemote({ 'refs/pull/42/head': featureTip })
    const clone = TestRepo.shallowCheckout(remote, mainBeforeMerge, fresh())
    const event = pullEvent(
      'pull_request-opened',
      mainBeforeMerge,
      featureTip,
      'pull_request_target'
    )
    const s = settings(clone.dir, { deletedPaths: ['catalog/*.json'] })
    const viaGit = await resolveDiffIds(s, event, isolatedGitEnv(), recordingLog())
    expect(viaGit.base).toBe(forkBase)
    expect(groups(viaGit).map(g => g[0])).toEqual(['catalog/a.json', 'catalog/b.json'])

    const server = await startFakeGitHub({
      repoDir: repo.dir,
      pulls: { 42: { base: mainBeforeMerge, head: featureTip } }
    })
    try {
      const empty = fresh()
      mkdirSync(empty)
      const env = isolatedGitEnv({
        GITHUB_API_URL: server.url,
        GITHUB_REPOSITORY: 'acme/shop-catalog'
      })
      const viaRest = await resolveDiffIds(
        { ...s, workspace: empty, githubToken: 'test-token' },
        event,
        env,
        recordingLog()
      )
      expect(viaRest).toMatchObject({
        base: forkBase,
        head: featureTip,
        via: 'rest',
        groups: viaGit.groups
      })
    } finally {
      await server.close()
    }
  })

  it('merge_group: base_sha..head_sha', async () => {
    const payload = {
      ...eventFixture('merge_group'),
      merge_group: { base_sha: forkBase, head_sha: mainBeforeMerge }
    }
    const result = await resolveDiffIds(
      settings(repo.dir, { deletedPaths: ['catalog/*.json'] }),
      { name: 'merge_group', payload },
      isolatedGitEnv(),
      recordingLog()
    )
    expect(groups(result)).toEqual([['catalog/c.json', ['c'], 'deleted']])
  })
})

describe('pushes that name no usable before', () => {
  let repo: TestRepo
  let root: string
  let first: string
  let second: string
  let remote: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    root = repo.write({ 'p/a.json': '{}', 'p/b.json': '{}', 'p/c.json': '{}' }).commit('root')
    first = repo.remove('p/a.json').commit('drop a')
    second = repo.remove('p/b.json').commit('drop b')
    remote = repo.bareRemote()
  })

  it('a new branch (before all zeros) compares after^..after, fetching the parent', async () => {
    const clone = TestRepo.shallowCheckout(remote, second, fresh())
    const result = await resolveDiffIds(
      settings(clone.dir, { deletedPaths: ['p/*'] }),
      { name: 'push', payload: { ...eventFixture('push-new-branch'), after: second } },
      isolatedGitEnv(),
      recordingLog()
    )
    expect(result).toMatchObject({ base: first, head: second })
    expect(groups(result)).toEqual([['p/b.json', ['b'], 'deleted']])
    expect(result.notices.join(' ')).toMatch(/created refs\/heads\/spring-sale/)
  })

  it('a new branch whose commit is a root commit deletes nothing, and says why', async () => {
    const clone = TestRepo.shallowCheckout(remote, root, fresh())
    const result = await resolveDiffIds(
      settings(clone.dir, { deletedPaths: ['p/*'] }),
      { name: 'push', payload: { ...eventFixture('push-new-branch'), after: root } },
      isolatedGitEnv(),
      recordingLog()
    )
    expect(result).toMatchObject({ groups: [], base: root, head: root })
    expect(result.notices.join(' ')).toMatch(/is a root commit/)
  })

  it('a forced push whose before is gone compares after^..after with a notice', async () => {
    const clone = TestRepo.shallowCheckout(remote, second, fresh())
    const gone = 'dead'.repeat(10)
    const result = await resolveDiffIds(
      settings(clone.dir, { deletedPaths: ['p/*'] }),
      pushEvent(gone, second, 'push-forced'),
      isolatedGitEnv(),
      recordingLog()
    )
    expect(result).toMatchObject({ base: first, head: second })
    expect(result.notices.join(' ')).toMatch(
      /`before` commit deaddeaddead is not in the history \(a forced push\)/
    )
    expect(groups(result)).toEqual([['p/b.json', ['b'], 'deleted']])
  })

  it('a push that deleted the branch reads nothing at all', async () => {
    const empty = fresh()
    mkdirSync(empty)
    const result = await resolveDiffIds(
      settings(empty, { deletedPaths: ['p/*'] }),
      { name: 'push', payload: { ...eventFixture('push-branch-deleted'), before: second } },
      isolatedGitEnv(),
      recordingLog()
    )
    expect(result).toMatchObject({ groups: [], base: second, head: second, kept: [] })
  })

  it('refs from inputs are fetched by name into a shallow checkout', async () => {
    repo.git('tag', 'v0', root)
    const tagged = repo.bareRemote()
    const clone = TestRepo.shallowCheckout(tagged, second, fresh())
    const result = await resolveDiffIds(
      settings(clone.dir, { deletedPaths: ['p/*'], base: 'v0' }),
      dispatch,
      isolatedGitEnv(),
      recordingLog()
    )
    expect(result).toMatchObject({ base: root, head: second })
    expect(groups(result).map(g => g[0])).toEqual(['p/a.json', 'p/b.json'])
  })

  it('a workflow_dispatch without `base` is an error naming the input', async () => {
    await expect(
      resolveDiffIds(
        settings(repo.dir, { deletedPaths: ['p/*'] }),
        dispatch,
        isolatedGitEnv(),
        recordingLog()
      )
    ).rejects.toThrow('A diff source needs the `base` input on workflow_dispatch events')
  })
})
