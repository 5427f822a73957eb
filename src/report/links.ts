// Links the job summary can make to GitHub: commits, the compare view and the pull request.
// Built only from a well-formed GITHUB_SERVER_URL and GITHUB_REPOSITORY, so a link never
// carries text from anywhere else.
import { objectOrEmpty } from '../json.js'

export interface RepositoryLinks {
  /** `https://github.com/owner/repo` */
  url: string
  /** The pull request of a pull request event. */
  pullNumber?: number
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** The repository's links, or undefined when the runner's variables are missing or odd. */
export function repositoryLinks(
  env: NodeJS.ProcessEnv,
  event: { name: string; payload: unknown }
): RepositoryLinks | undefined {
  const server = env.GITHUB_SERVER_URL ?? ''
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (!REPOSITORY.test(repository) || repository.split('/').some(part => /^\.+$/.test(part))) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return undefined
  }
  const plain = !url.username && !url.password && !url.search && !url.hash
  if (!plain || !['https:', 'http:'].includes(url.protocol) || url.pathname !== '/') {
    return undefined
  }
  const links: RepositoryLinks = { url: `${url.origin}/${repository}` }
  if (event.name === 'pull_request' || event.name === 'pull_request_target') {
    const number = objectOrEmpty(objectOrEmpty(event.payload).pull_request).number
    if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
      links.pullNumber = number
    }
  }
  return links
}

/** A commit as its short SHA linked to GitHub, or the text as it is when it is not a SHA. */
export function commitLink(links: RepositoryLinks | undefined, sha: string): string | undefined {
  if (!links || !SHA.test(sha)) return undefined
  return `[${sha.slice(0, 7)}](${links.url}/commit/${sha})`
}

/** GitHub's compare view of base...head, when both are SHAs. */
export function compareLink(
  links: RepositoryLinks | undefined,
  base: string,
  head: string
): string | undefined {
  if (!links || !SHA.test(base) || !SHA.test(head)) return undefined
  return `[compare](${links.url}/compare/${base}...${head})`
}

/** The pull request, linked. */
export function pullLink(links: RepositoryLinks | undefined): string | undefined {
  if (links?.pullNumber === undefined) return undefined
  return `[#${links.pullNumber}](${links.url}/pull/${links.pullNumber})`
}
