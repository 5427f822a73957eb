// Links the job summary can make to GitHub: commits, the compare view and the pull request.
// Built only from a well-formed GITHUB_SERVER_URL and GITHUB_REPOSITORY, so a link never
// carries text from anywhere else.
import { pullNumberOf, repositoryUrlOf, SHA } from '../github-env.js'

export interface RepositoryLinks {
  /** `https://github.com/owner/repo` */
  url: string
  /** The pull request of a pull request event. */
  pullNumber?: number
  /** This workflow run (`GITHUB_RUN_ID`): the restore workflow takes it to find the backup. */
  runId?: string
}

/** The repository's links, or undefined when the runner's variables are missing or odd. */
export function repositoryLinks(
  env: NodeJS.ProcessEnv,
  event: { name: string; payload: unknown }
): RepositoryLinks | undefined {
  const url = repositoryUrlOf(env)
  const pullNumber = pullNumberOf(event.name, event.payload)
  const runId = /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : undefined
  if (url === undefined) return undefined
  return { url, ...(pullNumber ? { pullNumber } : {}), ...(runId ? { runId } : {}) }
}

/** A commit as its short SHA linked to GitHub; undefined when it is not a SHA. */
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
