// The job summary as Markdown. Pure: a report in, a string out. Everything that
// came from input (IDs, paths, Miso's messages) is escaped (markdown.ts) so it cannot change
// the summary's structure, and the whole stays under GitHub's 1 MiB per step.
import { SHA } from '../github-env.js'
import { describeSource } from '../plan.js'
import { plural } from '../plural.js'
import { firstIds, fitting, htmlText, mdMessage, mdSection } from './markdown.js'
import { mdValue, paragraphs, type Section, tableHead, tableRow } from './markdown.js'
import { adviceFor, countTotals, failedCount, forcedDryRunNotice, ICON } from './run-report.js'
import type { DiffInfo, RunReport } from './run-report.js'

/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
export const SUMMARY_LIMIT = 1_000_000
const BATCH_ICON = { ...ICON, 'not-sent': '⏸️' }

export function renderSummary(report: RunReport): string {
  const advice = adviceFor(report)
  const sections = [notes, reconcile, sources, kept, undo, tasks, errors].map(f => f(report))
  const tail = advice ? `\n### What to do next\n\n${mdMessage(advice.next)}\n` : ''
  // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
  // within the limit however many of them there are, with room left for the ID list.
  const body = [headline(report, advice?.cause), ...sections].filter(part => part).join('\n')
  const head = fitBytes(body, SUMMARY_LIMIT * 0.9 - bytes(tail))
  return head + idList(report, SUMMARY_LIMIT - bytes(head) - bytes(tail) - 1) + tail
}

/** A section cut at 500 rows, saying how many more there are and where. */
function capped(section: Section, what: [string, string], where = 'the `result-path` output') {
  const more = (left: number) =>
    `\n… ${plural(left, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).\n`
  const rows = section.rows.slice(0, 500)
  return mdSection({ ...section, rows, count: section.rows.length }, more)
}

const CUT_NOTE =
  "\n\n… The summary is cut here to stay under GitHub's 1 MiB limit: the outputs and the files they name hold everything.\n"

/** `text` cut at a line end so that it, and a note saying so, fit in `budget` bytes. */
function fitBytes(text: string, budget: number): string {
  if (bytes(text) <= budget) return text
  const room = Math.max(0, budget - bytes(CUT_NOTE))
  const fitting = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8')
  return fitting.slice(0, Math.max(0, fitting.lastIndexOf('\n'))) + CUT_NOTE
}

/** The status and counts, then one paragraph each for what Miso said, a dry run, an error. */
function headline(report: RunReport, cause: string | undefined): string {
  cause &&= /[.!?]$/.test(cause) ? cause : `${cause}.`
  const { plan, deletion, status, error } = report
  const { deleted, not_found: notFound } = countTotals(report)
  const said = Object.entries({ deleted, 'not found': notFound })
    .filter(([, n]) => n !== undefined)
    .map(([what, n]) => `${n} ${what}`)
  const row = `| ${status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${deletion?.taskIds.length ?? 0} | ${failedCount(report)} | ${seconds(report.elapsedMs)} |`
  return paragraphs([
    `## ${ICON[status]} Miso bulk delete${report.recordType === 'users' ? ' (users)' : ''}: ${status}`,
    [...tableHead('Status', 'IDs:', 'Batches:', 'Tasks:', 'Failed IDs:', 'Time:'), row].join('\n'),
    said.length > 0 && `**Miso reported:** ${said.join(', ')}.`,
    report.dryRunReason &&
      `**Dry run:** ${mdMessage(report.dryRunReason)}. Nothing was sent to Miso.`,
    status === 'submitted' && 'Tasks were submitted without waiting for them (`wait: false`).',
    error
      ? `### ${report.refused ? 'Refused' : 'Error'}\n\n${mdMessage(error)}`
      : cause && `**Cause:** ${mdMessage(cause)}`
  ]).concat('\n')
}

function notes(report: RunReport): string {
  // The headline gives the dry run's reason; the log's notice need not repeat it.
  const forced = report.dryRunReason && forcedDryRunNotice(report.dryRunReason)
  const times = new Map<string, number>()
  for (const note of report.notes) if (note !== forced) times.set(note, (times.get(note) ?? 0) + 1)
  const rows = [...times].map(([n, k]) => `- ${mdMessage(n)}${k > 1 ? ` (${k} times)` : ''}`)
  return capped({ heading: '### Notes', rows }, ['note', 'notes'], 'the log')
}

