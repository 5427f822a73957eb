// The diff source without a git checkout: the same comparison read through GitHub's REST
// API (compare, pull request files, contents, trees), honouring GITHUB_API_URL.
import { commitFiles, type TreeEntry } from './commit-files.js'
import type { Comparison, FileChange } from './comparison.js'
import type { ChangeRange } from './event.js'
import { short } from './event.js'
import { parseRetryAfter } from '../http-policy.js'
import { objectOrEmpty as record } from '../json.js'
import type { Log } from '../log.js'
import { abortableSleep } from '../miso/throttle.js'
import { setTimeout as sleep } from 'node:timers/promises'

/** GitHub lists at most this many files in a comparison, and in a pull request. */
const COMPARE_FILE_CAP = 300
const PULL_FILE_CAP = 3000
/** Blobs read at once. */
const READ_CONCURRENCY = 8
/** Retries of one GitHub request on 5xx, time-outs and rate limits (fewer than Miso's). */
const MAX_RETRIES = 3
const FIRST_BACK_OFF_MS = 1000
/** A secondary rate limit without Retry-After: GitHub asks for at least a minute. */
const RATE_LIMIT_PAUSE_MS = 60_000

type Octokit = Awaited<ReturnType<typeof octokitFor>>

interface RestTarget {
  apiUrl: string
  owner: string
  repo: string
}

