// The pull request comment's rendering (src/report/comment.ts) and the event it follows.
import { describe, expect, it } from '@jest/globals'
import { reportWith } from '../test/support/reports.js'
import { pullRequestOf } from '../src/diff/event.js'
import { redactor } from '../src/redact.js'
import { COMMENT_LIMIT, commentMarker, renderComment } from '../src/report/comment.js'

const KEY = 'sk-live_[key]*|'
const clean = redactor([KEY])
const marker = commentMarker('wf', 'job', 'step')
const title = 'Miso bulk delete'

const report = reportWith

describe('commentMarker', () => {
  it('keeps hostile workflow, job and step names from ending the HTML comment', () => {
    const m = commentMarker('a --> b --!> <c>', 'x-->', '<!-- s')
    expect(m).toMatch(/^<!-- miso-bulk-delete comment workflow=\S+ job=\S+ step=\S+ -->$/)
    expect(m.match(/-->/g)).toHaveLength(1)
    expect(m.slice('<!--'.length, -'-->'.length)).not.toMatch(/[<>!]|--/)
  })

  it('differs per workflow, per job and per step', () => {
    const markers = new Set([
      commentMarker('a', 'b', 's'),
      commentMarker('a', 'c', 's'),
      commentMarker('a b', 'c', 's'),
      commentMarker('a', 'b c', 's'),
      commentMarker('a', 'b', 't'),
      commentMarker('a', 'b', 's t')
    ])
    expect(markers.size).toBe(6)
  })
})

describe('renderComment', () => {
  it('redacts before escaping: a key with Markdown characters is in no form', () => {
    const body = renderComment(report([`id-${KEY}`, 'SKU-2']), {
      marker,
      title,
      state: 'open',
      clean
    })
    expect(body).toContain('<code>id&#45;&#42;&#42;&#42;</code>')
    for (const part of ['sk-live', 'sk&#45;live', 'live_', 'live&#95;']) {
      expect(body).not.toContain(part)
    }
  })

  it('stays under the limit with huge sources, IDs and kept lists, and says what it cut', () => {
    const long = (i: number) => `${'|<>&*'.repeat(100)}-${i}`
    const ids = Array.from({ length: 5000 }, (_, i) => long(i))
    const r = report(ids, {
      diff: {
        base: 'a'.repeat(40),
        head: 'b'.repeat(40),
        result: 'b'.repeat(40),
        via: 'git',
        kept: ids.map(id => ({ id, path: `catalog/${id}.md` })),
        skipped: []
      },
      notes: ids.map(id => `note about ${id}`)
    })
    r.plan!.sources.push(...Array.from({ length: 2000 }, () => ({ ...r.plan!.sources[0] })))
    const body = renderComment(r, { marker, title, state: 'open', clean })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    expect(body).toMatch(/more sources not shown/)
    expect(body).toMatch(/more IDs not shown/)
    expect(body).toContain('Its job summary lists every ID')
  })

  it('cuts a section it cannot fit at all instead of breaking the limit', () => {
    const body = renderComment(report(['A', 'B']), { marker, title, state: 'open', clean }, 600)
    expect(body.length).toBeLessThanOrEqual(600)
    expect(body).toContain('Nothing was deleted yet.')
  })

  it('breaks mentions and issue references in prose', () => {
    const body = renderComment(report(['A'], { notes: ['ping @octo-org/admins about #12'] }), {
      marker,
      title,
      state: 'open',
      clean
    })
    expect(body).not.toMatch(/@octo|&#35;12/)
    expect(body).toContain('@\u2060octo')
  })

  it('makes no autolink or mention of IDs, file names and notes, in code or in prose', () => {
    const hostile = ['www.evil.example', 'https://x.y/a', 'WWW.Evil.example', 'a@b.example']
    const r = report(hostile, {
      notes: hostile.map(h => `see ${h}`),
      diff: {
        base: 'a'.repeat(40),
        head: 'b'.repeat(40),
        result: 'b'.repeat(40),
        via: 'git',
        kept: hostile.map(h => ({ id: h, path: `p/${h}.md` })),
        skipped: []
      }
    })
    const body = renderComment(r, { marker, title: 'See https://t.example', state: 'open', clean })
    const visible = body.split('\n').slice(1).join('\n')
    expect(visible).not.toMatch(/www\.|:\/\/|@(?!\u2060)/i)
    expect(body).toContain('<code>www\u2060.evil.example</code>')
    expect(body).toContain('https:\u2060//x.y/a')
    expect(body).toContain('a@\u2060b.example')
    expect(body).toContain('### 🔍 See https:\u2060//t.example: preview')
  })

  it('the title heads the comment, escaped', () => {
    for (const state of ['open', 'merged', 'closed'] as const) {
      const body = renderComment(report(['A']), { marker, title: 'Outlet *store*', state, clean })
      expect(body.split('\n')[1]).toMatch(/^### \S+ Outlet &#42;store&#42;: /)
    }
  })

  it('closed unmerged: nothing will be deleted, no list', () => {
    const body = renderComment(report(['SKU-1']), { marker, title, state: 'closed', clean })
    expect(body).toContain('nothing will be deleted')
    expect(body).not.toContain('SKU')
  })
})

describe('renderComment for users', () => {
  it('says users when the record type is users', () => {
    const body = renderComment(report(['u-1', 'u-2'], { recordType: 'users' }), {
      marker,
      title,
      state: 'open',
      clean
    })
    expect(body).toContain(
      'When this pull request is merged, **2 users** will be deleted from Miso.'
    )
  })
})

describe('pullRequestOf', () => {
  const pr = (action: string, merged = false) => ({
    action,
    number: 7,
    pull_request: { number: 7, merged }
  })
  it.each([
    ['pull_request', pr('opened'), { number: 7, state: 'open' }],
    ['pull_request_target', pr('synchronize'), { number: 7, state: 'open' }],
    ['pull_request', pr('closed', true), { number: 7, state: 'merged' }],
    ['pull_request', pr('closed'), { number: 7, state: 'closed' }],
    ['push', pr('closed', true), undefined],
    ['pull_request', { action: 'opened', pull_request: { number: '7' } }, undefined],
    ['pull_request', { action: 'opened', pull_request: { number: -1 } }, undefined]
  ])('%s %j', (name, payload, expected) => {
    expect(pullRequestOf(name, payload)).toEqual(expected)
  })
})
