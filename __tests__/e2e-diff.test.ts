// The diff source end to end: the bundled dist/index.js runs as the runner does, on a
// `git clone --depth=1` workspace (actions/checkout's default) of a bare local remote,
// with real event payloads, and deletes on the local Miso-compatible server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret, unescapeSummary } from '../test/support/e2e.js'
import { closedPortUrl, listenOnLoopback } from '../test/support/loopback.js'
import { type ActionRun, runAction, type RunActionOptions } from '../test/support/run-action.js'
import { type FakeGitHubOptions, startFakeGitHub } from '../test-server/fake-github.js'
import { startProxy } from '../test-server/proxy.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { lfsPointer, runGit, TestRepo } from '../test-server/git-repo.js'
import { eventFixture, pushEvent } from '../test/support/fixtures.js'

const KEY = 'sk-e2e-diff-5ecret-key'
const TOKEN = 'ghs-e2e-diff-token'
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-diff-'))
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

function pullEvent(
  name: string,
  base: string,
  head: string,
  extra: Record<string, unknown> = {}
): { name: string; payload: unknown } {
  const payload = eventFixture(name)
  const pull = payload.pull_request as Record<string, Record<string, unknown>>
  const pull_request = {
    ...pull,
    base: { ...pull.base, sha: base },
    head: { ...pull.head, sha: head },
    ...extra
  }
  return { name: 'pull_request', payload: { ...payload, pull_request } }
}

/** Runs dist/index.js with the diff source's inputs; git ignores this machine's config. */
function run(
  workspace: string,
  event: { name: string; payload: unknown },
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  extra: Pick<RunActionOptions, 'kill' | 'timeoutMs'> = {}
): Promise<ActionRun> {
  return runAction({
    ...extra,
    workspace,
    event,
    inputs: { 'api-key': KEY, 'api-url': miso.url, 'poll-interval': '1', ...inputs },
    env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env }
  })
}

/**
 * Runs the action with no git checkout, so that it reads the change of `repoDir` through the
 * local GitHub stand-in; gives the run and the API paths it asked for.
 */