function sources({ plan, diff, links }: RunReport): string {
  const heading = '### Where the IDs came from'
  const head = diff ? diffLines(diff, links) : []
  if (!plan?.sources.length) {
    // A diff run names the change it read even when the change removed nothing.
    return diff ? [heading, '', ...head, 'No source gave an ID to delete.', ''].join('\n') : ''
  }
  head.push(...tableHead('Source', 'IDs:', 'New:', 'Detail', 'First IDs'))
  const rows = plan.sources.map(s => {
    // Ours for the input (its code span kept), a value for a file.
    const name = (s.kind === 'inline' ? mdMessage : mdValue)(describeSource(s))
    return `| ${name} | ${s.found} | ${s.added} | ${mdValue(s.detail ?? '')} | ${firstIds(s.ids, mdValue)} |`
  })
  const repeated = plan.duplicates > 0 ? `\nRepeated IDs, sent once: ${plan.duplicates}.\n` : ''
  const section = { heading, head, rows }
  return capped(section, ['source', 'sources'], 'the `sources-path` output') + repeated
}

/** The change a diff run read, and what it found besides IDs; links only to commits by SHA. */
function diffLines(diff: DiffInfo, links: RunReport['links']): string[] {
  const { base, head, result, via, skipped, share } = diff
  const linked = links && SHA.test(base) && SHA.test(head)
  const commit = (sha: string): string =>
    links && SHA.test(sha) ? `[${sha.slice(0, 7)}](${links.url}/commit/${sha})` : mdValue(sha)
  const n = links?.pullNumber
  const pull = n && `pull request [#${n}](${links?.url}/pull/${n})`
  const extra = [pull, linked && `[compare](${links.url}/compare/${base}...${head})`].filter(x => x)
  const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`
  const shareLine = `It deletes ${share?.deleting} of the ${share?.named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`
  const list = { rows: skipped.map(p => `- ${mdValue(p)}`) }
  const title = `Skipped ${skipped.length} matching ${skipped.length === 1 ? 'file that carries' : 'files that carry'} no ID (not products)`
  return [
    `Change: ${commit(base)}..${commit(head)} (read with ${via === 'git' ? 'git' : 'the GitHub REST API'})${extra.length ? `; ${extra.join(', ')}` : ''}${at}`,
    '',
    ...(share ? [shareLine, ''] : []),
    ...(skipped.length > 0 ? [folded(title, list, ['file', 'files'])] : [])
  ]
}

/**
 * A list under a one-line `<details>` summary, cut at 500 rows: hundreds of rows
 * would bury the rest of the summary (the step's debug log names each).
 */
function folded(summary: string, list: Omit<Section, 'heading'>, what: [string, string]): string {
  const section = { ...list, heading: `<details><summary>${summary}</summary>` }
  return capped(section, what, 'the debug log') + '\n</details>\n'
}

/** Reconcile mode: both sides' sizes, what is deleted and what Miso lacks (a count only). */
function reconcile({ reconcile: info, plan }: RunReport): string {
  if (!info) return ''
  const what = info.type ? `${info.recordType} of type ${mdValue(info.type)}` : info.recordType
  const at = info.head ? ` at ${mdValue(info.head.slice(0, 12))}` : ''
  const missing = `${info.missingFromMiso} IDs the repository names are not in Miso: their uploads may be missing.`
  const counts = [info.misoCount, info.repositoryCount, info.deleteCount, info.missingFromMiso]
  const table = `| Miso lists | Repository names | To delete | Named, not in Miso | First IDs to delete |
| ---: | ---: | ---: | ---: | --- |
${tableRow(...counts, firstIds(plan?.ids ?? [], mdValue))}`
  const compared = `Miso's ${what} compared with the IDs the repository names${at}.`
  return paragraphs(['### Reconcile', compared, table, info.missingFromMiso > 0 && missing]) + '\n'
}

function kept(report: RunReport): string {
  const keptIds = report.diff?.kept ?? []
  if (keptIds.length === 0) return ''
  const rows = keptIds.map(k => tableRow(mdValue(k.id), mdValue(k.path)))
  const table = { head: tableHead('ID', 'File that still names it'), rows }
  const title = `${plural(keptIds.length, 'ID')} still named at the result`
  return `### Not deleted: still in the repository\n${folded(title, table, ['ID', 'IDs'])}`
}

/** Where a deleting run's backup is and how to restore it: the artifact, the workflow, the run. */
function undo({ undo, links }: RunReport): string {
  const count = undo?.backup?.count
  if (count === undefined) return ''
  if (count === 0)
    return '### Undo\n\nNo record was backed up: Miso had none of them (or none could be fetched).\n'
  const id = links?.runId
  const run = id ? ` with run ID \`${id}\` ([this run](${links?.runUrl}))` : ''
  return `### Undo\n\n${plural(count, 'record')} backed up in the file the \`backup-path\` output names, kept as the artifact \`miso-backup\` by the upload step of the README's "Undo". To put them back, run the restore workflow (examples/workflows/restore.yml)${run}.\n`
}

function tasks(report: RunReport): string {
  const rows = (report.deletion?.batches ?? []).map(b => {
    const time = b.durationMs === undefined ? '' : seconds(b.durationMs)
    return `| ${b.index + 1} | ${mdValue(b.taskId ?? '')} | ${b.count} | ${BATCH_ICON[b.status]} ${b.status} | ${time} | ${mdValue(formatCounts(b.counts))} |`
  })
  const head = tableHead('Batch:', 'Task ID', 'IDs:', 'Status', 'Time:', 'Counts')
  return capped({ heading: '### Tasks', head, rows }, ['batch', 'batches'])
}

function errors(report: RunReport): string {
  const head = tableHead('Batches:', 'HTTP status:', 'Message')
  const rows = errorRows(report, mdMessage)
  return capped({ heading: '### Errors', head, rows }, ['error', 'errors'])
}

/** The failed batches' answers: the same answer for many batches (a wrong key, an outage) is one row listing them. */
export function errorRows(report: RunReport, message: (text: string) => string): string[] {
  const groups = new Map<string, number[]>()
  for (const { error, index } of report.deletion?.batches ?? []) {
    const cells = error && tableRow(error.httpStatus ?? '', message(error.message))
    if (cells) groups.set(cells, [...(groups.get(cells) ?? []), index + 1])
  }
  return [...groups].map(([cells, batches]) => `| ${numberRanges(batches)} ${cells}`)
}

/** The IDs in a collapsible list, cut to the bytes left. */
function idList(report: RunReport, budget: number): string {
  const ids = report.plan?.ids ?? []
  const open = `\n<details><summary>IDs (${ids.length})</summary>\n\n<pre>\n`
  const close = '</pre>\n\n</details>\n'
  const cutNote = (left: number): string =>
    `… ${plural(left, 'more ID')} not shown: the \`ids-path\` output names a file with all of them.\n`
  let room = budget - bytes(open + close + cutNote(ids.length))
  if (ids.length === 0 || room <= 0) return ''
  // Only the IDs that fit are escaped and measured, a thousand at a time while whole chunks fit
  // (per-ID work doubled the end of a 100,000-ID run), then the last chunk ID by ID.
  const shown: string[] = []
  let n = 0
  for (let text; n < ids.length; n += 1000, room -= bytes(text)) {
    text = htmlText(ids.slice(n, n + 1000).join('\n')) + '\n'
    if (bytes(text) > room) break
    shown.push(text)
  }
  const last = ids.slice(n, n + 1000)
  const fit = fitting(last, room, id => bytes(htmlText(id)) + 1)
  shown.push(...last.slice(0, fit).map(id => `${htmlText(id)}\n`))
  n = Math.min(ids.length, n + fit)
  return open + shown.join('') + close + (n < ids.length ? cutNote(ids.length - n) : '')
}

/** Ascending numbers as ranges: `1–3, 5`. */
export function numberRanges(numbers: readonly number[]): string {
  const starts = numbers.filter((n, i) => n !== numbers[i - 1] + 1)
  const ends = numbers.filter((n, i) => n !== numbers[i + 1] - 1)
  return starts.map((s, i) => (s === ends[i] ? s : `${s}–${ends[i]}`)).join(', ')
}

export const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
