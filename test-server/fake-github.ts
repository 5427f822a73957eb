// A fake of the GitHub REST endpoints the diff source reads (commits, compare, pull
// request files, contents, trees, blobs), answering from a real git repository, with GitHub's
// pagination (`Link`), file caps and truncation; and of the issue comment routes the pull
// request comment uses (fake-github-comments.ts). Loopback only.
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeComments, send, setLink } from './fake-github-comments.js'
import { isolatedGitEnv, runGit } from './git-repo.js'

export interface FakeGitHubOptions {
  /** The repository answering for `owner/repo`; without one only the comment routes answer. */
  repoDir?: string
  owner?: string
  repo?: string
  token?: string
  /** Pull requests by number: their base and head commits. */
  pulls?: Record<number, { base: string; head: string }>
  compareFileCap?: number
  pullFileCap?: number
  /** Tree listings longer than this are cut and flagged `truncated`. */
  treeLimit?: number
  /** The most `per_page` honours (GitHub: 100); small values make short lists paginate. */
  maxPerPage?: number
  /** `Link` headers name their pages on this origin: a GitHub that would send the token there. */
  nextOrigin?: string
  /** The pull requests' comments; a new empty store when absent. */
  comments?: FakeComments
  /** Answers `status` to the next `times` requests whose route (after the repo) matches. */
  faults?: { route: RegExp; status: number; times: number }[]
}

export interface FakeGitHub {
  url: string
  /** Every request's path and query, in order. */
  requests: string[]
  comments: FakeComments
  close(): Promise<void>
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: string[] = []
  const comments = options.comments ?? new FakeComments(options.owner, options.repo)
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      try {
        answer(options, comments, req, res, Buffer.concat(chunks).toString('utf8'))
      } catch (error) {
        send(res, 500, { message: (error as Error).message })
      }
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve())
        // A hanging answer (a comment fault with a delay) must not hold the close.
        server.closeAllConnections()
      })
  }
}