async function runThroughApi(
  repoDir: string,
  event: { name: string; payload: unknown },
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: Partial<FakeGitHubOptions> = {}
): Promise<{ result: ActionRun; requests: string[] }> {
  const github = await startFakeGitHub({ repoDir, token: TOKEN, ...options })
  try {
    const workspace = fresh()
    mkdirSync(workspace)
    const result = await run(
      workspace,
      event,
      { ...inputs, 'github-token': TOKEN },
      { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop-catalog', ...env }
    )
    return { result, requests: github.requests }
  } finally {
    await github.close()
  }
}

const product = (id: string, title = `Product ${id}`) =>
  JSON.stringify({ product_id: id, title }, null, 2)

/** The notice annotations of a run's log. */
const notices = (result: ActionRun) =>
  result.stdout.split('\n').filter(line => line.startsWith('::notice::'))

const frontMatter = (id: string) => `---\nproduct_id: ${id}\ntitle: Page ${id}\n---\n\nText.\n`

describe('usage 1: a push to main that deletes catalog files', () => {
  const inputs = { 'deleted-paths': 'catalog/products/**/*.json', 'id-from': 'json:product_id' }
  let repo: TestRepo
  let remote: string
  let before: string
  let after: string
  let branchTip: string
  let lastParent: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'catalog/products/x.json': product('SKU-X'),
      'catalog/products/kitchen/y.json': product('SKU-Y'),
      'catalog/products/z.json': product('SKU-Z'),
      'catalog/products/w.json': product('SKU-W'),
      'catalog/products/v.json': product('SKU-V'),
      'docs/notes.json': product('NOT-A-PRODUCT')
    })
    repo.commit('catalog')
    repo.write({ 'README.md': 'Catalog\n' })
    before = repo.commit('readme')
    // The push holds two commits: `before` is two commits behind the shallow checkout.
    repo.remove('catalog/products/x.json', 'docs/notes.json')
    lastParent = repo.commit('retire x')
    repo.remove('catalog/products/kitchen/y.json')
    repo.move('catalog/products/z.json', 'catalog/products/archive/z-renamed.json')
    repo.write({ 'catalog/products/w.json': product('SKU-W', 'New title') })
    after = repo.commit('retire y, move z, edit w')
    // A branch created from `before`, whose last commit retires v.
    repo.git('checkout', '--quiet', '-b', 'spring-sale', before)
    repo.remove('catalog/products/v.json')
    branchTip = repo.commit('retire v')
    repo.git('checkout', '--quiet', 'main')
    remote = repo.bareRemote()
  })

  it('deletes exactly the removed products, and reports files, range and kept IDs', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    expect(workspace.git('rev-parse', '--is-shallow-repository').trim()).toBe('true')
    const result = await run(workspace.dir, pushEvent(before, after), inputs, {
      GITHUB_SHA: after
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
    expect(miso.stats().deleteRequests).toBe(1)
    expect(result.outputs.status).toBe('succeeded')
    expect(result.outputs.count).toBe('2')
    // In path order at base: kitchen/y.json comes before x.json.
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-Y', 'SKU-X'])
    expect(result.outputs['failed-count']).toBe('0')
    // Which file gave which ID, for later steps.
    expect(JSON.parse(result.outputs.sources)).toEqual([
      {
        kind: 'deleted-path',
        name: 'catalog/products/kitchen/y.json',
        detail: 'deleted',
        count: 1,
        ids: ['SKU-Y']
      },
      {
        kind: 'deleted-path',
        name: 'catalog/products/x.json',
        detail: 'deleted',
        count: 1,
        ids: ['SKU-X']
      }
    ])
    expect(JSON.parse(result.outputs['task-ids'])).toHaveLength(1)

    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('## ✅ Miso bulk delete: succeeded')
    expect(summary).toContain(`Change: ${before}..${after} (read with git)`)
    expect(summary).toMatch(
      /\| Content file catalog\/products\/kitchen\/y\.json \| 1 \| 1 \| deleted \|/
    )
    expect(summary).toMatch(/\| Content file catalog\/products\/x\.json \| 1 \| 1 \| deleted \|/)
    expect(summary).toContain('### Not deleted: still in the repository')
    expect(summary).toContain('| SKU-Z | catalog/products/archive/z-renamed.json |')
    expect(summary).not.toContain('SKU-W')
    expect(summary).not.toContain('NOT-A-PRODUCT')
    expect(result.stdout).toMatch(
      /Kept 1 ID that files at \w+ still name: SKU-Z \(catalog\/products\/archive\/z-renamed\.json\)/
    )
    // `before` was fetched by SHA; the checkout stays shallow.
    expect(workspace.git('cat-file', '-t', before).trim()).toBe('commit')
    expect(workspace.git('rev-parse', '--is-shallow-repository').trim()).toBe('true')
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a push that creates a branch compares its last commit with its parent, with a notice', async () => {
    const workspace = TestRepo.shallowClone(remote, 'spring-sale', fresh())
    const zeros = '0'.repeat(40)
    const result = await run(workspace.dir, pushEvent(zeros, branchTip, 'push-new-branch'), {
      ...inputs,
      branches: 'main\nspring-*'
    })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['SKU-V'])
    expect(result.stdout).toMatch(
      /::notice::The push created refs\/heads\/spring-sale \(no `before` commit\), so only its last commit/
    )
    expect(unescapeSummary(result.summary)).toContain(
      `Change: ${before}..${branchTip} (read with git)`
    )
    expect(unescapeSummary(result.summary)).toMatch(
      /### Notes[\s\S]*The push created refs\/heads\/spring-sale/
    )
    expectNoSecret(result, KEY, TOKEN)
  })

  /** A push of `ref` from `from` to `to`, on a repository whose default branch is main. */
  const pushOf = (ref: string, from: string, to: string) => {
    const event = pushEvent(from, to, 'push-new-branch')
    return { ...event, payload: { ...event.payload, ref } }
  }

  it('a tag pushed on an old commit deletes nothing: a forced dry run naming the tag', async () => {
    // The tag's commit removed x.json; whatever `branches` says, a tag push only previews.
    const workspace = TestRepo.shallowCheckout(remote, lastParent, fresh())
    for (const branches of ['', '**']) {
      const result = await run(workspace.dir, pushOf('refs/tags/v1', '0'.repeat(40), lastParent), {
        ...inputs,
        branches
      })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('dry-run')
      expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-X'])
      expect(result.stdout).toContain(
        '::notice::Dry run forced: the push is of the tag `v1`, and a tag push never deletes (only pushes to the branches of input `branches` do).'
      )
      expect(unescapeSummary(result.summary)).toContain(
        '**Dry run:** the push is of the tag `v1`, and a tag push never deletes'
      )
    }
    expect(miso.requests).toHaveLength(0)
  })

  it('a push to a branch other than the default one is a forced dry run naming it and the input', async () => {
    const workspace = TestRepo.shallowClone(remote, 'spring-sale', fresh())
    const result = await run(
      workspace.dir,
      pushOf('refs/heads/feature/x', before, branchTip),
      inputs
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-V'])
    expect(result.stdout).toContain(
      '::notice::Dry run forced: the push is to `feature/x`, which is not one of the branches that delete (input `branches`: the default branch `main`).'
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a forced push whose `before` is gone compares only the last commit, with a notice', async () => {
    const gone = 'f'.repeat(40)
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, pushEvent(gone, after, 'push-forced'), inputs)
    expect(result.code).toBe(0)
    // Only the last commit's removal: x.json went in the commit before it.
    expect([...miso.deleted]).toEqual(['SKU-Y'])
    // One notice, and it says what was compared: no token to ask GitHub for `before`.
    expect(notices(result)).toEqual([
      expect.stringMatching(
        /^::notice::The push's `before` commit f{12} is not in the history \(a forced push\), so only .*no `github-token` to ask GitHub for it\)\.$/
      )
    ])
    expect(unescapeSummary(result.summary)).toContain(
      `Change: ${lastParent}..${after} (read with git)`
    )
    expectNoSecret(result, KEY, TOKEN)
  })

  it('workflow_dispatch compares the base and head inputs, SHAs or refs', async () => {
    const bySha = await run(
      TestRepo.shallowClone(remote, 'main', fresh()).dir,
      { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') },
      { ...inputs, base: before, head: after }
    )
    expect(bySha.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
    expect(unescapeSummary(bySha.summary)).toContain(`Change: ${before}..${after}`)
    expectNoSecret(bySha, KEY, TOKEN)

    // `HEAD~2` is not in the depth-1 checkout: the history is deepened to find it.
    miso.clearDeleted()
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const byRef = await run(
      workspace.dir,
      { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') },
      { ...inputs, base: 'HEAD~2' }
    )
    expect(byRef.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
    expect(unescapeSummary(byRef.summary)).toContain(`Change: ${before}..${after}`)
    expectNoSecret(byRef, KEY, TOKEN)
  })

  it('workflow_dispatch without `base` fails naming the input, before any call', async () => {
    const result = await run(
      TestRepo.shallowClone(remote, 'main', fresh()).dir,
      { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') },
      inputs
    )
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::A diff source needs the `base` input on workflow_dispatch events/
    )
    expect(unescapeSummary(result.summary)).toContain('needs the `base` input')
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('without a git checkout, reads the change through the GitHub REST API', async () => {
    const { result, requests } = await runThroughApi(repo.dir, pushEvent(before, after), inputs, {
      GITHUB_SHA: after
    })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-Y', 'SKU-X'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain(`Change: ${before}..${after} (read with the GitHub REST API)`)
    expect(summary).toContain('| SKU-Z | catalog/products/archive/z-renamed.json |')
    expect(summary).toContain('Read the change through the GitHub API, as git could not')
    expect(requests.some(r => r.startsWith('/repos/acme/shop-catalog/compare/'))).toBe(true)
    expectNoSecret(result, KEY, TOKEN)
  })

  it.each(['HTTP_PROXY', 'http_proxy'])(
    'without a git checkout, %s carries the GitHub API calls as it does the Miso ones',
    async name => {
      const proxy = await startProxy()
      try {
        const { result } = await runThroughApi(repo.dir, pushEvent(before, after), inputs, {
          GITHUB_SHA: after,
          [name]: proxy.url
        })
        expect(result.code).toBe(0)
        expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
        const targets = proxy.requests.map(r => r.target)
        expect(targets).toContainEqual(
          expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/shop-catalog\/compare\//)
        )
        expect(targets).toContainEqual(expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\//))
        expectNoSecret(result, KEY, TOKEN)
      } finally {
        await proxy.close()
      }
    }
  )

  it('without a git checkout, NO_PROXY skips the proxy for the GitHub API calls too', async () => {
    const proxy = await startProxy()
    try {
      const { result, requests } = await runThroughApi(repo.dir, pushEvent(before, after), inputs, {
        GITHUB_SHA: after,
        HTTP_PROXY: proxy.url,
        NO_PROXY: '127.0.0.1'
      })
      expect(result.code).toBe(0)
      expect(requests.some(r => r.startsWith('/repos/acme/shop-catalog/compare/'))).toBe(true)
      expect(proxy.requests).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  it('without a git checkout: a next page on another origin is not followed, and the step fails before any call', async () => {
    // GitHub's answer names its next page on another server: the token must not go there, and
    // a comparison missing pages must not pass for a whole one.
    const elsewhere = await startFakeGitHub({ token: TOKEN })
    try {
      const { result, requests } = await runThroughApi(
        repo.dir,
        pushEvent(before, after),
        inputs,
        { GITHUB_SHA: after },
        { maxPerPage: 1, nextOrigin: elsewhere.url }
      )
      expect(requests.filter(r => r.includes('/compare/'))).toHaveLength(1)
      expect(elsewhere.requests).toEqual([])
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      const origin = elsewhere.url.replace(/\./g, '\\.')
      expect(result.stdout).toMatch(
        new RegExp(
          `::error::The diff source cannot read the change\\. .*With the GitHub API: .*GitHub's answer has its next page on ${origin}, not the API's origin http://127\\.0\\.0\\.1:\\d+ \\(GITHUB_API_URL\\): not followed, as the token is sent there only`
        )
      )
      expect(miso.requests).toHaveLength(0)
      expectNoSecret(result, KEY, TOKEN)
    } finally {
      await elsewhere.close()
    }
  })

  it('without a git checkout or a token, fails saying what to add, before any call', async () => {
    const workspace = fresh()
    mkdirSync(workspace)
    const result = await run(workspace, pushEvent(before, after), inputs)
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::The diff source cannot read the change with git: .* is not a git checkout\. Add actions\/checkout before this step.*or pass `github-token`/
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })
})

describe('a force push whose old tip is gone from git', () => {
  const inputs = {
    'deleted-paths': 'catalog/products/**/*.json',
    'id-from': 'json:product_id',
    'github-token': TOKEN
  }
  let repo: TestRepo
  let remote: string
  let mergeBase: string
  let before: string
  let lastParent: string
  let after: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'catalog/products/x.json': product('SKU-X'),
      'catalog/products/y.json': product('SKU-Y'),
      'catalog/products/z.json': product('SKU-Z')
    })
    mergeBase = repo.commit('catalog')
    repo.write({ 'README.md': 'Old tip\n' })
    before = repo.commit('old tip')
    // The force push: main rewritten from the merge base, in two commits.
    repo.git('reset', '--quiet', '--hard', mergeBase)
    lastParent = repo.remove('catalog/products/x.json').commit('retire x')
    after = repo.remove('catalog/products/y.json').commit('retire y')
    // origin lost the old tip; GitHub (the stand-in, on repo.dir) keeps it.
    remote = repo.bareRemote()
    runGit(remote, ['gc', '--quiet', '--prune=now'])
    expect(() => runGit(remote, ['cat-file', '-e', before])).toThrow()
  })

  async function forcePush(options: Partial<FakeGitHubOptions> = {}) {
    const github = await startFakeGitHub({ repoDir: repo.dir, token: TOKEN, ...options })
    try {
      const workspace = TestRepo.shallowClone(remote, 'main', fresh())
      const result = await run(workspace.dir, pushEvent(before, after, 'push-forced'), inputs, {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'acme/shop-catalog'
      })
      return { result, requests: github.requests }
    } finally {
      await github.close()
    }
  }

  it("reads GitHub's compare of before...after, with one notice saying so", async () => {
    const { result, requests } = await forcePush()
    expect(result.code).toBe(0)
    // Both commits of the force push count, not only the last one.
    expect([...miso.deleted].sort()).toEqual(['SKU-X', 'SKU-Y'])
    expect(notices(result)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::notice::The push's \`before\` commit ${before.slice(0, 12)} is not in the git history \\(cannot fetch commit .*\\), but GitHub still has it: compared it with ${after.slice(0, 12)} through the GitHub REST API, from their merge base ${mergeBase.slice(0, 12)}\\.$`
        )
      )
    ])
    expect(requests).toContain(`/repos/acme/shop-catalog/compare/${before}...${after}?per_page=100`)
    // git fetched the merge base and read the files: none came through the API.
    expect(requests.filter(r => r.includes('/git/'))).toEqual([])
    expect(unescapeSummary(result.summary)).toContain(
      `Change: ${mergeBase}..${after} (read with the GitHub REST API)`
    )
    expectNoSecret(result, KEY, TOKEN)
  })

  it('falls back to after^..after when GitHub cannot compare, with one notice saying so', async () => {
    const { result, requests } = await forcePush({
      faults: [{ route: /^compare\//, status: 404, times: 1 }]
    })
    expect(result.code).toBe(0)
    expect(requests.filter(r => r.includes('/compare/'))).toHaveLength(1)
    expect([...miso.deleted]).toEqual(['SKU-Y'])
    expect(notices(result)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::notice::The push's \`before\` commit ${before.slice(0, 12)} is not in the history \\(a forced push\\), so only the last commit ${after.slice(0, 12)} is compared with its parent \\(cannot fetch commit .*; the GitHub REST API could not compare it: GitHub API GET .*/compare/.* 404 .*\\)\\.$`
        )
      )
    ])
    expect(unescapeSummary(result.summary)).toContain(
      `Change: ${lastParent}..${after} (read with git)`
    )
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a next page of the compare on another origin stops the run: no fallback, no call', async () => {
    const elsewhere = await startFakeGitHub({ token: TOKEN })
    try {
      const { result } = await forcePush({ maxPerPage: 1, nextOrigin: elsewhere.url })
      expect(elsewhere.requests).toEqual([])
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toMatch(
        /::error::GitHub API GET .*\/compare\/.*: GitHub's answer has its next page on http:\/\/127\.0\.0\.1:\d+, not the API's origin .*not followed, as the token is sent there only/
      )
      expect(miso.requests).toHaveLength(0)
      expectNoSecret(result, KEY, TOKEN)
    } finally {
      await elsewhere.close()
    }
  })
})

describe('usage 2: preview on the pull request, delete when it is merged', () => {
  const inputs = {
    'deleted-paths': 'catalog/**/*.md',
    'id-from': 'frontmatter:product_id',
    'id-list-files': 'catalog/live-ids.txt'
  }
  let remote: string
  /** main's tip when the pull request is merged: it has its own removals since the branch point. */
  let mainTip: string
  let prHead: string
  let mergeCommit: string
  let squashCommit: string

  beforeAll(() => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'catalog/a.md': frontMatter('PAGE-A'),
      'catalog/b.md': frontMatter('PAGE-B'),
      'catalog/c.md': frontMatter('PAGE-C'),
      'catalog/d.md': frontMatter('PAGE-D'),
      'catalog/live-ids.txt': '# live products\nL-1\nL-2\nL-3\nL-4\nL-5\n'
    })
    repo.commit('catalog')
    repo.git('checkout', '--quiet', '-b', 'retire-kettles')
    repo.remove('catalog/a.md')
    repo.commit('retire a')
    repo.move('catalog/b.md', 'catalog/archive/b.md')
    repo.write({ 'catalog/live-ids.txt': '# live products\nL-1\nL-3\nL-4\nL-5\n' })
    prHead = repo.commit('retire L-2, move b')
    // Changes on main after the branch point are not the pull request's: its removals belong
    // to other runs, and what it added is not removed by the pull request.
    repo.git('checkout', '--quiet', 'main')
    repo.remove('catalog/d.md')
    repo.write({
      'catalog/e.md': frontMatter('PAGE-E'),
      'catalog/live-ids.txt': '# live products\nL-1\nL-2\nL-3\nL-4\nL-6\n'
    })
    mainTip = repo.commit('on main: retire d and L-5, add e and L-6')
    repo.git('checkout', '--quiet', '-b', 'squashed')
    repo.git('merge', '--quiet', '--squash', 'retire-kettles')
    squashCommit = repo.commit('Retire kettles (#42)')
    repo.git('checkout', '--quiet', 'main')
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request #42', 'retire-kettles')
    mergeCommit = repo.head()
    remote = repo.bareRemote({ 'refs/pull/42/head': prHead })
    // As after a merge with "delete branch": only refs/pull/42/head keeps the commits.
    runGit(remote, ['update-ref', '-d', 'refs/heads/retire-kettles'])
  })

  const merged = (mergeSha: string) =>
    pullEvent('pull_request-closed-merged', mainTip, prHead, { merge_commit_sha: mergeSha })

  it.each([
    ['a merge commit', 'main', () => mergeCommit],
    ['a squash merge', 'squashed', () => squashCommit]
  ])('merged with %s: deletes the pull request’s own removals only', async (_, branch, sha) => {
    const workspace = TestRepo.shallowClone(remote, branch, fresh())
    const result = await run(workspace.dir, merged(sha()), inputs, { GITHUB_SHA: sha() })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['L-2', 'PAGE-A'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['PAGE-A', 'L-2'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toMatch(/\| Content file catalog\/a\.md \| 1 \| 1 \| deleted \|/)
    expect(summary).toMatch(
      /\| ID list catalog\/live-ids\.txt \| 1 \| 1 \| edited in \w+\.\.\w+: 1 of 5 IDs removed \|/
    )
    expect(summary).toContain('| PAGE-B | catalog/archive/b.md |')
    expect(summary).not.toMatch(/PAGE-D|PAGE-E|L-5|L-6/)
    expect(result.stdout).toContain('Pull request #42 was merged: comparing its own change')
    expectNoSecret(result, KEY, TOKEN)
  })

  it('merged into another branch than the default one: a forced dry run, unless `branches` names it', async () => {
    const event = merged(mergeCommit)
    const pull = (event.payload as { pull_request: Record<string, Record<string, unknown>> })
      .pull_request
    pull.base = { ...pull.base, ref: 'develop' }
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const previewed = await run(workspace.dir, event, inputs)
    expect(previewed.code).toBe(0)
    expect(previewed.outputs.status).toBe('dry-run')
    expect(JSON.parse(previewed.outputs.ids)).toEqual(['PAGE-A', 'L-2'])
    expect(previewed.stdout).toContain(
      '::notice::Dry run forced: pull request #42 was merged into `develop`, which is not one of the branches that delete (input `branches`: the default branch `main`).'
    )
    expect(miso.requests).toHaveLength(0)

    const deleted = await run(workspace.dir, event, { ...inputs, branches: 'develop' })
    expect(deleted.code).toBe(0)
    expect(deleted.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['L-2', 'PAGE-A'])
    expect(deleted.stdout).not.toContain('Dry run forced')
  })

  it('merged, from a fork (no secrets): fails naming `api-key`, before any call', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, merged(mergeCommit), { ...inputs, 'api-key': '' })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::Input `api-key` is required unless the run is a dry run/
    )
    expect(miso.requests).toHaveLength(0)
  })

  it.each([
    [
      'opened',
      'pull_request-opened',
      /pull request #42 is not merged yet \(`pull_request` `opened`\)/
    ],
    [
      'synchronize',
      'pull_request-synchronize',
      /pull request #42 is not merged yet \(`pull_request` `synchronize`\)/
    ],
    [
      'closed unmerged',
      'pull_request-closed-unmerged',
      /pull request #42 was closed without being merged, so nothing is deleted/
    ]
  ])('%s: a forced dry run lists what would go, calls nothing', async (_, name, why) => {
    const workspace = TestRepo.shallowCheckout(remote, prHead, fresh())
    // With the key (a same-repository pull request) and without it (a fork gets no secrets).
    for (const key of [KEY, '']) {
      const result = await run(workspace.dir, pullEvent(name, mainTip, prHead), {
        ...inputs,
        'api-key': key
      })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('dry-run')
      expect(result.outputs.count).toBe('2')
      expect(JSON.parse(result.outputs.ids)).toEqual(['PAGE-A', 'L-2'])
      expect(result.outputs['task-ids']).toBe('[]')
      expect(result.stdout).toMatch(new RegExp(`::notice::Dry run forced: ${why.source}`))
      const summary = unescapeSummary(result.summary)
      expect(summary).toContain('## 🔍 Miso bulk delete: dry-run')
      expect(summary).toMatch(
        new RegExp(`\\*\\*Dry run:\\*\\* ${why.source}.*\\. Nothing was sent to Miso`)
      )
      expect(summary).toContain('Content file catalog/a.md')
      expectNoSecret(result, KEY, TOKEN)
    }
    expect(miso.requests).toHaveLength(0)
  })
})

