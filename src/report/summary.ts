// The job summary as Markdown. Pure: a report in, a string out. Everything that
// came from input (IDs, paths, Miso's messages) is escaped (markdown.ts) so it cannot change
// the summary's structure, and the whole stays under GitHub's 1 MiB per step.
import type { BatchResult } from '../miso/types.js'
import { describeSource } from '../plan.js'
import type { RunReport, RunStatus } from './run-report.js'
import { adviceFor } from './advice.js'
import { plural } from '../plural.js'
import {
  firstIds,
  htmlText,
  mdMessage,
  mdSection,
  mdValue,
  type Section,
  tableHead
} from './markdown.js'
import { failedCount, forcedDryRunNotice, misoCounts } from './run-report.js'
import { commitLink, compareLink, pullLink } from './links.js'

/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
export const SUMMARY_LIMIT = 1_000_000
const MAX_TABLE_ROWS = 500

export const ICON: Record<RunStatus, string> = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
  submitted: '📨',
  'dry-run': '🔍',
  empty: '➖',
  restored: '↩️'
}

const BATCH_ICON: Record<BatchResult['status'], string> = { ...ICON, 'not-sent': '⏸️' }

export function renderSummary(report: RunReport, limit = SUMMARY_LIMIT): string {
  const parts = [headline(report), notes(report), reconcile(report), sources(report)]
  parts.push(kept(report), undo(report), tasks(report), errors(report))
  // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
  // within the limit however many of them there are, with room left for the ID list.
  const advice = adviceFor(report)
  const tail = advice ? ['', '### What to do next', '', mdMessage(advice.next), ''].join('\n') : ''
  const text = parts.filter(part => part !== '').join('\n')
  const head = fitBytes(text, Math.floor(limit * 0.9) - byteLength(tail))
  return head + idList(report, limit - byteLength(head) - byteLength(tail) - 1) + tail
}

/** A section cut at MAX_TABLE_ROWS rows, saying how many more there are and where. */
function capped(section: Section, what: [one: string, many: string], where: string): string {
  const more = (left: number) =>
    `\n… ${plural(left, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).\n`
  return mdSection(section, more, Infinity, MAX_TABLE_ROWS)
}

const CUT_NOTE =
  "\n\n… The summary is cut here to stay under GitHub's 1 MiB limit: the outputs and the files they name hold everything.\n"

/** `text` cut at a line end so that it, and a note saying so, fit in `budget` bytes. */
function fitBytes(text: string, budget: number): string {
  if (byteLength(text) <= budget) return text
  const room = budget - byteLength(CUT_NOTE)
  const fitting = Buffer.from(text, 'utf8').subarray(0, Math.max(0, room)).toString('utf8')
  return fitting.slice(0, Math.max(0, fitting.lastIndexOf('\n'))) + CUT_NOTE
}

function headline(report: RunReport): string {
  const { plan, deletion } = report
  const users = report.recordType === 'users' ? ' (users)' : ''
  const lines = [
    `## ${ICON[report.status]} Miso bulk delete${users}: ${report.status}`,
    '',
    ...tableHead('Status', 'IDs:', 'Batches:', 'Tasks:', 'Failed IDs:', 'Time:'),
    `| ${report.status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${deletion?.taskIds.length ?? 0} | ${failedCount(report)} | ${seconds(report.elapsedMs)} |`,
    ''
  ]
  const { deleted, notFound } = misoCounts(report)
  const said = [
    deleted !== undefined ? `${deleted} deleted` : '',
    notFound !== undefined ? `${notFound} not found` : ''
  ].filter(part => part !== '')
  if (said.length > 0) lines.push(`**Miso reported:** ${said.join(', ')}.`, '')
  if (report.dryRunReason) {
    lines.push(`**Dry run:** ${mdMessage(report.dryRunReason)}. Nothing was sent to Miso.`, '')
  }
  if (report.status === 'submitted') {
    lines.push('Tasks were submitted without waiting for them (`wait: false`).', '')
  }
  const advice = adviceFor(report)
  if (report.error) {
    lines.push(report.refused ? '### Refused' : '### Error', '', mdMessage(report.error), '')
  } else if (advice) {
    const cause = /[.!?]$/.test(advice.cause) ? advice.cause : `${advice.cause}.`
    lines.push(`**Cause:** ${mdMessage(cause)}`, '')
  }
  return lines.join('\n')
}

