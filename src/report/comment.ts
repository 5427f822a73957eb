// The pull request comment as Markdown. Pure: a report in, a string out. While the pull
// request is open it shows what the merge will delete; after the merge, what was deleted;
// closed unmerged, that nothing will be. Untrusted text is redacted, cut, then escaped
// (allEntities in markdown.ts), and the whole stays under GitHub's 65,536-character limit for a comment.
import type { PullRequestState } from '../diff/event.js'
import { short } from '../diff/event.js'
import { describeSource } from '../plan.js'
import type { RunReport } from './run-report.js'
import { failedCount } from './run-report.js'
import { allEntities, unlinked } from './markdown.js'
import { formatCounts, ICON } from './summary.js'

/** GitHub refuses comment bodies of 65,536 characters or more; keep a margin. */
export const COMMENT_LIMIT = 60_000
/** No one list may take more than this, so a huge one still leaves room for the others. */
const SECTION_LIMIT = 12_000
/** Longest untrusted text shown in one cell, before escaping. */
const CELL_CHARS = 200
const ERROR_CHARS = 1000
const FIRST_IDS = 100
const FIRST_IDS_PER_SOURCE = 5

/**
 * Untrusted text made safe for the comment: redacted, cut, then escaped. Unlike the summary,
 * a comment notifies: neither makes an autolink or a mention (`unlinked`), `prose` breaks
 * `#123` so it links nothing, and `code` shows a value (an ID, a path) as code, where GitHub
 * makes no references.
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
  const safe = (value: string, max: number) => unlinked(cut(context.clean(value), max))
  const text: Text = {
    prose: (value, max = CELL_CHARS) => allEntities(safe(value, max).replace(/#/g, '$&\u2060')),
    code: value => `<code>${allEntities(safe(value, CELL_CHARS))}</code>`
  }
  const footer = footerOf(context)
  const title = text.prose(context.title)
  const head = [context.marker, ...headline(report, context.state, title, text)].join('\n') + '\n'
  let room = limit - head.length - footer.length
  const parts = [head]
  const sections =
    context.state === 'closed'
      ? []
      : context.state === 'open'
        ? [sources(report, text), idList(report, text), kept(report, text), notes(report, text)]
        : [tasks(report, text), failures(report, text), sources(report, text), kept(report, text)]
  for (const section of sections) {
    if (section === undefined) continue
    const fitted = fit(section, Math.min(room, SECTION_LIMIT))
    if (fitted === '') continue
    parts.push(fitted)
    room -= fitted.length + 1
  }
  parts.push(footer)
  return parts.join('\n')
}

function headline(report: RunReport, state: PullRequestState, title: string, text: Text): string[] {
  const count = report.plan?.ids.length ?? 0
  const noun = report.recordType === 'users' ? 'user' : 'product'
  const records = `${count} ${noun}${count === 1 ? '' : 's'}`
  const lines: string[] = []
  if (state === 'closed') {
    lines.push(
      `### ➖ ${title}: nothing will be deleted`,
      '',
      'This pull request was closed without being merged, so nothing will be deleted from Miso.'
    )
    return lines
  }
  if (state === 'open') {
    lines.push(`### 🔍 ${title}: preview`, '')
    if (report.error) {
      lines.push(`The preview failed: ${text.prose(report.error, ERROR_CHARS)}`, '')
    } else if (count === 0) {
      lines.push(`When this pull request is merged, no ${noun} will be deleted from Miso.`, '')
    } else {
      lines.push(`When this pull request is merged, **${records}** will be deleted from Miso.`, '')
    }
    lines.push('Nothing was deleted yet.')
    const range = rangeLine(report, text)
    if (range) lines.push('', range)
    return lines
  }
  lines.push(`### ${ICON[report.status]} ${title}: ${report.status}`, '')
  if (report.error) lines.push(`**Error:** ${text.prose(report.error, ERROR_CHARS)}`, '')
  if (report.dryRunReason) {
    lines.push(`**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`, '')
  }
  if (report.deletion?.stoppedBy)
    lines.push(`**Stopped:** ${text.prose(report.deletion.stoppedBy, ERROR_CHARS)}`, '')
  const deletion = report.deletion
  const totals = totalCounts(report)
  lines.push(
    '| Status | IDs | Tasks | Failed IDs | Counts from Miso |',
    '| --- | ---: | ---: | ---: | --- |',
    `| ${report.status} | ${count} | ${deletion?.taskIds.length ?? 0} | ${failedCount(report)} | ${text.prose(totals)} |`
  )
  const range = rangeLine(report, text)
  if (range) lines.push('', range)
  return lines
}

function rangeLine(report: RunReport, text: Text): string | undefined {
  if (!report.diff) return undefined
  const { base, head } = report.diff
  return `Change compared: ${text.code(`${short(base)}..${short(head)}`)}`
}

/**
 * A section: a title, and rows that may be dropped from the end, saying how many were.
 * Rows are rendered only while they fit: a plan can have a million IDs and as many sources.
 */