describe('id-list-files on a push', () => {
  it('deletes the IDs removed from list files, keeps IDs moved to another list', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'ids/live.txt': 'P-1\nP-2\nP-3\nP-4\nP-5\n',
      'ids/extra.csv': 'product_id,title\nQ-1,One\nQ-2,Two\n',
      'ids/other.csv': 'product_id\nR-1\n'
    })
    const before = repo.commit('lists')
    repo.write({
      'ids/live.txt': 'P-1\nP-3\n',
      'ids/other.csv': 'product_id\nR-1\nP-5\n'
    })
    repo.remove('ids/extra.csv')
    const after = repo.commit('retire')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'id-list-files': 'ids/*'
    })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['P-2', 'P-4', 'Q-1', 'Q-2'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['Q-1', 'Q-2', 'P-2', 'P-4'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toMatch(
      /\| ID list ids\/extra\.csv \| 2 \| 2 \| deleted in \w+\.\.\w+: all 2 IDs removed \|/
    )
    expect(summary).toMatch(
      /\| ID list ids\/live\.txt \| 2 \| 2 \| edited in \w+\.\.\w+: 2 of 5 IDs removed \|/
    )
    expect(summary).toContain('| P-5 | ids/other.csv |')
    expectNoSecret(result, KEY, TOKEN)
  })

  it('keeps a product a live file names in another Unicode form or with white space around it', async () => {
    // The retired pages name Café in NFC and P-WS / P-NBSP plainly; the live lists name them
    // in NFD and, in JSON (strings kept as written), with a space and a no-break space.
    const repo = TestRepo.create(fresh())
    repo.write({
      'catalog/cafe.json': product('Caf\u00e9'),
      'catalog/ws.json': product('P-WS'),
      'catalog/nbsp.json': product('P-NBSP'),
      'catalog/gone.json': product('P-GONE'),
      'ids/live.txt': 'Cafe\u0301\n',
      'ids/live.json': JSON.stringify(['P-WS ', 'P-NBSP\u00a0'])
    })
    const before = repo.commit('catalog')
    const after = repo
      .remove('catalog/cafe.json', 'catalog/ws.json', 'catalog/nbsp.json', 'catalog/gone.json')
      .commit('retire the pages')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'catalog/*.json',
      'id-from': 'json:product_id',
      'id-list-files': 'ids/*'
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs.ids)).toEqual(['P-GONE'])
    expect([...miso.deleted]).toEqual(['P-GONE'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('| Caf\u00e9 | ids/live.txt |')
    expect(summary).toContain('| P-WS | ids/live.json |')
    expect(summary).toContain('| P-NBSP | ids/live.json |')
  })
})

