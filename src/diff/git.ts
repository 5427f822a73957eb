// The change and the files of any commit, read from the git checkout through one runner
// (`git`). git runs without a shell; refs reach it only after validation (event.ts) and paths
// only as NUL-separated output or blob IDs, so file names with spaces, newlines or leading
// dashes cannot be misread.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { realpath } from 'node:fs/promises'
import type { Log } from '../log.js'
import { commitFiles, type TreeEntry, UnreadableFileError } from './commit-files.js'
import type { Comparison, FileChange } from './comparison.js'
import { type ChangeRange, short } from './event.js'
import { SHA } from '../github-env.js'
import { timeLimit } from '../http-policy.js'

export interface GitContext {
  /** The repository's top-level directory. */
  cwd: string
  env: NodeJS.ProcessEnv
  /** Each git command (debug) and fetches, which may take a while (info). */
  log: Log
  /** The run's cancellation: stops every git process at once. */
  signal?: AbortSignal
}

export class GitError extends Error {
  override name = 'GitError'
  constructor(
    args: readonly string[],
    exitCode: number | null,
    readonly stderr: string
  ) {
    const said = gitSaid(stderr)
    super(`git ${args[0]} failed (exit ${exitCode})${said ? `; git said: ${said}` : ''}`)
  }
}

/** The commits the comparison needs are not in the checkout and cannot be fetched. */
export class HistoryError extends Error {
  override name = 'HistoryError'
}

/** `git diff --raw` statuses, as FileChange's (M, T and the rest are edits). */
const KINDS: Record<string, FileChange['status']> = { A: 'added', D: 'deleted', R: 'renamed' }
/** How many more commits each deepening fetch asks for; then the whole history. */
const DEEPEN = ['--deepen=32', '--deepen=128', '--deepen=512', '--deepen=2048', '--unshallow']
/** Time limits of one git process: a fetch may move a whole history, the rest is local. */
const FETCH_LIMIT_MS = 600_000
const LOCAL_LIMIT_MS = 300_000
/** After SIGTERM, the time git gets to clean up (lock files) before SIGKILL. */
const KILL_GRACE_MS = 2_000

/** The change, fetching only the commits it needs; HistoryError when they cannot be had. */
export async function openGitComparison(ctx: GitContext, range: ChangeRange): Promise<Comparison> {
  const notices: string[] = []
  const head = await ensureCommit(ctx, range.head)
  // The merge as it landed: in the checkout already, or fetched by SHA like any commit.
  const result = range.result === range.head ? head : await ensureCommit(ctx, range.result)
  // `<sha>^` (a push that created a branch) is the first parent of the SHA.
  const parentOfSha = /^(.+)\^$/.exec(range.base)?.[1]
  const base = range.mergeBaseOf
    ? await mergeBase(ctx, range.mergeBaseOf.base, range.mergeBaseOf.head)
    : parentOfSha && SHA.test(parentOfSha)
      ? await parentOf(ctx, parentOfSha)
      : await ensureCommit(ctx, range.base)
  if (base === undefined) {
    notices.push(`${short(head)} is a root commit: no file existed before it, so none was deleted.`)
  }
  const changes = base === undefined ? [] : await diffChanges(ctx, base, head)
  const files = gitFiles(ctx)
  return { ...files, via: 'git', base: base ?? head, head, result, changes, notices, warnings: [] }
}

/** The files of any commit in the checkout (for reading the IDs a commit names). */
export const gitFiles = (ctx: GitContext) =>
  commitFiles({ tree: commit => listTree(ctx, commit), blobs: objects => readBlobs(ctx, objects) })

/** Runs git; an exit code outside `okCodes` throws GitError. */
export async function git(
  ctx: GitContext,
  args: string[],
  options: { input?: string; okCodes?: number[]; timeLimitMs?: number } = {}
): Promise<{ code: number; stdout: Buffer }> {
  ctx.signal?.throwIfAborted()
  ctx.log.debug(`git ${args.join(' ')}`)
  const limit = options.timeLimitMs ?? LOCAL_LIMIT_MS
  const child = spawn('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: ctx.cwd,
    env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
    // Its own process group, so stopping it also stops the helpers it starts (git-remote-https).
    detached: process.platform !== 'win32'
  })
  const [stdout, stderr]: Buffer[][] = [[], []]
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  // git may exit before reading all of stdin (e.g. on a bad object); its exit code says so.
  child.stdin.on('error', () => undefined)
  child.stdin.end(options.input ?? '')
  // The time limit or the run's cancellation stops git and the helpers it started.
  let stopped: Error | undefined
  const tooLong = new Error(`git ${args[0]} took longer than ${limit / 1000} s and was stopped`)
  const time = timeLimit(limit, ctx.signal)
  time.signal.addEventListener('abort', () => {
    if (child.exitCode !== null) return
    const why: unknown = ctx.signal?.reason
    stopped = !ctx.signal?.aborted ? tooLong : why instanceof Error ? why : new Error('cancelled')
    killGroup(child, 'SIGTERM')
    setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref()
  })
  try {
    const [code] = (await once(child, 'close')) as [number | null]
    if (stopped) throw stopped
    if (!(options.okCodes ?? [0]).includes(code ?? -1))
      throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'))
    return { code: code ?? -1, stdout: Buffer.concat(stdout) }
  } finally {
    time.done()
  }
}

