// The pull request comment as Markdown. Pure: a report in, a string out. While the pull
// request is open it shows what the merge will delete; after the merge, what was deleted;
// closed unmerged, that nothing will be. Every text is redacted, cut (channel.ts), then escaped
// (allEntities in markdown.ts), and the whole stays under GitHub's 65,536-character limit.
import { bound, MESSAGE_LIMIT, VALUE_LIMIT } from '../channel.js'
import type { PullRequestState } from '../diff/event.js'
import { short } from '../diff/event.js'
import { describeSource } from '../plan.js'
import type { RunReport } from './run-report.js'
import { countTotals, failedCount, ICON } from './run-report.js'
import { allEntities, firstIds, mdSection, type Section, tableHead, unlinked } from './markdown.js'
import { formatCounts } from './summary.js'

/** GitHub refuses comment bodies of 65,536 characters or more; keep a margin. */
export const COMMENT_LIMIT = 60_000
/** No one list may take more than this, so a huge one still leaves room for the others. */
const SECTION_LIMIT = 12_000
const FIRST_IDS = 100

/**
 * Untrusted text made safe for the comment. Unlike the summary, a comment notifies: neither
 * makes an autolink or a mention (`unlinked`), `prose` breaks `#123` so it links nothing, and
 * `code` shows a value (an ID, a path) as code, where GitHub makes no references.
 */
interface Text {
  prose(value: string, max?: number): string
  code(value: string): string
}

export interface CommentContext {
  /** The hidden marker that finds this comment again (commentMarker()). */
  marker: string
  /** The `comment-title` input: heads the comment. */
  title: string
  state: PullRequestState
  /** The link to the workflow run, when the environment names one. */
  runUrl?: string
  /** The redactor for secrets; runs on every untrusted text before it is escaped. */
  clean: (text: string) => string
}

/**
 * The hidden first line that marks the comment of one workflow, job and step (two steps, e.g.
 * one per store, keep two comments). The names are percent-encoded with `-`, `!` and `>` too,
 * so no name can end the HTML comment early.
 */