describe('hostile names and payloads', () => {
  it('deletes files whose names hold spaces, unicode, a leading dash or a newline', async () => {
    const names = {
      'catalog/products/with space.json': 'H-SPACE',
      'catalog/products/crème brûlée ☕.json': 'H-UNICODE',
      'catalog/products/-rf --upload-pack=x.json': 'H-DASH',
      'catalog/products/two\nlines.json': 'H-NEWLINE'
    }
    const repo = TestRepo.create(fresh())
    repo.write({
      'catalog/products/keep.json': product('H-KEEP'),
      ...Object.fromEntries(Object.entries(names).map(([file, id]) => [file, product(id)]))
    })
    const before = repo.commit('catalog')
    repo.remove(...Object.keys(names))
    const after = repo.commit('retire')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'catalog/products/*.json',
      'id-from': 'json:product_id'
    })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(Object.values(names).sort())
    const summary = unescapeSummary(result.summary)
    // Each name is one table row: the newline is shown as a space, not a line break.
    expect(summary).toContain('| Content file catalog/products/two lines.json | 1 | 1 | deleted |')
    expect(summary).toContain('| Content file catalog/products/crème brûlée ☕.json |')
    expect(summary).toContain('| Content file catalog/products/-rf --upload-pack=x.json |')
    expect(summary).toContain('| Content file catalog/products/with space.json |')
    const sources = JSON.parse(result.outputs.sources) as { name: string; ids: string[] }[]
    expect(Object.fromEntries(sources.map(s => [s.name, s.ids[0]]))).toEqual(names)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('two names that are not UTF-8 and would decode alike fail the step before any call', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'p/a.json': product('N-A'), 'p/b.json': product('N-B') })
    const before = repo.commit('catalog')
    // p/a.json moves to p/x\xe8.json, and p/x\xe9.json is added: both read as p/x\ufffd.json.
    repo.remove('p/a.json')
    const named = (byte: number) =>
      Buffer.concat([Buffer.from(`${repo.dir}/p/x`), Buffer.from([byte]), Buffer.from('.json')])
    writeFileSync(named(0xe8), product('N-A'))
    writeFileSync(named(0xe9), product('N-C'))
    const after = repo.commit('move a, add c')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'p/*.json',
      'id-from': 'json:product_id'
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::p/x\\\\xe[89]\\.json at ${after.slice(0, 12)}: the file name is not valid UTF-8`
      )
    )
    expect(result.stdout).toContain('Rename the file to a UTF-8 name')
    expect(miso.requests).toHaveLength(0)
    expect(miso.deleted.size).toBe(0)
    expectNoSecret(result, KEY, TOKEN)
  })

  describe('option-like commits from the payload or inputs are refused before git runs', () => {
    const marker = path.join(temp, 'pwned')
    const injection = `--upload-pack=touch ${marker}`
    const inputs = { 'deleted-paths': 'catalog/products/*.json', 'id-from': 'json:product_id' }
    let remote: string
    let before: string
    let after: string
    beforeAll(() => {
      const repo = TestRepo.create(fresh())
      repo.write({ 'catalog/products/a.json': product('EVIL-A') })
      before = repo.commit('catalog')
      repo.remove('catalog/products/a.json')
      after = repo.commit('retire')
      remote = repo.bareRemote()
    })

    it.each([
      [
        'a push whose before is not a SHA',
        () => pushEvent(injection, after),
        {},
        /::error::The push event payload's `before` is not a commit SHA: "--upload-pack=touch /
      ],
      [
        'a push whose after is not a SHA',
        () => pushEvent(before, injection),
        {},
        /::error::The push event payload has no valid `after` commit SHA/
      ],
      [
        'an option-like base input',
        () => ({ name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }),
        { base: injection },
        /::error::The `base` input "--upload-pack=touch .*" starts with '-'/
      ]
    ])('%s', async (_, event, extra, message) => {
      const workspace = TestRepo.shallowClone(remote, 'main', fresh())
      const result = await run(workspace.dir, event(), { ...inputs, ...extra })
      expect(result.code).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toMatch(message)
      expect(existsSync(marker)).toBe(false)
      expect(miso.requests).toHaveLength(0)
      expectNoSecret(result, KEY, TOKEN)
    })
  })
})

describe('id-from json: reads IDs by the one rule of ID files', () => {
  it('refuses a fraction, naming the file and commit, before any call; walks array indexes', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'catalog/a.json': JSON.stringify({ sku: 1.5 }),
      'catalog/b.json': JSON.stringify({ meta: { ids: [{ sku: 'B-1' }] }, sku: 7 })
    })
    const base = repo.commit('catalog')
    repo.remove('catalog/a.json', 'catalog/b.json')
    const head = repo.commit('retire a and b')
    const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
    const paths = { 'deleted-paths': 'catalog/*.json', base, head }

    const refused = await run(repo.dir, dispatch, { ...paths, 'id-from': 'json:sku' })
    expect(refused.code).not.toBe(0)
    expect(refused.stdout).toMatch(
      /::error::.*catalog\/a\.json at [0-9a-f]{12}: JSON field "sku": the number 1\.5 is not a whole number/
    )
    expect(miso.requests).toHaveLength(0)

    const nested = await run(repo.dir, dispatch, {
      ...paths,
      'deleted-paths': 'catalog/b.json',
      'id-from': 'json:meta.ids.0.sku'
    })
    expect(nested.code).toBe(0)
    expect([...miso.deleted]).toEqual(['B-1'])
    expectNoSecret(nested, KEY, TOKEN)
  })
})

describe('which products a change removes (a Hugo-style catalog with an ID list)', () => {
  const inputs = {
    'deleted-paths': 'content/products/*.md\n!content/products/keep-*.md',
    'id-from': 'frontmatter:product_id',
    'id-list-files': 'data/*.txt\n!data/outlet.txt'
  }
  let remote: string
  let before: string
  let after: string

  beforeAll(() => {
    const repo = TestRepo.create(fresh())
    repo.write({
      // Hugo's section page: front matter, but no product_id. Not a product.
      'content/products/_index.md': '---\ntitle: Products\n---\n',
      'content/products/candle.md': frontMatter('SKU-3001'),
      'content/products/lamp.md': frontMatter('SKU-1004'),
      'content/products/vase.md': frontMatter('SKU-2002'),
      'content/products/keep-mug.md': frontMatter('SKU-4004'),
      'content/blog/post.md': frontMatter('NOT-A-PRODUCT'),
      'data/live-ids.txt': 'SKU-3001\nSKU-5005\n',
      'data/outlet.txt': 'OUT-1\nOUT-2\n',
      'README.md': 'Catalog\nREADME-LINE\n'
    })
    before = repo.commit('catalog')
    // Deleted pages: candle (still listed in data/live-ids.txt), vase, keep-mug (excluded).
    repo.remove(
      'content/products/candle.md',
      'content/products/vase.md',
      'content/products/keep-mug.md',
      'content/blog/post.md'
    )
    // An ID edited inside its file: the old ID is no product any more.
    repo.write({
      'content/products/lamp.md': frontMatter('SKU-1004-B'),
      'data/live-ids.txt': 'SKU-3001\n',
      'data/outlet.txt': 'OUT-1\n',
      'README.md': 'Catalog\n'
    })
    after = repo.commit('retire')
    remote = repo.bareRemote()
  })

  it('deletes candidates minus every ID still named, across both inputs; `!` only narrows', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), inputs)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['SKU-1004', 'SKU-2002', 'SKU-5005'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toMatch(/\| Content file content\/products\/lamp\.md \| 1 \| 1 \| edited \|/)
    expect(summary).toMatch(/\| ID list data\/live-ids\.txt \| 1 \| 1 \| edited in .*1 of 2 IDs/)
    // Kept, with the file at the result that keeps it.
    expect(summary).toContain('| SKU-3001 | data/live-ids.txt |')
    // Hugo's section page: counted in one line of the log, listed once, folded, in the summary.
    expect(summary).toContain(
      '<details><summary>Skipped 1 matching file that carries no ID (not products)</summary>\n\n- content/products/_index.md\n\n</details>'
    )
    expect(summary.split('_index.md')).toHaveLength(2)
    expect(result.stdout).toContain(
      'Skipped 1 matching file without an ID, not products (the job summary lists them).'
    )
    expect(result.stdout).not.toContain('_index.md')
    // No empty group in the log (the summary is written outside any group).
    expect(result.stdout).not.toMatch(/^::group::.*\n::endgroup::$/m)
    expect(result.stdout).not.toContain('::group::Report')
    expect(summary).not.toMatch(/SKU-4004|OUT-2|README-LINE|NOT-A-PRODUCT/)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a pattern list of only `!` patterns chooses nothing', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': '!content/products/keep-*.md',
      'id-list-files': '!data/outlet.txt'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toMatch(
      /^The change touched 8 files, but none matched .*`deleted-paths` has only `!` patterns, which choose nothing/m
    )
    expect(result.stdout).not.toContain('::notice::')
  })

  it('a change that matched nothing is a plain log line naming how many files changed and the patterns', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    // Patterns of another store: they match files at the result, none that this change touched.
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'content/products/_index.md'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    const line =
      "The change touched 8 files, but none matched the diff source's patterns, so it removes nothing: `deleted-paths` pattern `content/products/_index.md` matched no changed file. Check the patterns for a typo."
    // A plain line, not a notice: in a repository with several stores most changes touch one.
    expect(result.stdout).toContain(`\n${line}\n`)
    expect(result.stdout).not.toContain('::notice::')
    expect(unescapeSummary(result.summary)).not.toContain(line)
  })

  it('a pattern that matches no file at the result nor in the change is a typo: refused, naming the commit', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'contnet/products/*.md',
      'id-list-files': 'data/*.txt\ndata/*.jsonl'
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      `\`deleted-paths\` pattern \`contnet/products/*.md\`, \`id-list-files\` pattern \`data/*.jsonl\` match no file at ${after.slice(0, 12)} (the repository after the change) and no file the change touched`
    )
    expect(result.stdout).toContain('Likely causes: a typo')
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a matching file that cannot be parsed fails before any call, naming file and commit', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/products/a.md': frontMatter('SKU-A'),
      'content/products/broken.md': '---\nproduct_id: [unclosed\n---\n'
    })
    const from = repo.commit('catalog')
    const to = repo.remove('content/products/a.md').commit('retire a')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), {
      ...inputs,
      'id-list-files': ''
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::content/products/broken\\.md at ${to.slice(0, 12)}: front matter is not valid YAML`
      )
    )
    expect(miso.requests).toHaveLength(0)
  })
})

describe('front matter in every form: TOML, JSON, YAML merge keys; unreadable means stop', () => {
  const inputs = { 'deleted-paths': 'content/products/*.md', 'id-from': 'frontmatter:product_id' }
  const toml = (id: string) => `+++\ntitle = "Page ${id}"\nproduct_id = "${id}"\n+++\n\nText.\n`
  let remote: string
  const at: Record<string, string> = {}

  beforeAll(() => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/products/lamp.md': frontMatter('SKU-LAMP'),
      'content/products/vase.md': frontMatter('SKU-VASE'),
      'content/products/bowl.md': toml('SKU-BOWL'),
      'content/products/old-json.md': frontMatter('SKU-JSON'),
      'content/products/old-merge.md': frontMatter('SKU-MERGE'),
      'content/products/tilde.md': '---\nproduct_id: ~\ntitle: Draft\n---\n',
      'content/products/null.md': '\ufeff---\r\nproduct_id: null\r\n---\r\n',
      'content/products/mug.md': frontMatter('SKU-MUG')
    })
    at.catalog = repo.commit('catalog')
    // (a, b) A page converted from YAML to TOML keeps its product; a deleted TOML page goes.
    repo.write({ 'content/products/lamp.md': toml('SKU-LAMP') })
    repo.remove('content/products/vase.md', 'content/products/bowl.md')
    at.toml = repo.commit('lamp to TOML, retire vase and bowl')
    // (c) Products moved into a JSON front matter page and a page with a YAML merge key.
    repo.remove('content/products/old-json.md', 'content/products/old-merge.md')
    repo.write({
      'content/products/new-json.md':
        '{\r\n  "title": "a } b",\r\n  "product_id": "SKU-JSON"\r\n}\r\nText.\r\n',
      'content/products/new-merge.md':
        '---\nshared: &shared\n  product_id: SKU-MERGE\n<<: *shared\ntitle: Merged\n---\n'
    })
    at.moved = repo.commit('move two products')
    // (f) Pages whose key is `~` or null name no product.
    repo.remove('content/products/tilde.md', 'content/products/null.md', 'content/products/mug.md')
    at.nulls = repo.commit('retire the drafts and the mug')
    // (e, g) Front matter that cannot be read.
    repo.write({ 'content/products/lamp.md': '+++\nproduct_id = "A"\nproduct_id = "B"\n+++\n' })
    at.duplicate = repo.commit('a TOML page with a duplicate key')
    repo.write({
      'content/products/lamp.md': toml('SKU-LAMP'),
      'content/products/tagged.md':
        '---\nproduct_id: SKU-TAG\n::stop-commands::pwned:\n  !custom x\n---\n'
    })
    at.tagged = repo.commit('a page with a custom tag')
    remote = repo.bareRemote()
  })

  const push = (from: string, to: string) =>
    run(TestRepo.shallowClone(remote, 'main', fresh()).dir, pushEvent(from, to), inputs)

  it('a page converted from YAML to TOML keeps its product; a deleted TOML page deletes its own', async () => {
    const result = await push(at.catalog, at.toml)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['SKU-BOWL', 'SKU-VASE'])
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a JSON front matter page and a page with a YAML merge key protect their IDs', async () => {
    const result = await push(at.toml, at.moved)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('| SKU-JSON | content/products/new-json.md |')
    expect(summary).toContain('| SKU-MERGE | content/products/new-merge.md |')
  })

  it('a key whose value is `~` or null names no product: no "~" or "null" is sent; one notice', async () => {
    const result = await push(at.moved, at.nulls)
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['SKU-MUG'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-MUG'])
    const notice =
      '::notice::id-from `frontmatter:product_id` found no ID in 2 of the 3 deleted files, skipped as not products: content/products/null.md, content/products/tilde.md.'
    expect(result.stdout).toContain(notice)
    expect(result.stdout.split('\n').filter(line => line.startsWith('::notice::'))).toEqual([
      notice
    ])
  })

  it('front matter that cannot be parsed fails before any call, naming file and commit', async () => {
    const result = await push(at.nulls, at.duplicate)
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::content/products/lamp\\.md at ${at.duplicate.slice(0, 12)}: front matter is not valid TOML .*at line 3.* Fix the file in a new commit`
      )
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('a custom tag fails the step, and its line never reaches stdout or stderr as a command', async () => {
    const result = await push(at.duplicate, at.tagged)
    expect(result.code).not.toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::content/products/tagged\\.md at ${at.tagged.slice(0, 12)}: front matter is not valid YAML \\(Unresolved tag: !custom at line 4`
      )
    )
    expect(result.stderr).toBe('')
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s*::stop-commands::/m)
    expect(miso.requests).toHaveLength(0)
  })

  it('a file unreadable at the base commit names that commit and the ways on', async () => {
    // The push that fixed the duplicate key: the file is unreadable at its base only.
    const repair = at.duplicate
    const fixed = at.tagged
    const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
    const result = await run(TestRepo.shallowClone(remote, 'main', fresh()).dir, dispatch, {
      ...inputs,
      'deleted-paths': 'content/products/lamp.md',
      base: repair,
      head: fixed
    })
    expect(result.code).not.toBe(0)
    const base = repair.slice(0, 12)
    const said = `content/products/lamp.md at ${base}: front matter is not valid TOML`
    expect(result.stdout).toContain(`::error::${said}`)
    expect(result.stdout).toMatch(
      new RegExp(
        `${base} is the base commit of the change ${base}\\.\\.${fixed.slice(0, 12)}, so no later commit can change it: .*\`base\` input set to a commit after ${base}.*\`reconcile: true\``
      )
    )
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('Running this change again fails the same way')
    expect(summary).not.toContain('Fix what the error above names')
    expect(miso.requests).toHaveLength(0)
  })
})

