// The issue comment routes of the GitHub fake (fake-github.ts): list with GitHub's paging
// (`per_page` up to 100, `Link` headers), create, edit, GitHub's body limit, faults (403, 404,
// 5xx, rate limits) to inject per method, and the one GraphQL query the action asks: which
// comments the token's identity wrote (`viewerDidAuthor`).
import type http from 'node:http'

export interface FakeComment {
  id: number
  node_id: string
  body: string
  user: { login: string; type: 'User' | 'Bot' }
  author_association: string
  html_url: string
  created_at: string
  updated_at: string
}

/** Who wrote a comment: the token's own comments are github-actions[bot]'s. */
export interface CommentAuthor {
  login: string
  type: 'User' | 'Bot'
  association: string
}

export const TOKEN_AUTHOR: CommentAuthor = {
  login: 'github-actions[bot]',
  type: 'Bot',
  association: 'NONE'
}

export interface CommentFault {
  /** Only requests of this method; every comment request when absent. */
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  status: number
  /** Answer only after this long (a GitHub that hangs). */
  delayMs?: number
  message?: string
  headers?: Record<string, string>
  /** How many requests it answers (then it is gone); every one when absent. */
  times?: number
}

/** GitHub's limit on a comment body, in characters. */
export const BODY_LIMIT = 65_536

export class FakeComments {
  private readonly byIssue = new Map<number, FakeComment[]>()
  private nextId = 9000
  private faults: CommentFault[] = []
  /** Every comment request: method, path with query, and the body sent. */
  readonly calls: { method: string; path: string; body?: string }[] = []
  /** Runs before each create, e.g. to add a comment as a run racing this one would. */
  beforeCreate?: (issue: number) => void

  constructor(
    private readonly owner = 'acme',
    private readonly repo = 'shop-catalog'
  ) {}

  /** Adds a comment as if `author` had written it. */
  add(issue: number, body: string, author: CommentAuthor = TOKEN_AUTHOR): FakeComment {
    const id = this.nextId++
    const now = new Date().toISOString()
    const comment: FakeComment = {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login: author.login, type: author.type },
      author_association: author.association,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue}#issuecomment-${id}`,
      created_at: now,
      updated_at: now
    }
    this.listOf(issue).push(comment)
    return comment
  }

  /** The comments of an issue or pull request, oldest first. */
  list(issue: number): FakeComment[] {
    return [...this.listOf(issue)]
  }

  /** The comments the token wrote (github-actions[bot]). */
  ownComments(issue: number): FakeComment[] {
    return this.list(issue).filter(c => c.user.login === TOKEN_AUTHOR.login)
  }

  fail(fault: CommentFault): void {
    this.faults.push({ ...fault })
  }

  reset(): void {
    this.byIssue.clear()
    this.faults = []
    this.calls.length = 0
    this.beforeCreate = undefined
  }

  /** Answers `route` (the path after /repos/owner/repo/) when it is a comment route. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: string,
    url: URL,
    body: string,
    { maxPerPage = 100, nextOrigin }: { maxPerPage?: number; nextOrigin?: string } = {}
  ): boolean {
    const list = /^issues\/(\d+)\/comments$/.exec(route)
    const one = /^issues\/comments\/(\d+)$/.exec(route)
    if (!list && !one) return false
    const method = req.method ?? 'GET'
    this.calls.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) })
    const fault = this.faults.find(f => !f.method || f.method === method)
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0) {
        this.faults.splice(this.faults.indexOf(fault), 1)
      }
      const answer = () => {
        if (res.destroyed) return
        res.writeHead(fault.status, {
          'content-type': 'application/json; charset=utf-8',
          ...fault.headers
        })
        res.end(JSON.stringify({ message: fault.message ?? `fault ${fault.status}` }))
      }
      if (fault.delayMs) setTimeout(answer, fault.delayMs).unref()
      else answer()
      return true
    }
    if (list && method === 'GET') {
      const comments = this.listOf(Number(list[1]))
      const perPage = Math.min(
        maxPerPage,
        Math.max(1, Number(url.searchParams.get('per_page')) || 30)
      )
      const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
      const pages = Math.max(1, Math.ceil(comments.length / perPage))
      setLink(res, url, page, pages, nextOrigin)
      send(res, 200, comments.slice((page - 1) * perPage, page * perPage))
      return true
    }
    const comment = one && this.find(Number(one[1]))
    if (method === 'DELETE' && comment) {
      const comments = [...this.byIssue.values()].find(list => list.includes(comment))
      comments?.splice(comments.indexOf(comment), 1)
      res.writeHead(204).end()
      return true
    }
    const text = bodyText(body)
    if (text === undefined) {
      send(res, 422, { message: 'Invalid request: body is required' })
      return true
    }
    if ([...text].length >= BODY_LIMIT) {
      send(res, 422, { message: `Body is too long (maximum is ${BODY_LIMIT - 1} characters)` })
      return true
    }
    if (list && method === 'POST') {
      this.beforeCreate?.(Number(list[1]))
      send(res, 201, this.add(Number(list[1]), text))
      return true
    }
    if (method === 'PATCH' && comment) {
      comment.body = text
      comment.updated_at = new Date().toISOString()
      send(res, 200, comment)
      return true
    }
    send(res, 404, { message: 'Not Found' })
    return true
  }

  /** `nodes(ids:) { ... on IssueComment { viewerDidAuthor } }`: the token wrote TOKEN_AUTHOR's. */
  graphql(res: http.ServerResponse, body: string): void {
    this.calls.push({ method: 'POST', path: '/graphql', body })
    const { query, variables } = JSON.parse(body) as {
      query?: string
      variables?: { ids?: unknown[] }
    }
    if (!/nodes\(ids: \$ids\)/.test(query ?? '') || !Array.isArray(variables?.ids)) {
      return send(res, 200, { errors: [{ message: 'this fake answers only nodes(ids:)' }] })
    }
    const nodes = variables.ids.map(id => {
      const comment = [...this.byIssue.values()].flat().find(c => c.node_id === id)
      return comment ? { viewerDidAuthor: comment.user.login === TOKEN_AUTHOR.login } : null
    })
    send(res, 200, { data: { nodes } })
  }

  private find(id: number): FakeComment | undefined {
    return [...this.byIssue.values()].flat().find(c => c.id === id)
  }

  private listOf(issue: number): FakeComment[] {
    let comments = this.byIssue.get(issue)
    if (!comments) this.byIssue.set(issue, (comments = []))
    return comments
  }
}

function bodyText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { body?: unknown }
    return typeof parsed.body === 'string' ? parsed.body : undefined
  } catch {
    return undefined
  }
}

/**
 * GitHub's `Link` header: next and last, first and prev, as absolute URLs; on `origin` when
 * given (a GitHub whose pages would take the token elsewhere).
 */
export function setLink(
  res: http.ServerResponse,
  url: URL,
  page: number,
  pages: number,
  origin?: string
): void {
  const at = (n: number) => {
    const next = new URL(url.pathname + url.search, origin ?? url)
    next.searchParams.set('page', String(n))
    return next.toString()
  }
  const links: string[] = []
  if (page < pages) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(pages)}>; rel="last"`)
  if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`)
  if (links.length > 0) res.setHeader('link', links.join(', '))
}

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}
