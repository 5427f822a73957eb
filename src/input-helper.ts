// Turns the raw action inputs into one typed Settings object, refusing anything that is not
// exactly understood before any call to Miso is made: every problem at once, so one run shows
// them all.
import * as os from 'node:os'
import * as path from 'node:path'
import { FieldPathError, parseFieldPath } from './ids/id-value.js'
import { parseConditions } from './ids/removed-when.js'
import type { LogSink } from './log.js'
import type { RunContext } from './runner.js'

/** The refused inputs: each problem names the input, what is wrong and what is accepted. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

function refuse(problem: string): never {
  throw new InputError([problem])
}

/** How a deleted content file names its product (`id-from`). */
export type IdFrom =
  | { kind: 'filename' }
  | { kind: 'path' }
  | { kind: 'json'; field: string }
  | { kind: 'frontmatter'; key: string }

/** Turns an input's text (trimmed, or its default when empty) into its setting. */
type Parse<T> = (value: string, name: string) => T

/**
 * Every input, in action.yml's order: its name, the default action.yml declares, its parser.
 * A test keeps it, action.yml and the README's table of inputs the same. Text inputs are kept as
 * given (trimmed). Rules that join several inputs are in combinationProblems. (`dryRun` here is
 * the input; the event may still force a dry run.)
 */
export const INPUTS = {
  /** Empty only in a dry run without a key. */
  apiKey: { name: 'api-key', default: '', parse: String },
  /** Base URL without a trailing slash; a path prefix is kept. */
  apiUrl: { name: 'api-url', default: 'https://api.askmiso.com', parse: parseApiUrl },
  authMode: { name: 'auth-mode', default: 'header', parse: oneOf('header', 'query') },
  /** Raw text, parsed by ids/inline.ts. */
  productIds: { name: 'product-ids', default: '', parse: String },
  idsFiles: { name: 'ids-file', default: '', parse: parseList },
  idField: { name: 'id-field', default: 'product_id', parse: fieldPath },
  deletedPaths: { name: 'deleted-paths', default: '', parse: parseList },
  idFrom: { name: 'id-from', default: 'filename', parse: parseIdFrom },
  idListFiles: { name: 'id-list-files', default: '', parse: parseList },
  base: { name: 'base', default: '', parse: String },
  head: { name: 'head', default: '', parse: String },
  dryRun: { name: 'dry-run', default: 'false', parse: boolean },
  /** 0 means no limit. */
  maxDeletions: { name: 'max-deletions', default: '1000', parse: whole(0, 100_000_000) },
  failOnEmpty: { name: 'fail-on-empty', default: 'false', parse: boolean },
  batchSize: { name: 'batch-size', default: '1000', parse: whole(1, 10_000) },
  concurrency: { name: 'concurrency', default: '4', parse: whole(1, 32) },
  retries: { name: 'retries', default: '5', parse: whole(0, 20) },
  requestTimeoutMs: { name: 'request-timeout', default: '30', parse: whole(1, 600, 1000) },
  wait: { name: 'wait', default: 'true', parse: boolean },
  /** 0 means no limit. */
  waitTimeoutMs: { name: 'wait-timeout', default: '600', parse: whole(0, 86_400, 1000) },
  pollIntervalMs: { name: 'poll-interval', default: '2', parse: whole(1, 300, 1000) },
  recordType: { name: 'record-type', default: 'products', parse: oneOf('products', 'users') },
  reconcile: { name: 'reconcile', default: 'false', parse: boolean },
  /** Miso products of this type only; empty for all. */
  reconcileType: { name: 'reconcile-type', default: '', parse: String },
  /** Reconcile: the largest share of Miso's records one run may delete; 0 means no limit. */
  maxDeletionsPercent: { name: 'max-deletions-percent', default: '10', parse: whole(0, 100) },
  githubToken: { name: 'github-token', default: '${{ github.token }}', parse: String },
  comment: { name: 'comment', default: 'false', parse: boolean },
  commentTitle: { name: 'comment-title', default: 'Miso bulk delete', parse: String },
  /** The branches whose pushes and merged pull requests delete; empty: the default branch. */
  branches: { name: 'branches', default: '', parse: parseList },
  deleteListFiles: { name: 'delete-list-files', default: '', parse: parseList },
  /** Back up the records before deleting them; `auto`: runs of at most 1,000 IDs. */
  backup: { name: 'backup', default: 'auto', parse: oneOf('auto', 'true', 'false') },
  /** Undo mode: the backup file whose records are uploaded back; empty otherwise. */
  restoreFile: { name: 'restore-file', default: '', parse: String },
  /** Conditions under which a product file or a list's row names no live product. */
  removedWhen: { name: 'removed-when', default: '', parse: parseRemovedWhen }
} satisfies Record<string, { name: string; default: string; parse: Parse<unknown> }>