function notes(report: RunReport): string {
  // The headline gives the dry run's reason; the log's notice need not repeat it.
  const forced = report.dryRunReason ? forcedDryRunNotice(report.dryRunReason) : undefined
  const times = new Map<string, number>()
  for (const note of report.notes) if (note !== forced) times.set(note, (times.get(note) ?? 0) + 1)
  if (times.size === 0) return ''
  const rows = [...times].map(([n, k]) => `- ${mdMessage(n)}${k > 1 ? ` (${k} times)` : ''}`)
  return capped({ heading: '### Notes', rows }, ['note', 'notes'], 'the log')
}

function sources(report: RunReport): string {
  const plan = report.plan
  const none = !plan || plan.sources.length === 0
  // A diff run names the change it read even when the change removed nothing.
  if (none && !report.diff) return ''
  const head = report.diff ? diffLines(report, report.diff) : []
  if (none) {
    return ['### Where the IDs came from', '', ...head, 'No source gave an ID to delete.', ''].join(
      '\n'
    )
  }
  head.push(...tableHead('Source', 'IDs:', 'New:', 'Detail', 'First IDs'))
  const rows = plan.sources.map(s => {
    // Ours for the input (its code span kept), a value for a file.
    const name = s.kind === 'inline' ? mdMessage(describeSource(s)) : mdValue(describeSource(s))
    return `| ${name} | ${s.found} | ${s.added} | ${mdValue(s.detail ?? '')} | ${firstIds(s.ids, mdValue)} |`
  })
  const section = { heading: '### Where the IDs came from', head, rows }
  const repeated = plan.duplicates > 0 ? `\nRepeated IDs, sent once: ${plan.duplicates}.\n` : ''
  return capped(section, ['source', 'sources'], 'the `sources-path` output') + repeated
}

/** The change a diff run read, and what it found besides IDs. */
function diffLines(report: RunReport, diff: NonNullable<RunReport['diff']>): string[] {
  const { base, head, result, via, skipped } = diff
  const { links } = report
  const commit = (sha: string): string => commitLink(links, sha) ?? mdValue(sha)
  const pull = pullLink(links)
  const extra = [pull ? `pull request ${pull}` : '', compareLink(links, base, head) ?? '']
    .filter(x => x !== '')
    .join(', ')
  const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`
  const reader = via === 'git' ? 'git' : 'the GitHub REST API'
  const lines = [
    `Change: ${commit(base)}..${commit(head)} (read with ${reader})${extra ? `; ${extra}` : ''}${at}`,
    ''
  ]
  if (diff.share) {
    const { deleting, named } = diff.share
    lines.push(
      `It deletes ${deleting} of the ${named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`,
      ''
    )
  }
  if (skipped.length > 0) {
    const files = skipped.length === 1 ? 'file that carries' : 'files that carry'
    const list = { rows: skipped.map(p => `- ${mdValue(p)}`) }
    lines.push(
      folded(`Skipped ${skipped.length} matching ${files} no ID (not products)`, list, [
        'file',
        'files'
      ])
    )
  }
  return lines
}

/**
 * A list under a one-line `<details>` summary, cut at MAX_TABLE_ROWS rows: hundreds of rows
 * would bury the rest of the summary (the step's debug log names each).
 */
function folded(
  summary: string,
  list: Omit<Section, 'heading'>,
  what: [one: string, many: string]
): string {
  const section = { ...list, heading: `<details><summary>${summary}</summary>` }
  return capped(section, what, 'the debug log') + '\n</details>\n'
}

/** Reconcile mode: both sides' sizes, what is deleted and what Miso lacks (a count only). */
function reconcile(report: RunReport): string {
  const info = report.reconcile
  if (!info) return ''
  const what = info.type ? `${info.recordType} of type ${mdValue(info.type)}` : info.recordType
  const at = info.head ? ` at ${mdValue(info.head.slice(0, 12))}` : ''
  const lines = [
    '### Reconcile',
    '',
    `Miso's ${what} compared with the IDs the repository names${at}.`,
    '',
    '| Miso lists | Repository names | To delete | Named, not in Miso | First IDs to delete |',
    '| ---: | ---: | ---: | ---: | --- |',
    `| ${info.misoCount} | ${info.repositoryCount} | ${info.deleteCount} | ${info.missingFromMiso} | ${firstIds(report.plan?.ids ?? [], mdValue)} |`,
    ''
  ]
  if (info.missingFromMiso > 0) {
    lines.push(
      `${info.missingFromMiso} IDs the repository names are not in Miso: their uploads may be missing.`,
      ''
    )
  }
  return lines.join('\n')
}