function answer(
  options: FakeGitHubOptions,
  comments: FakeComments,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string
): void {
  const token = options.token ?? 'test-token'
  if (
    req.headers.authorization !== `token ${token}` &&
    req.headers.authorization !== `Bearer ${token}`
  ) {
    return send(res, 401, { message: 'Bad credentials' })
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
  if (url.pathname === '/graphql' && req.method === 'POST') return comments.graphql(res, body)
  const prefix = `/repos/${options.owner ?? 'acme'}/${options.repo ?? 'shop-catalog'}/`
  if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: 'Not Found' })
  const route = url.pathname.slice(prefix.length)
  const fault = options.faults?.find(f => f.times > 0 && f.route.test(route))
  if (fault) {
    fault.times--
    return send(res, fault.status, { message: 'Server Error' })
  }
  if (comments.handle(req, res, route, url, body, options)) return
  const dir = options.repoDir
  if (req.method !== 'GET' || !dir) return send(res, 404, { message: 'Not Found' })
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'))
  let match: RegExpExecArray | null

  if ((match = /^commits\/(.+)$/.exec(route))) {
    const sha = resolve(dir, decodeURIComponent(match[1]))
    if (!sha) return send(res, 422, { message: `No commit found for SHA: ${match[1]}` })
    const parents = runGit(dir, ['rev-list', '--parents', '-n', '1', sha])
      .trim()
      .split(' ')
      .slice(1)
    return send(res, 200, { sha, parents: parents.map(p => ({ sha: p })) })
  }

  if ((match = /^compare\/(.+)\.\.\.(.+)$/.exec(route))) {
    const base = resolve(dir, decodeURIComponent(match[1]))
    const head = resolve(dir, decodeURIComponent(match[2]))
    if (!base || !head) return send(res, 404, { message: 'Not Found' })
    const mergeBase = runGit(dir, ['merge-base', base, head]).trim()
    const commits = lines(runGit(dir, ['rev-list', '--reverse', `${mergeBase}..${head}`]))
    const perPage = perPageOf(url, 250, options.maxPerPage)
    const pages = Math.max(1, Math.ceil(commits.length / perPage))
    // As on GitHub: the files come with the first page only, at most the cap of them.
    const files =
      page === 1 ? changedFiles(dir, mergeBase, head).slice(0, options.compareFileCap ?? 300) : []
    setLink(res, url, page, pages, options.nextOrigin)
    return send(res, 200, {
      status: commits.length === 0 ? 'identical' : 'ahead',
      merge_base_commit: { sha: mergeBase },
      total_commits: commits.length,
      commits: commits.slice((page - 1) * perPage, page * perPage).map(sha => ({ sha })),
      files
    })
  }

  if ((match = /^pulls\/(\d+)\/files$/.exec(route))) {
    const pull = options.pulls?.[Number(match[1])]
    if (!pull) return send(res, 404, { message: 'Not Found' })
    const mergeBase = runGit(dir, ['merge-base', pull.base, pull.head]).trim()
    const files = changedFiles(dir, mergeBase, pull.head).slice(0, options.pullFileCap ?? 3000)
    const perPage = perPageOf(url, 30, options.maxPerPage)
    setLink(res, url, page, Math.max(1, Math.ceil(files.length / perPage)), options.nextOrigin)
    return send(res, 200, files.slice((page - 1) * perPage, page * perPage))
  }

  if ((match = /^contents\/(.+)$/.exec(route))) {
    const file = match[1].split('/').map(decodeURIComponent).join('/')
    const ref = url.searchParams.get('ref') ?? 'HEAD'
    let content: Buffer
    try {
      content = execFileSync('git', ['cat-file', 'blob', `${ref}:${file}`], {
        cwd: dir,
        env: isolatedGitEnv(),
        stdio: ['pipe', 'pipe', 'pipe']
      })
    } catch {
      return send(res, 404, { message: 'Not Found' })
    }
    if ((req.headers.accept ?? '').includes('raw')) {
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw' })
      return void res.end(content)
    }
    return send(res, 200, {
      type: 'file',
      path: file,
      encoding: 'base64',
      content: content.toString('base64')
    })
  }

  if ((match = /^git\/blobs\/([0-9a-f]{40})$/.exec(route))) {
    let content: Buffer
    try {
      content = execFileSync('git', ['cat-file', 'blob', match[1]], {
        cwd: dir,
        env: isolatedGitEnv(),
        stdio: ['pipe', 'pipe', 'pipe']
      })
    } catch {
      return send(res, 404, { message: 'Not Found' })
    }
    return send(res, 200, {
      sha: match[1],
      size: content.length,
      encoding: 'base64',
      content: content.toString('base64')
    })
  }

  if ((match = /^git\/trees\/(.+)$/.exec(route))) {
    const sha = resolve(dir, decodeURIComponent(match[1]))
    if (!sha) return send(res, 404, { message: 'Not Found' })
    const recursive = url.searchParams.has('recursive')
    const entries = runGit(dir, ['ls-tree', '-z', ...(recursive ? ['-r', '-t'] : []), sha])
      .split('\0')
      .filter(Boolean)
      .map(entry => {
        const [mode, type, object] = entry.slice(0, entry.indexOf('\t')).split(' ')
        return { path: entry.slice(entry.indexOf('\t') + 1), mode, type, sha: object }
      })
    const limit = options.treeLimit ?? Infinity
    return send(res, 200, { sha, tree: entries.slice(0, limit), truncated: entries.length > limit })
  }

  send(res, 404, { message: 'Not Found' })
}

/** The files from `base` to `head` as GitHub lists them. */
function changedFiles(dir: string, base: string, head: string): Record<string, unknown>[] {
  const fields = runGit(dir, ['diff', '--name-status', '-z', '-M', base, head, '--']).split('\0')
  const files: Record<string, unknown>[] = []
  const statuses: Record<string, string> = { A: 'added', D: 'removed', M: 'modified', T: 'changed' }
  for (let i = 0; i < fields.length && fields[i];) {
    const status = fields[i]
    if (status[0] === 'R' || status[0] === 'C') {
      const [from, to] = [fields[i + 1], fields[i + 2]]
      files.push({
        filename: to,
        status: status[0] === 'R' ? 'renamed' : 'copied',
        previous_filename: from
      })
      i += 3
    } else {
      files.push({ filename: fields[i + 1], status: statuses[status[0]] ?? 'changed' })
      i += 2
    }
  }
  return files
}

function resolve(dir: string, ref: string): string | undefined {
  try {
    return runGit(dir, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${ref}^{commit}`
    ]).trim()
  } catch {
    return undefined
  }
}

function perPageOf(url: URL, fallback: number, max = 100): number {
  const perPage = Number(url.searchParams.get('per_page') ?? fallback)
  return Math.min(max, Math.max(1, perPage || fallback))
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean)
}
