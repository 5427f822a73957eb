import { describe, expect, it } from '@jest/globals'
import { changeRangeFor, forcedDryRun, refProblem } from '../src/diff/event.js'
import type { ChangeRange } from '../src/diff/event.js'
import { eventFixture } from '../test/support/fixtures.js'

const noInputs = { base: '', head: '' }
const BEFORE = '9f2b1c0d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c'
const AFTER = '3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d'
const PR_BASE = '5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b'
const PR_HEAD = 'e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0'
const MG_BASE = '2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e'
const MG_HEAD = '8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f'

function range(result: ChangeRange | { error: string }): ChangeRange {
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`)
  return result
}

describe('changeRangeFor: the contract table, row by row, from real payload shapes', () => {
  const rows: {
    event: string
    fixture: string
    base: string
    head: string
    mergeBaseOf?: { base: string; head: string }
    deletes: boolean
    pullNumber?: number
  }[] = [
    { event: 'push', fixture: 'push', base: BEFORE, head: AFTER, deletes: true },
    { event: 'push', fixture: 'push-forced', base: BEFORE, head: AFTER, deletes: true },
    // Not the default branch (`branches` not given): a preview.
    { event: 'push', fixture: 'push-new-branch', base: `${AFTER}^`, head: AFTER, deletes: false },
    {
      event: 'pull_request',
      fixture: 'pull_request-closed-merged',
      base: PR_BASE,
      head: PR_HEAD,
      mergeBaseOf: { base: PR_BASE, head: PR_HEAD },
      deletes: true,
      pullNumber: 42
    },
    {
      event: 'pull_request_target',
      fixture: 'pull_request_target-closed-merged',
      base: PR_BASE,
      head: PR_HEAD,
      mergeBaseOf: { base: PR_BASE, head: PR_HEAD },
      deletes: true,
      pullNumber: 42
    },
    ...['pull_request-opened', 'pull_request-synchronize', 'pull_request-closed-unmerged'].map(
      name => ({
        event: 'pull_request',
        fixture: name,
        base: PR_BASE,
        head: PR_HEAD,
        mergeBaseOf: { base: PR_BASE, head: PR_HEAD },
        deletes: false,
        pullNumber: 42
      })
    ),
    { event: 'merge_group', fixture: 'merge_group', base: MG_BASE, head: MG_HEAD, deletes: false }
  ]

  it.each(rows)('$event ($fixture)', row => {
    const result = range(changeRangeFor(row.event, eventFixture(row.fixture), noInputs))
    expect(result.base).toBe(row.base)
    expect(result.head).toBe(row.head)
    expect(result.mergeBaseOf).toEqual(row.mergeBaseOf)
    expect(forcedDryRun(row.event, eventFixture(row.fixture), []) === undefined).toBe(row.deletes)
    expect(result.pullNumber).toBe(row.pullNumber)
    expect(result.reason.length).toBeGreaterThan(10)
  })

  it('a new branch compares only its last commit, with a notice saying so', () => {
    const result = range(changeRangeFor('push', eventFixture('push-new-branch'), noInputs))
    expect(result.notices.join(' ')).toMatch(/created refs\/heads\/spring-sale/)
    expect(result.baseFallback).toBeUndefined()
  })

  it('a push falls back to after^..after when before is gone, and says a forced push is why', () => {
    const forced = range(changeRangeFor('push', eventFixture('push-forced'), noInputs))
    expect(forced.baseFallback?.base).toBe(`${AFTER}^`)
    expect(forced.baseFallback?.notice).toMatch(/forced push/)
    // Which comparison a force push gets is told once, when it is known (diff-source.ts).
    expect(forced.notices).toEqual([])
    expect(forced.reason).toMatch(/^Force push to refs\/heads\/main/)
    const plain = range(changeRangeFor('push', eventFixture('push'), noInputs))
    expect(plain.notices).toEqual([])
    expect(plain.baseFallback?.notice).not.toMatch(/forced/)
  })

  it('a push that deletes the branch compares nothing', () => {
    const result = range(changeRangeFor('push', eventFixture('push-branch-deleted'), noInputs))
    expect(result.base).toBe(BEFORE)
    expect(result.head).toBe(BEFORE)
  })

  it('the reason of a previewed pull request says why nothing is deleted', () => {
    const opened = range(
      changeRangeFor('pull_request', eventFixture('pull_request-opened'), noInputs)
    )
    expect(opened.reason).toMatch(/#42 is not merged yet/)
    const unmerged = range(
      changeRangeFor('pull_request', eventFixture('pull_request-closed-unmerged'), noInputs)
    )
    expect(unmerged.reason).toMatch(/closed without being merged/)
    const merged = range(
      changeRangeFor('pull_request', eventFixture('pull_request-closed-merged'), noInputs)
    )
    expect(merged.reason).toMatch(/^Pull request #42 was merged/)
  })

  it('workflow_dispatch uses the inputs; head defaults to HEAD', () => {
    const result = range(
      changeRangeFor('workflow_dispatch', eventFixture('workflow_dispatch'), {
        base: ' v1.2.0 ',
        head: ''
      })
    )
    expect(result).toMatchObject({ base: 'v1.2.0', head: 'HEAD' })
    expect(result.mergeBaseOf).toBeUndefined()
  })

  it.each(['workflow_dispatch', 'schedule', 'repository_dispatch', ''])(
    '%j without a base input is an error naming the input',
    name => {
      const result = changeRangeFor(name, name ? eventFixture('workflow_dispatch') : {}, noInputs)
      expect(result).toEqual({
        error: expect.stringContaining(`needs the \`base\` input on ${name || 'unknown'} events`)
      })
    }
  )

  it('explicit inputs override a push, and keep the event otherwise', () => {
    const both = range(
      changeRangeFor('push', eventFixture('push'), { base: 'main~3', head: 'main' })
    )
    expect(both).toMatchObject({ base: 'main~3', head: 'main' })
    expect(both.reason).not.toMatch(/Previewing/)
    expect(both.baseFallback).toBeUndefined()
    expect(both.notices.join(' ')).toMatch(/`base` and `head` input overrides/)
    const headOnly = range(
      changeRangeFor('push', eventFixture('push'), { base: '', head: 'abc123' })
    )
    expect(headOnly).toMatchObject({ base: BEFORE, head: 'abc123' })
    expect(headOnly.baseFallback).toBeUndefined()
  })

  it('inputs override a pull request but never lift its forced dry run', () => {
    const opened = eventFixture('pull_request-opened')
    const based = range(changeRangeFor('pull_request', opened, { base: 'main', head: '' }))
    expect(based).toMatchObject({ base: 'main', head: PR_HEAD })
    expect(based.reason).toMatch(/overrides.*Previewing pull request #42.*not merged yet/)
    expect(based.mergeBaseOf).toBeUndefined()
    expect(based.pullNumber).toBeUndefined()
    const headed = range(changeRangeFor('pull_request', opened, { base: '', head: 'feature' }))
    expect(headed.mergeBaseOf).toEqual({ base: PR_BASE, head: 'feature' })
    expect(headed.pullNumber).toBeUndefined()
    expect(headed.reason).toMatch(/not merged yet/)
    // The one decision whether the run deletes: inputs never change it.
    expect(forcedDryRun('pull_request', opened, [])).toMatch(/not merged yet/)
  })

  it('inputs stand in for a payload that lacks commits', () => {
    expect(changeRangeFor('push', {}, noInputs)).toEqual({
      error: expect.stringMatching(/`after`/)
    })
    expect(range(changeRangeFor('push', {}, { base: 'a', head: 'b' }))).toMatchObject({
      base: 'a',
      head: 'b'
    })
  })

  it('rejects payload values that are not SHAs', () => {
    const push = eventFixture('push')
    for (const after of ['--upload-pack=evil', 'main', '3c4d5e6', `${AFTER} `, 42]) {
      expect(changeRangeFor('push', { ...push, after }, noInputs)).toHaveProperty('error')
    }
    // A `before` that is there but not a SHA is forged, not a new branch: no after^..after.
    for (const before of ['--upload-pack=touch /tmp/x', 'main', '', 0]) {
      expect(changeRangeFor('push', { ...push, before }, noInputs)).toEqual({
        error: expect.stringMatching(/`before` is not a commit SHA/)
      })
    }
    const pr = eventFixture('pull_request-closed-merged')
    const pull = pr.pull_request as Record<string, Record<string, unknown>>
    const evil = { ...pr, pull_request: { ...pull, head: { ...pull.head, sha: '-c core.x=y' } } }
    expect(changeRangeFor('pull_request', evil, noInputs)).toHaveProperty('error')
    // An uppercase SHA is still a SHA; git wants lowercase.
    expect(
      range(changeRangeFor('push', { ...push, after: AFTER.toUpperCase() }, noInputs)).head
    ).toBe(AFTER)
  })

  it('rejects inputs git would misread, naming the input', () => {
    for (const bad of [
      '--output=/tmp/x',
      'main..evil',
      'a b',
      'a\nb',
      'a\u0000b',
      'x'.repeat(256),
      'main:refs/heads/evil',
      '+main',
      '^main',
      'refs/heads/*'
    ]) {
      const result = changeRangeFor('workflow_dispatch', {}, { base: bad, head: '' })
      expect(result).toEqual({ error: expect.stringMatching(/^The `base` input /) })
    }
    const result = changeRangeFor('push', eventFixture('push'), { base: '', head: '-x' })
    expect(result).toEqual({
      error: expect.stringMatching(/^The `head` input "-x" starts with '-'/)
    })
  })
})

