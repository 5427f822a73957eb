// Turns the raw action inputs into one typed Settings object, refusing anything
// that is not exactly understood before any call to Miso is made.
import * as os from 'node:os'
import * as path from 'node:path'
import type { IdFrom, Settings } from './settings.js'
import { FieldPathError, parseFieldPath } from './ids/id-value.js'

/** A refused input: the message names the input and the problem (never the key). */
export class InputError extends Error {
  override name = 'InputError'
}

/** Turns an input's text (trimmed, or its default when empty) into its setting. */
type Parse<T> = (value: string, name: string) => T

interface InputRow<T> {
  /** The input's name in action.yml. */
  name: string
  /** The default action.yml declares (a test keeps them equal). */
  default: string
  parse: Parse<T>
}

/** The settings read from one input each; the others come from the event and the runner. */
type InputSettings = Omit<Settings, 'dryRunReason' | 'workspace' | 'runnerTemp'>

/**
 * Every input, in action.yml's order: its name, default and parser. A test keeps it, action.yml
 * and the README's table of inputs the same. Rules that join several inputs are in
 * `checkCombinations`. (`dryRun` here is the input; the event may still force a dry run.)
 */
export const INPUTS: { readonly [K in keyof InputSettings]: InputRow<InputSettings[K]> } = {
  apiKey: { name: 'api-key', default: '', parse: text },
  apiUrl: { name: 'api-url', default: 'https://api.askmiso.com', parse: parseApiUrl },
  authMode: { name: 'auth-mode', default: 'header', parse: oneOf('header', 'query') },
  productIds: { name: 'product-ids', default: '', parse: text },
  idsFiles: { name: 'ids-file', default: '', parse: parseList },
  idField: { name: 'id-field', default: 'product_id', parse: fieldPath },
  deletedPaths: { name: 'deleted-paths', default: '', parse: parseList },
  idFrom: { name: 'id-from', default: 'filename', parse: parseIdFrom },
  idListFiles: { name: 'id-list-files', default: '', parse: parseList },
  base: { name: 'base', default: '', parse: text },
  head: { name: 'head', default: '', parse: text },
  dryRun: { name: 'dry-run', default: 'false', parse: parseBoolean },
  maxDeletions: { name: 'max-deletions', default: '1000', parse: whole(0, 100_000_000) },
  failOnEmpty: { name: 'fail-on-empty', default: 'false', parse: parseBoolean },
  batchSize: { name: 'batch-size', default: '1000', parse: whole(1, 10_000) },
  concurrency: { name: 'concurrency', default: '4', parse: whole(1, 32) },
  retries: { name: 'retries', default: '5', parse: whole(0, 20) },
  requestTimeoutMs: { name: 'request-timeout', default: '30', parse: seconds(1, 600) },
  wait: { name: 'wait', default: 'true', parse: parseBoolean },
  waitTimeoutMs: { name: 'wait-timeout', default: '600', parse: seconds(0, 86_400) },
  pollIntervalMs: { name: 'poll-interval', default: '2', parse: seconds(1, 300) },
  recordType: { name: 'record-type', default: 'products', parse: oneOf('products', 'users') },
  reconcile: { name: 'reconcile', default: 'false', parse: parseBoolean },
  reconcileType: { name: 'reconcile-type', default: '', parse: text },
  maxDeletionsPercent: { name: 'max-deletions-percent', default: '10', parse: whole(0, 100) },
  githubToken: { name: 'github-token', default: '${{ github.token }}', parse: text },
  comment: { name: 'comment', default: 'false', parse: parseBoolean },
  commentTitle: { name: 'comment-title', default: 'Miso bulk delete', parse: text },
  branches: { name: 'branches', default: '', parse: parseList }
}

/**
 * Every input action.yml declares. The runner passes any `with:` key, declared or not, and only
 * warns about the others: a misspelled `dry_run: true` would run a real deletion, so an
 * undeclared input fails the step.
 */
export const DECLARED_INPUTS: readonly string[] = Object.values(INPUTS).map(row => row.name)

type GetInput = (name: string) => string

