// Real git repositories for the diff tests: a work tree built commit by commit, a bare
// "remote" that serves any commit by SHA as GitHub does, and shallow checkouts of it.
// git runs isolated from the machine's configuration.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/** git isolated from the machine's configuration, with a fixed identity. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    ...extra
  }
}

export function runGit(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    env: isolatedGitEnv(),
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024
  })
}

/** A temporary git work tree on branch `main`, built commit by commit. */
export class TestRepo {
  private constructor(readonly dir: string) {}

  static create(parent = mkdtempSync(path.join(os.tmpdir(), 'diff-repo-'))): TestRepo {
    const dir = path.join(parent, 'work')
    mkdirSync(dir, { recursive: true })
    runGit(dir, ['init', '--quiet', '--initial-branch=main'])
    return new TestRepo(dir)
  }

  git(...args: string[]): string {
    return runGit(this.dir, args)
  }

  write(files: Record<string, string | Buffer>): this {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(this.dir, file)
      mkdirSync(path.dirname(full), { recursive: true })
      writeFileSync(full, text)
    }
    return this
  }

  remove(...files: string[]): this {
    for (const file of files) rmSync(path.join(this.dir, file))
    return this
  }

  move(from: string, to: string): this {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true })
    renameSync(path.join(this.dir, from), path.join(this.dir, to))
    return this
  }

  /** A symbolic link at `file` with `target` as its text (git mode 120000). */
  link(file: string, target: string): this {
    const full = path.join(this.dir, file)
    mkdirSync(path.dirname(full), { recursive: true })
    rmSync(full, { force: true })
    symlinkSync(target, full)
    return this
  }

  /** A submodule entry (git mode 160000) at `file` naming `commit`, with nothing checked out. */
  submodule(file: string, commit: string): this {
    // An empty folder, as a clone leaves a submodule it did not initialise.
    mkdirSync(path.join(this.dir, file), { recursive: true })
    this.git('update-index', '--add', '--cacheinfo', `160000,${commit},${file}`)
    return this
  }

  /** Commits everything in the work tree; returns the new commit's SHA. */
  commit(message = 'change'): string {
    this.git('add', '--all')
    this.git('commit', '--quiet', '--allow-empty', '--no-verify', '-m', message)
    return this.head()
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim()
  }

  /**
   * A bare copy that serves any commit by SHA, as GitHub does, with every branch and
   * the extra refs given (e.g. a pull request's head, as refs/pull/N/head).
   */
  bareRemote(refs: Record<string, string> = {}): string {
    const bare = `${this.dir}-remote.git`
    rmSync(bare, { recursive: true, force: true })
    runGit(path.dirname(bare), ['clone', '--quiet', '--bare', this.dir, bare])
    runGit(bare, ['config', 'uploadpack.allowAnySHA1InWant', 'true'])
    for (const [ref, sha] of Object.entries(refs)) runGit(bare, ['update-ref', ref, sha])
    return bare
  }

  /** What actions/checkout leaves by default: `sha` fetched at depth 1 and checked out. */
  static shallowCheckout(remote: string, sha: string, dir: string): TestRepo {
    mkdirSync(dir, { recursive: true })
    runGit(dir, ['init', '--quiet', '--initial-branch=main'])
    runGit(dir, ['remote', 'add', 'origin', `file://${remote}`])
    runGit(dir, ['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', sha])
    runGit(dir, ['checkout', '--quiet', '--detach', sha])
    return new TestRepo(dir)
  }

  /** `git clone --depth=1` of one branch: one commit of history, origin set to the remote. */
  static shallowClone(remote: string, branch: string, dir: string): TestRepo {
    mkdirSync(path.dirname(dir), { recursive: true })
    runGit(path.dirname(dir), [
      'clone',
      '--quiet',
      '--depth=1',
      '--no-tags',
      `--branch=${branch}`,
      `file://${remote}`,
      dir
    ])
    return new TestRepo(dir)
  }
}

/** The Git LFS pointer that git stores in place of `content` for a file tracked by LFS. */
export function lfsPointer(content: string): string {
  const oid = createHash('sha256').update(content).digest('hex')
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${Buffer.byteLength(content)}\n`
}