/** Where the API is and which repository to read, from the runner's environment. */
export function restTarget(env: NodeJS.ProcessEnv): RestTarget {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository)
  if (!match || [match[1], match[2]].some(name => /^\.+$/.test(name))) {
    throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(repository)} is not owner/name`)
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  return { apiUrl, owner: match[1], repo: match[2] }
}

interface CommitInfo {
  sha: string
  parents: string[]
}

/** The REST calls the diff source makes; each throws with GitHub's status and message. */
export class GitHubRest {
  private constructor(
    private readonly octokit: Octokit,
    private readonly target: RestTarget,
    private readonly limits: CallLimits
  ) {}

  static async open(token: string, target: RestTarget, limits: CallLimits): Promise<GitHubRest> {
    return new GitHubRest(await octokitFor(token, target.apiUrl, limits), target, limits)
  }

  /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
  async commit(ref: string): Promise<CommitInfo | undefined> {
    try {
      const data = record(await this.get(`commits/${segments(ref)}`))
      const parents = Array.isArray(data.parents) ? data.parents : []
      return { sha: String(data.sha), parents: parents.map(p => String(record(p).sha)) }
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 422) return undefined
      throw error
    }
  }

  /**
   * `base...head`: the merge base GitHub compares from, and the changed files. Files come
   * with the first page (later pages list more commits); GitHub stops at 300 files.
   */
  async compare(
    base: string,
    head: string
  ): Promise<{ mergeBase: string; files: FileChange[]; capped: boolean }> {
    const files = new Map<string, FileChange>()
    let mergeBase = ''
    let url: string | undefined = this.url(
      `compare/${segments(base)}...${segments(head)}?per_page=100`
    )
    while (url) {
      const { data, next } = await this.page(url)
      const body = record(data)
      mergeBase ||= String(record(body.merge_base_commit).sha ?? '')
      const before = files.size
      for (const file of Array.isArray(body.files) ? body.files : []) {
        const change = fileChange(file)
        if (change) files.set(`${change.oldPath ?? ''}\0${change.path}`, change)
      }
      // Pages beyond the first only list commits: stop once one adds no file.
      url = files.size > before ? next : undefined
    }
    return { mergeBase, files: [...files.values()], capped: files.size >= COMPARE_FILE_CAP }
  }

  /** The files a pull request changes (its own change), up to GitHub's 3000. */
  async pullFiles(pullNumber: number): Promise<{ files: FileChange[]; capped: boolean }> {
    const files: FileChange[] = []
    let url: string | undefined = this.url(`pulls/${pullNumber}/files?per_page=100`)
    while (url) {
      const { data, next } = await this.page(url)
      for (const file of Array.isArray(data) ? data : []) {
        const change = fileChange(file)
        if (change) files.push(change)
      }
      url = next
    }
    return { files, capped: files.length >= PULL_FILE_CAP }
  }

  /** The contents of a blob. */
  async blob(sha: string): Promise<Buffer> {
    const body = record(await this.get(`git/blobs/${segments(sha)}`))
    if (typeof body.content !== 'string' || body.encoding !== 'base64') {
      throw new Error(`GitHub API: blob ${short(sha)} came without base64 content`)
    }
    return Buffer.from(body.content, 'base64')
  }

  /** Every file, link and submodule at a commit; `truncated` when GitHub cut the listing short. */
  async tree(sha: string): Promise<{ entries: Map<string, TreeEntry>; truncated: boolean }> {
    const body = record(await this.get(`git/trees/${segments(sha)}?recursive=1`))
    const entries = new Map<string, TreeEntry>()
    for (const entry of Array.isArray(body.tree) ? body.tree.map(record) : []) {
      if ((entry.type === 'blob' || entry.type === 'commit') && typeof entry.path === 'string') {
        entries.set(entry.path, { mode: String(entry.mode), object: String(entry.sha) })
      }
    }
    return { entries, truncated: body.truncated === true }
  }

  private url(path: string): string {
    const { apiUrl, owner, repo } = this.target
    return `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/${path}`
  }

  private async get(path: string): Promise<unknown> {
    return (await this.page(this.url(path))).data
  }

  private async page(url: string): Promise<{ data: unknown; next?: string }> {
    try {
      const response = await this.octokit.request({ method: 'GET', url })
      return {
        data: response.data as unknown,
        next: nextPage(response.headers.link, this.target.apiUrl)
      }
    } catch (error) {
      this.limits.signal?.throwIfAborted()
      throw Object.assign(
        new Error(`GitHub API GET ${url}: ${messageOf(error)}`, { cause: error }),
        {
          status: statusOf(error)
        }
      )
    }
  }
}

/** A Comparison of the range, read through the REST API. */
export async function openRestComparison(
  api: GitHubRest,
  range: ChangeRange,
  env: NodeJS.ProcessEnv
): Promise<Comparison> {
  const notices: string[] = []
  const warnings: string[] = []
  // Without a checkout, HEAD is the commit the run is for.
  const commitOf = async (ref: string, what: string): Promise<string> => {
    const name = ref === 'HEAD' ? (env.GITHUB_SHA ?? '') : ref
    const sha = (await api.commit(name))?.sha
    if (!sha) throw new Error(`GitHub knows no commit ${JSON.stringify(name)} (${what})`)
    return sha
  }
  const head = await commitOf(range.head, 'the head to compare')
  const result = range.result === range.head ? head : await commitOf(range.result, 'the result')

  let base = await restBase(api, range, notices)
  let changes: FileChange[] = []
  if (base === undefined) {
    notices.push(`${short(head)} is a root commit: no file existed before it, so none was deleted.`)
    base = head
  } else if (base !== head) {
    const compared = await api.compare(base, head)
    if (compared.mergeBase && compared.mergeBase !== base && !range.mergeBaseOf) {
      notices.push(
        `GitHub compares from the merge base ${short(compared.mergeBase)} of ${short(base)} and ${short(head)}.`
      )
    }
    base = compared.mergeBase || base
    changes = compared.files
    if (compared.capped && range.pullNumber !== undefined) {
      const pull = await api.pullFiles(range.pullNumber)
      changes = pull.files
      if (pull.capped) warnings.push(capWarning(`pull request #${range.pullNumber}`, PULL_FILE_CAP))
    } else if (compared.capped) {
      warnings.push(capWarning(`${short(base)}...${short(head)}`, COMPARE_FILE_CAP))
    }
  }

  return {
    via: 'rest',
    base,
    head,
    result,
    changes,
    notices,
    warnings,
    ...restFiles(api)
  }
}