interface SettingsContext {
  /**
   * Why the event forbids deleting (an unmerged pull request, a branch `branches` does not
   * name), given the `branches` input; undefined when it allows it.
   */
  forcedDryRun?: (branches: readonly string[]) => string | undefined
  env: NodeJS.ProcessEnv
  /** Reads one raw input (on the runner: its INPUT_* variable). */
  getInput: GetInput
  /** Masks a secret in everything the runner prints. */
  setSecret: (secret: string) => void
}

/** Where the run's files go: `RUNNER_TEMP`, or the system's temp dir for a local run. */
export function runnerTempOf(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.RUNNER_TEMP || os.tmpdir())
}

export function getSettings(context: SettingsContext): Settings {
  const { env, getInput: raw, setSecret } = context
  // Mask the key before anything else can print it.
  const apiKey = raw('api-key').trim()
  if (apiKey) setSecret(apiKey)
  if (apiKey && apiKey !== raw('api-key')) setSecret(raw('api-key'))

  refuseUndeclaredInputs(env)
  const inputs = readInputs(INPUTS, raw)
  const forced = context.forcedDryRun?.(inputs.branches)
  const dryRunReason = forced ?? (inputs.dryRun ? 'the `dry-run` input is true' : '')
  const settings: Settings = {
    ...inputs,
    dryRun: dryRunReason !== '',
    dryRunReason,
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: runnerTempOf(env)
  }
  checkCombinations(settings)
  return settings
}

/** Each row's parser over its input, trimmed; an empty input takes the row's default. */
function readInputs<T>(table: { readonly [K in keyof T]: InputRow<T[K]> }, raw: GetInput): T {
  const values = {} as T
  for (const key of Object.keys(table) as (keyof T)[]) {
    const row = table[key]
    values[key] = row.parse(raw(row.name).trim() || fallback(row.default), row.name)
  }
  return values
}

/** A `${{ }}` default is the runner's to fill in: given empty, the input stays empty. */
function fallback(declared: string): string {
  return declared.includes('${{') ? '' : declared
}

/** The rules that join several inputs, checked once each input is valid on its own. */
function checkCombinations(settings: Settings): void {
  const { reconcile, reconcileType, productIds, recordType, apiKey, dryRun } = settings
  if (!reconcile && reconcileType) {
    throw new InputError('Input `reconcile-type` is only read with `reconcile: true`.')
  }
  if (reconcile && productIds !== '') {
    throw new InputError(
      'Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.'
    )
  }
  if (reconcile && reconcileType && recordType !== 'products') {
    throw new InputError(
      'Input `reconcile-type` filters products; it cannot be used with `record-type: users`.'
    )
  }
  if (reconcile && !apiKey) {
    throw new InputError(
      "Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing."
    )
  }
  if (!dryRun && !apiKey) {
    throw new InputError(
      'Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.'
    )
  }
}

/** Settings that are allowed but almost certainly not meant. */
export function settingsWarnings(settings: Settings): string[] {
  const warnings: string[] = []
  const { wait, waitTimeoutMs, pollIntervalMs } = settings
  if (wait && waitTimeoutMs > 0 && waitTimeoutMs < pollIntervalMs) {
    warnings.push(
      `\`wait-timeout\` (${waitTimeoutMs / 1000} s) is shorter than \`poll-interval\` (${pollIntervalMs / 1000} s): the wait ends before the first status poll, so no task can be confirmed. Raise \`wait-timeout\` or lower \`poll-interval\`.`
    )
  }
  return warnings
}

/** The variable the runner passes an input in: spaces become `_`, letters upper case. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Fails, naming each one and the declared input closest to it, when `env` has an undeclared input. */
export function refuseUndeclaredInputs(env: NodeJS.ProcessEnv): void {
  const declared = new Set<string>(DECLARED_INPUTS.map(inputVariable))
  const undeclared = Object.keys(env)
    .filter(variable => variable.startsWith('INPUT_') && !declared.has(variable))
    .sort()
  if (undeclared.length === 0) return
  // The runner upper-cased the name; lower case is how it was most likely written.
  const named = undeclared.map(variable => {
    const name = variable.slice('INPUT_'.length).toLowerCase()
    return `\`${name}\` (did you mean \`${closestInput(name)}\`?)`
  })
  throw new InputError(
    `The step's \`with:\` names ${named.length === 1 ? 'an input' : 'inputs'} this action does not have: ${named.join(', ')}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`
  )
}