type InputSettings = {
  -readonly [K in keyof typeof INPUTS]: ReturnType<(typeof INPUTS)[K]['parse']>
}

/**
 * The typed settings of one run: every later step reads these, never the raw inputs. Besides
 * the inputs: `dryRunReason`, why this is a dry run (the input, or the event), empty when it is
 * not; `workspace`, the absolute path of the checked-out repository (`GITHUB_WORKSPACE`, else
 * the cwd); `runnerTemp`, where output files go (`RUNNER_TEMP`, else the OS temp dir).
 */
export type Settings = InputSettings & Record<'dryRunReason' | 'workspace' | 'runnerTemp', string>

/**
 * Every input action.yml declares. The runner passes any `with:` key, declared or not, and only
 * warns about the others: a misspelled `dry_run: true` would run a real deletion, so an
 * undeclared input fails the step.
 */
export const DECLARED_INPUTS: readonly string[] = Object.values(INPUTS).map(row => row.name)

/** Where the run's files go: `RUNNER_TEMP`, or the system's temp dir for a local run. */
export function runnerTempOf(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.RUNNER_TEMP || os.tmpdir())
}

/**
 * Reads every input of the run (`input`, masking the key with `log.mask`); throws one
 * InputError with every problem found. `forcedDryRun` says why the event forbids deleting (an
 * unmerged pull request, a branch `branches` does not name), given `branches`.
 */
export function getSettings(
  { env, input: raw, log }: Pick<RunContext, 'env' | 'input'> & { log: Pick<LogSink, 'mask'> },
  forcedDryRun?: (branches: readonly string[]) => string | undefined
): Settings {
  // Mask the key, as given and as used, before anything else can print it.
  const key = raw('api-key')
  if (key.trim()) for (const form of new Set([key.trim(), key])) log.mask(form)

  const problems = [undeclaredInputs(env)].filter(problem => problem !== undefined)
  const values: Record<string, unknown> = {}
  for (const [field, row] of Object.entries(INPUTS)) {
    // A `${{ }}` default is the runner's to fill in: given empty, the input stays empty.
    const fallback = row.default.includes('${{') ? '' : row.default
    try {
      values[field] = row.parse(raw(row.name).trim() || fallback, row.name)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      problems.push(...error.problems)
    }
  }
  const inputs = values as InputSettings
  const dryRunReason =
    forcedDryRun?.(inputs.branches) ?? (inputs.dryRun ? 'the `dry-run` input is true' : '')
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
  const runnerTemp = runnerTempOf(env)
  const settings = { ...inputs, dryRun: dryRunReason !== '', dryRunReason, workspace, runnerTemp }
  problems.push(...combinationProblems(settings, inputs.dryRun !== undefined))
  if (problems.length > 0) throw new InputError(problems)
  return settings
}

/**
 * The rules that join several inputs. A refused input breaks none: its value is unknown
 * (undefined here), so a rule that reads it is not checked.
 */
function combinationProblems(s: Settings, dryRunRead: boolean): string[] {
  const paths = [s.idsFiles, s.deletedPaths, s.idListFiles, s.deleteListFiles].flat()
  const sourced = s.reconcile || s.productIds || paths.some(path => path !== undefined)
  // Each problem, keyed by its text, and whether it applies.
  const rules: Record<string, unknown> = {
    'Input `reconcile-type` is only read with `reconcile: true`.':
      s.reconcile === false && s.reconcileType,
    'Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.':
      s.reconcile && s.productIds,
    'Input `reconcile-type` filters products; it cannot be used with `record-type: users`.':
      s.reconcile && s.reconcileType && s.recordType === 'users',
    'Input `restore-file` uploads the records of a backup back to Miso: it cannot be used with an ID source (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files`, `delete-list-files`) or `reconcile`.':
      s.restoreFile && sourced,
    "Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing.":
      s.reconcile && !s.apiKey,
    'Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.':
      !s.reconcile && !s.dryRun && !s.apiKey && dryRunRead
  }
  return Object.keys(rules).filter(problem => rules[problem])
}

/** The problem with `env`'s undeclared inputs, naming each and the declared input closest to it. */
export function undeclaredInputs(env: NodeJS.ProcessEnv): string | undefined {
  // The variable the runner passes an input in (no declared name has a space to turn into `_`).
  const declared = new Set(DECLARED_INPUTS.map(name => `INPUT_${name.toUpperCase()}`))
  const named = Object.keys(env)
    .filter(variable => variable.startsWith('INPUT_') && !declared.has(variable))
    .sort()
    // The runner upper-cased the name; lower case is how it was most likely written.
    .map(variable => variable.slice('INPUT_'.length).toLowerCase())
    .map(name => `\`${name}\` (did you mean \`${closestInput(name)}\`?)`)
  if (named.length === 0) return undefined
  return `The step's \`with:\` names ${named.length === 1 ? 'an input' : 'inputs'} this action does not have: ${named.join(', ')}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`
}