/** The files of any commit, read through the API: trees, then blobs by SHA. */
function restFiles(api: GitHubRest) {
  return commitFiles({
    async tree(commit) {
      const { entries, truncated } = await api.tree(commit)
      if (truncated) {
        // Deleting on a partial listing could delete a product that a file still names.
        throw new Error(
          `GitHub cut short the file list of ${short(commit)} (too many files), so it cannot be checked that no other file still names a deleted ID. Add actions/checkout before this step so git can read the change.`
        )
      }
      return entries
    },
    async blobs(objects) {
      const wanted = [...new Set(objects)]
      const contents = await mapLimited(wanted, READ_CONCURRENCY, sha => api.blob(sha))
      return new Map(wanted.map((sha, i) => [sha, contents[i]]))
    }
  })
}

/** The commit to compare from; undefined when the range starts before a root commit. */
async function restBase(
  api: GitHubRest,
  range: ChangeRange,
  notices: string[]
): Promise<string | undefined> {
  if (range.mergeBaseOf) return range.mergeBaseOf.base
  const resolve = async (rev: string): Promise<string | undefined | null> => {
    const parentOf = /^(.+)\^$/.exec(rev)
    const commit = await api.commit(parentOf ? parentOf[1] : rev)
    if (!commit) return null
    return parentOf ? commit.parents[0] : commit.sha
  }
  const base = await resolve(range.base)
  if (base !== null) return base
  if (range.baseFallback) {
    notices.push(range.baseFallback.notice)
    const fallback = await resolve(range.baseFallback.base)
    if (fallback !== null) return fallback
  }
  throw new Error(`GitHub knows no commit ${JSON.stringify(range.base)} (the base to compare)`)
}

/** Redirects followed in a row, on the API's own origin. */
const MAX_REDIRECTS = 5

/** A page or redirect on another origin than the API's: not followed (see onApiOrigin). */
export class ForeignOriginError extends Error {
  override name = 'ForeignOriginError'
}

/**
 * The one Octokit of a run, for the REST diff reader and the comment: redirects followed on the
 * API's origin only, and every request bounded by `limits` (time limit, cancellation, retries).
 */
export async function octokitFor(token: string, apiUrl: string, limits: CallLimits) {
  // Loaded only when needed: most runs read the change with git.
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl: apiUrl })
  // fetch would follow a redirect to any origin, with the token.
  octokit.hook.wrap('request', async (request, options) => {
    for (let hops = 0; ; hops++) {
      // In place: hooks wrapped around this one were bound to this very options object.
      options.request = { ...options.request, redirect: 'manual' }
      const response = await request(options)
      const location = response.headers.location
      if (response.status < 300 || response.status > 399 || !location) return response
      if (hops === MAX_REDIRECTS)
        throw new Error(`GitHub API: more than ${MAX_REDIRECTS} redirects`)
      options.url = onApiOrigin(location, response.url || apiUrl, apiUrl, 'redirects to')
    }
  })
  // Outside the redirect hook: a time limit and retries per request, redirects included.
  retrying(octokit, limits)
  return octokit
}

/** How every request of one Octokit is bounded: the run's cancellation, a time limit, retries. */
export interface CallLimits {
  signal?: AbortSignal
  timeoutMs: number
  retries: number
  log: Log
}

/** Every request of `octokit` gets a time limit, the run's signal, and bounded retries. */
function retrying(octokit: Octokit, options: CallLimits): void {
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      // A signal that came before this request (e.g. while Octokit was loading) fires no event.
      if (options.signal?.aborted) throw options.signal.reason
      // One controller for both ends: AbortSignal.any() over AbortSignal.timeout() did not
      // always fire on Node 20.
      const controller = new AbortController()
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort(new Error('request-timeout'))
      }, options.timeoutMs)
      const onAbort = () => controller.abort(options.signal?.reason)
      options.signal?.addEventListener('abort', onAbort, { once: true })
      const signal = controller.signal
      let wait: number | undefined
      try {
        // In place: the hooks inside this one were bound to this very options object.
        requestOptions.request = { ...requestOptions.request, signal }
        return await request(requestOptions)
      } catch (error) {
        if (options.signal?.aborted) throw error
        wait = retryDelay(error, attempt, timedOut)
        if (wait === undefined || attempt >= Math.min(options.retries, MAX_RETRIES)) {
          if (timedOut) {
            throw new Error(`GitHub did not answer within ${options.timeoutMs / 1000} s`, {
              cause: error
            })
          }
          throw error
        }
        const what = timedOut ? 'no answer in time' : `HTTP ${statusOf(error)}`
        options.log.info(
          `GitHub API ${requestOptions.method} ${requestOptions.url}: ${what}; retrying in ${Math.ceil(wait / 1000)} s.`
        )
      } finally {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
      }
      await (options.signal ? abortableSleep(wait, options.signal) : sleep(wait))
    }
  })
}