/** The declared input nearest to `name` (edit distance, `_` and spaces read as `-`). */
export function closestInput(name: string): string {
  const wanted = name.toLowerCase().replace(/[_ ]/g, '-')
  let best: string = DECLARED_INPUTS[0]
  let bestDistance = Infinity
  for (const candidate of DECLARED_INPUTS) {
    const distance = editDistance(wanted, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1)
      }
      rows[i][j] = d
    }
  }
  return rows[a.length][b.length]
}

/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** The input as given (trimmed). */
function text(value: string): string {
  return value
}

function parseBoolean(value: string, name: string): boolean {
  const v = value.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new InputError(`Input \`${name}\` must be \`true\` or \`false\`, got ${quote(value)}.`)
}

function whole(min: number, max: number): Parse<number> {
  return (value, name) => parseWhole(name, value, min, max)
}

/** A whole number of seconds from `min` to `max`, as milliseconds. */
function seconds(min: number, max: number): Parse<number> {
  return (value, name) => parseWhole(name, value, min, max) * 1000
}

function parseWhole(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) {
    throw new InputError(
      `Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quote(value)}.`
    )
  }
  const n = Number(value)
  if (n < min || n > max) {
    throw new InputError(`Input \`${name}\` must be from ${min} to ${max}, got ${n}.`)
  }
  return n
}

/** One of `choices`, in any letter case. */
function oneOf<const T extends string>(...choices: T[]): Parse<T> {
  return (value, name) => {
    const v = value.toLowerCase()
    const found = choices.find(choice => choice === v)
    if (found !== undefined) return found
    const named = choices.map(choice => `\`${choice}\``).join(' or ')
    throw new InputError(`Input \`${name}\` must be ${named}, got ${quote(value)}.`)
  }
}

export function parseIdFrom(value: string): IdFrom {
  if (value === 'filename' || value === 'path') return { kind: value }
  const m = /^(json|frontmatter):(.*)$/.exec(value)
  if (m) {
    const field = m[2].trim()
    if (!field) {
      throw new InputError(
        `Input \`id-from\` needs a field name after \`${m[1]}:\` (dotted paths like \`a.b\` are allowed), got ${quote(value)}.`
      )
    }
    checkFieldPath('id-from', field)
    return m[1] === 'json' ? { kind: 'json', field } : { kind: 'frontmatter', key: field }
  }
  throw new InputError(
    `Input \`id-from\` must be \`filename\`, \`path\`, \`json:<field>\` or \`frontmatter:<key>\`, got ${quote(value)}.`
  )
}

/** An `id-field` path, checked by the grammar of `id-from` paths. */
function fieldPath(value: string, name: string): string {
  checkFieldPath(name, value)
  return value
}

/** `id-field` and `id-from` paths follow one grammar (parseFieldPath). */
function checkFieldPath(name: string, text: string): void {
  try {
    parseFieldPath(text)
  } catch (error) {
    if (!(error instanceof FieldPathError)) throw error
    throw new InputError(
      `Input \`${name}\` is not a valid field path: ${error.message} in ${quote(text)}.`
    )
  }
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** https only, except loopback hosts; a path prefix is kept, a trailing slash dropped. */
export function parseApiUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('Input `api-url` is not a valid URL.')
  }
  const where = `${url.protocol}//${url.host}`
  if (url.username || url.password) {
    throw new InputError(`Input \`api-url\` must not carry credentials (${where}).`)
  }
  if (url.search || url.hash) {
    throw new InputError(
      `Input \`api-url\` must not have a query or fragment (${where}); pass the key in \`api-key\`.`
    )
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname)) {
    throw new InputError(
      `Input \`api-url\` must use https (${where}); plain http is allowed only for loopback hosts.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Input \`api-url\` must use https, got ${url.protocol}.`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value
  return JSON.stringify(shown)
}