describe('front matter after blank lines or an HTML comment, or with CR line ends, as Hugo reads it', () => {
  it('an edit that adds them keeps every product; a deleted such page deletes its own', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/a.md': frontMatter('FM-A'),
      'content/b.md': frontMatter('FM-B'),
      'content/c.md': frontMatter('FM-C'),
      'content/d.md': frontMatter('FM-D'),
      'content/e.md': frontMatter('FM-E'),
      'content/gone.md': '<!-- draft -->\r\n\r\n  ---\rproduct_id: FM-GONE\r---\r'
    })
    const before = repo.commit('catalog')
    repo.write({
      'content/a.md': '\n---\nproduct_id: FM-A\n---\nText edited\n',
      'content/b.md': '<!-- draft note -->\n---\nproduct_id: FM-B\n---\nText\n',
      'content/c.md': '---\rproduct_id: FM-C\r---\rText\r',
      'content/d.md': '\n  {"product_id": "FM-D"}\n',
      'content/e.md': '<!-- generated -->\n\ufeff---\nproduct_id: FM-E\n---\n'
    })
    repo.remove('content/gone.md')
    const after = repo.commit('edits')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'content/**/*.md',
      'id-from': 'frontmatter:product_id'
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['FM-GONE'])
    expect(result.stdout).not.toContain('without an ID')
    expectNoSecret(result, KEY, TOKEN)
  })

  it('a first line that starts like a fence but is not one fails before any call', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'content/a.md': frontMatter('FM-A'), 'content/b.md': frontMatter('FM-B') })
    const before = repo.commit('catalog')
    repo.write({ 'content/a.md': '\n----\nproduct_id: FM-A\n---\n' })
    const after = repo.commit('a broken fence')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'deleted-paths': 'content/**/*.md',
      'id-from': 'frontmatter:product_id'
    })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain(
      `::error::content/a.md at ${after.slice(0, 12)}: it starts with \`----\`, which is not a front matter fence`
    )
    expect(miso.requests).toHaveLength(0)
  })
})

