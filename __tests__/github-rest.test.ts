import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import type { ChangeRange } from '../src/diff/event.js'
import {
  ForeignOriginError,
  type GitHubRest,
  openGitHubRest,
  onApiOrigin,
  openRestComparison,
  restTarget
} from '../src/diff/github-rest.js'
import { recordingLog } from '../test/support/log.js'
import { listenOnLoopback } from '../test/support/loopback.js'
import { startFakeGitHub } from '../test-server/fake-github.js'
import type { FakeGitHub, FakeGitHubOptions } from '../test-server/fake-github.js'
import { runGit, TestRepo } from '../test-server/git-repo.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'github-rest-test-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
let counter = 0
const fresh = (): string => path.join(temp, `case-${++counter}`)

const servers: FakeGitHub[] = []
afterAll(async () => {
  await Promise.all(servers.map(s => s.close()))
})

const LIMITS = { timeoutMs: 10_000, retries: 0, log: recordingLog() }

async function serve(options: FakeGitHubOptions): Promise<{ api: GitHubRest; server: FakeGitHub }> {
  const server = await startFakeGitHub(options)
  servers.push(server)
  const target = restTarget({ GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/shop-catalog' })
  return { api: await openGitHubRest('test-token', target, LIMITS), server }
}

function range(over: Partial<ChangeRange>): ChangeRange {
  const head = over.head ?? 'HEAD'
  return { base: '', head, result: head, reason: 'test', notices: [], ...over }
}

const ODD = ['with space.txt', 'ünï/cødé.txt', 'new\nline.txt', '-dash.txt', 'a#b?c%d&e.txt']

describe('restTarget', () => {
  it('defaults to api.github.com and takes GitHub Enterprise Server URLs', () => {
    expect(restTarget({ GITHUB_REPOSITORY: 'acme/shop' })).toMatchObject({
      apiUrl: 'https://api.github.com',
      owner: 'acme',
      repo: 'shop'
    })
    expect(
      restTarget({ GITHUB_REPOSITORY: 'a/b.c', GITHUB_API_URL: 'https://ghes.example/api/v3/' })
        .apiUrl
    ).toBe('https://ghes.example/api/v3')
  })

  it.each([undefined, '', 'acme', 'acme/shop/x', '../x', 'acme/..'])(
    'refuses GITHUB_REPOSITORY %j',
    repository => {
      expect(() => restTarget({ GITHUB_REPOSITORY: repository })).toThrow(/is not owner\/name/)
    }
  )
})

describe('onApiOrigin: the token stays on the API origin', () => {
  const api = 'https://ghes.example/api/v3'
  it('gives a URL on the API origin, resolved against the answer', () => {
    expect(onApiOrigin(`${api}/x?page=2`, api, api, 'x')).toBe(`${api}/x?page=2`)
    expect(onApiOrigin('/api/v3/y', `${api}/x`, api, 'x')).toBe(`${api}/y`)
  })

  it.each([
    'https://evil.example/api/v3/x?page=2',
    'http://ghes.example/api/v3/x?page=2',
    'https://ghes.example:8443/api/v3/x?page=2',
    '//evil.example/x',
    'https://user@ghes.example.evil.example/x'
  ])('throws on %s', next => {
    const follow = () => onApiOrigin(next, api, api, 'has its next page on')
    expect(follow).toThrow(ForeignOriginError)
    expect(follow).toThrow(
      /has its next page on .*, not the API's origin https:\/\/ghes\.example \(GITHUB_API_URL\): not followed/
    )
  })
})

describe('redirects', () => {
  it('follows one on the API origin, with the token; refuses one elsewhere, sending nothing there', async () => {
    const elsewhere: string[] = []
    const other = await listenOnLoopback(
      http.createServer((req, res) => {
        elsewhere.push(`${req.url} ${req.headers.authorization ?? ''}`)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"sha":"b","parents":[]}')
      })
    )
    const seen: string[] = []
    const commits = '/repos/acme/shop-catalog/commits/'
    const api = await listenOnLoopback(
      http.createServer((req, res) => {
        seen.push(`${req.url} ${req.headers.authorization ?? ''}`)
        const location: Record<string, string> = {
          [`${commits}moved`]: `${commits}new`,
          [`${commits}away`]: `${other.url}${commits}new`
        }
        const to = location[req.url ?? '']
        if (to) return void res.writeHead(301, { location: to }).end()
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"sha":"a","parents":[]}')
      })
    )
    try {
      const target = restTarget({ GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/shop-catalog' })
      const rest = await openGitHubRest('test-token', target, LIMITS)
      expect(await rest.commit('moved')).toEqual({ sha: 'a', parents: [] })
      expect(seen).toEqual([`${commits}moved token test-token`, `${commits}new token test-token`])
      await expect(rest.commit('away')).rejects.toThrow(
        /GitHub's answer redirects to http:\/\/127\.0\.0\.1:\d+, not the API's origin .* \(GITHUB_API_URL\): not followed/
      )
      expect(elsewhere).toEqual([])
    } finally {
      await other.close()
      await api.close()
    }
  })
})

describe('GitHubRest against a GitHub-like server', () => {
  let repo: TestRepo
  let base: string
  let commits: string[]

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    const files: Record<string, string> = {}
    for (const odd of ODD) files[odd] = `content of ${odd}`
    base = repo.write({ ...files, 'keep.txt': 'keep', 'dir/sub/deep.txt': 'deep' }).commit('base')
    commits = []
    for (let i = 0; i < 5; i++)
      commits.push(repo.write({ [`n${i}.txt`]: String(i) }).commit(`c${i}`))
    commits.push(repo.remove(ODD[0]).move('keep.txt', 'kept.txt').commit('last'))
  })

  it('resolves SHAs and refs to commits with their parents; unknown ones are undefined', async () => {
    const { api } = await serve({ repoDir: repo.dir })
    expect(await api.commit(commits[1])).toEqual({ sha: commits[1], parents: [commits[0]] })
    expect(await api.commit('main')).toEqual({ sha: commits[5], parents: [commits[4]] })
    expect(await api.commit(base)).toEqual({ sha: base, parents: [] })
    expect(await api.commit('f'.repeat(40))).toBeUndefined()
  })

  it('retries 5xx answers within `retries`, like the comment (one Octokit, one policy)', async () => {
    const faults = [{ route: /^commits\//, status: 502, times: 1 }]
    const { server } = await serve({ repoDir: repo.dir, faults })
    const target = restTarget({
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/shop-catalog'
    })
    const log = recordingLog()
    const patient = await openGitHubRest('test-token', target, { ...LIMITS, retries: 2, log })
    expect(await patient.commit('main')).toEqual({ sha: commits[5], parents: [commits[4]] })
    expect(log.of('info').join('\n')).toMatch(/HTTP 502; retrying in 1 s/)
    faults[0].times = 1
    const hasty = await openGitHubRest('test-token', target, LIMITS)
    await expect(hasty.commit('main')).rejects.toThrow(/502/)
  })

  it('sends the token, and reports a refusal with its status and message', async () => {
    const { server } = await serve({ repoDir: repo.dir, token: 'other-token' })
    const target = restTarget({
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/shop-catalog'
    })
    const api = await openGitHubRest('test-token', target, LIMITS)
    await expect(api.commit('main')).rejects.toThrow(
      /GitHub API GET .*\/commits\/main: .*401.*Bad credentials/
    )
  })

  it('compares, following Link pages only while they add files', async () => {
    const { api, server } = await serve({ repoDir: repo.dir, maxPerPage: 2 })
    const result = await api.compare(base, commits[5])
    expect(result.mergeBase).toBe(base)
    expect(result.capped).toBe(false)
    expect(result.files.sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(
      [
        ...[0, 1, 2, 3, 4].map(i => ({ status: 'added', path: `n${i}.txt` })),
        { status: 'deleted', path: ODD[0] },
        { status: 'renamed', oldPath: 'keep.txt', path: 'kept.txt' }
      ].sort((a, b) => (a.path < b.path ? -1 : 1))
    )
    // Six commits, two per page: page 2 holds no files, so page 3 is never asked for.
    const pages = server.requests.filter(r => r.includes('/compare/'))
    expect(pages).toHaveLength(2)
    expect(pages[1]).toMatch(/[?&]page=2/)
  })

  it('lists pull request files across pages', async () => {
    const { api, server } = await serve({
      repoDir: repo.dir,
      maxPerPage: 3,
      pulls: { 7: { base, head: commits[5] } }
    })
    const result = await api.pullFiles(7)
    expect(result).toMatchObject({ capped: false })
    expect(result.files).toHaveLength(7)
    expect(server.requests.filter(r => r.includes('/pulls/7/files'))).toHaveLength(3)
  })

  it('refuses a next page on another origin, asking nothing there', async () => {
    const elsewhere = await startFakeGitHub({ repoDir: repo.dir })
    servers.push(elsewhere)
    const { api } = await serve({
      repoDir: repo.dir,
      maxPerPage: 3,
      nextOrigin: elsewhere.url,
      pulls: { 7: { base, head: commits[5] } }
    })
    await expect(api.pullFiles(7)).rejects.toThrow(
      /GitHub API GET .*\/pulls\/7\/files.*: GitHub's answer has its next page on http:\/\/127\.0\.0\.1:\d+, not the API's origin/
    )
    expect(elsewhere.requests).toEqual([])
  })

  it('lists every file, link and submodule of a tree with its mode, and reads blobs', async () => {
    const { api } = await serve({ repoDir: repo.dir })
    const tree = await api.tree(base)
    expect(tree.truncated).toBe(false)
    expect([...tree.entries.keys()].sort()).toEqual([...ODD, 'keep.txt', 'dir/sub/deep.txt'].sort())
    for (const odd of ODD) {
      const entry = tree.entries.get(odd)
      expect(entry?.mode).toBe('100644')
      expect((await api.blob(entry?.object as string)).toString('utf8')).toBe(`content of ${odd}`)
    }
    await expect(api.blob('e'.repeat(40))).rejects.toThrow(
      /GitHub API GET .*git\/blobs\/e{40}: 404/
    )
    const { api: cut } = await serve({ repoDir: repo.dir, treeLimit: 3 })
    expect((await cut.tree(base)).truncated).toBe(true)
  })
})

describe('openRestComparison', () => {
  let repo: TestRepo
  let root: string
  let first: string
  let second: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    root = repo.write({ 'p/a.txt': 'a', 'p/b.txt': 'b', 'p/c.txt': 'c' }).commit('root')
    first = repo.remove('p/a.txt').commit('drop a')
    second = repo.remove('p/b.txt').commit('drop b')
  })

  it('HEAD is GITHUB_SHA; `<sha>^` is its parent', async () => {
    const { api } = await serve({ repoDir: repo.dir })
    const cmp = await openRestComparison(api, range({ base: `${second}^` }), { GITHUB_SHA: second })
    expect(cmp).toMatchObject({ via: 'rest', base: first, head: second, warnings: [] })
    expect(cmp.changes).toEqual([{ status: 'deleted', path: 'p/b.txt' }])
    expect(await cmp.read(cmp.base, ['p/b.txt', 'p/c.txt'])).toEqual(
      new Map([
        ['p/b.txt', 'b'],
        ['p/c.txt', 'c']
      ])
    )
    expect((await cmp.paths(cmp.result)).sort()).toEqual(['p/c.txt'])
  })

  it('lists the tree at head once, however often it is asked', async () => {
    const { api, server } = await serve({ repoDir: repo.dir })
    const cmp = await openRestComparison(api, range({ base: first, head: second }), {})
    const [a, b] = await Promise.all([cmp.paths(second), cmp.paths(second)])
    expect(b).toEqual(a)
    expect(await cmp.paths(second)).toEqual(a)
    expect(server.requests.filter(r => r.includes('/git/trees/'))).toHaveLength(1)
  })

  it('a root commit has nothing before it', async () => {
    const { api } = await serve({ repoDir: repo.dir })
    const cmp = await openRestComparison(api, range({ base: `${root}^`, head: root }), {})
    expect(cmp).toMatchObject({ base: root, head: root, changes: [] })
    expect(cmp.notices.join(' ')).toMatch(/is a root commit/)
  })

  it('falls back when the base is unknown to GitHub', async () => {
    const { api } = await serve({ repoDir: repo.dir })
    const fallback = { base: `${second}^`, notice: 'before is gone.' }
    const cmp = await openRestComparison(
      api,
      range({ base: 'e'.repeat(40), head: second, baseFallback: fallback }),
      {}
    )
    expect(cmp).toMatchObject({ base: first, head: second, notices: ['before is gone.'] })
    await expect(
      openRestComparison(api, range({ base: 'e'.repeat(40), head: second }), {})
    ).rejects.toThrow(/GitHub knows no commit "e{40}" \(the base to compare\)/)
  })

  it('says when GitHub compares from a merge base rather than the base given', async () => {
    const work = TestRepo.create(fresh())
    work.git('fetch', '--quiet', repo.dir, 'main:upstream')
    work.git('reset', '--quiet', '--hard', first)
    const side = work.remove('p/c.txt').commit('side')
    const { api } = await serve({ repoDir: work.dir })
    const cmp = await openRestComparison(api, range({ base: second, head: side }), {})
    expect(cmp.base).toBe(first)
    expect(cmp.notices.join(' ')).toMatch(`from the merge base ${first.slice(0, 12)}`)
    expect(cmp.changes).toEqual([{ status: 'deleted', path: 'p/c.txt' }])
  })

  it('refuses to check IDs against a truncated head listing', async () => {
    const { api } = await serve({ repoDir: repo.dir, treeLimit: 0 })
    const cmp = await openRestComparison(api, range({ base: root, head: second }), {})
    await expect(cmp.paths(cmp.head)).rejects.toThrow(
      /cut short the file list .* Add actions\/checkout/
    )
  })

  describe("GitHub's file caps", () => {
    let big: TestRepo
    let full: string
    let emptied: string

    beforeAll(() => {
      // Built in the index only: writing 3001 files to disk would be slow for nothing.
      big = TestRepo.create(fresh())
      const blob = runGit(big.dir, ['hash-object', '-w', '--stdin'], 'same\n').trim()
      const entries = Array.from({ length: 3001 }, (_, i) => `100644 ${blob}\tmany/${i}.txt\n`)
      runGit(big.dir, ['update-index', '--add', '--index-info'], entries.join(''))
      big.git('commit', '--quiet', '-m', 'many files')
      full = big.head()
      big.git('rm', '--quiet', '-r', '--cached', 'many')
      big.git('commit', '--quiet', '-m', 'none left')
      emptied = big.head()
    })

    it('a capped comparison is a warning; for a pull request its file list is used instead', async () => {
      const { api, server } = await serve({
        repoDir: big.dir,
        pulls: { 9: { base: full, head: emptied } }
      })
      const push = await openRestComparison(api, range({ base: full, head: emptied }), {})
      expect(push.changes).toHaveLength(300)
      expect(push.warnings).toEqual([
        expect.stringMatching(/at most 300 changed files for .*some deletions may be missing/)
      ])

      const pull = await openRestComparison(
        api,
        range({
          base: full,
          head: emptied,
          mergeBaseOf: { base: full, head: emptied },
          pullNumber: 9
        }),
        {}
      )
      expect(pull.changes).toHaveLength(3000)
      expect(pull.warnings).toEqual([
        expect.stringMatching(/at most 3000 changed files for pull request #9/)
      ])
      expect(server.requests.filter(r => r.includes('/pulls/9/files'))).toHaveLength(30)
    })
  })
})
