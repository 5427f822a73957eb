// The job summary as Markdown. Pure: a report in, a string out. Everything that
// came from input (IDs, paths, Miso's messages) is escaped (markdown.ts) so it cannot change
// the summary's structure, and the whole stays under GitHub's 1 MiB per step.
import type { BatchResult } from '../miso/types.js'
import { describeSource, type Plan } from '../plan.js'
import type { RunReport, RunStatus } from './run-report.js'
import { adviceFor } from './advice.js'
import { plural } from '../plural.js'
import { htmlText, mdMessage, mdValue } from './markdown.js'
import { failedCount, forcedDryRunNotice, misoCounts } from './run-report.js'
import { commitLink, compareLink, pullLink } from './links.js'

/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
export const SUMMARY_LIMIT = 1_000_000
const MAX_TABLE_ROWS = 500
const FIRST_IDS = 5
const ID_CHUNK = 1000

export const ICON: Record<RunStatus, string> = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
  submitted: '📨',
  'dry-run': '🔍',
  empty: '➖'
}

const BATCH_ICON: Record<BatchResult['status'], string> = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
  submitted: '📨',
  'not-sent': '⏸️'
}

export function renderSummary(report: RunReport, limit = SUMMARY_LIMIT): string {
  const parts = [
    headline(report),
    notes(report),
    reconcile(report),
    sources(report),
    kept(report),
    tasks(report),
    errors(report)
  ].filter(part => part !== '')
  // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
  // within the limit however many of them there are, with room left for the ID list.
  const tail = whatNext(report)
  const head = fitBytes(parts.join('\n'), Math.floor(limit * 0.9) - byteLength(tail))
  return head + idList(report, limit - byteLength(head) - byteLength(tail) - 1) + tail
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
  const plan = report.plan
  const deletion = report.deletion
  const lines = [
    `## ${ICON[report.status]} Miso bulk delete${report.recordType === 'users' ? ' (users)' : ''}: ${report.status}`,
    '',
    '| Status | IDs | Batches | Tasks | Failed IDs | Time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| ${report.status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${
      deletion?.taskIds.length ?? 0
    } | ${failedCount(report)} | ${seconds(report.elapsedMs)} |`,
    ''
  ]
  const counts = misoCounts(report)
  if (counts.deleted !== undefined || counts.notFound !== undefined) {
    const said = [
      counts.deleted !== undefined ? `${counts.deleted} deleted` : '',
      counts.notFound !== undefined ? `${counts.notFound} not found` : ''
    ].filter(part => part !== '')
    lines.push(`**Miso reported:** ${said.join(', ')}.`, '')
  }
  if (report.dryRunReason) {
    lines.push(`**Dry run:** ${mdMessage(report.dryRunReason)}. Nothing was sent to Miso.`, '')
  }
  if (report.status === 'submitted') {
    lines.push('Tasks were submitted without waiting for them (`wait: false`).', '')
  }
  if (report.error) {
    lines.push(report.refused ? '### Refused' : '### Error', '', mdMessage(report.error), '')
  } else {
    const advice = adviceFor(report)
    if (advice) lines.push(`**Cause:** ${mdMessage(sentence(advice.cause))}`, '')
  }
  return lines.join('\n')
}

/** A failed run ends with what to do next. */
function whatNext(report: RunReport): string {
  const advice = adviceFor(report)
  if (!advice) return ''
  return ['', '### What to do next', '', mdMessage(advice.next), ''].join('\n')
}

function notes(report: RunReport): string {
  // The headline gives the dry run's reason; the log's notice need not repeat it.
  const forcedNotice = report.dryRunReason ? forcedDryRunNotice(report.dryRunReason) : undefined
  if (report.notes.every(n => n === forcedNotice)) return ''
  return [
    '### Notes',
    '',
    ...capRows(
      counted(report.notes.filter(n => n !== forcedNotice)).map(
        ([n, times]) => `- ${mdMessage(n)}${times > 1 ? ` (${times} times)` : ''}`
      ),
      ['note', 'notes'],
      'the log'
    ),
    ''
  ].join('\n')
}

function sources(report: RunReport): string {
  const plan = report.plan
  const none = !plan || plan.sources.length === 0
  // A diff run names the change it read even when the change removed nothing.
  if (none && !report.diff) return ''
  const lines = ['### Where the IDs came from', '']
  if (report.diff) {
    const { base, head, result, via, skipped } = report.diff
    const { links } = report
    const commit = (sha: string): string => commitLink(links, sha) ?? mdValue(sha)
    const compare = compareLink(links, base, head)
    const pull = pullLink(links)
    const extra = [pull ? `pull request ${pull}` : '', compare ?? ''].filter(x => x !== '')
    const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`
    lines.push(
      `Change: ${commit(base)}..${commit(head)} (read with ${via === 'git' ? 'git' : 'the GitHub REST API'})${
        extra.length > 0 ? `; ${extra.join(', ')}` : ''
      }${at}`,
      ''
    )
    if (report.diff.share) {
      const { deleting, named } = report.diff.share
      lines.push(
        `It deletes ${deleting} of the ${named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`,
        ''
      )
    }
    if (skipped.length > 0) {
      const first = skipped.slice(0, 5).map(mdValue).join(', ')
      const more = skipped.length > 5 ? `, and ${skipped.length - 5} more` : ''
      lines.push(
        `Skipped ${skipped.length} matching ${skipped.length === 1 ? 'file that carries' : 'files that carry'} no ID (not products): ${first}${more}.`,
        ''
      )
    }
  }
  if (none) return lines.concat('No source gave an ID to delete.', '').join('\n')
  lines.push('| Source | IDs | New | Detail | First IDs |', '| --- | ---: | ---: | --- | --- |')
  const rows = plan.sources.map(
    s =>
      `| ${sourceName(s)} | ${s.found} | ${s.added} | ${mdValue(s.detail ?? '')} | ${firstIds(s.ids)} |`
  )
  lines.push(...capRows(rows, ['source', 'sources'], 'the `sources-path` output'))
  if (plan.duplicates > 0) lines.push('', `Repeated IDs, sent once: ${plan.duplicates}.`)
  return lines.join('\n') + '\n'
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
    `| ${info.misoCount} | ${info.repositoryCount} | ${info.deleteCount} | ${info.missingFromMiso} | ${firstIds(report.plan?.ids ?? [])} |`,
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
  const rows = keptIds.map(k => `| ${mdValue(k.id)} | ${mdValue(k.path)} |`)
  return [
    '### Not deleted: still in the repository',
    '',
    '| ID | File that still names it |',
    '| --- | --- |',
    ...capRows(rows, ['ID', 'IDs'], 'the log'),
    ''
  ].join('\n')
}