describe('id-from that names the wrong field', () => {
  it('fails before any call when none of the deleted files carries the ID; its keys are named', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'p/a.json': product('SKU-A'), 'p/b.json': product('SKU-B') })
    const base = repo.commit('catalog')
    const head = repo.remove('p/a.json', 'p/b.json').commit('retire a and b')
    const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
    const result = await run(repo.dir, dispatch, {
      'deleted-paths': 'p/*.json',
      'id-from': 'json:sku',
      base,
      head
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toContain(
      '::error::id-from `json:sku` found no ID in any of the 2 deleted files, e.g. p/a.json; its keys are: product_id, title.'
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('passes with one notice when the deleted files have the field, set to null', async () => {
    const repo = TestRepo.create(fresh())
    const base = repo.write({ 'c/draft.md': '---\nproduct_id: ~\n---\n' }).commit('a draft')
    const head = repo.remove('c/draft.md').commit('retire the draft')
    const dispatch = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
    const result = await run(repo.dir, dispatch, {
      'deleted-paths': 'c/*.md',
      'id-from': 'frontmatter:product_id',
      base,
      head
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      '::notice::id-from `frontmatter:product_id` found no ID in the deleted file, skipped as not a product: c/draft.md.'
    )
  })
})

describe('a merged pull request: candidates from its own change, live IDs at the merge', () => {
  const inputs = { 'deleted-paths': 'content/**/*.md', 'id-from': 'frontmatter:product_id' }
  let repo: TestRepo
  let remote: string
  let mainTip: string
  let prHead: string
  let mergeCommit: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'content/vase-blue.md': frontMatter('VASE-BLUE'),
      'content/bowl.md': frontMatter('BOWL')
    })
    repo.commit('catalog')
    repo.git('checkout', '--quiet', '-b', 'retire-vase')
    repo.remove('content/vase-blue.md', 'content/bowl.md')
    prHead = repo.commit('retire the blue vase and the bowl')
    repo.git('checkout', '--quiet', 'main')
    // Meanwhile on main: the same product gets a new page.
    repo.write({ 'content/vase-blue-2025.md': frontMatter('VASE-BLUE') })
    mainTip = repo.commit('new vase page')
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request #12', 'retire-vase')
    mergeCommit = repo.head()
    remote = repo.bareRemote({ 'refs/pull/12/head': prHead })
  })

  const merged = () =>
    pullEvent('pull_request-closed-merged', mainTip, prHead, {
      number: 12,
      merge_commit_sha: mergeCommit
    })

  it('keeps a product that the base branch gave a new page, with git', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, merged(), inputs, { GITHUB_SHA: mergeCommit })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['BOWL'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('| VASE-BLUE | content/vase-blue-2025.md |')
    expect(summary).toContain(`IDs still named were read at the merge ${mergeCommit}`)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('keeps it through the GitHub REST API too', async () => {
    const { result, requests } = await runThroughApi(repo.dir, merged(), inputs)
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['BOWL'])
    expect(unescapeSummary(result.summary)).toContain('| VASE-BLUE | content/vase-blue-2025.md |')
    expect(requests.some(r => r.includes(`/git/trees/${mergeCommit}`))).toBe(true)
  })
})

describe('links, Git LFS and submodules are never read as content', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `LIVE-${i + 1}`)
  const listText = `${ids.join('\n')}\n`

  it('an ID list moved away with a link left in its place deletes nothing', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'catalog/live-ids.txt': listText })
    const from = repo.commit('list')
    repo.move('catalog/live-ids.txt', 'data/live-ids.txt')
    repo.link('catalog/live-ids.txt', '../data/live-ids.txt')
    const to = repo.commit('move the list, keep a link')
    expect(repo.git('ls-tree', to, 'catalog/live-ids.txt')).toMatch(/^120000 /)
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), {
      'id-list-files': 'catalog/live-ids.txt'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
  })

  it.each([
    ['leaves the repository', '../../etc/passwd', /is a symbolic link that leads out of the/],
    ['is absolute', '/etc/passwd', /is a symbolic link to an absolute path, outside the/],
    ['loops', 'live-ids.txt', /is a symbolic link that loops/]
  ])('a link that %s is refused before any call', async (_, target, message) => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'catalog/live-ids.txt': listText })
    const from = repo.commit('list')
    repo.link('catalog/live-ids.txt', target)
    const to = repo.commit('replace the list by a link')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), {
      'id-list-files': 'catalog/*.txt'
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(`::error::catalog/live-ids\\.txt at ${to.slice(0, 12)} ${message.source}`)
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('an ID list that became a Git LFS pointer is refused, naming the file', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'catalog/live-ids.txt': listText })
    const from = repo.commit('list')
    repo.write({
      '.gitattributes': 'catalog/*.txt filter=lfs diff=lfs merge=lfs -text\n',
      'catalog/live-ids.txt': lfsPointer(listText.replace('LIVE-7\n', ''))
    })
    const to = repo.commit('track the list with LFS')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), {
      'id-list-files': 'catalog/*.txt'
    })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(`::error::catalog/live-ids\\.txt at ${to.slice(0, 12)} is stored in Git LFS`)
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('content read by id-from under `filter=lfs` is refused; matching submodules are skipped with a notice', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      '.gitattributes': '*.json filter=lfs diff=lfs merge=lfs -text\n',
      'catalog/a.json': product('LFS-A'),
      'catalog/b.json': product('LFS-B')
    })
    const from = repo.commit('catalog in LFS')
    const to = repo.remove('catalog/a.json').commit('retire a')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), {
      'deleted-paths': 'catalog/*.json',
      'id-from': 'json:product_id'
    })
    expect(result.code).not.toBe(0)
    // The result is read first: a file unreadable there is the one to fix.
    expect(result.stdout).toMatch(
      new RegExp(`::error::catalog/b\\.json at ${to.slice(0, 12)} is stored in Git LFS`)
    )
    expect(miso.requests).toHaveLength(0)

    const other = TestRepo.create(fresh())
    other.write({ 'catalog/c.json': product('SUB-C') })
    other.submodule('catalog/vendor.json', from)
    const base = other.commit('catalog with a submodule')
    const head = other.remove('catalog/c.json').commit('retire c')
    const clone = TestRepo.shallowClone(other.bareRemote(), 'main', fresh())
    const skipped = await run(clone.dir, pushEvent(base, head), {
      'deleted-paths': 'catalog/*.json',
      'id-from': 'json:product_id'
    })
    expect(skipped.code).toBe(0)
    expect([...miso.deleted]).toEqual(['SUB-C'])
    expect(skipped.stdout).toMatch(
      /::notice::1 submodule matches the diff source's patterns and is skipped .*: catalog\/vendor\.json\./
    )
  })
})

describe('a link to a folder shows its files under the link, as a checkout does', () => {
  // The page of SHOE-1 is retired, but the shared catalog, reached through a link to its
  // folder, still names it: it must be kept. SHOE-2 is named nowhere else and goes.
  let repo: TestRepo
  let from: string
  let to: string
  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({
      'catalog/pages/shoe.json': product('SHOE-1'),
      'catalog/pages/boot.json': product('SHOE-2'),
      'shared/catalog/sale.json': product('SHOE-1')
    })
    repo.link('catalog/pages/shared', '../../shared/catalog')
    from = repo.commit('pages, and the shared catalog linked in')
    to = repo.remove('catalog/pages/shoe.json').remove('catalog/pages/boot.json').commit('retire')
  })
  const inputs = { 'deleted-paths': 'catalog/pages/**/*.json', 'id-from': 'json:product_id' }

  it('keeps a product still named through the link, with git', async () => {
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(from, to), inputs)
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['SHOE-2'])
    expect(unescapeSummary(result.summary)).toContain('| SHOE-1 | catalog/pages/shared/sale.json |')
  })

  it('keeps it through the GitHub REST API too', async () => {
    const { result, requests } = await runThroughApi(repo.dir, pushEvent(from, to), inputs)
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['SHOE-2'])
    expect(requests.some(r => r.includes(`/git/trees/${to}`))).toBe(true)
  })
})

