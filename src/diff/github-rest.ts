// The diff source without a git checkout: the same comparison read through GitHub's REST
// API (compare, pull request files, contents, trees), honouring GITHUB_API_URL.
import { commitFiles } from './commit-files.js'
import type { Comparison, FileChange } from './comparison.js'
import { type ChangeRange, short } from './event.js'
import { apiUrlOf, repositoryOf } from '../github-env.js'
import { objectOrEmpty as record } from '../json.js'
import type { Log } from '../log.js'
import { agentFor } from '../miso/proxy.js'
import { timeLimit } from '../http-policy.js'
import nodeFetch from 'node-fetch'
import type { GitHub } from '@actions/github/lib/utils'

const NEXT_PAGE = /<([^<>]+)>\s*;\s*rel="next"/

/** GitHub lists at most this many files in a comparison, and in a pull request. */
const COMPARE_FILE_CAP = 300
const PULL_FILE_CAP = 3000
/** Retries of one GitHub request (fewer than Miso's); Octokit's retry plugin waits 1, 4, 9 s. */
const MAX_RETRIES = 3
/** Statuses a retry cannot mend (the retry plugin's default list). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451]
/** The longest rate-limit wait worth making. */
const MAX_RATE_LIMIT_WAIT_S = 60
/** Redirects followed in a row, on the API's own origin. */
const MAX_REDIRECTS = 5
/** GitHub's file statuses, as FileChange's (a rename without its old name is an addition). */
const STATUSES = new Map<unknown, FileChange['status']>([
  ['removed', 'deleted'],
  ['renamed', 'renamed'],
  ['added', 'added'],
  ['copied', 'added'],
  ['modified', 'modified'],
  ['changed', 'modified']
])

type RestTarget = ReturnType<typeof restTarget>

/** Where the API is and which repository to read, from the runner's environment. */
export function restTarget(env: NodeJS.ProcessEnv) {
  const repository = repositoryOf(env)
  if (!repository) {
    throw new Error(
      `GITHUB_REPOSITORY ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')} is not owner/name`
    )
  }
  // `env`: where the proxy variables are read.
  return { apiUrl: apiUrlOf(env), ...repository, env }
}

export type GitHubRest = Awaited<ReturnType<typeof openGitHubRest>>

/** Errors name the request, with GitHub's status; a cancelled run's abort stays as it is. */
async function failing<T>(
  url: string,
  signal: AbortSignal | undefined,
  send: (route: string) => Promise<T>
): Promise<T> {
  try {
    return await send(`GET ${url}`)
  } catch (error) {
    signal?.throwIfAborted()
    const status = statusOf(error)
    const message = error instanceof Error ? error.message : String(error)
    const answer = status && !message.includes(String(status)) ? `${status} ${message}` : message
    throw Object.assign(new Error(`GitHub API GET ${url}: ${answer}`, { cause: error }), { status })
  }
}