describe('refProblem', () => {
  it.each(['main', 'v1.2.0', 'refs/heads/feature/x', 'HEAD~2', 'abc^', 'origin/main', AFTER])(
    'accepts %s',
    ref => expect(refProblem(ref)).toBeUndefined()
  )
})

describe('forcedDryRun', () => {
  it.each([
    ['pull_request', 'pull_request-opened', /#42 is not merged yet \(`pull_request` `opened`\)/],
    ['pull_request', 'pull_request-synchronize', /`synchronize`/],
    ['pull_request', 'pull_request-closed-unmerged', /#42 was closed without being merged/],
    ['pull_request_target', 'pull_request-opened', /`pull_request_target` `opened`/],
    ['merge_group', 'merge_group', /merge queue/]
  ])('%s (%s) forces a dry run', (name, file, reason) => {
    expect(forcedDryRun(name, eventFixture(file), [])).toMatch(reason)
    // Naming the pull request's branch does not make it delete.
    expect(forcedDryRun(name, eventFixture(file), ['**'])).toMatch(reason)
  })

  it.each([
    ['pull_request', 'pull_request-closed-merged'],
    ['pull_request_target', 'pull_request_target-closed-merged'],
    ['push', 'push'],
    ['push', 'push-forced'],
    ['workflow_dispatch', 'workflow_dispatch']
  ])('%s (%s) may delete', (name, file) => {
    expect(forcedDryRun(name, eventFixture(file), [])).toBeUndefined()
  })

  it('a pull request payload without `merged: true` never deletes', () => {
    expect(forcedDryRun('pull_request', { action: 'closed', pull_request: {} }, [])).toMatch(
      /closed/
    )
    expect(forcedDryRun('pull_request', null, [])).toMatch(/not merged/)
  })
})

describe('forcedDryRun: which branches delete', () => {
  const push = (ref: unknown, repository: unknown = { default_branch: 'main' }) => ({
    ...eventFixture('push'),
    ref,
    repository
  })
  const merged = (baseRef: unknown, repository: unknown = { default_branch: 'main' }) => {
    const payload = eventFixture('pull_request-closed-merged')
    const pr = payload.pull_request as Record<string, Record<string, unknown>>
    return { ...payload, pull_request: { ...pr, base: { ...pr.base, ref: baseRef } }, repository }
  }
  const decide = (name: string, payload: unknown, branches: string[] = []) =>
    forcedDryRun(name, payload, branches)

  it('without `branches`, only the default branch deletes', () => {
    expect(decide('push', push('refs/heads/main'))).toBeUndefined()
    expect(decide('push', push('refs/heads/trunk', { default_branch: 'trunk' }))).toBeUndefined()
    expect(decide('pull_request', merged('main'))).toBeUndefined()
    expect(decide('pull_request_target', merged('main'))).toBeUndefined()
    expect(decide('push', push('refs/heads/feature/x'))).toBe(
      'the push is to `feature/x`, which is not one of the branches that delete (input `branches`: the default branch `main`)'
    )
    expect(decide('pull_request', merged('develop'))).toBe(
      'pull request #42 was merged into `develop`, which is not one of the branches that delete (input `branches`: the default branch `main`)'
    )
    // The default branch is a name, not a pattern; a prefix or a longer name is another branch.
    expect(decide('push', push('refs/heads/main2'))).toMatch(/not one of the branches/)
    expect(decide('push', push('refs/heads/mainx', { default_branch: 'main{,x}' }))).toMatch(
      /not one of/
    )
  })

  it('`branches` patterns choose the branches, with the one glob dialect', () => {
    const branches = ['main', 'release/*', '!release/old']
    expect(decide('push', push('refs/heads/release/2.1'), branches)).toBeUndefined()
    expect(decide('pull_request', merged('release/2.1'), branches)).toBeUndefined()
    expect(decide('push', push('refs/heads/release/old'), branches)).toMatch(
      /`release\/old`, which is not one of the branches that delete \(input `branches`: `main`, `release\/\*`, `!release\/old`\)/
    )
    // `*` stays within one folder, as in a workflow's `branches:` filter.
    expect(decide('push', push('refs/heads/release/2/hotfix'), branches)).toMatch(/not one of/)
    // Given patterns replace the default branch.
    expect(decide('pull_request', merged('main'), ['develop'])).toMatch(
      /merged into `main`, which is not one of the branches that delete \(input `branches`: `develop`\)/
    )
    expect(decide('pull_request', merged('develop'), ['develop'])).toBeUndefined()
  })

  it('a tag push never deletes, whatever `branches` says', () => {
    for (const branches of [[], ['**'], ['v1']]) {
      expect(decide('push', push('refs/tags/v1'), branches)).toBe(
        'the push is of the tag `v1`, and a tag push never deletes (only pushes to the branches of input `branches` do)'
      )
    }
  })

  it('fails closed: a ref that is no branch, no default branch, no base branch', () => {
    for (const ref of ['refs/notes/x', 'main', '', undefined, 42]) {
      expect(decide('push', push(ref), ['**'])).toMatch(/^the push is of .*not of a branch/)
    }
    for (const missing of [{}, { default_branch: '' }, { default_branch: 7 }, null]) {
      expect(decide('push', push('refs/heads/main', missing))).toMatch(
        /the event names no default branch \(`repository.default_branch`\).*set `branches`/
      )
      expect(decide('pull_request', merged('main', missing))).toMatch(/set `branches`/)
      // `branches` given: the default branch is not needed.
      expect(decide('push', push('refs/heads/main', missing), ['main'])).toBeUndefined()
    }
    expect(decide('pull_request', merged(undefined), ['**'])).toBe(
      'pull request #42 names no base branch'
    )
  })

  it('other events keep deleting: `branches` applies to pushes and pull requests', () => {
    const dispatch = eventFixture('workflow_dispatch')
    expect(decide('workflow_dispatch', dispatch, ['nothing-matches'])).toBeUndefined()
    expect(decide('schedule', {}, [])).toBeUndefined()
  })
})
