// ID files read as a person would read them, and files the action cannot read failing closed,
// end to end: the bundled dist/index.js on real git repositories in temp folders, against the
// local Miso-compatible server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret } from '../test/support/e2e.js'
import { eventFixture } from '../test/support/fixtures.js'
import { type ActionRun, runAction } from '../test/support/run-action.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'

const KEY = 'sk-e2e-id-files-5ecret'
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-id-files-'))
let counter = 0
const fresh = (): string => path.join(temp, `case-${++counter}`)
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

/** Runs dist/index.js in `workspace` (git ignores this machine's config). */
function run(
  workspace: string,
  inputs: Record<string, string>,
  event = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
): Promise<ActionRun> {
  return runAction({
    workspace,
    event,
    inputs: { 'api-key': KEY, 'api-url': miso.url, 'poll-interval': '1', ...inputs },
    env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
  })
}

/** A checkout whose one commit holds `files`. */
function checkoutWith(files: Record<string, string>): string {
  const repo = TestRepo.create(fresh()).write(files)
  repo.commit('lists')
  return repo.dir
}

describe('ID files read as a person would read them', () => {
  it('reads a CSV whose header row has `;` and no `,` as `;`-separated', async () => {
    const workspace = checkoutWith({
      'export.csv': 'product_id;title\r\nP-1;Kettle, red\r\n"P-2";"Mug; large"\r\n'
    })
    const result = await run(workspace, { 'ids-file': 'export.csv' })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['P-1', 'P-2'])
    expectNoSecret(result, KEY)
  })

  it('warns, naming the row, when a one-column CSV does not start with `id-field`', async () => {
    const workspace = checkoutWith({ 'export.csv': 'P-1\nP-2\n' })
    const result = await run(workspace, { 'ids-file': 'export.csv' })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['P-2'])
    expect(result.stdout).toContain(
      '::warning::export.csv: line 1, "P-1", was read as the header of its one column, not as an ID. If it is an ID, add a first line "product_id".'
    )
    expectNoSecret(result, KEY)
  })

  it('takes a text list whose first line is `id-field` as a header line, with a notice', async () => {
    const workspace = checkoutWith({ 'retired.txt': 'product_id\nP-1\nP-2\n' })
    const result = await run(workspace, { 'ids-file': 'retired.txt' })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['P-1', 'P-2'])
    expect(result.stdout).toContain(
      '::notice::retired.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.'
    )
    expectNoSecret(result, KEY)
  })

  it('reads `id-list-files` in a diff by the same rule, at base and at the result, noting each once', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'lists/retired.txt': 'product_id\nP-7\nP-8\n',
      'lists/live.txt': 'product_id\nP-1\nP-2\n'
    })
    const base = repo.commit('lists')
    repo.remove('lists/retired.txt')
    repo.write({ 'lists/live.txt': 'product_id\nP-1\n' })
    const head = repo.commit('retire P-2, P-7 and P-8')
    const result = await run(repo.dir, { 'id-list-files': 'lists/*.txt', base, head })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['P-2', 'P-7', 'P-8'])
    const notices = result.stdout.split('\n').filter(line => line.startsWith('::notice::lists/'))
    expect(notices).toEqual([
      '::notice::lists/live.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.',
      '::notice::lists/retired.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.'
    ])
    expectNoSecret(result, KEY)
  })
})

describe('a one-column list without its header row never deletes what it still names', () => {
  it('keeps, in a diff, the ID that the first row of an edited list names', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'lists/live.csv': 'P-1\nP-2\nP-3\n' })
    const base = repo.commit('a list without its header row')
    // P-1 removed: P-2 is now the first row, read as the header, yet still named.
    repo.write({ 'lists/live.csv': 'P-2\nP-3\n' })
    const head = repo.commit('retire P-1')
    const result = await run(repo.dir, { 'id-list-files': 'lists/*.csv', base, head })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual([])
    expect(result.stdout).toContain('::warning::lists/live.csv: line 1, "P-2"')
  })

  it('keeps, in reconcile, the ID that the first row of an ID list names', async () => {
    const workspace = checkoutWith({ 'lists/live.csv': 'P-1\nP-2\n', 'keep.csv': 'P-3\nP-4\n' })
    miso.setOptions({ catalog: new Set(['P-1', 'P-2', 'P-3', 'P-4', 'old-1']) })
    try {
      const result = await run(workspace, {
        reconcile: 'true',
        'id-list-files': 'lists/*.csv',
        'ids-file': 'keep.csv',
        'max-deletions-percent': '0'
      })
      expect(result.code).toBe(0)
      expect([...miso.deleted]).toEqual(['old-1'])
    } finally {
      miso.setOptions({ catalog: undefined })
    }
  })
})

describe('a text ID file that is no list fails closed', () => {
  it('fails naming the file and the line for a text line far longer than any ID', async () => {
    const workspace = checkoutWith({ 'README.md': 'Lists\n' })
    // Over 256 MiB, so read in chunks; its first line never ends within the first chunk of
    // 64 MiB. The rest is a hole in the file (zeros), never reached: it costs no disk.
    const file = path.join(workspace, 'huge.txt')
    writeFileSync(file, `${'x'.repeat(65 * 1024 * 1024)}\nP-1\n`)
    truncateSync(file, 257 * 1024 * 1024)
    // Read whole: a line over the bound in a small file fails alike.
    writeFileSync(path.join(workspace, 'small.txt'), `P-1\nP-2\n${'y'.repeat(1024 * 1024 + 1)}\n`)
    try {
      for (const [name, line] of [
        ['huge.txt', 1],
        ['small.txt', 3]
      ] as const) {
        const result = await run(workspace, { 'ids-file': name })
        expect(result.code).not.toBe(0)
        expect(result.stdout).toContain(
          `::error title=Refused ID file,file=${name},line=${line}::${name}: line ${line}: longer than 1,048,576 characters, far beyond any ID: this is not a list of one ID per line`
        )
        expect(result.stdout).not.toContain('Invalid string length')
        expect(miso.requests).toHaveLength(0)
        expectNoSecret(result, KEY)
      }
    } finally {
      rmSync(file, { force: true })
    }
  })
})