describe('links to folders adding more paths than the bound fail before any call', () => {
  // 501 links to a folder of 1,000 pages (at the result) add 501,000 paths, past the bound of
  // 500,000: leaving any out could delete a product still named, so the run stops.
  let repo: TestRepo
  let from: string
  let to: string
  beforeAll(() => {
    repo = TestRepo.create(fresh())
    const pages: Record<string, string> = {}
    for (let i = 1; i <= 1001; i++) pages[`shop/p-${i}.md`] = `Page ${i}\n`
    repo.write(pages)
    for (let i = 1; i <= 501; i++) repo.link(`pages/v${i}`, '../shop')
    from = repo.commit('pages')
    to = repo.remove('shop/p-1.md').commit('retire p-1')
  })
  const inputs = { 'deleted-paths': 'shop/*.md\npages/**/*.md' }

  const expectRefused = (result: ActionRun) => {
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toContain(
      `::error::At ${to.slice(0, 12)}, 501 symbolic links to folders would add 501,000 paths (more than 500,000, far beyond any catalog): pages/v1 -> shop (1000 files), `
    )
    expect(result.stdout).toContain(', and 496 more.')
    expect(result.stdout).toContain('give the IDs through `product-ids` or `ids-file`')
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  }

  it('with git', async () => {
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    expectRefused(await run(workspace.dir, pushEvent(from, to), inputs))
  })

  it('through the GitHub REST API', async () => {
    const { result, requests } = await runThroughApi(repo.dir, pushEvent(from, to), inputs)
    expect(requests.some(r => r.includes(`/git/trees/${to}`))).toBe(true)
    expectRefused(result)
  })
})

describe('the network waits of the diff source: cancellation and failures', () => {
  const inputs = { 'deleted-paths': 'catalog/*.json', 'id-from': 'json:product_id' }
  let hanging: { url: string; close: () => Promise<void> }
  let remote: string
  let before: string
  let after: string

  beforeAll(async () => {
    // Takes every connection and never answers: a git remote or GitHub API that hangs.
    hanging = await listenOnLoopback(http.createServer(() => undefined))
    const repo = TestRepo.create(fresh())
    repo.write({ 'catalog/a.json': product('NET-A'), 'catalog/b.json': product('NET-B') })
    before = repo.commit('catalog')
    after = repo.remove('catalog/a.json').commit('retire a')
    remote = repo.bareRemote()
  })
  afterAll(() => hanging.close())

  const expectCancelled = (result: ActionRun) => {
    expect(result.signal).toBeNull()
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('cancelled')
    expect(result.outputs.count).toBe('0')
    expect(result.outputs['failed-count']).toBe('0')
    expect(unescapeSummary(result.summary)).toContain('Miso bulk delete: cancelled')
    expect(miso.requests).toHaveLength(0)
  }

  it('SIGINT while git fetches from a remote that never answers ends the run cancelled', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    workspace.git('remote', 'set-url', 'origin', `${hanging.url}/catalog.git`)
    const result = await run(
      workspace.dir,
      pushEvent(before, after),
      inputs,
      {},
      {
        kill: { signal: 'SIGINT', afterOutput: 'from origin…' },
        timeoutMs: 30_000
      }
    )
    expectCancelled(result)
  })

  it('SIGINT while the GitHub API never answers ends the run cancelled', async () => {
    const workspace = fresh()
    mkdirSync(workspace)
    const result = await run(
      workspace,
      pushEvent(before, after),
      { ...inputs, 'github-token': TOKEN },
      { GITHUB_API_URL: hanging.url, GITHUB_REPOSITORY: 'acme/shop-catalog' },
      { kill: { signal: 'SIGINT', afterOutput: 'through the GitHub API…' }, timeoutMs: 30_000 }
    )
    expectCancelled(result)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('when git and the GitHub API both fail, both reasons are given, git first', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(
      workspace.dir,
      { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') },
      { ...inputs, base: 'HEAD~99999', 'github-token': TOKEN },
      { GITHUB_API_URL: await closedPortUrl(), GITHUB_REPOSITORY: 'acme/shop-catalog' }
    )
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::The diff source cannot read the change\. With git: HEAD~99999 does not exist: HEAD has no such ancestor\. With the GitHub API: GitHub API GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/shop-catalog\/commits\/.*ECONNREFUSED/
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('an unreachable origin is said in a sentence, git’s words after it; no checkout says to add one', async () => {
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    workspace.git('remote', 'set-url', 'origin', `file://${path.join(temp, 'gone.git')}`)
    const result = await run(workspace.dir, pushEvent(before, after), inputs)
    expect(result.code).not.toBe(0)
    expect(result.stdout).toMatch(
      /::error::The diff source cannot read the change with git: cannot fetch commit [0-9a-f]{12} from origin \(git said: .*gone\.git.*\)\. Check that the commits exist/
    )
    expect(result.stdout).not.toMatch(/fatal:/)

    const empty = fresh()
    mkdirSync(empty)
    const none = await run(
      empty,
      pushEvent(before, after),
      { ...inputs, 'github-token': TOKEN },
      { GITHUB_API_URL: await closedPortUrl(), GITHUB_REPOSITORY: 'acme/shop-catalog' }
    )
    expect(none.code).not.toBe(0)
    expect(none.stdout).toMatch(
      /::error::The diff source cannot read the change\. With git: .* is not a git checkout\. With the GitHub API: .*\. Add actions\/checkout before this step/
    )
    expect(miso.requests).toHaveLength(0)
  })
})

describe('max-deletions-percent: a diff deleting too much of what its files named at base', () => {
  const feedIds = Array.from({ length: 100 }, (_, i) => `FEED-${i + 1}`)
  const listInputs = { 'id-list-files': 'feed/*.txt' }
  const pageInputs = { 'deleted-paths': 'content/**/*.md', 'id-from': 'frontmatter:product_id' }
  const pages = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `content/shop/p-${i + 1}.md`,
        frontMatter(`PAGE-${i + 1}`)
      ])
    )
  /** A checkout of a repository whose second commit makes `change` to the first one's files. */
  const changed = (files: Record<string, string>, change: (repo: TestRepo) => void) => {
    const repo = TestRepo.create(fresh())
    repo.write({ ...files, 'README.md': 'Shop\n' })
    const from = repo.commit('catalog')
    change(repo)
    const to = repo.commit('change')
    const dir = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh()).dir
    return { dir, repoDir: repo.dir, from, to }
  }
  // A workflow command's message escapes `%`.
  const asCommand = (message: string) => message.replaceAll('%', '%25')
  const expectRefused = (result: ActionRun, message: string) => {
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    // A refusal is not a failure to retry: nothing failed, no rerun file.
    expect(result.outputs['failed-count']).toBe('0')
    expect(result.outputs['failed-ids-path']).toBe('')
    expect(result.stdout).toContain(`::error::Refused: ${asCommand(message)}`)
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain('### Refused')
    expect(summary).toContain(message)
    expect(summary).toContain('no rerun file was written')
    expect(miso.requests).toHaveLength(0)
    expect(miso.deleted.size).toBe(0)
    expectNoSecret(result, KEY, TOKEN)
  }

  let emptied: ReturnType<typeof changed>
  beforeAll(() => {
    emptied = changed({ 'feed/ids.txt': `${feedIds.join('\n')}\n` }, repo =>
      repo.write({ 'feed/ids.txt': '' })
    )
  })

  it('a feed export emptied (100 of 100 IDs) is refused before any call to Miso; with `max-deletions-percent: 0` it is deleted', async () => {
    const { dir, from, to } = emptied
    const result = await run(dir, pushEvent(from, to), listInputs)
    expectRefused(
      result,
      `The change would delete 100 of the 100 IDs that matching files named at ${from.slice(0, 12)} (100.0%), more than \`max-deletions-percent\` (10%). Nothing was deleted.`
    )
    expect(unescapeSummary(result.summary)).toContain(
      `Check the change ${from.slice(0, 12)}..${to.slice(0, 12)}: a file emptied or cut short by an export or a merge deletes every ID it named; raise \`max-deletions-percent\` (0 means no limit) if this is intended, or run the workflow by hand with \`dry-run: true\` to see the plan first.`
    )
    // The way out it names: `max-deletions-percent: 0` deletes the 100 IDs.
    const unlimited = await run(dir, pushEvent(from, to), {
      ...listInputs,
      'max-deletions-percent': '0'
    })
    expect(unlimited.code).toBe(0)
    expect(unlimited.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual([...feedIds].sort())
  })

  it('through the GitHub REST API too (no checkout)', async () => {
    const { repoDir, from, to } = emptied
    const { result } = await runThroughApi(repoDir, pushEvent(from, to), listInputs)
    expectRefused(
      result,
      `The change would delete 100 of the 100 IDs that matching files named at ${from.slice(0, 12)} (100.0%)`
    )
  })

  it('a forced dry run (an open pull request) warns that the real run will be refused', async () => {
    const { dir, from, to } = emptied
    const result = await run(dir, pullEvent('pull_request-opened', from, to), listInputs)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(result.stdout).toContain(
      asCommand(
        `::warning::When this runs for real it will be refused: The change would delete 100 of the 100 IDs that matching files named at ${from.slice(0, 12)} (100.0%)`
      )
    )
    expect(miso.requests).toHaveLength(0)
  })

  it('a change deleting every page of the catalog (25 of 25) is refused', async () => {
    const { dir, from, to } = changed(pages(25), repo => repo.remove(...Object.keys(pages(25))))
    const result = await run(dir, pushEvent(from, to), pageInputs)
    expectRefused(
      result,
      `The change would delete 25 of the 25 IDs that matching files named at ${from.slice(0, 12)} (100.0%), more than \`max-deletions-percent\` (10%).`
    )
  })

  it('1 page of 25 deleted goes through; 3 of 25 (12%) is refused', async () => {
    const repo = TestRepo.create(fresh())
    const from = repo.write(pages(25)).commit('catalog')
    const one = repo.remove('content/shop/p-7.md').commit('retire p-7')
    const three = repo.remove('content/shop/p-8.md', 'content/shop/p-9.md').commit('retire 2 more')
    const dir = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh()).dir
    const result = await run(dir, pushEvent(from, one), pageInputs)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted]).toEqual(['PAGE-7'])
    miso.reset()
    miso.clearDeleted()
    expectRefused(
      await run(dir, pushEvent(from, three), pageInputs),
      `The change would delete 3 of the 25 IDs that matching files named at ${from.slice(0, 12)} (12.0%)`
    )
  })

  it('19 of 19 pages deleted goes through: under 20 IDs at base there is no percentage', async () => {
    const { dir, from, to } = changed(pages(19), repo => repo.remove(...Object.keys(pages(19))))
    const result = await run(dir, pushEvent(from, to), pageInputs)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect(miso.deleted.size).toBe(19)
    expect(unescapeSummary(result.summary)).toMatch(
      new RegExp(`It deletes 19 of the 19 IDs that matching files named at \\S*${from.slice(0, 7)}`)
    )
  })
})

