import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  checkoutProblem,
  diffChanges,
  git,
  ensureCommit,
  GitError,
  HistoryError,
  isShallow,
  listTree,
  mergeBase,
  parentOf,
  readBlobs,
  resolveCommit
} from '../src/diff/git.js'
import type { GitContext } from '../src/diff/git.js'
import { isolatedGitEnv, runGit, TestRepo } from '../test-server/git-repo.js'
import { UnreadableFileError } from '../src/diff/commit-files.js'
import { type RecordingLog, recordingLog } from '../test/support/log.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'git-test-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

let counter = 0
function fresh(): string {
  return path.join(temp, `case-${++counter}`)
}

function context(dir: string): GitContext & { log: RecordingLog } {
  return { cwd: dir, env: isolatedGitEnv(), log: recordingLog() }
}

function hasObject(dir: string, sha: string): boolean {
  try {
    runGit(dir, ['cat-file', '-e', `${sha}^{commit}`])
    return true
  } catch {
    return false
  }
}

const ODD = [
  'with space.json',
  'ünïcødé/prödúct.json',
  'new\nline.json',
  '-leading-dash.json',
  'tab\there.json'
]

describe('checkoutProblem', () => {
  it('accepts the top level of a work tree', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'a.txt': 'a' }).commit()
    expect(await checkoutProblem(context(repo.dir))).toBeUndefined()
  })

  it('refuses a directory inside a work tree, and a plain directory', async () => {
    const repo = TestRepo.create(fresh())
    repo.write({ 'sub/a.txt': 'a' }).commit()
    expect(await checkoutProblem(context(path.join(repo.dir, 'sub')))).toMatch(
      /is not the top level of its git repository/
    )
    const plain = fresh()
    mkdirSync(plain)
    expect(await checkoutProblem(context(plain))).toBe(`${plain} is not a git checkout`)
  })

  it('refuses a missing directory without throwing', async () => {
    const missing = path.join(temp, 'missing')
    expect(await checkoutProblem(context(missing))).toBe(
      `git cannot run in ${missing}: spawn git ENOENT`
    )
  })
})

describe('diffChanges, listTree, readBlobs', () => {
  let repo: TestRepo
  let base: string
  let head: string

  beforeAll(() => {
    repo = TestRepo.create(fresh())
    const files: Record<string, string> = {
      'keep.json': '{"id":"keep"}',
      'gone.json': '{"id":"gone"}',
      'edit.json': '{"id":"edit"}',
      'old/name.json': '{"id":"moved","padding":"the same content, so git sees a rename"}'
    }
    for (const odd of ODD) files[odd] = JSON.stringify({ id: odd })
    base = repo.write(files).commit('base')
    repo.remove('gone.json', ...ODD.slice(0, 3)).move(ODD[3], 'renamed/-still-dashed.json')
    repo.move('old/name.json', 'new/name.json')
    head = repo.write({ 'edit.json': '{"id":"edited"}', 'added.json': '{}' }).commit('head')
  })

  it('lists deletions, renames, edits and additions, odd names intact', async () => {
    const changes = await diffChanges(context(repo.dir), base, head)
    const sorted = [...changes].sort((a, b) => (a.path < b.path ? -1 : 1))
    expect(sorted).toEqual(
      [
        { status: 'deleted', path: 'gone.json' },
        { status: 'deleted', path: 'with space.json' },
        { status: 'deleted', path: 'ünïcødé/prödúct.json' },
        { status: 'deleted', path: 'new\nline.json' },
        { status: 'renamed', oldPath: '-leading-dash.json', path: 'renamed/-still-dashed.json' },
        { status: 'renamed', oldPath: 'old/name.json', path: 'new/name.json' },
        { status: 'modified', path: 'edit.json' },
        { status: 'added', path: 'added.json' }
      ].sort((a, b) => (a.path < b.path ? -1 : 1))
    )
  })

  it('lists every file at a commit and reads them by blob, odd names and all', async () => {
    const ctx = context(repo.dir)
    const tree = await listTree(ctx, base)
    expect([...tree.keys()].sort()).toEqual(
      ['keep.json', 'gone.json', 'edit.json', 'old/name.json', ...ODD].sort()
    )
    const blobs = await readBlobs(
      ctx,
      [...tree.values()].map(e => e.object)
    )
    expect([...tree.values()].every(e => e.mode === '100644')).toBe(true)
    for (const odd of ODD) {
      expect(
        JSON.parse(blobs.get(tree.get(odd)?.object as string)?.toString('utf8') ?? '')
      ).toEqual({
        id: odd
      })
    }
  })

  it('reads empty and binary-looking blobs exactly', async () => {
    const other = TestRepo.create(fresh())
    const bytes = Buffer.from([0, 10, 13, 255, 10, 0])
    other.write({ 'empty.txt': '', 'bytes.bin': bytes }).commit()
    const ctx = context(other.dir)
    const tree = await listTree(ctx, 'HEAD')
    const [empty, binary] = [tree.get('empty.txt')?.object, tree.get('bytes.bin')?.object]
    const blobs = await readBlobs(ctx, [empty as string, binary as string])
    expect(blobs.get(empty as string)?.length).toBe(0)
    expect(blobs.get(binary as string)?.toString('latin1')).toBe(bytes.toString('latin1'))
  })

  it('refuses anything but a SHA as a blob name', async () => {
    await expect(readBlobs(context(repo.dir), ['HEAD:keep.json'])).rejects.toThrow(/not a blob SHA/)
  })

  it('reports a failing git command with its message', async () => {
    await expect(diffChanges(context(repo.dir), 'f'.repeat(40), head)).rejects.toBeInstanceOf(
      GitError
    )
  })
})