/** git's output as trimmed text; undefined when it exits with one of `misses`. */
async function gitText(ctx: GitContext, args: string[], misses: number[] = []) {
  const { code, stdout } = await git(ctx, args, { okCodes: [0, ...misses] })
  return code === 0 ? stdout.toString('utf8').trim() : undefined
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  try {
    if (process.platform === 'win32') child.kill(signal)
    else process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/** git's message, fit to quote after a sentence of ours: prefixes dropped, lines joined, cut. */
function gitSaid(stderr: string): string {
  const text = stderr
    .split('\n')
    .map(line => line.trim().replace(/^(?:fatal|error|warning|hint|remote):\s*/i, ''))
    .filter(Boolean)
    .join('; ')
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

/** Why `cwd` is not a checkout git can read the change from, or undefined when it is. */
export async function checkoutProblem(ctx: GitContext): Promise<string | undefined> {
  let lines: string[]
  try {
    const args = ['rev-parse', '--is-inside-work-tree', '--show-toplevel']
    lines = ((await gitText(ctx, args)) as string).split('\n')
  } catch (error) {
    if (!(error instanceof GitError))
      return `git cannot run in ${ctx.cwd}: ${(error as Error).message}`
    return /not a git repository|cannot change to|no such file/i.test(error.stderr)
      ? `${ctx.cwd} is not a git checkout`
      : `git cannot read ${ctx.cwd}: ${error.message}`
  }
  if (lines[0] !== 'true') return `${ctx.cwd} is not inside a git work tree`
  // A workspace nested in some other repository must not be read as that repository.
  const [top, here] = await Promise.all([realpath(lines[1]), realpath(ctx.cwd)])
  if (top !== here) return `${ctx.cwd} is not the top level of its git repository (${lines[1]} is)`
  return undefined
}

export async function isShallow(ctx: GitContext): Promise<boolean> {
  return (await gitText(ctx, ['rev-parse', '--is-shallow-repository'])) === 'true'
}

/** The full SHA of `rev` as a commit, or undefined when the checkout lacks it. */
export function resolveCommit(ctx: GitContext, rev: string): Promise<string | undefined> {
  return gitText(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], [1, 128])
}

/**
 * The full SHA of `rev` (SHA, ref, or either with a `~n` / `^n` suffix), fetched from
 * origin when the checkout lacks it: a SHA by itself (no tags, depth 1 in a shallow
 * checkout), a suffix by deepening.
 */
export async function ensureCommit(ctx: GitContext, rev: string): Promise<string> {
  const found = await resolveCommit(ctx, rev)
  if (found) return found
  const [, name, suffix] = /^(.*?)((?:[~^]\d*)*)$/.exec(rev) as RegExpExecArray
  let tip = suffix ? await resolveCommit(ctx, name) : undefined
  if (!tip) {
    const depth = (await isShallow(ctx)) ? ['--depth=1'] : []
    await fetchFromOrigin(ctx, [name], `commit ${short(name)}`, depth)
    tip = await resolveCommit(ctx, SHA.test(name) ? name : 'FETCH_HEAD')
    if (!tip) throw new HistoryError(`origin sent no commit for ${short(name)}`)
  }
  if (!suffix) return tip
  const ancestor = await deepenUntil(ctx, [tip], () => resolveCommit(ctx, `${tip}${suffix}`))
  if (!ancestor)
    throw new HistoryError(`${rev} does not exist: ${short(name)} has no such ancestor`)
  return ancestor
}

/**
 * The first parent of `sha`, fetched when missing; undefined for a root commit. The commit
 * object names its parents even in a shallow checkout, so one fetch by SHA is enough.
 */
export async function parentOf(ctx: GitContext, sha: string): Promise<string | undefined> {
  const commit = (await gitText(ctx, ['cat-file', 'commit', await ensureCommit(ctx, sha)])) ?? ''
  const parent = /^parent ([0-9a-f]+)$/m.exec(commit.split('\n\n')[0])?.[1]
  return parent === undefined ? undefined : ensureCommit(ctx, parent)
}

/** The merge base of two commits, deepening a shallow checkout until it is found. */
export async function mergeBase(ctx: GitContext, a: string, b: string): Promise<string> {
  const tips = [await ensureCommit(ctx, a), await ensureCommit(ctx, b)]
  const base = await deepenUntil(ctx, tips, () => gitText(ctx, ['merge-base', ...tips], [1]))
  if (!base)
    throw new HistoryError(`${short(tips[0])} and ${short(tips[1])} have no common history`)
  return base
}

/**
 * Files changed from `base` to `head`, renames detected, submodules flagged. Each entry of
 * `git diff --raw -z` is `:mode mode sha sha status\0path\0`, with a second path for a rename.
 */
export async function diffChanges(
  ctx: GitContext,
  base: string,
  head: string
): Promise<FileChange[]> {
  const options = ['--raw', '-z', '-M', '--no-abbrev', '--no-relative', '--no-ext-diff']
  const { stdout } = await git(ctx, ['diff', ...options, '--no-textconv', base, head, '--'])
  // Byte a character: pathOf decodes the paths.
  const fields = stdout.toString('latin1').split('\0')
  const changes: FileChange[] = []
  for (let i = 0; fields[i]?.startsWith(':'); i += changes.at(-1)?.oldPath ? 3 : 2) {
    const [oldMode, newMode, , , status] = fields[i].slice(1).split(' ')
    const submodule = oldMode === '160000' || newMode === '160000' ? { submodule: true } : {}
    const kind = KINDS[status[0]] ?? 'modified'
    const first = pathOf(fields[i + 1], kind === 'added' || kind === 'modified' ? head : base)
    const paths =
      kind === 'renamed' ? { oldPath: first, path: pathOf(fields[i + 2], head) } : { path: first }
    changes.push({ status: kind, ...paths, ...submodule })
  }
  return changes
}

/** Every file, symbolic link and submodule at `commit`: path → entry. */
export async function listTree(ctx: GitContext, commit: string): Promise<Map<string, TreeEntry>> {
  const { stdout } = await git(ctx, ['ls-tree', '-r', '-z', '--full-tree', commit])
  const files = new Map<string, TreeEntry>()
  for (const entry of stdout.toString('latin1').split('\0')) {
    // `<mode> <type> <object>\t<path>`; the path may hold anything but NUL.
    const tab = entry.indexOf('\t')
    const [mode, type, object] = entry.slice(0, tab).split(' ')
    if (tab > 0 && (type === 'blob' || type === 'commit'))
      files.set(pathOf(entry.slice(tab + 1), commit), { mode, object })
  }
  return files
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A file name at `commit`, as text. A name that is not UTF-8 stops the run, whatever the file:
 * decoded with replacement characters, two such names read alike and one hides the other.
 */
function pathOf(field: string, commit: string): string {
  const bytes = Buffer.from(field, 'latin1')
  try {
    return UTF8.decode(bytes)
  } catch {
    // Every byte past ASCII as \xNN: the name as far as it can be shown, unambiguously.
    const file = [...bytes]
      .map(b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`))
      .join('')
    throw new UnreadableFileError(
      file,
      commit,
      `${file} at ${short(commit)}: the file name is not valid UTF-8 (its bytes past ASCII shown as \\xNN), so it cannot be told apart from other such names`,
      'Nothing was sent to Miso. Rename the file to a UTF-8 name (`git mv`) in a new commit; a name at the base commit of a change stays: then run by hand with a later `base`, or once with `reconcile: true`.'
    )
  }
}

/** The contents of these blobs, read by one `git cat-file --batch`. */
export async function readBlobs(
  ctx: GitContext,
  blobs: readonly string[]
): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(blobs)]
  for (const blob of wanted) if (!SHA.test(blob)) throw new Error(`not a blob SHA: ${blob}`)
  const contents = new Map<string, Buffer>()
  if (wanted.length === 0) return contents
  const { stdout } = await git(ctx, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` })
  // Per blob: `<object> <type> <size>\n<content>\n`, or `<object> missing\n`.
  for (let at = 0; at < stdout.length;) {
    const eol = stdout.indexOf(0x0a, at)
    const [object, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ')
    if (type === 'missing' || size === undefined)
      throw new HistoryError(`git has no object ${object}`)
    contents.set(object, stdout.subarray(eol + 1, eol + 1 + Number(size)))
    at = eol + 2 + Number(size)
  }
  return contents
}

/**
 * Runs `check` until it finds something, deepening the shallow history of `tips` step by
 * step and, as a last resort, fetching all of it. Undefined when even all history lacks it.
 */
async function deepenUntil(
  ctx: GitContext,
  tips: string[],
  check: () => Promise<string | undefined>
): Promise<string | undefined> {
  for (const option of DEEPEN) {
    const found = await check()
    if (found !== undefined || !(await isShallow(ctx))) return found
    const what =
      option === '--unshallow' ? 'the whole history' : `${option.slice(9)} more commits of history`
    await fetchFromOrigin(ctx, tips, what, [option])
  }
  return check()
}

async function fetchFromOrigin(ctx: GitContext, refs: string[], what: string, options: string[]) {
  ctx.log.info(`Fetching ${what} from origin…`)
  const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...options, 'origin']
  try {
    await git(ctx, [...args, ...refs], { timeLimitMs: FETCH_LIMIT_MS })
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    const said = gitSaid(error.stderr)
    throw new HistoryError(`cannot fetch ${what} from origin${said ? ` (git said: ${said})` : ''}`)
  }
}