describe('the header row picks the separator of a .csv or .tsv', () => {
  it('deletes, in a diff, only the ID removed from a list re-exported with another separator', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'ids/list.csv': 'product_id,title\nA,Alpha\nB,Beta\nC,Gamma\n',
      'ids/more.tsv': 'product_id\ttitle\nD\tDelta\nE\tEpsilon\n'
    })
    const base = repo.commit('lists')
    // Saved tab-separated under the .csv name, and the mirror; B and E removed.
    repo.write({
      'ids/list.csv': 'product_id\ttitle\nA\tAlpha\nC\tGamma\n',
      'ids/more.tsv': 'product_id,title\nD,"Delta, the fourth"\n'
    })
    const head = repo.commit('retire B and E')
    const result = await run(repo.dir, { 'id-list-files': 'ids/*', base, head })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['B', 'E'])
    expect(result.stdout).not.toContain('::warning::')
    expectNoSecret(result, KEY)
  })

  it('keeps, in reconcile, the IDs of a tab-separated .csv keep list', async () => {
    const workspace = checkoutWith({
      'lists/live.csv': 'product_id\nP-1\n',
      'keep.csv': 'product_id\ttitle\nK\tKept\n'
    })
    miso.setOptions({ catalog: new Set(['P-1', 'K', 'old-1']) })
    try {
      const result = await run(workspace, {
        reconcile: 'true',
        'id-list-files': 'lists/*.csv',
        'ids-file': 'keep.csv',
        'max-deletions-percent': '0'
      })
      expect(result.code).toBe(0)
      expect([...miso.deleted]).toEqual(['old-1'])
      expectNoSecret(result, KEY)
    } finally {
      miso.setOptions({ catalog: undefined })
    }
  })

  it('fails, before any call, for a header row whose separator is unclear', async () => {
    const workspace = checkoutWith({ 'export.csv': 'product_id;title\tnote\nA;x\ty\n' })
    const result = await run(workspace, { 'ids-file': 'export.csv' })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain(
      'export.csv: line 1: the header row holds both ";" and a tab, and not ",": which one separates the columns is unclear. Save the file with one separator'
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY)
  })
})

describe('an ID file that is not UTF-8 fails closed', () => {
  // `CAFÉ-1` as Windows-1252 / Latin-1 (a spreadsheet's CSV) writes it: É is one byte, 0xC9.
  const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1')

  it('fails a diff, before any call, naming the file, the commit and the way out', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'ids/list.txt': 'CAFÉ-1\nB-2\nC-3\n' })
    const base = repo.commit('list')
    repo.write({ 'ids/list.txt': latin1('CAFÉ-1\nC-3\n') })
    const head = repo.commit('retire B-2, saved as Latin-1')
    const result = await run(repo.dir, { 'id-list-files': 'ids/*.txt', base, head })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain(
      `ids/list.txt at ${head.slice(0, 12)} is not valid UTF-8 text (saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8`
    )
    expect(miso.requests).toHaveLength(0)
    expect([...miso.deleted]).toEqual([])
    expectNoSecret(result, KEY)
  })

  it('fails reconcile, deleting nothing, for an `ids-file` keep list in Latin-1', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'lists/live.txt': 'P-1\n', 'keep.txt': latin1('CAFÉ-1\n') })
    repo.commit('lists')
    miso.setOptions({ catalog: new Set(['P-1', 'CAFÉ-1', 'old-1']) })
    try {
      const result = await run(repo.dir, {
        reconcile: 'true',
        'id-list-files': 'lists/*.txt',
        'ids-file': 'keep.txt',
        'max-deletions-percent': '0'
      })
      expect(result.code).not.toBe(0)
      expect(result.stdout).toContain(
        'ids-file: keep.txt is not valid UTF-8 text (saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8'
      )
      expect(miso.requests).toHaveLength(0)
      expect([...miso.deleted]).toEqual([])
      expectNoSecret(result, KEY)
    } finally {
      miso.setOptions({ catalog: undefined })
    }
  })
})

describe('a JSON key twice in one object fails closed', () => {
  it('fails a diff, before any call, for JSON front matter that names its product twice', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/a.md': '{"product_id": "A"}\nText\n',
      'content/b.md': '---\nproduct_id: B\n---\n'
    })
    const base = repo.commit('pages')
    repo.write({ 'content/a.md': '{"product_id": "A", "title": "x", "product_id": "A2"}\nText\n' })
    const head = repo.commit('edit a')
    const result = await run(repo.dir, {
      'deleted-paths': 'content/**/*.md',
      'id-from': 'frontmatter:product_id',
      base,
      head
    })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain(
      `content/a.md at ${head.slice(0, 12)}: JSON front matter is not valid JSON (the key "product_id" appears twice in one object)`
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY)
  })
})
