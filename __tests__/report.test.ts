import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { reportWith } from '../test/support/reports.js'
import type { BatchResult } from '../src/miso/types.js'
import { makePlan } from '../src/plan.js'
import { buildOutputs, OUTPUT_LIMIT, writePlanFiles } from '../src/report/outputs.js'
import { redactor } from '../src/redact.js'
import type { RunReport } from '../src/report/run-report.js'
import { failedCount, stepFails } from '../src/report/run-report.js'
import { htmlText, mdMessage, mdValue } from '../src/report/markdown.js'
import { numberRanges, renderSummary, SUMMARY_LIMIT } from '../src/report/summary.js'
import { plural } from '../src/plural.js'

function batch(over: Partial<BatchResult>): BatchResult {
  return { index: 0, count: 1, status: 'succeeded', counts: {}, ...over }
}

/** The rows of the table under a heading: lines starting with a pipe. */
function tableRows(markdown: string, heading: string): string[] {
  const after = markdown.split(`### ${heading}`)[1] ?? ''
  return after
    .split('\n\n')[1]
    .split('\n')
    .filter(line => line.startsWith('|'))
}

describe('renderSummary', () => {
  it('puts the status and counts at the top', () => {
    const md = renderSummary(
      reportWith(['a', 'b'], { dryRunReason: 'the `dry-run` input is true' })
    )
    const lines = md.split('\n')
    expect(lines[0]).toBe('## 🔍 Miso bulk delete: dry-run')
    expect(lines[4]).toBe('| dry-run | 2 | 1 | 0 | 0 | 1.2 s |')
    expect(md).toContain('**Dry run:**')
    expect(md).toContain('<details><summary>IDs (2)</summary>')
  })

  it('cannot be restructured by hostile IDs, paths or messages', () => {
    const hostile = [
      '<script>alert(1)</script>',
      'a|b|c',
      '`code` **bold** [link](http://x)',
      '</pre></details># heading',
      'x\n## injected'
    ]
    // IDs cannot hold a line break (the plan refuses them); a file path can.
    const report = reportWith(hostile.slice(0, 4), {
      status: 'failed',
      error: 'bad | thing\n### fake heading <img src=x>',
      notes: ['note with | pipe and\nnewline'],
      deletion: {
        status: 'failed',
        batches: [
          batch({
            taskId: 'task|<b>1</b>',
            status: 'failed',
            error: {
              httpStatus: 422,
              message: 'detail: `x` | <i>y</i>\n| forged | row |',
              fatal: false
            }
          })
        ],
        taskIds: ['task|<b>1</b>'],
        failedCount: 4,
        elapsedMs: 10
      }
    })
    report.plan!.sources[0].name = 'ids|<b>.txt'
    report.plan!.sources[0].detail = hostile[4]
    const md = renderSummary(report)
    expect(md).not.toMatch(/<script|<b>|<i>|<img/)
    expect(md).not.toContain('</pre></details>#')
    // Each table row still has exactly its own cells.
    for (const row of tableRows(md, 'Tasks')) expect(row.split('|').length).toBe(8)
    for (const row of tableRows(md, 'Errors')) expect(row.split('|').length).toBe(5)
    // The error cannot open a heading of its own.
    expect(md.split('\n').filter(l => l.startsWith('#'))).toEqual([
      '## ❌ Miso bulk delete: failed',
      '### Error',
      '### Notes',
      '### Where the IDs came from',
      '### Tasks',
      '### Errors',
      '### What to do next'
    ])
    // IDs stay readable inside the list, only HTML escaped.
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(md).toContain('a|b|c')
  })

  it('stays under 1 MiB with a million IDs and says the list is cut', () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `product-${i}`)
    const md = renderSummary(reportWith(ids))
    const size = Buffer.byteLength(md)
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(size).toBeGreaterThan(SUMMARY_LIMIT - 2000)
    expect(md).toMatch(/… \d+ more IDs not shown: the `ids-path` output/)
    expect(md).toContain('IDs (1000000)')
    // The list shows the first IDs in order, and the note counts exactly the rest.
    const listed = md.split('<pre>\n')[1].split('</pre>')[0].split('\n').slice(0, -1)
    expect(listed).toEqual(ids.slice(0, listed.length))
    const left = Number(/… (\d+) more IDs not shown/.exec(md)![1])
    expect(listed.length + left).toBe(1_000_000)
  })

  it('cuts long task tables and says so', () => {
    const batches = Array.from({ length: 1200 }, (_, i) => batch({ index: i, taskId: `t${i}` }))
    const md = renderSummary(
      reportWith(['a'], {
        status: 'succeeded',
        deletion: {
          status: 'succeeded',
          batches,
          taskIds: batches.map(b => b.taskId!),
          failedCount: 0,
          elapsedMs: 1
        }
      })
    )
    expect(md).toContain('… 700 more batches not shown (see the `result-path` output).')
  })

  it('points each cut table at where the rest is', () => {
    const notes = Array.from({ length: 600 }, (_, i) => `note ${i}`)
    const groups = Array.from({ length: 550 }, (_, i) => ({
      kind: 'deleted-path' as const,
      name: `p/${i}.md`,
      ids: [`id-${i}`]
    }))
    const md = renderSummary({ status: 'dry-run', plan: makePlan(groups, 10), notes, elapsedMs: 1 })
    expect(md).toContain('more notes not shown (see the log).')
    expect(md).toContain('more sources not shown (see the `sources-path` output).')
  })

  it('says counts in good English, and each repeated note or error once', () => {
    const notes = [...Array.from({ length: 500 }, (_, i) => `note ${i}`), 'same', 'same']
    const failed = (index: number, message: string) =>
      batch({ index, status: 'failed', error: { httpStatus: 401, message, fatal: true } })
    const batches = [failed(0, 'bad key'), failed(1, 'bad key'), failed(2, 'bad key')]
    batches.push(failed(4, 'bad key'), failed(5, 'other'))
    const md = renderSummary(
      reportWith(['a'], {
        status: 'failed',
        notes,
        deletion: {
          status: 'failed',
          batches,
          taskIds: [],
          failedCount: 1,
          elapsedMs: 1
        }
      })
    )
    // 502 notes, 501 different: one is left out.
    expect(md).toContain('… 1 more note not shown (see the log).')
    expect(tableRows(md, 'Errors').slice(2)).toEqual([
      '| 1–3, 5 | 401 | bad key |',
      '| 6 | 401 | other |'
    ])
    expect(md).toContain('**Cause:** Miso refused the API key (HTTP 401).')
    expect(md).toMatch(/### What to do next\n\nCheck the secret passed as `api-key`/)
    expect(plural(1, 'batch', 'batches')).toBe('1 batch')
    expect(plural(0, 'ID')).toBe('0 IDs')
    expect(numberRanges([1, 2, 3, 7, 9, 10])).toBe('1–3, 7, 9–10')
  })

  it('counts identical notes', () => {
    const md = renderSummary(reportWith(['a'], { notes: ['x', 'y', 'x', 'x'] }))
    expect(md).toContain('- x (3 times)\n- y\n')
  })

  it('names the change a diff run read, also when it removed nothing', () => {
    const md = renderSummary({
      status: 'empty',
      plan: makePlan([], 10),
      diff: {
        base: 'aaa111',
        head: 'bbb222',
        result: 'ccc333',
        via: 'git',
        kept: [{ id: 'x', path: 'p/x.md' }],
        skipped: ['p/_index.md', 'p/a/_index.md']
      },
      notes: [],
      elapsedMs: 1
    })
    expect(md).toContain(
      'Change: aaa111..bbb222 (read with git); IDs still named were read at the merge ccc333'
    )
    expect(md).toContain(
      '<details><summary>Skipped 2 matching files that carry no ID (not products)</summary>\n\n- p/\\_index.md\n- p/a/\\_index.md\n\n</details>'
    )
    expect(md).toContain('No source gave an ID to delete.')
    const noSource = { status: 'empty' as const, plan: makePlan([], 10), notes: [], elapsedMs: 1 }
    expect(renderSummary(noSource)).not.toContain('Where the IDs')
  })

  it('escapes what can change the structure, and keeps the rest readable', () => {
    expect(mdValue('a|b')).toBe('a&#124;b')
    expect(mdValue('<x> & y &amp; &#60;')).toBe('&lt;x&gt; & y &amp;amp; &amp;#60;')
    expect(mdValue('line\nbreak\r\tend')).toBe('line break end')
    // Readable: hyphens, parentheses, underscores inside words, dots, quotes stay.
    expect(mdValue('sku-1 (blue) product_id v1.2 \'q\' "d"')).toBe(
      'sku-1 (blue) product_id v1.2 \'q\' "d"'
    )
    // No emphasis, link or image made of data; a backslash stays a backslash.
    expect(mdValue('**b** _e_ ~~s~~ [x](y) ![i](z) a\\|')).toBe(
      '\\*\\*b\\*\\* \\_e\\_ \\~\\~s\\~\\~ \\[x\\](y) !\\[i\\](z) a\\\\&#124;'
    )
    // A text that starts a line never becomes a heading, list, quote, rule or code block.
    expect(mdValue('# h')).toBe('\\# h')
    expect(mdValue('- item')).toBe('\\- item')
    expect(mdValue('+ item')).toBe('\\+ item')
    expect(mdValue('12. item')).toBe('12\\. item')
    expect(mdValue('3) item')).toBe('3\\) item')
    expect(mdValue('> quote')).toBe('&gt; quote')
    expect(mdValue('---')).toBe('\\---')
    expect(mdValue('===')).toBe('\\===')
    expect(mdValue('    code')).toBe('&#32;&#32;&#32;&#32;code')
    // Not at the start: left as they are.
    expect(mdValue('a # b - c 1. d')).toBe('a # b - c 1. d')
  })

  it('shows backticks of values as entities, and keeps plain code spans of messages', () => {
    expect(mdValue('a `b` c')).toBe('a &#96;b&#96; c')
    expect(mdMessage('Input `dry-run` must be `true`')).toBe('Input `dry-run` must be `true`')
    expect(mdMessage('set `${{ secrets.MISO_API_KEY }}`')).toBe('set `${{ secrets.MISO_API_KEY }}`')
    // A span that would need escaping inside, an empty one, or a lone backtick: entities.
    expect(mdMessage('id `<b>` and `a|b` and `` and ` x')).toBe(
      'id &#96;&lt;b&gt;&#96; and &#96;a&#124;b&#96; and &#96;&#96; and &#96; x'
    )
    expect(mdMessage('`a` `')).toBe('`a` &#96;')
    expect(mdMessage('# `x`')).toBe('\\# `x`')
  })

  it('escapes only HTML inside <pre>', () => {
    expect(htmlText('<a>&`*_|')).toBe('&lt;a&gt;&amp;`*_|')
  })
})

