// A small git runner for the diff source. git runs without a shell; refs reach it only
// after validation (event.ts) and paths only as NUL-separated output or blob IDs, so
// file names with spaces, newlines or leading dashes cannot be misread.
import { type ChildProcess, spawn } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import type { Log } from '../log.js'
import { type TreeEntry, UnreadableFileError } from './commit-files.js'
import type { FileChange } from './comparison.js'
import { short } from './event.js'

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
    readonly args: readonly string[],
    readonly exitCode: number | null,
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

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
/** How many more commits each deepening fetch asks for, before fetching everything. */
const DEEPEN_STEPS = [32, 128, 512, 2048]
/** Time limits of one git process: a fetch may move a whole history, the rest is local. */
const FETCH_LIMIT_MS = 600_000
const LOCAL_LIMIT_MS = 300_000
/** After SIGTERM, the time git gets to clean up (lock files) before SIGKILL. */
const KILL_GRACE_MS = 2_000

export async function git(
  ctx: GitContext,
  args: string[],
  options: { input?: string; okCodes?: number[]; timeLimitMs?: number } = {}
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  ctx.signal?.throwIfAborted()
  ctx.log.debug(`git ${args.join(' ')}`)
  const limit = options.timeLimitMs ?? LOCAL_LIMIT_MS
  const child = spawn('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: ctx.cwd,
    env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the helpers it starts (git-remote-https).
    detached: process.platform !== 'win32'
  })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  // git may exit before reading all of stdin (e.g. on a bad object); that is reported by its exit code.
  child.stdin.on('error', () => undefined)
  child.stdin.end(options.input ?? '')
  let stopped: Error | undefined
  const stop = (why: Error) => {
    if (stopped || child.exitCode !== null) return
    stopped = why
    killGroup(child, 'SIGTERM')
    setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref()
  }
  const timer = setTimeout(
    () => stop(new Error(`git ${args[0]} took longer than ${limit / 1000} s and was stopped`)),
    limit
  )
  const onAbort = () => stop(abortReason(ctx.signal as AbortSignal))
  ctx.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    if (stopped) throw stopped
    const result = {
      code: code ?? -1,
      stdout: Buffer.concat(stdout),
      stderr: Buffer.concat(stderr).toString('utf8')
    }
    if (!(options.okCodes ?? [0]).includes(result.code))
      throw new GitError(args, code, result.stderr)
    return result
  } finally {
    clearTimeout(timer)
    ctx.signal?.removeEventListener('abort', onAbort)
  }
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

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('cancelled')
}

/**
 * git's own message, made fit to quote after a sentence of ours: the `fatal:` / `error:`
 * prefixes dropped, lines joined, cut short.
 */
export function gitSaid(stderr: string): string {
  const text = stderr
    .split('\n')
    .map(line => line.trim().replace(/^(?:fatal|error|warning|hint|remote):\s*/i, ''))
    .filter(Boolean)
    .join('; ')
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

/** Why `cwd` is not a checkout git can read the change from, or undefined when it is. */
export async function checkoutProblem(
  ctx: GitContext
): Promise<{ problem: string; noCheckout: boolean } | undefined> {
  let lines: string[]
  try {
    const { stdout } = await git(ctx, ['rev-parse', '--is-inside-work-tree', '--show-toplevel'])
    lines = stdout.toString('utf8').split('\n')
  } catch (error) {
    if (!(error instanceof GitError)) {
      return {
        problem: `git cannot run in ${ctx.cwd}: ${(error as Error).message}`,
        noCheckout: true
      }
    }
    const noCheckout = /not a git repository|cannot change to|no such file/i.test(error.stderr)
    return noCheckout
      ? { problem: `${ctx.cwd} is not a git checkout`, noCheckout }
      : { problem: `git cannot read ${ctx.cwd}: ${error.message}`, noCheckout }
  }
  if (lines[0] !== 'true')
    return { problem: `${ctx.cwd} is not inside a git work tree`, noCheckout: true }
  // A workspace nested in some other repository must not be read as that repository.
  const [top, here] = await Promise.all([realpath(lines[1]), realpath(ctx.cwd)])
  if (top !== here) {
    return {
      problem: `${ctx.cwd} is not the top level of its git repository (${lines[1]} is)`,
      noCheckout: true
    }
  }
  return undefined
}

export async function isShallow(ctx: GitContext): Promise<boolean> {
  const { stdout } = await git(ctx, ['rev-parse', '--is-shallow-repository'])
  return stdout.toString('utf8').trim() === 'true'
}

/** The full SHA of `rev` as a commit, or undefined when the checkout lacks it. */
export async function resolveCommit(ctx: GitContext, rev: string): Promise<string | undefined> {
  const { code, stdout } = await git(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
    okCodes: [0, 1, 128]
  })
  return code === 0 ? stdout.toString('utf8').trim() : undefined
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
    await fetchFromOrigin(
      ctx,
      [name],
      `commit ${short(name)}`,
      (await isShallow(ctx)) ? ['--depth=1'] : []
    )
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
  const commit = await ensureCommit(ctx, sha)
  const { stdout } = await git(ctx, ['cat-file', 'commit', commit])
  const header = stdout.toString('utf8').split('\n\n')[0]
  const parent = /^parent ([0-9a-f]+)$/m.exec(header)?.[1]
  return parent === undefined ? undefined : ensureCommit(ctx, parent)
}

