// The pull request comment's I/O: finds this workflow, job and step's comment by its hidden
// marker (through every page of the pull request's comments) among those the token's own
// identity wrote, then edits it, or creates it the first time. Runs after the outputs and
// summary are written and never throws: a comment that cannot be written is a notice, never a
// failed run.
import { ForeignOriginError, octokitFor, restTarget, statusOf } from '../diff/github-rest.js'
import { type PullRequestState, pullRequestOf } from '../diff/event.js'
import type { Log } from '../log.js'
import { commentMarker, renderComment } from '../report/comment.js'
import { repositoryLinks, type RunReport } from '../report/run-report.js'
import type { Settings } from '../input-helper.js'

/** 100 comments a page: more pages than this is not a pull request anyone reads. */
const MAX_PAGES = 500
/** Which of the given comments the token's own identity wrote. */
const VIEWER_DID_AUTHOR =
  'query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { viewerDidAuthor } } }'
/** The answer's shape; optional chaining reads a malformed one as "not ours". */
type Authorship = { nodes?: ({ viewerDidAuthor?: boolean } | null)[] } | undefined

export interface CommentRun {
  report: RunReport
  settings: Pick<Settings, 'githubToken' | 'requestTimeoutMs' | 'retries' | 'commentTitle'>
  event: { name: string; payload: unknown }
  env: NodeJS.ProcessEnv
  /** The run's cancellation: a cancelled run stops writing the comment at once. */
  signal: AbortSignal
  /** The key's redactor: runs on every untrusted text before it is escaped. */
  clean: (text: string) => string
  log: Log
}

/** Writes the comment when the event is about a pull request; its URL, or undefined. */
export async function updatePullRequestComment(run: CommentRun): Promise<string | undefined> {
  const { event, log } = run
  const pull = pullRequestOf(event.name, event.payload)
  const notWritten = `The pull request comment on #${pull?.number} was not written`
  const notAbout = `No pull request comment (\`comment\` is true): the \`${event.name || 'unknown'}\` event is not about a pull request.`
  if (!pull || !run.settings.githubToken) {
    log.notice(pull ? `${notWritten}: \`github-token\` is empty.` : notAbout)
    return undefined
  }
  try {
    return (await writeComment(run, pull)) || undefined
  } catch (error) {
    const status = statusOf(error)
    const message = run.clean(error instanceof Error ? error.message : String(error))
    const forbidden = `the token may not comment (HTTP ${status}: ${message}). It needs \`permissions: pull-requests: write\`; pull requests from forks only get a read-only token, so their preview is in the job summary only.`
    // Only an error nobody expects is a warning: the rest are notices.
    const why = [401, 403, 404].includes(status ?? 0)
      ? forbidden
      : error instanceof ForeignOriginError
        ? message
        : run.signal.aborted && 'the run was cancelled.'
    if (why) log.notice(`${notWritten}: ${why}`)
    else log.warning(`${notWritten} (the run's result is not affected): ${message}`)
    return undefined
  }
}

/** Edits this step's comment, or creates it the first time; its URL. */
async function writeComment(run: CommentRun, pull: { number: number; state: PullRequestState }) {
  const { env, log, settings, clean, signal } = run
  const target = restTarget(env)
  const marker = commentMarker(env.GITHUB_WORKFLOW, env.GITHUB_JOB, env.GITHUB_ACTION)
  // The link to this workflow run's attempt, from the runner's environment.
  const runUrl = repositoryLinks(env, run.event)?.runUrl
  const context = { marker, title: settings.commentTitle, state: pull.state, clean, runUrl }
  const body = renderComment(run.report, context)
  const limits = { signal, timeoutMs: settings.requestTimeoutMs, retries: settings.retries, log }
  const octokit = await octokitFor(settings.githubToken, target, limits)
  const { owner, repo } = target
  const issue = { owner, repo, issue_number: pull.number }
  /**
   * The ID of the oldest comment that starts with the marker and that the token's own identity
   * wrote (GraphQL `viewerDidAuthor`): anyone can paste a marker, a member or another bot too,
   * and their comment is not ours.
   */
  const find = async () => {
    const params = { ...issue, per_page: 100 }
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, params)
    let page = 0
    for await (const { data } of pages) {
      // A page that is not a list (a proxy or an outage answering 200) holds no comment of ours.
      const marked = (Array.isArray(data) ? data : []).filter(c => c.body?.startsWith(marker))
      // At most 100 a page: one query.
      const ids = marked.map(c => c.node_id)
      const answer: Authorship = ids.length ? await octokit.graphql(VIEWER_DID_AUTHOR, { ids }) : {}
      const own = marked.find((_, i) => answer?.nodes?.[i]?.viewerDidAuthor === true)
      if (own || ++page === MAX_PAGES) return own?.id
    }
    return undefined
  }
  const edit = async (comment_id: number) =>
    (await octokit.rest.issues.updateComment({ owner, repo, comment_id, body })).data.html_url
  const existing = await find()
  if (existing !== undefined) {
    const url = await edit(existing)
    log.info(`Updated the pull request comment: ${url}`)
    return url
  }
  const { data } = await octokit.rest.issues.createComment({ ...issue, body })
  log.info(`Wrote the pull request comment: ${data.html_url}`)
  // A run of the same job that started at the same moment may have created one too:
  // both keep the oldest, and the newer one is deleted.
  const oldest = await find()
  if (oldest === undefined || oldest === data.id) return data.html_url
  const url = await edit(oldest)
  await octokit.rest.issues.deleteComment({ owner, repo, comment_id: data.id })
  log.info(`Another run had written the comment at the same time: kept that one, ${url}`)
  return url
}
