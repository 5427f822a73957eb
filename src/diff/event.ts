// Which change a diff source reads, per the event that started the run (the contract's
// "Which change" table). Pure: the payload is plain data, and untrusted.
import { isPullRequestEvent, pullNumberOf, SHA } from '../github-env.js'
import { objectOrEmpty as record } from '../json.js'
import { pathPatterns } from '../patterns.js'

/** The two commits to compare. Whether the run may delete is `forcedDryRun`'s decision alone. */
export interface ChangeRange {
  /**
   * Commit to compare from: a SHA or ref. `<sha>^` means the first parent of `<sha>`.
   * For pull requests the real base is merge-base(`mergeBaseOf.base`, `mergeBaseOf.head`).
   */
  base: string
  /** Commit to compare to: a SHA or ref (`HEAD` when nothing names it). */
  head: string
  /**
   * The commit the repository is in after the change, where the IDs still named are read:
   * `after` for a push, the merge as it landed for a merged pull request, else `head`.
   */
  result: string
  /** Set for pull requests: compare from the merge base of these two, i.e. the PR's own change. */
  mergeBaseOf?: { base: string; head: string }
  /**
   * A push's `before`: when git cannot find it, GitHub's compare of `base...head`, else this
   * `base` with this notice (diff-source.ts).
   */
  baseFallback?: { base: string; notice: string }
  /** The pull request's number, when the range is that pull request's own change. */
  pullNumber?: number
  /** Why this range, and why no deletion when the event only previews. */
  reason: string
  notices: string[]
}

const ZERO_SHA = /^0+$/

/**
 * The range to compare for this event. Explicit `base` / `head` inputs override the
 * event's values on every event; a pull request or merge group still only previews.
 */
export function changeRangeFor(
  eventName: string,
  payload: unknown,
  inputs: { base: string; head: string }
): ChangeRange | { error: string } {
  // The `base` and `head` inputs; empty when not given.
  const [base, head] = [inputs.base.trim(), inputs.head.trim()]
  for (const [name, value] of Object.entries({ base, head })) {
    const problem = value === '' ? undefined : refProblem(value)
    if (problem) return { error: `The \`${name}\` input ${JSON.stringify(value)} ${problem}.` }
  }
  const range = eventRange(eventName, payload)
  if (range === undefined && !base) {
    return {
      error: `A diff source needs the \`base\` input on ${eventName || 'unknown'} events (the commit to compare \`head\` with).`
    }
  }
  // Inputs can stand in for what the payload lacks.
  if (range === undefined || ('error' in range && base && head)) {
    const to = head || 'HEAD'
    return rangeOf(base, to, `Comparing the \`base\` and \`head\` inputs: ${base}..${to}.`)
  }
  if ('error' in range || (!base && !head)) return range
  return overridden(range, base, head, previewReason(eventName, payload) !== undefined)
}

/**
 * Why this run may not delete anything whatever its inputs, or undefined when it may.
 * A pull request that is not merged, and a merge group, only preview; a push or a merged
 * pull request deletes only on a branch that `branches` (the `branches` input) names, and a
 * tag push never does.
 */
export function forcedDryRun(
  eventName: string,
  payload: unknown,
  branches: readonly string[]
): string | undefined {
  return previewReason(eventName, payload) ?? branchRefusal(eventName, record(payload), branches)
}

/** Why this event only previews, whatever its branch: an unmerged pull request, a merge group. */
function previewReason(eventName: string, payload: unknown): string | undefined {
  if (eventName === 'merge_group') {
    return 'a merge queue check only previews; the push that lands the change deletes'
  }
  if (!isPullRequestEvent(eventName)) return undefined
  const p = record(payload)
  const number = numbered(eventName, p)
  const action = typeof p.action === 'string' ? p.action : 'unknown'
  if (action === 'closed') {
    if (record(p.pull_request).merged === true) return undefined
    return `pull request${number} was closed without being merged, so nothing is deleted`
  }
  return `pull request${number} is not merged yet (\`${eventName}\` \`${action}\`): this run only previews; its products are deleted when it is merged`
}

/**
 * Why a push or a merged pull request may not delete on its branch (the pushed ref; the pull
 * request's base), or undefined when it may. Without `branches`, only the repository's
 * default branch deletes, compared by name (it is not a pattern); with neither, none does.
 */