interface Section {
  title: string
  intro?: string[]
  count: number
  row(index: number): string
  /** Show at most this many rows, however many fit. */
  max?: number
  /** What the rows count, for the line that says how many were cut. */
  what: string
}

function sources(report: RunReport, text: Text): Section | undefined {
  const plan = report.plan
  if (!plan || plan.sources.length === 0) return undefined
  return {
    title: '#### Where the IDs come from',
    intro: ['| Source | IDs | First IDs |', '| --- | ---: | --- |'],
    count: plan.sources.length,
    row: i => {
      const s = plan.sources[i]
      const first = s.ids
        .slice(0, FIRST_IDS_PER_SOURCE)
        .map(id => text.code(id))
        .join(', ')
      const more = s.ids.length > FIRST_IDS_PER_SOURCE ? ', …' : ''
      return `| ${text.prose(describeSource(s))} | ${s.found} | ${first}${more} |`
    },
    what: 'sources'
  }
}

function idList(report: RunReport, text: Text): Section | undefined {
  const ids = report.plan?.ids ?? []
  if (ids.length === 0) return undefined
  return {
    title: `#### IDs to delete (${ids.length})`,
    count: ids.length,
    row: i => `- ${text.code(ids[i])}`,
    max: FIRST_IDS,
    what: 'IDs'
  }
}

function kept(report: RunReport, text: Text): Section | undefined {
  const keptIds = report.diff?.kept ?? []
  if (keptIds.length === 0) return undefined
  return {
    title: '#### Kept: still named in the repository',
    intro: ['| ID | File |', '| --- | --- |'],
    count: keptIds.length,
    row: i => `| ${text.code(keptIds[i].id)} | ${text.code(keptIds[i].path)} |`,
    what: 'kept IDs'
  }
}

function notes(report: RunReport, text: Text): Section | undefined {
  if (report.notes.length === 0) return undefined
  const notes = report.notes
  return {
    title: '#### Notes',
    count: notes.length,
    row: i => `- ${text.prose(notes[i])}`,
    what: 'notes'
  }
}

function tasks(report: RunReport, text: Text): Section | undefined {
  const batches = report.deletion?.batches ?? []
  if (batches.length === 0) return undefined
  return {
    title: '#### Tasks',
    intro: ['| Batch | Task ID | IDs | Status | Counts |', '| ---: | --- | ---: | --- | --- |'],
    count: batches.length,
    row: i => {
      const b = batches[i]
      return `| ${b.index + 1} | ${b.taskId ? text.code(b.taskId) : ''} | ${b.count} | ${b.status} | ${text.prose(formatCounts(b.counts))} |`
    },
    what: 'tasks'
  }
}

function failures(report: RunReport, text: Text): Section | undefined {
  const failed = (report.deletion?.batches ?? []).filter(b => b.error)
  if (failed.length === 0) return undefined
  return {
    title: '#### Failures',
    intro: ['| Batch | HTTP status | Message |', '| ---: | ---: | --- |'],
    count: failed.length,
    row: i => {
      const b = failed[i]
      return `| ${b.index + 1} | ${b.error?.httpStatus ?? ''} | ${text.prose(b.error?.message ?? '')} |`
    },
    what: 'failures'
  }
}

/** The section with as many rows as fit in `room` characters; '' when not even its title does. */
function fit(section: Section, room: number): string {
  const head = [section.title, '', ...(section.intro ?? [])].join('\n') + '\n'
  const cutLine = (left: number) =>
    `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`
  let budget = room - head.length - cutLine(section.count).length - 1
  if (budget < 0) return ''
  const shown: string[] = []
  const max = Math.min(section.count, section.max ?? Infinity)
  for (let i = 0; i < max; i++) {
    const row = section.row(i)
    if (row.length + 1 > budget) break
    shown.push(row)
    budget -= row.length + 1
  }
  const left = section.count - shown.length
  return head + shown.join('\n') + '\n' + (left > 0 ? cutLine(left) : '')
}

function footerOf(context: CommentContext): string {
  const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run'
  const where =
    context.state === 'open'
      ? ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.'
      : ' Its job summary has the details.'
  return `\n<sub>Written by ${run}.${where}</sub>\n`
}

function totalCounts(report: RunReport): string {
  const totals: Record<string, number> = {}
  for (const batch of report.deletion?.batches ?? []) {
    for (const [name, n] of Object.entries(batch.counts)) totals[name] = (totals[name] ?? 0) + n
  }
  return formatCounts(totals)
}

/** At most `max` characters, never half a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value
  let end = max
  const code = value.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${value.slice(0, end)}…`
}
