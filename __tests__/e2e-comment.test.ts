// The pull request comment end to end: dist/index.js runs as the runner does on pull request
// events, against the local Miso and a local GitHub (fake-github.ts with its comment routes).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret, formsOf, unescapeSummary, workspaceWith } from '../test/support/e2e.js'
import { allEntities } from '../src/report/markdown.js'
import { type ActionRun, type RunActionOptions, runAction } from '../test/support/run-action.js'
import { type FakeGitHub, startFakeGitHub } from '../test-server/fake-github.js'
import type { FakeComment } from '../test-server/fake-github-comments.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'
import { eventFixture } from '../test/support/fixtures.js'

const KEY = 'sk-e2e-comment-5ecret_key'
const TOKEN = 'ghs-e2e-comment-token'
const PR = 42
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-comment-'))
let counter = 0
const fresh = (): string => path.join(temp, `case-${++counter}`)
let miso: FakeMiso
let github: FakeGitHub

beforeAll(async () => {
  miso = await startFakeMiso({ apiKey: KEY })
  github = await startFakeGitHub({ token: TOKEN })
})
afterAll(async () => {
  await miso.close()
  await github.close()
  rmSync(temp, { recursive: true, force: true })
})
beforeEach(() => {
  miso.reset()
  miso.clearDeleted()
  github.comments.reset()
})

function pullEvent(name: string, extra: Record<string, unknown> = {}) {
  const payload = eventFixture(name)
  const pull_request = { ...(payload.pull_request as object), ...extra }
  const eventName = name.startsWith('pull_request_target') ? 'pull_request_target' : 'pull_request'
  return { name: eventName, payload: { ...payload, pull_request } }
}

const opened = () => pullEvent('pull_request-opened')
const synchronize = () => pullEvent('pull_request-synchronize')
const merged = () => pullEvent('pull_request-closed-merged')
const closedUnmerged = () => pullEvent('pull_request-closed-unmerged')

/** Runs dist/index.js with `comment: true` on a pull request event, in the job and step given. */
function run(
  event: { name: string; payload: unknown },
  inputs: Record<string, string>,
  {
    job = 'prune',
    step = 'delete',
    env = {},
    workspace,
    kill
  }: {
    job?: string
    step?: string
    env?: Record<string, string>
    workspace?: string
    kill?: RunActionOptions['kill']
  } = {}
): Promise<ActionRun> {
  return runAction({
    event,
    workspace,
    kill,
    timeoutMs: 40_000,
    inputs: {
      'api-key': KEY,
      'api-url': miso.url,
      'poll-interval': '1',
      'github-token': TOKEN,
      comment: 'true',
      ...inputs
    },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/shop-catalog',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW: 'Catalog <sync>',
      GITHUB_JOB: job,
      GITHUB_ACTION: step,
      GITHUB_RUN_ID: '7001',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      ...env
    }
  })
}

/** The single comment the token keeps on the pull request. */
function theComment(): FakeComment {
  const own = github.comments.ownComments(PR)
  expect(own).toHaveLength(1)
  return own[0]
}

/** No form of the key (raw, encoded, or escaped as the comment escapes) in any body sent. */
function expectKeyNowhere(result: ActionRun): void {
  expectNoSecret(result, KEY, TOKEN)
  expectKeyNotInComment()
}

function expectKeyNotInComment(): void {
  const sent = github.comments.calls.map(c => c.body ?? '').join('\n')
  const read = readComment(sent)
  for (const form of [...formsOf(KEY), allEntities(KEY)]) {
    expect(sent).not.toContain(form)
    expect(read).not.toContain(form)
  }
  expect(read).not.toContain(TOKEN)
}

/** The comment as a reader sees its text: entities decoded, code tags and word joiners gone. */
function readComment(raw: string): string {
  return unescapeSummary(raw.replace(/<\/?code>/g, '')).replace(/\u2060/g, '')
}

/** The marker of the default job and step of `run`. */
const MARKER =
  '<!-- miso-bulk-delete comment workflow=Catalog%20%3Csync%3E job=prune step=delete -->'

const noticesAbout = (result: ActionRun) =>
  result.stdout.split('\n').filter(line => line.startsWith('::notice::The pull request comment'))