describe('a file name that is not UTF-8 stops the run, naming the commit and the bytes', () => {
  const latin1 = (repo: TestRepo, byte: number) =>
    writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/p/x`), Buffer.from([byte, 0x2e])]), '{}')
  let repo: TestRepo
  let base: string
  let head: string
  beforeAll(() => {
    repo = TestRepo.create(fresh())
    repo.write({ 'p/a.json': '{}', 'p/é.json': '{}' })
    latin1(repo, 0xe8)
    base = repo.commit('base')
    repo.git('rm', '-q', '--cached', '-r', 'p')
    rmSync(path.join(repo.dir, 'p'), { recursive: true })
    repo.write({ 'p/a.json': '{}', 'p/é.json': '{}' })
    latin1(repo, 0xe9)
    head = repo.commit('head')
  })

  it("in a commit's tree", async () => {
    const listing = listTree(context(repo.dir), head)
    await expect(listing).rejects.toBeInstanceOf(UnreadableFileError)
    await expect(listing).rejects.toMatchObject({
      file: 'p/x\\xe9.',
      commit: head,
      message: `p/x\\xe9. at ${head.slice(0, 12)}: the file name is not valid UTF-8 (its bytes past ASCII shown as \\xNN), so it cannot be told apart from other such names`,
      next: expect.stringContaining('Rename the file to a UTF-8 name') as unknown
    })
  })

  it('in a change: a deleted name at the base commit, an added one at the head', async () => {
    const changes = diffChanges(context(repo.dir), base, head)
    await expect(changes).rejects.toMatchObject({ file: 'p/x\\xe8.', commit: base })
    repo.git('rm', '-q', '--cached', '-r', 'p')
    rmSync(path.join(repo.dir, 'p'), { recursive: true })
    const clean = repo.write({ 'p/a.json': '{}' }).commit('clean')
    const added = diffChanges(context(repo.dir), clean, head)
    await expect(added).rejects.toMatchObject({ file: 'p/x\\xe9.', commit: head })
  })
})

describe('a shallow checkout fetches what it needs', () => {
  let source: TestRepo
  let remote: string
  let root: string
  let fork: string
  let mainTip: string
  let featureTip: string

  beforeAll(() => {
    source = TestRepo.create(fresh())
    root = source.write({ 'a.txt': 'root' }).commit('root')
    // Long history before the fork, so finding the merge base need not fetch all of it.
    for (let i = 0; i < 40; i++) source.write({ 'a.txt': `history ${i}` }).commit(`history ${i}`)
    fork = source.write({ 'a.txt': 'fork point' }).commit('fork point')
    source.git('checkout', '--quiet', '-b', 'feature')
    source.write({ 'f.txt': 'feature 1' }).commit('feature 1')
    featureTip = source.write({ 'f.txt': 'feature 2' }).commit('feature 2')
    source.git('checkout', '--quiet', 'main')
    for (let i = 0; i < 3; i++) source.write({ 'a.txt': `main ${i}` }).commit(`main ${i}`)
    mainTip = source.head()
    source.git('tag', 'v1', featureTip)
    remote = source.bareRemote()
  })

  it('fetches a missing commit by SHA, without tags and without deepening', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    const ctx = context(clone.dir)
    expect(hasObject(clone.dir, featureTip)).toBe(false)
    expect(await ensureCommit(ctx, featureTip)).toBe(featureTip)
    expect(hasObject(clone.dir, featureTip)).toBe(true)
    // The fetch, which may take a while, is said in the log; each git command at debug.
    expect(ctx.log.of('info')).toEqual([`Fetching commit ${featureTip.slice(0, 12)} from origin…`])
    expect(ctx.log.of('debug')).toContainEqual(
      expect.stringMatching(/^git fetch --quiet --no-tags /)
    )
    expect(await isShallow(ctx)).toBe(true)
    expect(clone.git('tag', '--list')).toBe('')
    // Depth 1: the feature tip's parent did not come along.
    expect(await resolveCommit(ctx, `${featureTip}^`)).toBeUndefined()
  })

  it('fetches a branch by name', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    expect(await ensureCommit(context(clone.dir), 'feature')).toBe(featureTip)
  })

  it('deepens step by step for an ancestor named with a suffix', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    const expected = source.git('rev-parse', 'main~35').trim()
    expect(await ensureCommit(context(clone.dir), 'HEAD~35')).toBe(expected)
  })

  it('deepens for a merge base only as far as needed', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    expect(await mergeBase(context(clone.dir), mainTip, featureTip)).toBe(fork)
    expect(await isShallow(context(clone.dir))).toBe(true)
    expect(hasObject(clone.dir, root)).toBe(false)
  })

  it('fetches the parent of a commit by SHA, and knows a root commit has none', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    const ctx = context(clone.dir)
    const parent = source.git('rev-parse', 'main^').trim()
    expect(await parentOf(ctx, mainTip)).toBe(parent)
    expect(hasObject(clone.dir, parent)).toBe(true)
    expect(await parentOf(ctx, root)).toBeUndefined()
  })

  it('says so when origin does not have the commit', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    const missing = 'a'.repeat(40)
    await expect(ensureCommit(context(clone.dir), missing)).rejects.toThrow(HistoryError)
    await expect(ensureCommit(context(clone.dir), missing)).rejects.toThrow(
      /cannot fetch commit aaaaaaaaaaaa from origin/
    )
  })

  it('says so when origin cannot be reached', async () => {
    const clone = TestRepo.shallowCheckout(remote, mainTip, fresh())
    clone.git('remote', 'set-url', 'origin', `file://${path.join(temp, 'no-such-remote.git')}`)
    await expect(ensureCommit(context(clone.dir), featureTip)).rejects.toThrow(HistoryError)
  })

  it('fetches all history as a last resort, then says when there is no common history', async () => {
    const other = TestRepo.create(fresh())
    other.write({ 'o.txt': 'unrelated' }).commit('unrelated root')
    const unrelated = other.write({ 'o.txt': 'unrelated 2' }).commit('unrelated 2')
    source.git('fetch', '--quiet', other.dir, `${unrelated}:refs/heads/unrelated`)
    const withUnrelated = source.bareRemote()
    const clone = TestRepo.shallowCheckout(withUnrelated, mainTip, fresh())
    const ctx = context(clone.dir)
    await expect(mergeBase(ctx, mainTip, unrelated)).rejects.toThrow(/have no common history/)
    expect(await isShallow(ctx)).toBe(false)
  })
})

describe('git', () => {
  // An alias that runs a shell command: git starts a process that never ends by itself.
  const hanging = (): GitContext => ({
    cwd: temp,
    env: {
      ...isolatedGitEnv(),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'alias.hang',
      GIT_CONFIG_VALUE_0: '!sleep 30'
    },
    log: recordingLog()
  })

  it('is stopped at its time limit, with what it started', async () => {
    const started = Date.now()
    await expect(git(hanging(), ['hang'], { timeLimitMs: 200 })).rejects.toThrow(
      'git hang took longer than 0.2 s and was stopped'
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it("is stopped by the run's cancellation, which gives the reason", async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('the run was cancelled')), 200)
    const ctx = { ...hanging(), signal: controller.signal }
    await expect(git(ctx, ['hang'])).rejects.toThrow('the run was cancelled')
  })
})