function tasks(report: RunReport): string {
  const batches = report.deletion?.batches ?? []
  if (batches.length === 0) return ''
  const rows = batches.map(
    b =>
      `| ${b.index + 1} | ${mdValue(b.taskId ?? '')} | ${b.count} | ${BATCH_ICON[b.status]} ${b.status} | ${
        b.durationMs === undefined ? '' : seconds(b.durationMs)
      } | ${mdValue(formatCounts(b.counts))} |`
  )
  return [
    '### Tasks',
    '',
    '| Batch | Task ID | IDs | Status | Time | Counts |',
    '| ---: | --- | ---: | --- | ---: | --- |',
    ...capRows(rows, ['batch', 'batches'], 'the `result-path` output'),
    ''
  ].join('\n')
}

function errors(report: RunReport): string {
  const failed = (report.deletion?.batches ?? []).filter(b => b.error)
  if (failed.length === 0) return ''
  // The same answer for many batches (a wrong key, an outage) is one row listing them.
  const groups = new Map<string, { batches: number[]; status: string; message: string }>()
  for (const b of failed) {
    const status = String(b.error?.httpStatus ?? '')
    const message = b.error?.message ?? ''
    const key = JSON.stringify([status, message])
    const group = groups.get(key) ?? { batches: [], status, message }
    group.batches.push(b.index + 1)
    groups.set(key, group)
  }
  const rows = [...groups.values()].map(
    g => `| ${numberRanges(g.batches)} | ${g.status} | ${mdMessage(g.message)} |`
  )
  return [
    '### Errors',
    '',
    '| Batches | HTTP status | Message |',
    '| ---: | ---: | --- |',
    ...capRows(rows, ['error', 'errors'], 'the `result-path` output'),
    ''
  ].join('\n')
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
  // Escaped and measured a thousand IDs at a time: per-ID work dominated large runs.
  const shown: string[] = []
  let count = 0
  for (let at = 0; at < ids.length && room > 0; at += ID_CHUNK) {
    const chunk = ids.slice(at, at + ID_CHUNK)
    const text = htmlText(chunk.join('\n')) + '\n'
    const size = byteLength(text)
    if (size <= room) {
      shown.push(text)
      count += chunk.length
      room -= size
      continue
    }
    for (const id of chunk) {
      const line = `${htmlText(id)}\n`
      room -= byteLength(line)
      if (room < 0) break
      shown.push(line)
      count++
    }
  }
  const left = ids.length - count
  return open + shown.join('') + close + (left > 0 ? cutNote(left) : '')
}

/** A source's name: ours for the input (its code span kept), a value for a file. */
function sourceName(source: Plan['sources'][number]): string {
  const name = describeSource(source)
  return source.kind === 'inline' ? mdMessage(name) : mdValue(name)
}

/** Each distinct text once, in first-seen order, with how many times it came. */
function counted(texts: readonly string[]): [string, number][] {
  const times = new Map<string, number>()
  for (const text of texts) times.set(text, (times.get(text) ?? 0) + 1)
  return [...times]
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

/** Ends with a period. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** At most MAX_TABLE_ROWS rows, then a line saying how many more and where they are. */
function capRows(rows: string[], what: [one: string, many: string], where: string): string[] {
  if (rows.length <= MAX_TABLE_ROWS) return rows
  const cut = rows.slice(0, MAX_TABLE_ROWS)
  cut.push(
    `\n… ${plural(rows.length - MAX_TABLE_ROWS, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).`
  )
  return cut
}

/** A few IDs of a source, so a reader can see which file gave what. */
function firstIds(ids: readonly string[]): string {
  const shown = ids.slice(0, FIRST_IDS).map(mdValue).join(', ')
  return ids.length > FIRST_IDS ? `${shown}, … (${ids.length - FIRST_IDS} more)` : shown
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