/** The REST calls the diff source makes; each throws with GitHub's status and message. */
export async function openGitHubRest(token: string, target: RestTarget, limits: CallLimits) {
  const octokit = await octokitFor(token, target, limits)
  const { apiUrl, owner, repo } = target
  const root = `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/`
  const get = async (path: string) =>
    record((await failing(root + path, limits.signal, octokit.request)).data)
  return {
    /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
    async commit(ref: string): Promise<{ sha: string; parents: string[] } | undefined> {
      try {
        const data = await get(`commits/${segments(ref)}`)
        const parents = Array.isArray(data.parents) ? data.parents : []
        return { sha: String(data.sha), parents: parents.map(p => String(record(p).sha)) }
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 422) return undefined
        throw error
      }
    },

    /**
     * `base...head`: the merge base GitHub compares from, and the changed files. Files come
     * with the first page (later pages list more commits); GitHub stops at 300 files.
     */
    async compare(base: string, head: string) {
      const files = new Map<string, FileChange>()
      let mergeBase = ''
      let url = `${root}compare/${segments(base)}...${segments(head)}?per_page=100`
      while (url) {
        const { data, headers } = await failing(url, limits.signal, octokit.request)
        const body = record(data as unknown)
        mergeBase ||= String(record(body.merge_base_commit).sha ?? '')
        const before = files.size
        for (const file of fileChanges(body.files))
          files.set(`${file.oldPath ?? ''}\0${file.path}`, file)
        // Pages beyond the first only list commits: stop once one adds no file. (Not paginate():
        // it would read every page of commits.) The guard checked the next page's origin.
        url = (files.size > before && NEXT_PAGE.exec(headers.link ?? '')?.[1]) || ''
      }
      return { mergeBase, files: [...files.values()], capped: files.size >= COMPARE_FILE_CAP }
    },

    /** The files a pull request changes (its own change), up to GitHub's 3000. */
    async pullFiles(pullNumber: number) {
      const pages = (route: string) => octokit.paginate(route, { per_page: 100 })
      const files = fileChanges(
        await failing(`${root}pulls/${pullNumber}/files`, limits.signal, pages)
      )
      return { files, capped: files.length >= PULL_FILE_CAP }
    },

    /** The contents of a blob. */
    async blob(sha: string): Promise<Buffer> {
      const body = await get(`git/blobs/${segments(sha)}`)
      if (typeof body.content !== 'string' || body.encoding !== 'base64') {
        throw new Error(`GitHub API: blob ${short(sha)} came without base64 content`)
      }
      return Buffer.from(body.content, 'base64')
    },

    /** Every file, link and submodule at a commit; `truncated` when GitHub cut it short. */
    async tree(sha: string) {
      const body = await get(`git/trees/${segments(sha)}?recursive=1`)
      const listed = (Array.isArray(body.tree) ? body.tree : []).map(record)
      const kept = listed.filter(e => /^(?:blob|commit)$/.test(String(e.type)) && e.path)
      const entries = new Map(
        kept.map(e => [String(e.path), { mode: String(e.mode), object: String(e.sha) }])
      )
      return { entries, truncated: body.truncated === true }
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
  // `<sha>^` is the first parent of the SHA (undefined for a root commit); null: no such commit.
  const resolve = async (rev: string) => {
    const [, child] = /^(.+)\^$/.exec(rev) ?? []
    const commit = await api.commit(child ?? rev)
    return !commit ? null : child ? commit.parents[0] : commit.sha
  }
  const unknown = (rev: string, what: string) =>
    new Error(`GitHub knows no commit ${JSON.stringify(rev)} (${what})`)
  // Without a checkout, HEAD is the commit the run is for.
  const commitOf = async (ref: string, what: string): Promise<string> => {
    const name = ref === 'HEAD' ? (env.GITHUB_SHA ?? '') : ref
    const sha = await resolve(name)
    if (!sha) throw unknown(name, what)
    return sha
  }
  const head = await commitOf(range.head, 'the head to compare')
  const result = range.result === range.head ? head : await commitOf(range.result, 'the result')
  let from = range.mergeBaseOf?.base ?? (await resolve(range.base))
  if (from === null && range.baseFallback) {
    notices.push(range.baseFallback.notice)
    from = await resolve(range.baseFallback.base)
  }
  if (from === null) throw unknown(range.base, 'the base to compare')
  if (from === undefined) {
    notices.push(`${short(head)} is a root commit: no file existed before it, so none was deleted.`)
  }
  const compared =
    from === undefined || from === head
      ? { mergeBase: '', files: [], capped: false }
      : await api.compare(from, head)
  const base = compared.mergeBase || (from ?? head)
  if (from !== undefined && base !== from && !range.mergeBaseOf) {
    notices.push(
      `GitHub compares from the merge base ${short(base)} of ${short(from)} and ${short(head)}.`
    )
  }
  // Past the comparison's cap, a pull request's own file list goes further.
  const pull = compared.capped && range.pullNumber !== undefined
  const { files: changes, capped } = pull ? await api.pullFiles(range.pullNumber!) : compared
  const [what, cap] = pull
    ? [`pull request #${range.pullNumber}`, PULL_FILE_CAP]
    : [`${short(base)}...${short(head)}`, COMPARE_FILE_CAP]
  const warnings = !capped
    ? []
    : [
        `GitHub lists at most ${cap} changed files for ${what}, and this change has at least that many: files beyond them were not checked, so some deletions may be missing. Add actions/checkout before this step so git reads the whole change.`
      ]
  return { via: 'rest', base, head, result, changes, notices, warnings, ...restFiles(api) }
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
      // All at once: Octokit's throttling runs at most 10 requests together.
      const read = [...new Set(objects)].map(async sha => [sha, await api.blob(sha)] as const)
      return new Map(await Promise.all(read))
    }
  })
}

/** A page or redirect on another origin than the API's: not followed (see onApiOrigin). */
export class ForeignOriginError extends Error {
  override name = 'ForeignOriginError'
}

/** How every request of one Octokit is bounded: the run's cancellation, a time limit, retries. */
export interface CallLimits {
  signal?: AbortSignal
  timeoutMs: number
  retries: number
  log: Log
}

/**
 * The one Octokit of a run, for the REST diff reader and the comment: the proxy rule of every
 * call, bounded retries (5xx, network errors, time-outs; rate limits up to a minute), and
 * each attempt bounded and kept on the API's origin by `guarded`.
 */