/** The declared input nearest to `name` (edit distance, `_` and spaces read as `-`). */
export function closestInput(name: string): string {
  const wanted = name.toLowerCase().replace(/[_ ]/g, '-')
  return DECLARED_INPUTS.reduce((best, candidate) =>
    editDistance(wanted, candidate) < editDistance(wanted, best) ? candidate : best
  )
}

/**
 * Edit distance: the fewest characters to insert, delete or replace, or neighbours to swap (a
 * swap is the commonest typo: `id-filed` is one from `id-field`).
 */
function editDistance(a: string, b: string): number {
  let [before, row] = [[] as number[], Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + Number(a[i - 1] !== b[j - 1]))
      const swapped = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]
      if (i > 1 && j > 1 && swapped) next[j] = Math.min(next[j], before[j - 2] + 1)
    }
    ;[before, row] = [row, next]
  }
  return row[b.length]
}

/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
export function parseList(value: string): string[] {
  // The separator takes the spaces around each line break with it, so every line is trimmed.
  return value
    .trim()
    .split(/\s*\n\s*/)
    .filter(line => line !== '' && !line.startsWith('#'))
}

function parseRemovedWhen(value: string) {
  try {
    return parseConditions(parseList(value))
  } catch (error) {
    refuse(`Input \`removed-when\`: ${(error as Error).message}.`)
  }
}

/** One of `choices`, in any letter case. */
function oneOf<const T extends string>(...choices: T[]): Parse<T> {
  return (value, name) => {
    const found = choices.find(choice => choice === value.toLowerCase())
    const wanted = choices.map(choice => `\`${choice}\``).join(' or ')
    return found ?? refuse(`Input \`${name}\` must be ${wanted}, got ${quote(value)}.`)
  }
}

function boolean(value: string, name: string): boolean {
  return oneOf('true', 'false')(value, name) === 'true'
}

/** A whole number from `min` to `max`, times `unit` (1000 turns seconds into milliseconds). */
function whole(min: number, max: number, unit = 1): Parse<number> {
  return (value, name) => {
    if (!/^\d+$/.test(value))
      refuse(`Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quote(value)}.`)
    const n = Number(value)
    if (n < min || n > max) refuse(`Input \`${name}\` must be from ${min} to ${max}, got ${n}.`)
    return n * unit
  }
}

export function parseIdFrom(value: string): IdFrom {
  if (value === 'filename' || value === 'path') return { kind: value }
  const [, kind, field] = /^(json|frontmatter):\s*(.*?)\s*$/.exec(value) ?? []
  const wanted = kind
    ? `needs a field name after \`${kind}:\` (dotted paths like \`a.b\` are allowed)`
    : 'must be `filename`, `path`, `json:<field>` or `frontmatter:<key>`'
  if (!field) refuse(`Input \`id-from\` ${wanted}, got ${quote(value)}.`)
  fieldPath(field, 'id-from')
  return kind === 'json' ? { kind, field } : { kind: 'frontmatter', key: field }
}

/** `id-field` and `id-from` paths follow one grammar (parseFieldPath). */
function fieldPath(value: string, name: string): string {
  try {
    parseFieldPath(value)
  } catch (error) {
    if (!(error instanceof FieldPathError)) throw error
    refuse(`Input \`${name}\` is not a valid field path: ${error.message} in ${quote(value)}.`)
  }
  return value
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** https only, except loopback hosts; a path prefix is kept, a trailing slash dropped. */
export function parseApiUrl(value: string): string {
  if (!URL.canParse(value)) refuse('Input `api-url` is not a valid URL.')
  const url = new URL(value)
  const where = `${url.protocol}//${url.host}`
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  // Miso's docs show full URLs (`https://api.askmiso.com/v1/...`); the routes add `/v1` again.
  const v1 = /\/v1$/i.exec(base)
  const problems: Record<string, unknown> = {
    [`must not carry credentials (${where}).`]: url.username || url.password,
    [`must not have a query or fragment (${where}); pass the key in \`api-key\`.`]:
      url.search || url.hash,
    [`must use https (${where}); plain http is allowed only for loopback hosts.`]:
      url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname),
    [`must use https, got ${url.protocol}.`]: !['https:', 'http:'].includes(url.protocol),
    [`must be the base URL without \`/v1\`, such as \`${base.slice(0, v1?.index)}\`: the action adds \`/v1/...\` itself.`]:
      v1
  }
  const problem = Object.keys(problems).find(text => problems[text])
  if (problem) refuse(`Input \`api-url\` ${problem}`)
  return base
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
}