export function commentMarker(workflow: string, job: string, step: string): string {
  const encode = (name: string) =>
    encodeURIComponent(name).replace(
      /[!'()*~.-]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    )
  return `<!-- miso-bulk-delete comment workflow=${encode(workflow)} job=${encode(job)} step=${encode(step)} -->`
}

export function renderComment(
  report: RunReport,
  context: CommentContext,
  limit = COMMENT_LIMIT
): string {
  const safe = (value: string, max: number) => unlinked(bound(context.clean(value), max))
  const text: Text = {
    prose: (value, max = VALUE_LIMIT) => allEntities(safe(value, max).replace(/#/g, '$&\u2060')),
    code: value => `<code>${allEntities(safe(value, VALUE_LIMIT))}</code>`
  }
  const footer = footerOf(context)
  const title = text.prose(context.title)
  const head = [context.marker, ...headline(report, context.state, title, text)].join('\n') + '\n'
  let room = limit - head.length - footer.length
  const parts = [head]
  for (const section of sections(report, context.state, text)) {
    const more = (left: number) =>
      `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`
    const fitted = mdSection(section, more, Math.min(room, SECTION_LIMIT))
    if (fitted === '') continue
    parts.push(fitted)
    room -= fitted.length + 1
  }
  parts.push(footer)
  return parts.join('\n')
}

function headline(report: RunReport, state: PullRequestState, title: string, text: Text): string[] {
  if (state === 'closed') {
    return [
      `### ➖ ${title}: nothing will be deleted`,
      '',
      'This pull request was closed without being merged, so nothing will be deleted from Miso.'
    ]
  }
  const count = report.plan?.ids.length ?? 0
  const noun = report.recordType === 'users' ? 'user' : 'product'
  const message = (value: string) => text.prose(value, MESSAGE_LIMIT)
  const lines: string[] = []
  if (state === 'open') {
    lines.push(`### 🔍 ${title}: preview`, '')
    if (report.error) lines.push(`The preview failed: ${message(report.error)}`, '')
    else if (count === 0) {
      lines.push(`When this pull request is merged, no ${noun} will be deleted from Miso.`, '')
    } else {
      const records = `${count} ${noun}${count === 1 ? '' : 's'}`
      lines.push(`When this pull request is merged, **${records}** will be deleted from Miso.`, '')
    }
    lines.push('Nothing was deleted yet.')
  } else {
    lines.push(`### ${ICON[report.status]} ${title}: ${report.status}`, '')
    if (report.error) lines.push(`**Error:** ${message(report.error)}`, '')
    if (report.dryRunReason) {
      lines.push(`**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`, '')
    }
    const { stoppedBy, taskIds = [] } = report.deletion ?? {}
    if (stoppedBy) lines.push(`**Stopped:** ${message(stoppedBy)}`, '')
    lines.push(
      ...tableHead('Status', 'IDs:', 'Tasks:', 'Failed IDs:', 'Counts from Miso'),
      `| ${report.status} | ${count} | ${taskIds.length} | ${failedCount(report)} | ${text.prose(formatCounts(countTotals(report)))} |`
    )
  }
  if (report.diff) {
    const { base, head } = report.diff
    lines.push('', `Change compared: ${text.code(`${short(base)}..${short(head)}`)}`)
  }
  return lines
}

/** The lists the comment shows for the pull request's state, with what their rows count. */
function sections(
  report: RunReport,
  state: PullRequestState,
  text: Text
): (Section & { what: string })[] {
  const ids = report.plan?.ids ?? []
  const batches = report.deletion?.batches ?? []
  const failed = batches.filter(b => b.error)
  const kept = report.diff?.kept ?? []
  const sources = {
    heading: '#### Where the IDs come from',
    head: tableHead('Source', 'IDs:', 'First IDs'),
    rows: (report.plan?.sources ?? []).map(
      s => `| ${text.prose(describeSource(s))} | ${s.found} | ${firstIds(s.ids, text.code)} |`
    ),
    what: 'sources'
  }
  const keptIds = {
    heading: '#### Kept: still named in the repository',
    head: tableHead('ID', 'File'),
    rows: kept.map(k => `| ${text.code(k.id)} | ${text.code(k.path)} |`),
    what: 'kept IDs'
  }
  if (state === 'closed') return []
  const merged = state === 'merged'
  const tasks = {
    heading: '#### Tasks',
    head: tableHead('Batch:', 'Task ID', 'IDs:', 'Status', 'Counts'),
    rows: batches.map(
      b =>
        `| ${b.index + 1} | ${b.taskId ? text.code(b.taskId) : ''} | ${b.count} | ${b.status} | ${text.prose(formatCounts(b.counts))} |`
    ),
    what: 'tasks'
  }
  const failures = {
    heading: '#### Failures',
    head: tableHead('Batch:', 'HTTP status:', 'Message'),
    rows: failed.map(
      b =>
        `| ${b.index + 1} | ${b.error?.httpStatus ?? ''} | ${text.prose(b.error?.message ?? '')} |`
    ),
    what: 'failures'
  }
  const idList = {
    heading: `#### IDs to delete (${ids.length})`,
    rows: ids.slice(0, FIRST_IDS).map(id => `- ${text.code(id)}`),
    count: ids.length,
    what: 'IDs'
  }
  const notes = {
    heading: '#### Notes',
    rows: report.notes.map(n => `- ${text.prose(n)}`),
    what: 'notes'
  }
  const chosen = merged ? [tasks, failures, sources, keptIds] : [sources, idList, keptIds, notes]
  return chosen.filter(section => section.rows.length > 0)
}

function footerOf(context: CommentContext): string {
  const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run'
  const where =
    context.state === 'open'
      ? ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.'
      : ' Its job summary has the details.'
  return `\n<sub>Written by ${run}.${where}</sub>\n`
}