function branchRefusal(
  eventName: string,
  p: Record<string, unknown>,
  branches: readonly string[]
): string | undefined {
  const target = branchOf(eventName, p)
  if (target === undefined || 'refusal' in target) return target?.refusal
  const byDefault = record(p.repository).default_branch
  const given = branches.length > 0
  if (!given && (typeof byDefault !== 'string' || byDefault === '')) {
    return `${target.what}, and the event names no default branch (\`repository.default_branch\`) for the \`branches\` input to default to: set \`branches\` to the branches whose changes delete`
  }
  if (
    given ? pathPatterns(branches, 'branches').chooses(target.branch) : target.branch === byDefault
  )
    return undefined
  const named = given
    ? branches.map(b => `\`${b}\``).join(', ')
    : `the default branch \`${String(byDefault)}\``
  return `${target.what}, which is not one of the branches that delete (input \`branches\`: ${named})`
}

/** The branch a push or a pull request event changes, or why it names none that may delete. */
function branchOf(
  eventName: string,
  p: Record<string, unknown>
): { branch: string; what: string } | { refusal: string } | undefined {
  if (eventName === 'push') {
    const ref = typeof p.ref === 'string' ? p.ref : ''
    const [, kind, name] = /^refs\/(heads|tags)\/(.*)$/s.exec(ref) ?? []
    if (kind === 'heads') return { branch: name, what: `the push is to \`${name}\`` }
    const refusal =
      kind === 'tags'
        ? `the push is of the tag \`${name}\`, and a tag push never deletes (only pushes to the branches of input \`branches\` do)`
        : `the push is of ${ref ? `\`${ref}\`` : 'no ref'}, not of a branch (only pushes to the branches of input \`branches\` delete)`
    return { refusal }
  }
  if (!isPullRequestEvent(eventName)) return undefined
  const number = numbered(eventName, p)
  const branch = record(record(p.pull_request).base).ref
  if (typeof branch !== 'string' || branch === '') {
    return { refusal: `pull request${number} names no base branch` }
  }
  return { branch, what: `pull request${number} was merged into \`${branch}\`` }
}

/** Where a pull request stands, as its event tells: the pull request comment follows it. */
export type PullRequestState = 'open' | 'merged' | 'closed'

/**
 * The pull request a `pull_request` / `pull_request_target` event is about, or undefined
 * for other events and payloads without a valid number.
 */
export function pullRequestOf(eventName: string, payload: unknown) {
  const number = pullNumberOf(eventName, payload)
  const p = record(payload)
  const merged = record(p.pull_request).merged === true
  const state: PullRequestState = p.action !== 'closed' ? 'open' : merged ? 'merged' : 'closed'
  return number === undefined ? undefined : { number, state }
}

/**
 * Why git would misread this ref from an input, or undefined when it is safe to pass.
 * Refs reach git as arguments, so an option-like or malformed value must never get there.
 */
export function refProblem(ref: string): string | undefined {
  if (ref.startsWith('-')) return "starts with '-'"
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref)) return 'contains control characters'
  if (/\s/.test(ref)) return 'contains white space'
  if (ref.includes('..')) return "contains '..' (give one commit, not a range)"
  // Refspec syntax: fetching `a:b` or `+a` by name would write local refs.
  if (/^[+^]|[:*]/.test(ref))
    return "is not a single commit (it uses ':', '*', or a leading '+' or '^')"
  if (ref.length > 255) return 'is longer than 255 characters'
  return undefined
}

/** The event's own range; undefined for events that name no commits (use the inputs). */
function eventRange(
  eventName: string,
  payload: unknown
): ChangeRange | { error: string } | undefined {
  if (eventName === 'push') return pushRange(record(payload))
  if (isPullRequestEvent(eventName)) return pullRequestRange(eventName, payload)
  if (eventName === 'merge_group') return mergeGroupRange(record(payload))
  return undefined
}

function pushRange(p: Record<string, unknown>): ChangeRange | { error: string } {
  const after = sha(p.after)
  const ref = typeof p.ref === 'string' ? p.ref : 'the branch'
  if (!after) return { error: 'The push event payload has no valid `after` commit SHA.' }
  const before = sha(p.before)
  // Absent is a new branch; present but not a SHA is a malformed or forged payload.
  if (!before && p.before !== undefined && p.before !== null) {
    return {
      error: `The push event payload's \`before\` is not a commit SHA: ${quoted(p.before)}.`
    }
  }
  if (ZERO_SHA.test(after)) {
    if (!before) return { error: `The push deleted ${ref} and names no \`before\` commit.` }
    return rangeOf(before, before, `The push deleted ${ref}: no file changed.`)
  }
  if (!before || ZERO_SHA.test(before)) {
    const notice = `The push created ${ref} (no \`before\` commit), so only its last commit ${short(after)} is compared with its parent. Pass the \`base\` input to compare more.`
    const reason = `The push created ${ref}: comparing its last commit with its parent (${short(after)}^..${short(after)}).`
    return rangeOf(`${after}^`, after, reason, [notice])
  }
  const forced = p.forced === true
  const reason = `${forced ? 'Force push' : 'Push'} to ${ref}: comparing ${short(before)}..${short(after)}.`
  return {
    ...rangeOf(before, after, reason),
    baseFallback: {
      base: `${after}^`,
      notice: `The push's \`before\` commit ${short(before)} is not in the history${forced ? ' (a forced push)' : ''}, so only the last commit ${short(after)} is compared with its parent.`
    }
  }
}

