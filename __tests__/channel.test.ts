import { describe, expect, it } from '@jest/globals'
import { bound, LINE_LIMIT, neutralise, runChannel, VALUE_LIMIT } from '../src/channel.js'
import type { RunReport } from '../src/report/run-report.js'
import { reportWith } from '../test/support/reports.js'

describe('bound', () => {
  it('keeps short text, cuts long text to the limit keeping both ends', () => {
    expect(bound('short', 10)).toBe('short')
    const cut = bound('a'.repeat(500) + 'END', 100)
    expect(cut.length).toBeLessThanOrEqual(100)
    expect(cut).toMatch(/^a+…\[403 more characters\]…a*END$/)
  })

  it('never splits a surrogate pair', () => {
    const cut = bound('😀'.repeat(100), 51)
    expect(cut).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    )
  })
})

describe('neutralise', () => {
  it.each([
    ['::error title=x::y', '\\::error title=x::y'],
    ['  ::set-output name=a::b', '  \\::set-output name=a::b'],
    ['Kept a: dir/x\n::error::pwn.json', 'Kept a: dir/x\\n::error::pwn.json'],
    ['a\r\n::warning::b', 'a\\r\\n::warning::b'],
    ['x ##[set-output name=a;]b', 'x ##\\[set-output name=a;]b'],
    ['a\u2028::b\u0085', 'a\\u2028::b\\u0085'],
    ['tab\there\u0090', 'tab\\there\\u0090']
  ])('%j becomes %j', (line, expected) => {
    expect(neutralise(line)).toBe(expected)
  })
})

describe('runChannel', () => {
  const channel = runChannel('s3cr3t-key', {})

  it('redacts, then bounds, then neutralises a log line', () => {
    const line = channel.logLine(`::x ${'v'.repeat(LINE_LIMIT)} s3cr3t-key\nend`)
    expect(line.startsWith('\\::x')).toBe(true)
    expect(line.length).toBeLessThanOrEqual(LINE_LIMIT + 10)
    expect(line).toContain('***\\nend')
  })

  it('shows a report redacted with values and messages bounded; files get it whole', () => {
    const long = 'i'.repeat(100_000)
    const report: RunReport = {
      status: 'failed',
      notes: [`note ${long}`],
      error: `refused ${long} with s3cr3t-key`,
      elapsedMs: 0,
      diff: {
        base: 'b',
        head: 'h',
        result: 'h',
        via: 'git',
        kept: [{ id: long, path: 's3cr3t-key.json' }],
        skipped: []
      }
    }
    const shown = channel.shown(channel.redacted(report))
    expect(shown.diff?.kept[0].id.length).toBe(VALUE_LIMIT)
    expect(shown.diff?.kept[0].path).toBe('***.json')
    expect(shown.error).toMatch(/^refused i+…\[\d+ more characters\]…i+ with \*\*\*$/)
    expect(shown.error!.length).toBeGreaterThan(VALUE_LIMIT)
    const whole = channel.redacted(report)
    expect(whole.diff?.kept[0].id).toBe(long)
    expect(whole.error).toBe(`refused ${long} with ***`)
    expect(report.error).toContain('s3cr3t-key')
  })

  it('redacts every list of a large report, and bounds only what is too long to show', () => {
    const key = 's3cr3t-key-0123456789'
    const keyed = runChannel(key, {})
    const ids = Array.from({ length: 25_000 }, (_, i) => `product-${i}`)
    ids[17_321] = `id-${encodeURIComponent(key).replace(/-/g, '%2D')}`
    ids[20_000] = 'x'.repeat(VALUE_LIMIT + 1)
    const report = reportWith(ids)
    const redacted = keyed.redacted(report)
    const shown = keyed.shown(redacted)
    for (const out of [redacted, shown]) {
      const plan = out.plan!
      for (const list of [plan.ids, plan.sources[0].ids, plan.batches.flat()]) {
        expect(list.filter(id => id.includes('%2D'))).toEqual([])
        expect(list).toContain('id-***')
      }
    }
    expect(redacted.plan!.ids[20_000]).toHaveLength(VALUE_LIMIT + 1)
    expect(shown.plan!.ids[20_000]).toHaveLength(VALUE_LIMIT)
    // nothing to change: the very same arrays, not copies
    const clean = reportWith(ids.slice(0, 17_000))
    expect(keyed.shown(keyed.redacted(clean)).plan!.ids).toBe(clean.plan!.ids)
  })

  it('redacts every string and object key at any depth, sharing what did not change', () => {
    const clean = { ids: ['a', 'b'], n: 1 }
    const value = { list: clean, nested: { deep: ['x-s3cr3t-key'], 'k-s3cr3t-key': 2 }, on: true }
    const out = channel.redacted(value)
    expect(out).toEqual({ list: clean, nested: { deep: ['x-***'], 'k-***': 2 }, on: true })
    expect(out.list).toBe(clean)
    expect(channel.redacted(clean)).toBe(clean)
  })
})