describe('the diff sources read by reconcile need a git checkout', () => {
  it('a workspace that is no git checkout is named as such, before any call', async () => {
    const workspace = fresh()
    mkdirSync(workspace)
    writeFileSync(path.join(workspace, 'a.json'), '{"id":"A"}')
    const event = { name: 'workflow_dispatch', payload: eventFixture('workflow_dispatch') }
    const inputs = { reconcile: 'true', 'deleted-paths': '*.json', 'id-from': 'json:id' }
    const result = await run(workspace, event, inputs)
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toContain(
      `from the git checkout, which is not usable (${workspace} is not a git checkout). Add actions/checkout before this step.`
    )
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })
})

describe('delete-list-files: "to delete" lists', () => {
  const inputs = {
    'deleted-paths': 'content/products/*.md',
    'id-from': 'frontmatter:product_id',
    'id-list-files': 'data/live-ids.txt',
    'delete-list-files': 'data/discontinued*'
  }

  it('deletes the IDs the change adds to a list, once; keeps those a live file still names', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({
      'content/products/lamp.md': frontMatter('LIVE-1'),
      'data/live-ids.txt': 'LIVE-2\n',
      'data/discontinued.csv': 'product_id,reason\nD-1,old\nD-2,old\n'
    })
    const before = repo.commit('catalog')
    repo.write({
      // D-2 leaves the list (nothing to delete), D-3 and D-4 join it; LIVE-1 and LIVE-2 are
      // still named by a page and an ID list.
      'data/discontinued.csv': 'product_id,reason\nD-1,old\nD-3,new\nD-4,new\nLIVE-1,oops\n',
      // A new list: all its IDs, but D-1 was already in a list at base.
      'data/discontinued-2026.txt': 'D-5\nD-1\nLIVE-2\n',
      'README.md': 'Catalog\n'
    })
    const after = repo.commit('discontinue')
    const remote = repo.bareRemote()
    const workspace = TestRepo.shallowClone(remote, 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), inputs)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['D-3', 'D-4', 'D-5'])
    const summary = unescapeSummary(result.summary)
    expect(summary).toMatch(
      /\| Delete list data\/discontinued-2026\.txt \| 1 \| 1 \| added in \w+\.\.\w+ \| D-5 \|/
    )
    expect(summary).toMatch(
      /\| Delete list data\/discontinued\.csv \| 2 \| 2 \| added in \w+\.\.\w+ \| D-3, D-4 \|/
    )
    expect(summary).toContain('| LIVE-1 | content/products/lamp.md |')
    expect(summary).toContain('| LIVE-2 | data/live-ids.txt |')
    // The lists are no live source: a later change that adds nothing sends nothing again.
    repo.write({ 'README.md': 'Catalog, again\n' })
    const later = repo.commit('readme')
    const again = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    miso.reset()
    const rerun = await run(again.dir, pushEvent(after, later), inputs)
    expect(rerun.code).toBe(0)
    expect(rerun.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    expectNoSecret(result, KEY, TOKEN)
  })

  it('refuses a file that is both a live list and a "to delete" list, before any call', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'lists/live.txt': 'L-1\n', 'lists/discontinued.txt': 'Y\n' })
    const before = repo.commit('lists')
    repo.write({ 'lists/discontinued.txt': 'Z\n' }) // Y taken off (back on sale), Z added
    const after = repo.commit('edit')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'id-list-files': 'lists/*.txt',
      'delete-list-files': 'lists/discontinued.txt'
    })
    expect(result.code).not.toBe(0)
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      'lists/discontinued.txt matches both `id-list-files` (IDs of live products: a removed line deletes it) and `delete-list-files`'
    )
  })

  it('is a diff source on its own: a run with only `delete-list-files` reads the change', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'data/discontinued.txt': 'D-1\n' })
    const before = repo.commit('list')
    const after = repo.write({ 'data/discontinued.txt': 'D-1\nD-2\n' }).commit('discontinue D-2')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'delete-list-files': 'data/discontinued.txt'
    })
    expect(result.code).toBe(0)
    expect([...miso.deleted]).toEqual(['D-2'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['D-2'])
    // Without the event's base..head it fails before any call, as every diff source does.
    miso.reset()
    const manual = await run(
      workspace.dir,
      { name: 'workflow_dispatch', payload: {} },
      { 'delete-list-files': 'data/discontinued.txt' }
    )
    expect(manual.code).not.toBe(0)
    expect(manual.stdout).toMatch(/::error::.*`base`/)
    expect(miso.requests).toHaveLength(0)
  })

  it('fails closed on a list it cannot read, at base or at the result, before any call', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'data/discontinued.json': '["D-1", ' })
    const broken = repo.commit('a broken list')
    const fixed = repo.write({ 'data/discontinued.json': '["D-1", "D-2"]' }).commit('fix it')
    const rebroken = repo.write({ 'data/discontinued.json': '{"D-3": ' }).commit('break it')
    const remote = repo.bareRemote()
    const cases = [
      [
        broken,
        fixed,
        /data\/discontinued\.json: not valid JSON.*\(at \w+\)\. \w+ is the base commit/
      ],
      [fixed, rebroken, /data\/discontinued\.json: not valid JSON.*\(at \w+\)\. Nothing was sent/]
    ] as const
    for (const [from, to, error] of cases) {
      const workspace = TestRepo.shallowClone(remote, 'main', fresh())
      const result = await run(workspace.dir, pushEvent(from, to), {
        'delete-list-files': 'data/*.json'
      })
      expect(result.code).not.toBe(0)
      expect(result.stdout).toMatch(new RegExp(`::error::.*${error.source}`))
      expect(miso.requests).toHaveLength(0)
    }
  })
})

describe('a feed split keeps hundreds of IDs: one line in the log, a folded list in the summary', () => {
  it('counts the kept IDs in one log line and folds their list in the summary', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `F-${String(i).padStart(2, '0')}`)
    const repo = TestRepo.create(fresh())
    repo.write({ 'feeds/all.txt': ids.join('\n') + '\n' })
    const before = repo.commit('one feed')
    repo.remove('feeds/all.txt')
    repo.write({
      'feeds/a.txt': ids.slice(0, 20).join('\n') + '\n',
      'feeds/b.txt': ids.slice(20).join('\n') + '\n'
    })
    // git sees all.txt renamed to a.txt: the 20 IDs that a.txt keeps in place are not candidates.
    const after = repo.commit('split the feed')
    const workspace = TestRepo.shallowClone(repo.bareRemote(), 'main', fresh())
    const result = await run(workspace.dir, pushEvent(before, after), {
      'id-list-files': 'feeds/*.txt'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('empty')
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).not.toContain('F-39')
    const kept = result.stdout.split('\n').filter(line => line.startsWith('Kept'))
    expect(kept).toEqual([
      expect.stringMatching(
        /^Kept 20 IDs that files at \w+ still name: F-20 \(feeds\/b\.txt\), .*, and 15 more \(the job summary lists them\)\.$/
      )
    ])
    const summary = unescapeSummary(result.summary)
    expect(summary).toContain(
      '### Not deleted: still in the repository\n<details><summary>20 IDs still named at the result</summary>\n\n| ID | File that still names it |'
    )
    expect(summary).toContain('| F-39 | feeds/b.txt |\n\n</details>')
  })
})
