// Turns the raw action inputs into one typed Settings object, refusing anything
// that is not exactly understood before any call to Miso is made.
import * as core from '@actions/core'
import * as os from 'node:os'
import * as path from 'node:path'
import type { RecordType } from './miso/types.js'
import type { AuthMode, IdFrom, Settings } from './settings.js'
import { FieldPathError, parseFieldPath } from './ids/id-value.js'

/** A refused input: the message names the input and the problem (never the key). */
export class InputError extends Error {
  override name = 'InputError'
}

const DEFAULT_API_URL = 'https://api.askmiso.com'

/**
 * Every input action.yml declares (a test keeps the two the same). The runner passes any
 * `with:` key, declared or not, and only warns about the others: a misspelled `dry_run: true`
 * would run a real deletion, so an undeclared input fails the step.
 */
export const DECLARED_INPUTS = [
  'api-key',
  'api-url',
  'auth-mode',
  'product-ids',
  'ids-file',
  'id-field',
  'deleted-paths',
  'id-from',
  'id-list-files',
  'base',
  'head',
  'dry-run',
  'max-deletions',
  'fail-on-empty',
  'batch-size',
  'concurrency',
  'retries',
  'request-timeout',
  'wait',
  'wait-timeout',
  'poll-interval',
  'record-type',
  'reconcile',
  'reconcile-type',
  'max-deletions-percent',
  'github-token',
  'comment'
] as const

type GetInput = (name: string) => string

interface SettingsContext {
  /** Set when the event forbids deleting (e.g. an unmerged pull request): the reason. */
  forcedDryRun?: string
  env?: NodeJS.ProcessEnv
  /** Reads one raw input; defaults to @actions/core (the runner's INPUT_* variables). */
  getInput?: GetInput
}

/** Where the run's files go: `RUNNER_TEMP`, or the system's temp dir for a local run. */
export function runnerTempOf(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.RUNNER_TEMP || os.tmpdir())
}

export function getSettings(context: SettingsContext = {}): Settings {
  const env = context.env ?? process.env
  const raw: GetInput = context.getInput ?? (name => core.getInput(name))
  // Mask the key before anything else can print it.
  const apiKey = raw('api-key').trim()
  if (apiKey) core.setSecret(apiKey)
  if (apiKey && apiKey !== raw('api-key')) core.setSecret(raw('api-key'))

  refuseUndeclaredInputs(env)

  const input = (name: string, fallback = ''): string => raw(name).trim() || fallback
  const dryRunInput = parseBoolean('dry-run', input('dry-run', 'false'))
  const dryRunReason = context.forcedDryRun ?? (dryRunInput ? 'the `dry-run` input is true' : '')

  const settings: Settings = {
    apiKey,
    apiUrl: parseApiUrl(input('api-url', DEFAULT_API_URL)),
    authMode: parseAuthMode(input('auth-mode', 'header')),
    recordType: parseRecordType(input('record-type', 'products')),
    productIds: raw('product-ids'),
    idsFiles: parseList(raw('ids-file')),
    idField: parseIdField(input('id-field', 'product_id')),
    deletedPaths: parseList(raw('deleted-paths')),
    idFrom: parseIdFrom(input('id-from', 'filename')),
    idListFiles: parseList(raw('id-list-files')),
    base: input('base'),
    head: input('head'),
    dryRun: dryRunReason !== '',
    dryRunReason,
    maxDeletions: parseWhole('max-deletions', input('max-deletions', '1000'), 0, 100_000_000),
    reconcile: parseBoolean('reconcile', input('reconcile', 'false')),
    reconcileType: input('reconcile-type'),
    maxDeletionsPercent: parseWhole(
      'max-deletions-percent',
      input('max-deletions-percent', '10'),
      0,
      100
    ),
    failOnEmpty: parseBoolean('fail-on-empty', input('fail-on-empty', 'false')),
    batchSize: parseWhole('batch-size', input('batch-size', '1000'), 1, 10_000),
    concurrency: parseWhole('concurrency', input('concurrency', '4'), 1, 32),
    retries: parseWhole('retries', input('retries', '5'), 0, 20),
    requestTimeoutMs: parseWhole('request-timeout', input('request-timeout', '30'), 1, 600) * 1000,
    wait: parseBoolean('wait', input('wait', 'true')),
    waitTimeoutMs: parseWhole('wait-timeout', input('wait-timeout', '600'), 0, 86_400) * 1000,
    pollIntervalMs: parseWhole('poll-interval', input('poll-interval', '2'), 1, 300) * 1000,
    githubToken: input('github-token'),
    comment: parseBoolean('comment', input('comment', 'false')),
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: runnerTempOf(env)
  }
  checkReconcile(settings)
  if (!settings.dryRun && !settings.apiKey) {
    throw new InputError(
      'Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.'
    )
  }
  return settings
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

/** Inputs that reconcile mode needs, or that make no sense with it (or without it). */
function checkReconcile(settings: Settings): void {
  if (!settings.reconcile) {
    if (settings.reconcileType) {
      throw new InputError('Input `reconcile-type` is only read with `reconcile: true`.')
    }
    return
  }
  if (settings.productIds.trim() !== '') {
    throw new InputError(
      'Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.'
    )
  }
  if (settings.reconcileType && settings.recordType !== 'products') {
    throw new InputError(
      'Input `reconcile-type` filters products; it cannot be used with `record-type: users`.'
    )
  }
  if (!settings.apiKey) {
    throw new InputError(
      "Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing."
    )
  }
}

/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

function parseBoolean(name: string, value: string): boolean {
  const v = value.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new InputError(`Input \`${name}\` must be \`true\` or \`false\`, got ${quote(value)}.`)
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

function parseAuthMode(value: string): AuthMode {
  const v = value.toLowerCase()
  if (v === 'header' || v === 'query') return v
  throw new InputError(`Input \`auth-mode\` must be \`header\` or \`query\`, got ${quote(value)}.`)
}

function parseRecordType(value: string): RecordType {
  const v = value.toLowerCase()
  if (v === 'products' || v === 'users') return v
  throw new InputError(
    `Input \`record-type\` must be \`products\` or \`users\`, got ${quote(value)}.`
  )
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

function parseIdField(value: string): string {
  checkFieldPath('id-field', value)
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