/** The merge base of two commits, deepening a shallow checkout until it is found. */
export async function mergeBase(ctx: GitContext, a: string, b: string): Promise<string> {
  const [first, second] = [await ensureCommit(ctx, a), await ensureCommit(ctx, b)]
  const once = async () => {
    const { code, stdout } = await git(ctx, ['merge-base', first, second], { okCodes: [0, 1] })
    return code === 0 ? stdout.toString('utf8').trim() : undefined
  }
  const base = await deepenUntil(ctx, [first, second], once)
  if (!base) {
    throw new HistoryError(`${short(first)} and ${short(second)} have no common history`)
  }
  return base
}

/** Files changed from `base` to `head`, with renames detected; submodules are flagged. */
export async function diffChanges(
  ctx: GitContext,
  base: string,
  head: string
): Promise<FileChange[]> {
  const { stdout } = await git(ctx, [
    'diff',
    '--raw',
    '-z',
    '-M',
    '--no-abbrev',
    '--no-relative',
    '--no-ext-diff',
    '--no-textconv',
    base,
    head,
    '--'
  ])
  return parseRawDiff(nulFields(stdout), base, head)
}

/** Parses `git diff --raw -z`: `:mode mode sha sha status\0path\0[path\0]` per file. */
function parseRawDiff(fields: Buffer[], base: string, head: string): FileChange[] {
  const changes: FileChange[] = []
  let i = 0
  while (i < fields.length && fields[i][0] === 0x3a) {
    const [oldMode, newMode, , , status] = fields[i].toString('latin1').slice(1).split(' ')
    const twoPaths = status[0] === 'R' || status[0] === 'C'
    const first = pathOf(fields[i + 1], twoPaths || status[0] === 'D' ? base : head)
    const second = twoPaths ? pathOf(fields[i + 2], head) : undefined
    i += twoPaths ? 3 : 2
    const submodule = oldMode === '160000' || newMode === '160000' ? { submodule: true } : {}
    if (status[0] === 'A' || status[0] === 'C')
      changes.push({ status: 'added', path: second ?? first, ...submodule })
    else if (status[0] === 'D') changes.push({ status: 'deleted', path: first, ...submodule })
    else if (status[0] === 'M' || status[0] === 'T')
      changes.push({ status: 'modified', path: first, ...submodule })
    else if (status[0] === 'R')
      changes.push({ status: 'renamed', oldPath: first, path: second as string, ...submodule })
  }
  return changes
}

/** Every file, symbolic link and submodule at `commit`: path → entry. */
export async function listTree(ctx: GitContext, commit: string): Promise<Map<string, TreeEntry>> {
  const { stdout } = await git(ctx, ['ls-tree', '-r', '-z', '--full-tree', commit])
  const files = new Map<string, TreeEntry>()
  for (const entry of nulFields(stdout)) {
    // `<mode> <type> <object>\t<path>`; the path may hold anything but NUL.
    const tab = entry.indexOf(0x09)
    if (tab < 0) continue
    const [mode, type, object] = entry.subarray(0, tab).toString('latin1').split(' ')
    if (type === 'blob' || type === 'commit')
      files.set(pathOf(entry.subarray(tab + 1), commit), { mode, object })
  }
  return files
}

function nulFields(stdout: Buffer): Buffer[] {
  const fields: Buffer[] = []
  for (let at = 0; at < stdout.length;) {
    const nul = stdout.indexOf(0, at)
    const end = nul < 0 ? stdout.length : nul
    fields.push(stdout.subarray(at, end))
    at = end + 1
  }
  return fields
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A file name at `commit`, as text. A name that is not UTF-8 stops the run, whatever the file:
 * decoded with replacement characters, two such names read alike and one hides the other.
 */
function pathOf(bytes: Buffer, commit: string): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    // Every byte past ASCII as \xNN: the name as far as it can be shown, unambiguously.
    const shown = [...bytes].map(b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`))
    const file = shown.join('')
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
  const contents = new Map<string, Buffer>()
  if (wanted.length === 0) return contents
  for (const blob of wanted) if (!SHA.test(blob)) throw new Error(`not a blob SHA: ${blob}`)
  const { stdout } = await git(ctx, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` })
  let at = 0
  while (at < stdout.length) {
    const eol = stdout.indexOf(0x0a, at)
    const [object, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ')
    if (type === 'missing' || size === undefined)
      throw new HistoryError(`git has no object ${object}`)
    const start = eol + 1
    contents.set(object, stdout.subarray(start, start + Number(size)))
    at = start + Number(size) + 1
  }
  return contents
}

/**
 * Runs `check` until it finds something, deepening the shallow history of `tips` step by
 * step and, as a last resort, fetching all of it. Undefined when even all history lacks it.
 */
async function deepenUntil<T>(
  ctx: GitContext,
  tips: string[],
  check: () => Promise<T | undefined>
): Promise<T | undefined> {
  let found = await check()
  for (const step of DEEPEN_STEPS) {
    if (found !== undefined || !(await isShallow(ctx))) return found
    await fetchFromOrigin(ctx, tips, `${step} more commits of history`, [`--deepen=${step}`])
    found = await check()
  }
  if (found !== undefined || !(await isShallow(ctx))) return found
  await fetchFromOrigin(ctx, tips, 'the whole history', ['--unshallow'])
  return check()
}

async function fetchFromOrigin(ctx: GitContext, refs: string[], what: string, options: string[]) {
  ctx.log.info(`Fetching ${what} from origin…`)
  try {
    await git(
      ctx,
      ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...options, 'origin', ...refs],
      { timeLimitMs: FETCH_LIMIT_MS }
    )
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    const said = gitSaid(error.stderr)
    throw new HistoryError(`cannot fetch ${what} from origin${said ? ` (git said: ${said})` : ''}`)
  }
}