function pullRequestRange(eventName: string, payload: unknown): ChangeRange | { error: string } {
  const pr = record(record(payload).pull_request)
  const baseSha = sha(record(pr.base).sha)
  const headSha = sha(record(pr.head).sha)
  if (!baseSha || !headSha) {
    return { error: `The ${eventName} event payload has no valid base and head commit SHAs.` }
  }
  const forced = previewReason(eventName, payload)
  const what = `pull request${numbered(eventName, payload)}`
  // Merged: the live IDs are read at the merge as it landed (merge commit, squash or rebase).
  const mergedAs = forced ? undefined : sha(pr.merge_commit_sha)
  const reason = forced
    ? `Previewing ${what}'s own change (from its merge base with ${short(baseSha)} to ${short(headSha)}): ${forced}.`
    : `${what[0].toUpperCase()}${what.slice(1)} was merged: comparing its own change, from its merge base with ${short(baseSha)} to ${short(headSha)}; the IDs still named are read at ${mergedAs ? `the merge ${short(mergedAs)}` : `its head (the event names no merge commit)`}.`
  return {
    ...rangeOf(baseSha, headSha, reason),
    result: mergedAs ?? headSha,
    mergeBaseOf: { base: baseSha, head: headSha },
    pullNumber: pullNumberOf(eventName, payload)
  }
}

function mergeGroupRange(p: Record<string, unknown>): ChangeRange | { error: string } {
  const group = record(p.merge_group)
  const base = sha(group.base_sha)
  const head = sha(group.head_sha)
  if (!base || !head) {
    return { error: 'The merge_group event payload has no valid base_sha and head_sha.' }
  }
  const why = previewReason('merge_group', p) as string
  return rangeOf(base, head, `Previewing the merge group ${short(base)}..${short(head)}: ${why}.`)
}

/** A range whose result is its head. */
function rangeOf(base: string, head: string, reason: string, notices: string[] = []): ChangeRange {
  return { base, head, result: head, reason, notices }
}

/** The event's range with the inputs' commits in place of its own. */
function overridden(
  range: ChangeRange,
  base: string,
  head: string,
  previewOnly: boolean
): ChangeRange {
  const newHead = head || range.head
  const notice = `The ${[base && '`base`', head && '`head`'].filter(Boolean).join(' and ')} input overrides the event's commits: comparing ${base || range.base}..${newHead}.`
  if (base) {
    const reason = previewOnly ? `${notice} ${range.reason}` : notice
    return { ...rangeOf(base, newHead, reason, [notice]), result: head || range.result }
  }
  // The pull request's file list and the fallback describe the event's own head only.
  const { pullNumber: _pullNumber, baseFallback: _baseFallback, ...kept } = range
  return {
    ...kept,
    head: newHead,
    result: newHead,
    ...(range.mergeBaseOf ? { mergeBaseOf: { base: range.mergeBaseOf.base, head: newHead } } : {}),
    reason: `${notice} ${range.reason}`,
    notices: [...range.notices, notice]
  }
}

/** ` #7` for pull request 7, for a message; empty without a valid number. */
function numbered(eventName: string, payload: unknown): string {
  const number = pullNumberOf(eventName, payload)
  return number === undefined ? '' : ` #${number}`
}

function sha(value: unknown): string | undefined {
  return typeof value === 'string' && SHA.test(value) ? value.toLowerCase() : undefined
}

/** An untrusted payload value, quoted and cut short for a message. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

export function short(commit: string): string {
  return SHA.test(commit) ? commit.slice(0, 12) : commit
}

/** The first `n` items, then how many more: "a, b, and 3 more". */
export function firstOf(items: string[], n: number): string {
  const more = items.length > n ? `, and ${items.length - n} more` : ''
  return items.slice(0, n).join(', ') + more
}
