// The pull request comment as Markdown. Pure: a report in, a string out. While the pull
// request is open it shows what the merge will delete; after the merge, what was deleted;
// closed unmerged, that nothing will be. Every text is redacted, cut (channel.ts), then escaped
// (allEntities in markdown.ts), and the whole stays under GitHub's 65,536-character limit.
import { bound, MESSAGE_LIMIT, VALUE_LIMIT } from '../channel.js'
import { type PullRequestState, short } from '../diff/event.js'
import { describeSource } from '../plan.js'
import { plural } from '../plural.js'
import { countTotals, failedCount, ICON, type RunReport } from './run-report.js'
import { allEntities, firstIds, mdSection, paragraphs } from './markdown.js'
import { tableHead, tableRow, unlinked } from './markdown.js'
import { errorRows, formatCounts } from './summary.js'

/** GitHub refuses comment bodies of 65,536 characters or more; keep a margin. */
export const COMMENT_LIMIT = 60_000
const OPEN_FOOTER =
  ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.'

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
export function commentMarker(workflow?: string, job?: string, step?: string): string {
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  const encode = (name = '') => encodeURIComponent(name).replace(/[!'()*~.-]/g, hex)
  return `<!-- miso-bulk-delete comment workflow=${encode(workflow)} job=${encode(job)} step=${encode(step)} -->`
}

/**
 * Untrusted text made safe for the comment. Unlike the summary, a comment notifies: neither
 * makes an autolink or a mention (`unlinked`), `prose` breaks `#123` so it links nothing, and
 * `code` shows a value (an ID, a path) as code, where GitHub makes no references.
 */
function textFor(clean: (text: string) => string) {
  const safe = (value: string, max: number) => unlinked(bound(clean(value), max))
  return {
    prose: (value: string, max = VALUE_LIMIT) =>
      allEntities(safe(value, max).replace(/#/g, '$&\u2060')),
    code: (value: string) => `<code>${allEntities(safe(value, VALUE_LIMIT))}</code>`
  }
}
type Text = ReturnType<typeof textFor>

export function renderComment(report: RunReport, context: CommentContext, limit = COMMENT_LIMIT) {
  const text = textFor(context.clean)
  const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run'
  const where = context.state === 'open' ? OPEN_FOOTER : ' Its job summary has the details.'
  const footer = `\n<sub>Written by ${run}.${where}</sub>\n`
  const head = `${context.marker}\n${headline(report, context.state, text.prose(context.title), text)}\n`
  let room = limit - head.length - footer.length
  const parts = [head]
  for (const section of sections(report, context.state, text)) {
    const more = (left: number) =>
      `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`
    // No one list takes more than 12,000 characters, so a huge one leaves room for the others.
    const fitted = mdSection(section, more, Math.min(room, 12_000))
    if (fitted === '') continue
    parts.push(fitted)
    room -= fitted.length + 1
  }
  return [...parts, footer].join('\n')
}

/** The heading and the paragraphs under it, for the pull request's state. */
function headline(report: RunReport, state: PullRequestState, title: string, text: Text): string {
  const { plan, error, status, deletion, diff } = report
  const count = plan?.ids.length ?? 0
  const noun = report.recordType === 'users' ? 'user' : 'product'
  const message = (value: string) => text.prose(value, MESSAGE_LIMIT)
  const change = diff && `Change compared: ${text.code(`${short(diff.base)}..${short(diff.head)}`)}`
  const totals = text.prose(formatCounts(countTotals(report)))
  const row = `| ${status} | ${count} | ${deletion?.taskIds.length ?? 0} | ${failedCount(report)} | ${totals} |`
  const byState = {
    closed: [
      `### ➖ ${title}: nothing will be deleted`,
      'This pull request was closed without being merged, so nothing will be deleted from Miso.'
    ],
    open: [
      `### 🔍 ${title}: preview`,
      error
        ? `The preview failed: ${message(error)}`
        : `When this pull request is merged, ${count === 0 ? `no ${noun}` : `**${plural(count, noun)}**`} will be deleted from Miso.`,
      'Nothing was deleted yet.',
      change
    ],
    merged: [
      `### ${ICON[status]} ${title}: ${status}`,
      error && `**Error:** ${message(error)}`,
      report.dryRunReason &&
        `**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`,
      deletion?.stoppedBy && `**Stopped:** ${message(deletion.stoppedBy)}`,
      [...tableHead('Status', 'IDs:', 'Tasks:', 'Failed IDs:', 'Counts from Miso'), row].join('\n'),
      change
    ]
  }
  return paragraphs(byState[state])
}

/** The lists the comment shows for the pull request's state, with what their rows count. */
function sections(report: RunReport, state: PullRequestState, { prose, code }: Text) {
  const { plan, deletion, diff, notes } = report
  const ids = plan?.ids ?? []
  // The ID list shows the first IDs only: its count is of them all.
  const section = (what: string, heading: string, rows: string[], titles?: string) => {
    const count = what === 'IDs' ? ids.length : rows.length
    const head = titles ? tableHead(...titles.split(', ')) : undefined
    return { heading: `#### ${heading}`, what, rows, head, count }
  }
  const found = (plan?.sources ?? []).map(s =>
    tableRow(prose(describeSource(s)), s.found, firstIds(s.ids, code))
  )
  const keptRows = (diff?.kept ?? []).map(k => tableRow(code(k.id), code(k.path)))
  const sources = section('sources', 'Where the IDs come from', found, 'Source, IDs:, First IDs')
  const kept = section('kept IDs', 'Kept: still named in the repository', keptRows, 'ID, File')
  if (state === 'closed') return []
  if (state === 'open') {
    const idRows = ids.slice(0, 100).map(id => `- ${code(id)}`)
    const noteRows = notes.map(n => `- ${prose(n)}`)
    const idList = section('IDs', `IDs to delete (${ids.length})`, idRows)
    return [sources, idList, kept, section('notes', 'Notes', noteRows)]
  }
  const taskRows = (deletion?.batches ?? []).map(b => {
    const counts = prose(formatCounts(b.counts))
    return tableRow(b.index + 1, b.taskId ? code(b.taskId) : '', b.count, b.status, counts)
  })
  const failureRows = errorRows(report, prose)
  const failures = section('failures', 'Failures', failureRows, 'Batch:, HTTP status:, Message')
  const tasks = section('tasks', 'Tasks', taskRows, 'Batch:, Task ID, IDs:, Status, Counts')
  return [tasks, failures, sources, kept]
}