describe('one comment per workflow and job', () => {
  it('created on the first run: the plan, with the marker and the comment-url output', async () => {
    const result = await run(opened(), { 'product-ids': 'SKU-1, SKU-2, SKU-3' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    const comment = theComment()
    expect(result.outputs['comment-url']).toBe(comment.html_url)
    expect(comment.body.split('\n')[0]).toBe(MARKER)
    const body = readComment(comment.body)
    expect(body).toContain(
      'When this pull request is merged, **3 products** will be deleted from Miso.'
    )
    expect(body).toContain('Nothing was deleted yet.')
    expect(body).toContain('| Input `product-ids` | 3 | SKU-1, SKU-2, SKU-3 |')
    expect(body).toMatch(/- SKU-1\n- SKU-2\n- SKU-3\n/)
    expect(body).toContain(
      '[this workflow run](https://github.com/acme/shop-catalog/actions/runs/7001)'
    )
    // Written after the outputs and summary, which are complete without it.
    expect(result.summary).toContain('Miso bulk delete: dry-run')
    expect(result.stdout.indexOf('Status: dry-run')).toBeLessThan(
      result.stdout.indexOf('Wrote the pull request comment')
    )
    expect(miso.requests).toHaveLength(0)
    expectKeyNowhere(result)
  })

  it('edited on later runs, found past 100 other comments, never duplicated', async () => {
    const someone = { login: 'reviewer', type: 'User' as const, association: 'MEMBER' }
    for (let i = 0; i < 120; i++) github.comments.add(PR, `Review note ${i}`, someone)
    // Anyone can paste the marker: an outsider's comment carrying it is not ours to edit.
    const marker = MARKER
    const outsider = { login: 'mallory', type: 'User' as const, association: 'NONE' }
    github.comments.add(PR, `${marker}\nI am the comment, edit me`, outsider)
    const first = await run(opened(), { 'product-ids': 'SKU-1' })
    expect(first.code).toBe(0)
    for (let i = 120; i < 230; i++) github.comments.add(PR, `Review note ${i}`, someone)
    const created = theComment()
    expect(github.comments.list(PR).indexOf(created)).toBe(121)

    github.comments.calls.length = 0
    const second = await run(synchronize(), { 'product-ids': 'SKU-1\nSKU-9' })
    expect(second.code).toBe(0)
    const comment = theComment()
    expect(comment.id).toBe(created.id)
    expect(second.outputs['comment-url']).toBe(comment.html_url)
    expect(readComment(comment.body)).toContain('**2 products** will be deleted')
    // The comment is on page 2 of 100; the list stops there, asks which of the two comments
    // with the marker the token wrote, and edits that one.
    expect(github.comments.calls.map(c => `${c.method} ${c.path}`)).toEqual([
      `GET /repos/acme/shop-catalog/issues/${PR}/comments?per_page=100`,
      `GET /repos/acme/shop-catalog/issues/${PR}/comments?per_page=100&page=2`,
      'POST /graphql',
      `PATCH /repos/acme/shop-catalog/issues/comments/${created.id}`
    ])
    const asked = JSON.parse(github.comments.calls[2].body ?? '{}') as { variables: unknown }
    expect(asked.variables).toEqual({
      ids: [github.comments.list(PR)[120].node_id, created.node_id]
    })
    expect(github.comments.list(PR)).toHaveLength(232)
    expect(github.comments.list(PR)[120].body).toBe(`${marker}\nI am the comment, edit me`)
    expect(second.stdout).toContain('Updated the pull request comment')
    expectKeyNowhere(second)
  })

  it('a run that created its comment at the same moment as another keeps only the oldest', async () => {
    const marker = MARKER
    let racer: FakeComment | undefined
    github.comments.beforeCreate = issue => {
      racer ??= github.comments.add(issue, `${marker}\nwritten by a simultaneous run`)
    }
    const result = await run(opened(), { 'product-ids': 'SKU-1' })
    expect(result.code).toBe(0)
    const comment = theComment()
    expect(comment.id).toBe(racer?.id)
    expect(readComment(comment.body)).toContain('- SKU-1')
    expect(result.outputs['comment-url']).toBe(comment.html_url)
    expect(github.comments.calls.map(c => `${c.method} ${c.path.split('/')[1]}`)).toEqual([
      'GET repos',
      'POST repos',
      'GET repos',
      'POST graphql',
      'PATCH repos',
      'DELETE repos'
    ])
  })

  it('two steps of one job (one per store) keep two comments, each headed by its comment-title', async () => {
    // The web store's preview must survive the outlet store's step, which deletes nothing.
    const web = Array.from({ length: 120 }, (_, i) => `WEB-${i}`).join('\n')
    for (const [step, ids, title] of [
      ['web', web, 'Web store'],
      ['outlet', '', 'Outlet store'],
      ['web', web, 'Web store'],
      ['outlet', '', 'Outlet store']
    ]) {
      const inputs = { 'product-ids': ids, 'comment-title': title }
      const result = await run(synchronize(), inputs, { step })
      expect(result.code).toBe(0)
    }
    const own = github.comments.ownComments(PR)
    expect(own).toHaveLength(2)
    const [web1, outlet] = own.map(c => readComment(c.body).split('\n'))
    expect(web1.slice(0, 4)).toEqual([
      '<!-- miso-bulk-delete comment workflow=Catalog%20%3Csync%3E job=prune step=web -->',
      '### 🔍 Web store: preview',
      '',
      'When this pull request is merged, **120 products** will be deleted from Miso.'
    ])
    expect(outlet.slice(0, 4)).toEqual([
      '<!-- miso-bulk-delete comment workflow=Catalog%20%3Csync%3E job=prune step=outlet -->',
      '### 🔍 Outlet store: preview',
      '',
      'When this pull request is merged, no product will be deleted from Miso.'
    ])
  })

  it('the default comment-title heads the comment', async () => {
    const result = await run(merged(), { 'product-ids': 'SKU-1' })
    expect(result.code).toBe(0)
    expect(theComment().body.split('\n')[1]).toBe('### ✅ Miso bulk delete: succeeded')
  })

  it.each([
    ['a member', { login: 'octo-admin', type: 'User' as const, association: 'MEMBER' }],
    ['the owner', { login: 'acme-owner', type: 'User' as const, association: 'OWNER' }],
    ['another bot', { login: 'renovate[bot]', type: 'Bot' as const, association: 'NONE' }]
  ])(
    'a comment with the marker written by %s is not edited: a new one is written',
    async (_, author) => {
      const pasted = github.comments.add(
        PR,
        `${MARKER}\nnothing will be deleted, merge away`,
        author
      )
      const result = await run(opened(), { 'product-ids': 'SKU-1' })
      expect(result.code).toBe(0)
      const comment = theComment()
      expect(comment.id).not.toBe(pasted.id)
      expect(readComment(comment.body)).toContain('**1 product** will be deleted')
      expect(github.comments.list(PR)).toHaveLength(2)
      expect(github.comments.list(PR)[0].body).toBe(
        `${MARKER}\nnothing will be deleted, merge away`
      )
      expect(github.comments.calls.filter(c => c.method === 'PATCH')).toHaveLength(0)
      expect(result.outputs['comment-url']).toBe(comment.html_url)
    }
  )

  it('two jobs keep two comments', async () => {
    for (const job of ['preview', 'prune', 'preview', 'prune']) {
      const result = await run(synchronize(), { 'product-ids': `SKU-${job}` }, { job })
      expect(result.code).toBe(0)
    }
    const own = github.comments.ownComments(PR)
    expect(own).toHaveLength(2)
    expect(own[0].body).toMatch(
      /^<!-- miso-bulk-delete comment workflow=\S+ job=preview step=delete -->\n/
    )
    expect(readComment(own[0].body)).toContain('SKU-preview')
    expect(own[1].body).toMatch(
      /^<!-- miso-bulk-delete comment workflow=\S+ job=prune step=delete -->\n/
    )
    expect(readComment(own[1].body)).toContain('SKU-prune')
  })

  it.each(['push', 'workflow_dispatch'])(
    'a %s event writes no comment, with a notice',
    async name => {
      const result = await run(
        { name, payload: name === 'push' ? eventFixture('push') : {} },
        { 'product-ids': 'SKU-1', 'dry-run': 'true' }
      )
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(
        `::notice::No pull request comment (\`comment\` is true): the \`${name}\` event is not about a pull request.`
      )
      expect(github.comments.calls).toHaveLength(0)
      expect(result.outputs['comment-url']).toBeUndefined()
    }
  )

  it('`comment` left false writes none on a pull request', async () => {
    const result = await run(opened(), { 'product-ids': 'SKU-1', comment: 'false' })
    expect(result.code).toBe(0)
    expect(github.comments.calls).toHaveLength(0)
  })
})

describe('the comment follows the pull request', () => {
  it('plan while open, then the result in its place after the merge', async () => {
    const ids = { 'product-ids': 'SKU-1, SKU-2, SKU-3' }
    await run(opened(), ids)
    const plan = theComment()
    expect(readComment(plan.body)).toContain('Nothing was deleted yet.')

    const result = await run(merged(), ids)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['SKU-1', 'SKU-2', 'SKU-3'])
    const comment = theComment()
    expect(comment.id).toBe(plan.id)
    const body = readComment(comment.body)
    expect(body).toContain('### ✅ Miso bulk delete: succeeded')
    expect(body).toMatch(/\| succeeded \| 3 \| 1 \| 0 \|/)
    const [taskId] = JSON.parse(result.outputs['task-ids']) as string[]
    expect(body).toMatch(new RegExp(`\\| 1 \\| ${taskId} \\| 3 \\| succeeded \\|`))
    expect(body).not.toContain('Nothing was deleted yet')
    expect(body).not.toContain('will be deleted')
    expectKeyNowhere(result)
  })

  it('after a merge whose deletion failed: the failures', async () => {
    await run(opened(), { 'product-ids': 'SKU-1' })
    miso.inject({ route: 'delete', kind: '500', times: 1 })
    const result = await run(merged(), { 'product-ids': 'SKU-1', retries: '0' })
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    const body = readComment(theComment().body)
    expect(body).toContain('### ❌ Miso bulk delete: failed')
    expect(body).toMatch(/\| failed \| 1 \| 0 \| 1 \|/)
    expect(body).toContain('#### Failures')
    expect(body).toMatch(/\| 1 \| 500 \| \S/)
    expectKeyNowhere(result)
  })

  it('closed without merging: nothing will be deleted', async () => {
    await run(opened(), { 'product-ids': 'SKU-1' })
    const result = await run(closedUnmerged(), { 'product-ids': 'SKU-1' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    const body = readComment(theComment().body)
    expect(body).toContain(
      'This pull request was closed without being merged, so nothing will be deleted from Miso.'
    )
    expect(body).not.toContain('SKU-1')
    expect(miso.requests).toHaveLength(0)
  })
})

describe('a token that may not comment never fails the run', () => {
  it.each([
    ['403 on the listing (read-only token)', 'GET', 403, 'Resource not accessible by integration'],
    ['404 on the listing', 'GET', 404, 'Not Found'],
    ['403 on create (fork pull request)', 'POST', 403, 'Resource not accessible by integration']
  ] as const)('%s: one notice, the run succeeds', async (_, method, status, message) => {
    github.comments.fail({ method, status, message })
    const result = await run(merged(), { 'product-ids': 'SKU-1, SKU-2' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expect([...miso.deleted].sort()).toEqual(['SKU-1', 'SKU-2'])
    expect(result.outputs['comment-url']).toBeUndefined()
    const notices = noticesAbout(result)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(
      `The pull request comment on #${PR} was not written: the token may not comment (HTTP ${status}: ${message}`
    )
    expect(notices[0]).toContain('`permissions: pull-requests: write`')
    expect(result.stdout).not.toMatch(/^::(error|warning)::/m)
    expect(github.comments.list(PR)).toHaveLength(0)
    expectKeyNowhere(result)
  })

  it('retries 5xx and a secondary rate limit, then writes', async () => {
    github.comments.fail({ method: 'GET', status: 502, times: 1 })
    github.comments.fail({
      method: 'POST',
      status: 403,
      times: 1,
      message: 'You have exceeded a secondary rate limit',
      headers: { 'retry-after': '1' }
    })
    const result = await run(opened(), { 'product-ids': 'SKU-1' })
    expect(result.code).toBe(0)
    expect(readComment(theComment().body)).toContain('- SKU-1')
    expect(result.outputs['comment-url']).toBe(theComment().html_url)
    // The listing after a create looks for a comment a simultaneous run may have written, and
    // asks whether the one it found is the token's.
    expect(github.comments.calls.map(c => `${c.method} ${c.path.split('/')[1]}`)).toEqual([
      'GET repos',
      'GET repos',
      'POST repos',
      'POST repos',
      'GET repos',
      'POST graphql'
    ])
    expect(result.stdout).toMatch(/GitHub API GET .*: HTTP 502; retrying in 1 s/)
  })

  it('a GitHub that never answers: each request is cut at request-timeout, the run succeeds', async () => {
    github.comments.fail({ method: 'GET', status: 200, delayMs: 60_000 })
    const result = await run(opened(), {
      'product-ids': 'SKU-1',
      retries: '1',
      'request-timeout': '1'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(github.comments.calls).toHaveLength(2)
    expect(result.stdout).toMatch(/no answer in time; retrying in 1 s/)
    expect(result.stdout).toMatch(
      /::warning::The pull request comment on #42 was not written \(the run's result is not affected\): GitHub did not answer within 1 s/
    )
    expect(result.elapsedMs).toBeLessThan(20_000)
  })

  it('cancelled while the comment is written: it stops at once, with a notice', async () => {
    github.comments.fail({ method: 'GET', status: 200, delayMs: 60_000 })
    const result = await run(
      opened(),
      { 'product-ids': 'SKU-1' },
      { kill: { signal: 'SIGINT', afterOutput: 'Status: dry-run' } }
    )
    expect(result.outputs.status).toBe('dry-run')
    expect(result.stdout).toContain(
      '::notice::The pull request comment on #42 was not written: the run was cancelled.'
    )
    expect(github.comments.calls.filter(c => c.method !== 'GET')).toHaveLength(0)
    expect(result.elapsedMs).toBeLessThan(20_000)
  })

  it('a next page of comments on another origin: not followed, a notice, the run succeeds', async () => {
    const elsewhere = await startFakeGitHub({ token: TOKEN })
    const gh = await startFakeGitHub({
      token: TOKEN,
      comments: github.comments,
      maxPerPage: 1,
      nextOrigin: elsewhere.url
    })
    try {
      const someone = { login: 'reviewer', type: 'User' as const, association: 'MEMBER' }
      github.comments.add(PR, 'Review note 1', someone)
      github.comments.add(PR, 'Review note 2', someone)
      const result = await run(
        merged(),
        { 'product-ids': 'SKU-1' },
        { env: { GITHUB_API_URL: gh.url } }
      )
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(elsewhere.requests).toEqual([])
      const notices = noticesAbout(result)
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatch(
        /^::notice::The pull request comment on #42 was not written: GitHub's answer has its next page on http:\/\/127\.0\.0\.1:\d+, not the API's origin http:\/\/127\.0\.0\.1:\d+ \(GITHUB_API_URL\): not followed/
      )
      expect(github.comments.calls.map(c => c.method)).toEqual(['GET'])
      expect(result.stdout).not.toMatch(/^::(error|warning)::/m)
      expectKeyNowhere(result)
    } finally {
      await gh.close()
      await elsewhere.close()
    }
  })

  it("GitHub's deprecation header: Octokit's own warning reaches neither stdout nor stderr", async () => {
    github.comments.fail({
      method: 'GET',
      status: 200,
      times: 1,
      headers: { deprecation: 'true', sunset: 'tomorrow' }
    })
    const result = await run(opened(), { 'product-ids': 'SKU-1' })
    expect(result.code).toBe(0)
    expect(readComment(theComment().body)).toContain('- SKU-1')
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/deprecated|@octokit/)
  })

  it('5xx that never ends: a warning, bounded retries, the run succeeds', async () => {
    github.comments.fail({ method: 'GET', status: 503 })
    const result = await run(opened(), { 'product-ids': 'SKU-1', retries: '1' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(github.comments.calls).toHaveLength(2)
    expect(result.stdout).toMatch(/::warning::The pull request comment on #42 was not written/)
  })
})

describe('size and hostile content', () => {
  it('a plan too large for one comment is cut, saying so, under 65,536 characters', async () => {
    // 20,000 long IDs full of characters that escaping inflates.
    const ids = Array.from({ length: 20_000 }, (_, i) => `SKU|${'<*>'.repeat(60)}|${i}`)
    const workspace = workspaceWith({ 'ids.txt': ids.join('\n') })
    const result = await run(
      opened(),
      { 'ids-file': 'ids.txt', 'max-deletions': '0' },
      { workspace }
    )
    expect(result.code).toBe(0)
    const comment = theComment()
    expect(comment.body.length).toBeLessThan(65_536)
    const body = readComment(comment.body)
    expect(body).toContain('**20000 products** will be deleted')
    expect(body).toMatch(
      /… \d+ more IDs not shown: the job summary and the step outputs have them all/
    )
    expect(result.outputs['comment-url']).toBe(comment.html_url)
  })

  it('cuts a value as the job summary does: whole up to 256 characters, then both ends kept', async () => {
    const whole = `SKU-${'w'.repeat(246)}`
    const long = `SKU-${'l'.repeat(296)}END`
    const result = await run(opened(), { 'product-ids': `${whole}, ${long}` })
    expect(result.code).toBe(0)
    const read = readComment(theComment().body)
    expect(read).toContain(whole)
    const cut = /SKU-l+…\[\d+ more characters\]…l*END/.exec(read)
    expect(cut?.[0]).toHaveLength(256)
    expect(unescapeSummary(result.summary)).toContain(cut![0])
    expectKeyNowhere(result)
  })

  it('IDs and file names that look like web addresses make no link', async () => {
    const workspace = workspaceWith({ 'www.evil.example.txt': 'https://x.y/a\nWWW.shop.example\n' })
    const result = await run(
      opened(),
      {
        'ids-file': 'www.evil.example.txt',
        'product-ids': 'www.evil.example, http://evil.example, mail@evil.example'
      },
      { workspace }
    )
    expect(result.code).toBe(0)
    const raw = theComment().body
    const [, ...visible] = raw.split('\n')
    expect(visible.join('\n')).not.toMatch(/www\.|:\/\/(?!github\.com\/acme)|@(?!\u2060)/i)
    const body = readComment(raw)
    for (const text of [
      'www.evil.example',
      'http://evil.example',
      'mail@evil.example',
      'https://x.y/a'
    ]) {
      expect(body).toContain(`- ${text}\n`)
    }
    expect(body).toContain('| ID file www.evil.example.txt | 2 | https://x.y/a, WWW.shop.example |')
  })

  it('a hostile file name: no markup, no early end of the marker, no key', async () => {
    const repo = TestRepo.create(fresh())
    const hostile = `x--><img src=x onerror=alert(1)> |a|b| [click](javascript:alert(1)) **${KEY}** @admin #1`
    repo.write({
      [`catalog/${hostile}.json`]: '{}',
      'catalog/kept.json': '{}'
    })
    repo.commit('catalog')
    const base = repo.head()
    repo.remove(`catalog/${hostile}.json`)
    repo.move('catalog/kept.json', 'catalog/archive/kept.json')
    const head = repo.commit('retire')
    const gh = await startFakeGitHub({ repoDir: repo.dir, token: TOKEN, comments: github.comments })
    try {
      const workspace = fresh()
      mkdirSync(workspace)
      const event = pullEvent('pull_request-opened', {
        base: { sha: base },
        head: { sha: head }
      })
      const result = await run(
        event,
        { 'deleted-paths': 'catalog/**/*.json', 'id-from': 'filename' },
        { workspace, env: { GITHUB_API_URL: gh.url, GITHUB_SHA: head } }
      )
      expect(result.code).toBe(0)
      expect(result.outputs.count).toBe('1')
      const raw = theComment().body
      // One HTML comment, the marker; no tag, link, mention or table cell from the name.
      expect(raw.match(/-->/g)).toHaveLength(1)
      expect(raw).not.toMatch(/<img|\]\(javascript|\*\*\*\*/)
      // A mention or an issue reference only inside code, where GitHub makes none.
      expect(raw.replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(/@admin|#1\b|&#35;1\b/)
      const body = readComment(raw)
      expect(body).toContain(
        `x--><img src=x onerror=alert(1)> |a|b| [click](javascript:alert(1)) ******* @admin #1`
      )
      expect(body).toContain(`Change compared: ${base.slice(0, 12)}..${head.slice(0, 12)}`)
      expect(body).toContain('| kept | catalog/archive/kept.json |')
      for (const line of raw.split('\n').filter(l => l.startsWith('| Content file'))) {
        expect(line.split('|')).toHaveLength(5)
      }
      // The name is in the log and the ID files as it is (the runner masks the key in the
      // log); the comment, which anyone reading the pull request sees, has it in no form.
      expectKeyNotInComment()
    } finally {
      await gh.close()
    }
  })
})
