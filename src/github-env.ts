// What the runner's GitHub variables and the event say, each read by one rule here: the
// repository, the pull request, what a commit SHA looks like, where the API and the web are.
// Plain functions of `env` and the payload; the payload itself is read by @actions/github's
// `context` on the runner (runner.ts), which first makes sure a missing or broken file is only
// a warning in the log.
import { objectOrEmpty as record } from './json.js'

/** A full commit SHA: SHA-1 or SHA-256. */
export const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

/** `owner/name` from GITHUB_REPOSITORY; undefined when it is not that (a link never guesses). */
export function repositoryOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } | undefined {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  if (!match || [match[1], match[2]].some(name => /^\.+$/.test(name))) return undefined
  return { owner: match[1], repo: match[2] }
}

/** The REST API's root (GITHUB_API_URL, for GitHub Enterprise Server), without a final `/`. */
export function apiUrlOf(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
}

/**
 * `https://server/owner/name` from GITHUB_SERVER_URL and GITHUB_REPOSITORY, or undefined when
 * either is odd: the server must be a bare http(s) origin, so a link carries no other text.
 */
export function repositoryUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const repo = repositoryOf(env)
  const url = env.GITHUB_SERVER_URL ?? ''
  const server = URL.canParse(url) ? new URL(url) : undefined
  if (!repo || !server || server.pathname !== '/' || !/^https?:$/.test(server.protocol)) return
  const plain = !server.username && !server.password && !server.search && !server.hash
  return plain ? `${server.origin}/${repo.owner}/${repo.repo}` : undefined
}

export function isPullRequestEvent(eventName: string): boolean {
  return eventName === 'pull_request' || eventName === 'pull_request_target'
}

/** The pull request a pull request event is about; undefined for others and odd numbers. */
export function pullNumberOf(eventName: string, payload: unknown): number | undefined {
  if (!isPullRequestEvent(eventName)) return undefined
  const number = record(record(payload).pull_request).number ?? record(payload).number
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
    ? number
    : undefined
}