export async function octokitFor(token: string, target: RestTarget, limits: CallLimits) {
  // Loaded only when needed: most runs read the change with git.
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const retries = Math.min(limits.retries, MAX_RETRIES)
  // Every request goes to the API's origin (guarded): one agent, and a bad proxy fails here.
  const agent = agentFor(target.apiUrl, target.env)
  const fetch = (url: string, init: object) => nodeFetch(url, { ...init, agent })
  const rateLimited =
    (what: string) =>
    (seconds: number, options: { method: string; url: string }, _: unknown, count: number) => {
      if (count >= retries || seconds > MAX_RATE_LIMIT_WAIT_S) return false
      limits.log.info(
        `GitHub API ${options.method} ${options.url}: ${what}; retrying in ${seconds} s.`
      )
      return true
    }
  // Octokit would warn on the console: nothing reaches the log but through the run's channel.
  const debug = (message: string) => limits.log.debug(message)
  const quiet = { debug() {}, info() {}, warn: debug, error: debug }
  return getOctokit(
    token,
    {
      baseUrl: target.apiUrl,
      log: quiet,
      request: { fetch, log: quiet },
      retry: { retries, doNotRetry: DO_NOT_RETRY },
      throttle: {
        onRateLimit: rateLimited('rate limit'),
        onSecondaryRateLimit: rateLimited('secondary rate limit')
      }
    },
    guarded(target.apiUrl, limits, retries),
    retry,
    throttling
  )
}

/**
 * A plugin inside the retry plugin, so it bounds each attempt: the time limit and the run's
 * signal, and the token kept on the API's origin (fetch would follow a redirect anywhere, and a
 * `Link` to a next page elsewhere is refused, as a listing cut short is not a whole one).
 */
function guarded(apiUrl: string, limits: CallLimits, retries: number) {
  return (octokit: Pick<InstanceType<typeof GitHub>, 'hook'>) =>
    octokit.hook.wrap('request', async (request, options) => {
      limits.signal?.throwIfAborted()
      const stop = timeLimit(limits.timeoutMs, limits.signal)
      // In place: the hooks inside this one were bound to this very options object.
      options.request = { ...options.request, redirect: 'manual', signal: stop.signal }
      try {
        for (let hops = 0; ; hops++) {
          const response = await request(options)
          const location = response.headers.location
          if (response.status < 300 || response.status > 399 || !location) {
            const next = NEXT_PAGE.exec(response.headers.link ?? '')?.[1]
            if (next !== undefined) onApiOrigin(next, apiUrl, apiUrl, 'has its next page on')
            return response
          }
          if (hops === MAX_REDIRECTS) {
            throw new Error(`GitHub API: more than ${MAX_REDIRECTS} redirects`)
          }
          options.url = onApiOrigin(location, response.url || apiUrl, apiUrl, 'redirects to')
        }
      } catch (error) {
        if (limits.signal?.aborted) throw error
        const timedOut = stop.signal.aborted
        const status = timedOut ? 504 : statusOf(error)
        const attempt = options.request.retryCount ?? 0
        if (status && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt < retries) {
          const what = timedOut ? 'no answer in time' : `HTTP ${status}`
          limits.log.info(
            `GitHub API ${options.method} ${options.url}: ${what}; retrying in ${(attempt + 1) ** 2} s.`
          )
        }
        if (!timedOut) throw error
        // Shaped like Octokit's errors, so that the retry plugin retries it.
        const message = `GitHub did not answer within ${limits.timeoutMs / 1000} s`
        throw Object.assign(new Error(message, { cause: error }), { status, request: options })
      } finally {
        stop.done()
      }
    })
}

/** `url` (relative to `from`) when it is on the API's origin: the token is sent there only. */
export function onApiOrigin(url: string, from: string, apiUrl: string, what: string): string {
  const origin = new URL(apiUrl).origin
  const target = URL.canParse(url, from) ? new URL(url, from) : undefined
  if (target?.origin === origin) return target.href
  throw new ForeignOriginError(
    `GitHub's answer ${what} ${target?.origin ?? 'an unreadable address'}, not the API's origin ${origin} (GITHUB_API_URL): not followed, as the token is sent there only`
  )
}

/** The entries of compare / pull request files, as FileChanges. */
function fileChanges(list: unknown): FileChange[] {
  return (Array.isArray(list) ? list.map(record) : []).flatMap<FileChange>(file => {
    const { filename: path, previous_filename: oldPath } = file
    const status = STATUSES.get(file.status)
    if (typeof path !== 'string' || !path || !status) return []
    if (status !== 'renamed') return [{ status, path }]
    return [typeof oldPath === 'string' ? { status, oldPath, path } : { status: 'added', path }]
  })
}

/** Encodes each `/`-separated part of a path or ref for a URL. */
function segments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** The HTTP status of an Octokit error; undefined for one without an answer. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}