/** How long to wait before retrying, or undefined when the error is not worth a retry. */
function retryDelay(error: unknown, attempt: number, timedOut: boolean): number | undefined {
  const backOff = FIRST_BACK_OFF_MS * 2 ** attempt
  if (timedOut) return backOff
  if (error instanceof ForeignOriginError) return undefined
  const status = statusOf(error)
  const headers = record(record(record(error).response).headers)
  const header = (name: string) => (typeof headers[name] === 'string' ? headers[name] : null)
  const retryAfter = parseRetryAfter(header('retry-after'), Date.now())
  // Octokit reports network errors as 500 without a response.
  if (status === undefined || status >= 500) return retryAfter ?? backOff
  if (status !== 403 && status !== 429) return undefined
  if (retryAfter !== undefined) return retryAfter
  const message = error instanceof Error ? error.message : ''
  if (/secondary rate limit/i.test(message)) return RATE_LIMIT_PAUSE_MS
  // The primary limit: worth waiting for only when it resets within the cap.
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset')) * 1000 - Date.now()
    return reset >= 0 && reset <= RATE_LIMIT_PAUSE_MS ? reset : undefined
  }
  return status === 429 ? backOff : undefined
}

/**
 * The next page that a `Link` header names; undefined on the last page. Shared by every
 * listing: a next page on another origin throws, as a listing cut short is not a whole one.
 */
export function nextPage(link: unknown, apiUrl: string): string | undefined {
  if (typeof link !== 'string') return undefined
  const next = /<([^<>]+)>\s*;\s*rel="next"/.exec(link)?.[1]
  return next === undefined ? undefined : onApiOrigin(next, apiUrl, apiUrl, 'has its next page on')
}

/** `url` (relative to `from`) when it is on the API's origin: the token is sent there only. */
function onApiOrigin(url: string, from: string, apiUrl: string, what: string): string {
  const origin = new URL(apiUrl).origin
  let target: URL | undefined
  try {
    target = new URL(url, from)
  } catch {
    // Named below as unreadable.
  }
  if (target?.origin === origin) return target.href
  throw new ForeignOriginError(
    `GitHub's answer ${what} ${target?.origin ?? 'an unreadable address'}, not the API's origin ${origin} (GITHUB_API_URL): not followed, as the token is sent there only`
  )
}

function capWarning(what: string, cap: number): string {
  return `GitHub lists at most ${cap} changed files for ${what}, and this change has at least that many: files beyond them were not checked, so some deletions may be missing. Add actions/checkout before this step so git reads the whole change.`
}

/** A file entry of compare / pull request files, as a FileChange. */
function fileChange(value: unknown): FileChange | undefined {
  const file = record(value)
  const path = typeof file.filename === 'string' ? file.filename : undefined
  if (!path) return undefined
  switch (file.status) {
    case 'removed':
      return { status: 'deleted', path }
    case 'renamed':
      return typeof file.previous_filename === 'string'
        ? { status: 'renamed', oldPath: file.previous_filename, path }
        : { status: 'added', path }
    case 'added':
    case 'copied':
      return { status: 'added', path }
    case 'modified':
    case 'changed':
      return { status: 'modified', path }
    default:
      return undefined
  }
}

/** Encodes each `/`-separated part of a path or ref for a URL. */
function segments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The HTTP status of an Octokit error; undefined for one without an answer. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}

function messageOf(error: unknown): string {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message : String(error)
  return status && !message.includes(String(status)) ? `${status} ${message}` : message
}