function kept(report: RunReport): string {
  const keptIds = report.diff?.kept ?? []
  if (keptIds.length === 0) return ''
  const table = {
    head: tableHead('ID', 'File that still names it'),
    rows: keptIds.map(k => `| ${mdValue(k.id)} | ${mdValue(k.path)} |`)
  }
  const heading = '### Not deleted: still in the repository\n'
  return (
    heading +
    folded(`${plural(keptIds.length, 'ID')} still named at the result`, table, ['ID', 'IDs'])
  )
}

/** Where a deleting run's backup is and how to restore it: the artifact, the workflow, the run. */
function undo(report: RunReport): string {
  const backup = report.undo?.backup
  if (!backup) return ''
  if (backup.count === 0) {
    return '### Undo\n\nNo record was backed up: Miso had none of them (or none could be fetched).\n'
  }
  const { links } = report
  const run = links?.runId
    ? ` with run ID \`${links.runId}\` ([this run](${links.url}/actions/runs/${links.runId}))`
    : ''
  return [
    '### Undo',
    '',
    `${plural(backup.count, 'record')} backed up in the file the \`backup-path\` output names, kept as the artifact \`miso-backup\` by the upload step of the README's "Undo". To put them back, run the restore workflow (examples/workflows/restore.yml)${run}.`,
    ''
  ].join('\n')
}

function tasks(report: RunReport): string {
  const batches = report.deletion?.batches ?? []
  if (batches.length === 0) return ''
  const rows = batches.map(b => {
    const time = b.durationMs === undefined ? '' : seconds(b.durationMs)
    const status = `${BATCH_ICON[b.status]} ${b.status}`
    return `| ${b.index + 1} | ${mdValue(b.taskId ?? '')} | ${b.count} | ${status} | ${time} | ${mdValue(formatCounts(b.counts))} |`
  })
  const head = tableHead('Batch:', 'Task ID', 'IDs:', 'Status', 'Time:', 'Counts')
  return capped(
    { heading: '### Tasks', head, rows },
    ['batch', 'batches'],
    'the `result-path` output'
  )
}

function errors(report: RunReport): string {
  // The same answer for many batches (a wrong key, an outage) is one row listing them.
  const groups = new Map<string, number[]>()
  for (const b of report.deletion?.batches ?? []) {
    if (!b.error) continue
    const key = JSON.stringify([String(b.error.httpStatus ?? ''), b.error.message])
    groups.set(key, [...(groups.get(key) ?? []), b.index + 1])
  }
  if (groups.size === 0) return ''
  const rows = [...groups].map(([key, batches]) => {
    const [status, message] = JSON.parse(key) as [string, string]
    return `| ${numberRanges(batches)} | ${status} | ${mdMessage(message)} |`
  })
  const head = tableHead('Batches:', 'HTTP status:', 'Message')
  return capped(
    { heading: '### Errors', head, rows },
    ['error', 'errors'],
    'the `result-path` output'
  )
}

/** The IDs in a collapsible list, cut to the bytes left. */
function idList(report: RunReport, budget: number): string {
  const ids = report.plan?.ids ?? []
  if (ids.length === 0) return ''
  const open = `\n<details><summary>IDs (${ids.length})</summary>\n\n<pre>\n`
  const close = '</pre>\n\n</details>\n'
  const cutNote = (left: number): string =>
    `… ${plural(left, 'more ID')} not shown: the \`ids-path\` output names a file with all of them.\n`
  let room = budget - byteLength(open) - byteLength(close) - byteLength(cutNote(ids.length))
  if (room <= 0) return ''
  const shown: string[] = []
  for (const id of ids) {
    const line = `${htmlText(id)}\n`
    room -= byteLength(line)
    if (room < 0) break
    shown.push(line)
  }
  const left = ids.length - shown.length
  return open + shown.join('') + close + (left > 0 ? cutNote(left) : '')
}

/** Ascending numbers as ranges: `1–3, 5`. */
export function numberRanges(numbers: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < numbers.length;) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++
    parts.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