describe('outputs', () => {
  const temp = (): string => mkdtempSync(path.join(os.tmpdir(), 'outputs-'))

  it('writes every ID and the whole result to files under RUNNER_TEMP', async () => {
    const dir = temp()
    const ids = ['a', 'b', 'c']
    const report = reportWith(ids, {
      status: 'failed',
      deletion: {
        status: 'failed',
        batches: [
          batch({
            index: 0,
            count: 2,
            taskId: 't1',
            response: '{"x":1}',
            counts: { deleted: 2 }
          }),
          batch({
            index: 1,
            count: 1,
            status: 'failed',
            error: { httpStatus: 400, message: 'bad', fatal: false }
          })
        ],
        taskIds: ['t1'],
        failedCount: 1,
        elapsedMs: 5
      }
    })
    const outputs = buildOutputs(report, await writePlanFiles(report.plan, dir, id => id))
    expect(outputs.status).toBe('failed')
    expect(outputs.count).toBe('3')
    expect(JSON.parse(outputs.ids)).toEqual(ids)
    expect(outputs['ids-truncated']).toBe('false')
    expect(outputs['ids-path'].startsWith(dir)).toBe(true)
    expect(readFileSync(outputs['ids-path'], 'utf8')).toBe('a\nb\nc\n')
    expect(outputs['task-ids']).toBe('["t1"]')
    expect(outputs['failed-count']).toBe('1')
    const result = JSON.parse(outputs.result)
    expect(result).toEqual([
      { task_id: 't1', count: 2, status: 'succeeded', response: '{"x":1}', counts: { deleted: 2 } },
      {
        task_id: null,
        count: 1,
        status: 'failed',
        response: null,
        error: { http_status: 400, message: 'bad' }
      }
    ])
    expect(JSON.parse(readFileSync(outputs['result-path'], 'utf8'))).toEqual(result)
    const sources = [
      { kind: 'inline', name: 'product-ids', detail: null, count: 3, ids: ['a', 'b', 'c'] }
    ]
    expect(JSON.parse(outputs.sources)).toEqual(sources)
    expect(outputs['sources-truncated']).toBe('false')
    expect(JSON.parse(readFileSync(outputs['sources-path'], 'utf8'))).toEqual(sources)
  })

  it('cuts the ids output at 256 KiB, keeping valid JSON, and the file holds all', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `id-${i}`)
    const report = reportWith(ids)
    const outputs = buildOutputs(report, await writePlanFiles(report.plan, temp(), id => id))
    expect(Buffer.byteLength(outputs.ids)).toBeLessThanOrEqual(OUTPUT_LIMIT)
    expect(outputs['ids-truncated']).toBe('true')
    const shown = JSON.parse(outputs.ids) as string[]
    expect(shown).toEqual(ids.slice(0, shown.length))
    expect(readFileSync(outputs['ids-path'], 'utf8').split('\n').length - 1).toBe(100_000)
    // A source's IDs are cut in the output, whole in the file.
    const [source] = JSON.parse(outputs.sources) as { count: number; ids: string[] }[]
    expect(source.count).toBe(100_000)
    expect(source.ids).toEqual(ids.slice(0, 1000))
    expect(outputs['sources-truncated']).toBe('true')
    const [whole] = JSON.parse(readFileSync(outputs['sources-path'], 'utf8')) as { ids: string[] }[]
    expect(whole.ids).toEqual(ids)
  })

  it('writes the plan files in chunks that join up exactly', async () => {
    // More IDs than one chunk, over several sources, with characters JSON must escape.
    const odd = [
      'say "hi"',
      'back\\slash',
      'lone \ud800 half',
      'é 商品 😀',
      "apostrophe ' sep",
      '{"x":[1]}'
    ]
    const first = Array.from({ length: 25_001 }, (_, i) =>
      i % 5000 === 0 ? odd[i / 5000] : `f-${i}`
    )
    const second = ['f-1', 'x-1', ...Array.from({ length: 10_000 }, (_, i) => `s-${i}`)]
    const plan = makePlan(
      [
        { kind: 'file', name: 'a.txt', ids: first },
        { kind: 'deleted-path', name: 'p/x.md', detail: 'base..head', ids: second }
      ],
      100
    )
    const files = await writePlanFiles(plan, temp(), id => id)
    // A lone surrogate has no UTF-8 form: the text file gets U+FFFD, the JSON an escape.
    const asUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8')
    expect(readFileSync(files.idsPath, 'utf8')).toBe(asUtf8(`${plan.ids.join('\n')}\n`))
    expect(JSON.parse(readFileSync(files.sourcesPath, 'utf8'))).toEqual([
      { kind: 'file', name: 'a.txt', detail: null, count: first.length, ids: first },
      {
        kind: 'deleted-path',
        name: 'p/x.md',
        detail: 'base..head',
        count: second.length,
        ids: second
      }
    ])
    expect(path.dirname(files.sourcesPath)).toBe(files.dir)
  })

  it('redacts the key in the IDs of the plan and its sources, and in the names', async () => {
    const key = 'sk-plan-files-0123456789'
    const redact = redactor([key])
    const named = makePlan([{ kind: 'file', name: `named-${key}.txt`, ids: ['a', 'bb'] }], 10)
    const namedFiles = await writePlanFiles(named, temp(), redact)
    expect(readFileSync(namedFiles.sourcesPath, 'utf8')).toContain('"name":"named-***.txt"')
    // a key in a source's own ID (listed once more in the plan's IDs) or only in a source
    for (const groups of [
      [{ kind: 'file' as const, name: 'a.txt', ids: ['a', `x${key}`] }],
      [
        { kind: 'file' as const, name: 'a.txt', ids: ['a'] },
        { kind: 'file' as const, name: 'b.txt', ids: ['a', `x${key}`] }
      ]
    ]) {
      const files = await writePlanFiles(makePlan(groups, 10), temp(), redact)
      expect(readFileSync(files.idsPath, 'utf8')).toBe('a\nx***\n')
      expect(readFileSync(files.idsPath, 'utf8')).not.toContain(key)
      expect(readFileSync(files.sourcesPath, 'utf8')).not.toContain(key)
    }
  })

  it('writes empty plan files for a run that never made a plan', async () => {
    const files = await writePlanFiles(undefined, temp(), id => id)
    expect(readFileSync(files.idsPath, 'utf8')).toBe('')
    expect(readFileSync(files.sourcesPath, 'utf8')).toBe('[]')
  })

  it('fails, naming the directory, when RUNNER_TEMP is missing', async () => {
    const missing = path.join(temp(), 'gone')
    await expect(writePlanFiles(undefined, missing, id => id)).rejects.toThrow(missing)
  })

  it('fits a JSON output exactly at the limit', async () => {
    // `["A","b"]` is A's length and 8 bytes; `["A"]` A's and 4.
    const idsOf = async (size: number) => {
      const report = reportWith(['a'.repeat(size), 'b'])
      return buildOutputs(report, await writePlanFiles(report.plan, temp(), id => id))
    }
    const exact = await idsOf(OUTPUT_LIMIT - 8)
    expect(Buffer.byteLength(exact.ids)).toBe(OUTPUT_LIMIT)
    expect(exact['ids-truncated']).toBe('false')
    const over = await idsOf(OUTPUT_LIMIT - 7)
    expect(JSON.parse(over.ids)).toEqual(['a'.repeat(OUTPUT_LIMIT - 7)])
    expect(over['ids-truncated']).toBe('true')
  })
})

describe('step result', () => {
  it('fails for failed, timed-out, cancelled, errors, and empty with fail-on-empty', () => {
    const r = (status: RunReport['status'], error?: string): RunReport => ({
      status,
      error,
      notes: [],
      elapsedMs: 0
    })
    expect(stepFails(r('succeeded'), false)).toBe(false)
    expect(stepFails(r('submitted'), false)).toBe(false)
    expect(stepFails(r('dry-run'), false)).toBe(false)
    expect(stepFails(r('empty'), false)).toBe(false)
    expect(stepFails(r('empty'), true)).toBe(true)
    expect(stepFails(r('failed'), false)).toBe(true)
    expect(stepFails(r('timed-out'), false)).toBe(true)
    expect(stepFails(r('cancelled'), false)).toBe(true)
    expect(stepFails(r('dry-run', 'boom'), false)).toBe(true)
  })

  it('counts every resolved ID as failed when the run stopped before sending', () => {
    expect(failedCount(reportWith(['a', 'b'], { status: 'failed', error: 'refused' }))).toBe(2)
    expect(failedCount(reportWith(['a', 'b']))).toBe(0)
  })
})
