import { describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

import {
  closestInput,
  DECLARED_INPUTS,
  getSettings,
  INPUTS,
  InputError,
  parseApiUrl,
  parseIdFrom,
  parseList,
  undeclaredInputs
} from '../src/input-helper.js'

const setSecret = jest.fn<(secret: string) => void>()

const KEY = 'sk_live_0123456789abcdef'

function settingsFrom(
  inputs: Record<string, string>,
  forcedDryRun?: (branches: readonly string[]) => string | undefined
) {
  return getSettings(
    {
      env: { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/rt' },
      input: name => inputs[name] ?? '',
      log: { mask: setSecret }
    },
    forcedDryRun
  )
}

function refusal(inputs: Record<string, string>): string {
  try {
    settingsFrom(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    const message = (error as Error).message
    expect(message).not.toContain(KEY)
    return message
  }
  throw new Error('the inputs were accepted')
}

describe('getSettings', () => {
  it('takes the defaults for inputs the runner passes as empty strings', () => {
    const s = settingsFrom({ 'api-key': KEY })
    expect(s).toEqual({
      apiKey: KEY,
      apiUrl: 'https://api.askmiso.com',
      authMode: 'header',
      productIds: '',
      idsFiles: [],
      idField: 'product_id',
      deletedPaths: [],
      idFrom: { kind: 'filename' },
      idListFiles: [],
      base: '',
      head: '',
      dryRun: false,
      dryRunReason: '',
      maxDeletions: 1000,
      failOnEmpty: false,
      batchSize: 1000,
      concurrency: 4,
      retries: 5,
      requestTimeoutMs: 30_000,
      wait: true,
      waitTimeoutMs: 600_000,
      pollIntervalMs: 2000,
      recordType: 'products',
      reconcile: false,
      reconcileType: '',
      maxDeletionsPercent: 10,
      // action.yml's default is `${{ github.token }}`, which only the runner can fill in.
      githubToken: '',
      comment: false,
      commentTitle: 'Miso bulk delete',
      branches: [],
      deleteListFiles: [],
      backup: 'auto',
      restoreFile: '',
      removedWhen: [],
      workspace: '/ws',
      runnerTemp: '/rt'
    })
  })

  it('reads the inputs of reconcile mode, record types and the comment', () => {
    const s = settingsFrom({
      'api-key': KEY,
      'record-type': 'Users',
      reconcile: 'true',
      'max-deletions-percent': '100',
      comment: 'true',
      'comment-title': ' Outlet store '
    })
    expect(s).toMatchObject({
      recordType: 'users',
      reconcile: true,
      maxDeletionsPercent: 100,
      comment: true,
      commentTitle: 'Outlet store'
    })
    expect(
      settingsFrom({ 'api-key': KEY, reconcile: 'true', 'reconcile-type': ' shoes ' })
    ).toMatchObject({ reconcileType: 'shoes' })
  })

  it('reads every input', () => {
    const s = settingsFrom({
      'api-key': ` ${KEY}\n`,
      'api-url': 'http://127.0.0.1:9901/miso/',
      'auth-mode': 'query',
      'product-ids': 'a, b',
      'ids-file': 'one.txt\n\n  data/*.csv  \n',
      'id-field': 'meta.sku',
      'deleted-paths': 'catalog/**/*.json',
      'id-from': 'json:product.id',
      'id-list-files': 'ids/*.txt',
      base: 'abc',
      head: 'def',
      'dry-run': 'TRUE',
      'max-deletions': '0',
      'fail-on-empty': 'true',
      'batch-size': '10',
      concurrency: '8',
      retries: '0',
      'request-timeout': '5',
      wait: 'false',
      'wait-timeout': '0',
      'poll-interval': '1',
      'github-token': 'ghs_x',
      'removed-when': 'draft: true\n# a comment\n\n  published: false  '
    })
    expect(s).toMatchObject({
      apiKey: KEY,
      apiUrl: 'http://127.0.0.1:9901/miso',
      authMode: 'query',
      productIds: 'a, b',
      idsFiles: ['one.txt', 'data/*.csv'],
      idField: 'meta.sku',
      deletedPaths: ['catalog/**/*.json'],
      idFrom: { kind: 'json', field: 'product.id' },
      idListFiles: ['ids/*.txt'],
      base: 'abc',
      head: 'def',
      dryRun: true,
      maxDeletions: 0,
      failOnEmpty: true,
      batchSize: 10,
      concurrency: 8,
      retries: 0,
      requestTimeoutMs: 5000,
      wait: false,
      waitTimeoutMs: 0,
      pollIntervalMs: 1000,
      githubToken: 'ghs_x',
      removedWhen: [
        { keys: ['draft'], value: true, text: 'true' },
        { keys: ['published'], value: false, text: 'false' }
      ]
    })
  })

  it('masks the key, as given and trimmed, before anything else', () => {
    setSecret.mockClear()
    settingsFrom({ 'api-key': ` ${KEY}\n` })
    expect(setSecret.mock.calls).toEqual([[KEY], [` ${KEY}\n`]])
    // Also when another input is refused: the key was masked first.
    setSecret.mockClear()
    refusal({ 'api-key': KEY, 'batch-size': 'none' })
    expect(setSecret).toHaveBeenCalledWith(KEY)
  })

  it('needs a key unless the run is a dry run', () => {
    expect(refusal({})).toMatch(/`api-key` is required unless the run is a dry run/)
    expect(settingsFrom({ 'dry-run': 'true' }).apiKey).toBe('')
    const forced = settingsFrom({}, () => 'the pull request is not merged')
    expect(forced.dryRun).toBe(true)
    expect(forced.dryRunReason).toBe('the pull request is not merged')
  })

  it('gives the event the `branches` input to decide whether it may delete', () => {
    const onlyMain = (branches: readonly string[]) =>
      branches.includes('main') ? undefined : `not main (${branches.join(', ')})`
    const read = settingsFrom({ 'api-key': KEY, branches: 'main\n\n release/*\n' }, onlyMain)
    expect(read).toMatchObject({ branches: ['main', 'release/*'], dryRun: false })
    const forced = settingsFrom({ branches: 'develop' }, onlyMain)
    expect(forced).toMatchObject({ dryRun: true, dryRunReason: 'not main (develop)' })
  })

  it.each([
    ['batch-size', '0', /`batch-size` must be from 1 to 10000, got 0/],
    ['batch-size', '10001', /`batch-size` must be from 1/],
    ['batch-size', '1.5', /`batch-size` must be a whole number/],
    ['batch-size', '-3', /`batch-size` must be a whole number/],
    ['batch-size', '1e3', /`batch-size` must be a whole number/],
    ['concurrency', '0', /`concurrency` must be from 1 to 32/],
    ['concurrency', 'four', /`concurrency` must be a whole number.*"four"/],
    ['retries', '21', /`retries` must be from 0 to 20/],
    ['request-timeout', '0', /`request-timeout` must be from 1/],
    ['wait-timeout', '-1', /`wait-timeout` must be a whole number/],
    ['poll-interval', '0', /`poll-interval` must be from 1/],
    ['max-deletions', 'lots', /`max-deletions` must be a whole number/],
    ['dry-run', 'yes', /`dry-run` must be `true` or `false`, got "yes"/],
    ['wait', 'nope', /`wait` must be `true` or `false`/],
    ['fail-on-empty', '1', /`fail-on-empty` must be `true` or `false`/],
    ['auth-mode', 'bearer', /`auth-mode` must be `header` or `query`, got "bearer"/],
    ['record-type', 'user', /`record-type` must be `products` or `users`, got "user"/],
    ['reconcile', 'on', /`reconcile` must be `true` or `false`, got "on"/],
    ['comment', 'yes', /`comment` must be `true` or `false`/],
    ['max-deletions-percent', '101', /`max-deletions-percent` must be from 0 to 100, got 101/],
    ['max-deletions-percent', '5%', /`max-deletions-percent` must be a whole number/],
    [
      'id-from',
      'title',
      /`id-from` must be `filename`, `path`, `json:<field>` or `frontmatter:<key>`/
    ],
    ['id-from', 'json:', /`id-from` needs a field name after `json:`/],
    [
      'id-from',
      'frontmatter:a..b',
      /`id-from` is not a valid field path: a key .* empty in "a..b"/
    ],
    ['id-from', 'json:a\\b', /`id-from` is not a valid field path: `\\` may only escape/],
    ['id-field', 'a..b', /`id-field` is not a valid field path: a key in the path is empty/],
    ['id-field', 'a.', /`id-field` is not a valid field path/],
    ['api-url', 'not a url', /`api-url` is not a valid URL/],
    ['api-url', 'http://api.askmiso.com', /`api-url` must use https .*loopback/],
    ['api-url', 'ftp://api.askmiso.com', /`api-url` must use https/],
    ['api-url', `https://api.askmiso.com/?api_key=${KEY}`, /must not have a query/],
    ['api-url', `https://user:${KEY}@api.askmiso.com`, /must not carry credentials/]
  ])('refuses %s=%j naming the input', (name, value, message) => {
    expect(refusal({ 'api-key': KEY, [name]: value })).toMatch(message)
  })
})

describe('every problem at once', () => {
  function problems(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
    try {
      getSettings({ env, input: name => inputs[name] ?? '', log: { mask: setSecret } })
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      return (error as InputError).problems
    }
    throw new Error('the inputs were accepted')
  }

  it('names each refused input, its problem and the accepted form, in one error', () => {
    expect(
      problems(
        {
          'api-key': KEY,
          'api-url': 'https://api.askmiso.com/v1',
          'auth-mode': 'cookie',
          'id-from': 'yaml:x',
          'batch-size': 'lots'
        },
        { INPUT_DRY_RUN: 'true' }
      )
    ).toEqual([
      "The step's `with:` names an input this action does not have: `dry_run` (did you mean `dry-run`?). Nothing was sent to Miso: a misspelled input must not change what is deleted.",
      'Input `api-url` must be the base URL without `/v1`, such as `https://api.askmiso.com`: the action adds `/v1/...` itself.',
      'Input `auth-mode` must be `header` or `query`, got "cookie".',
      'Input `id-from` must be `filename`, `path`, `json:<field>` or `frontmatter:<key>`, got "yaml:x".',
      'Input `batch-size` must be a whole number from 1 to 10000, got "lots".'
    ])
  })

  it('also names the broken rules between inputs that were read', () => {
    expect(problems({ retries: 'many', 'reconcile-type': 'shoes' })).toEqual([
      'Input `retries` must be a whole number from 0 to 20, got "many".',
      'Input `reconcile-type` is only read with `reconcile: true`.',
      'Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.'
    ])
  })

  it('checks no rule on an input it refused: its value is unknown', () => {
    // `dry-run: yes` may mean a dry run: the missing key is not a second problem.
    expect(problems({ 'dry-run': 'yes' })).toEqual([
      'Input `dry-run` must be `true` or `false`, got "yes".'
    ])
    expect(problems({ 'api-key': KEY, reconcile: 'on', 'reconcile-type': 'shoes' })).toEqual([
      'Input `reconcile` must be `true` or `false`, got "on".'
    ])
    expect(
      problems({ reconcile: 'true', 'reconcile-type': 'shoes', 'record-type': 'user' })
    ).toEqual([
      'Input `record-type` must be `products` or `users`, got "user".',
      "Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing."
    ])
  })
})

describe('rules that join several inputs', () => {
  it.each([
    [{ 'reconcile-type': 'shoes' }, /`reconcile-type` is only read with `reconcile: true`/],
    [{ reconcile: 'true', 'product-ids': 'a' }, /`product-ids` cannot be used with `reconcile/],
    [
      { reconcile: 'true', 'reconcile-type': 'shoes', 'record-type': 'users' },
      /`reconcile-type` filters products; it cannot be used with `record-type: users`/
    ],
    [
      { reconcile: 'true', 'dry-run': 'true', 'api-key': '' },
      /`api-key` is required with `reconcile/
    ],
    [{ 'api-key': ' ' }, /`api-key` is required unless the run is a dry run/]
  ])('refuses %j', (inputs, message) => {
    expect(refusal({ 'api-key': KEY, ...inputs })).toMatch(message)
  })
})

describe('parseApiUrl', () => {
  it.each([
    ['https://api.askmiso.com', 'https://api.askmiso.com'],
    ['https://api.askmiso.com/', 'https://api.askmiso.com'],
    ['https://proxy.example.com/miso//', 'https://proxy.example.com/miso'],
    ['http://localhost:9901', 'http://localhost:9901'],
    ['http://127.0.0.5:80/x', 'http://127.0.0.5/x'],
    ['http://[::1]:9901', 'http://[::1]:9901']
  ])('%s → %s', (value, expected) => {
    expect(parseApiUrl(value)).toBe(expected)
  })

  it.each([
    ['https://api.askmiso.com/v1', 'https://api.askmiso.com'],
    ['https://api.askmiso.com/v1/', 'https://api.askmiso.com'],
    ['https://proxy.example.com/miso/V1//', 'https://proxy.example.com/miso']
  ])('refuses %s, which ends in /v1, naming the base URL %s', (value, base) => {
    expect(() => parseApiUrl(value)).toThrow(
      `Input \`api-url\` must be the base URL without \`/v1\`, such as \`${base}\`: the action adds \`/v1/...\` itself.`
    )
  })

  it.each([
    'https://api.askmiso.com/v10',
    'https://proxy.example.com/v1x',
    'https://v1.example.com'
  ])('keeps %s, which does not end in /v1', value => {
    expect(parseApiUrl(value)).toBe(value)
  })

  it.each(['http://localhost.evil.com', 'http://128.0.0.1', 'http://10.0.0.1', 'http://[::2]'])(
    'refuses plain http to %s',
    value => {
      expect(() => parseApiUrl(value)).toThrow(/must use https/)
    }
  )
})

describe('parseIdFrom and parseList', () => {
  it('reads each id-from form', () => {
    expect(parseIdFrom('filename')).toEqual({ kind: 'filename' })
    expect(parseIdFrom('path')).toEqual({ kind: 'path' })
    expect(parseIdFrom('json:product_id')).toEqual({ kind: 'json', field: 'product_id' })
    expect(parseIdFrom('frontmatter:meta.id')).toEqual({ kind: 'frontmatter', key: 'meta.id' })
  })

  it('drops blank and comment lines of list inputs', () => {
    expect(parseList('a\r\n# note\n\n  b/**  \n')).toEqual(['a', 'b/**'])
  })
})

describe('the table of inputs', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const declared = Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? ''])

  it('has the inputs of action.yml, in order, with their defaults', () => {
    expect(Object.values(INPUTS).map(row => [row.name, row.default])).toEqual(declared)
    expect(DECLARED_INPUTS).toEqual(Object.keys(action.inputs))
  })

  it("is the README's table of inputs, with the same defaults", () => {
    const rows = readmeInputs(readFileSync('README.md', 'utf8'))
    expect(rows.map(row => row.name)).toEqual(Object.keys(action.inputs))
    for (const row of rows) {
      // A default in code font is the value itself; words (`from the event`) explain an empty one.
      const shown = row.default.startsWith('`') ? row.default.slice(1, -1) : ''
      expect([row.name, shown]).toEqual([row.name, action.inputs[row.name].default ?? ''])
    }
  })
})

/** The rows of README.md's `## Inputs` table; a row naming several inputs gives one each. */
function readmeInputs(readme: string): { name: string; default: string }[] {
  const section = readme.split(/^## Inputs$/m)[1]?.split(/^## /m)[0] ?? ''
  const table = section.split('\n').filter(line => line.startsWith('|'))
  expect(table.length).toBeGreaterThan(2)
  return table.slice(2).flatMap(line => {
    const [names, fallback] = line
      .split('|')
      .slice(1, 3)
      .map(cell => cell.trim())
    return [...names.matchAll(/`([^`]+)`/g)].map(m => ({ name: m[1], default: fallback }))
  })
}

describe('undeclared inputs', () => {
  it('reads the variables as the runner names them: upper case, hyphens kept', () => {
    expect(
      undeclaredInputs({ 'INPUT_DRY-RUN': 'true', 'INPUT_MAX-DELETIONS': '1' })
    ).toBeUndefined()
    // The runner turns spaces into `_`: a declared name with one would need that rule too.
    expect(DECLARED_INPUTS.filter(name => name.includes(' '))).toEqual([])
  })

  it('accepts the declared inputs and other variables', () => {
    const env = Object.fromEntries(
      DECLARED_INPUTS.map(name => [`INPUT_${name.toUpperCase()}`, 'x'])
    )
    expect(undeclaredInputs({ ...env, HOME: '/h', INPUTS: 'x' })).toBeUndefined()
  })

  it.each([
    ['INPUT_DRY_RUN', '`dry_run` (did you mean `dry-run`?)'],
    ['INPUT_BATCHSIZE', '`batchsize` (did you mean `batch-size`?)'],
    ['INPUT_PRODUCT_ID', '`product_id` (did you mean `product-ids`?)'],
    ['INPUT_API-KYE', '`api-kye` (did you mean `api-key`?)'],
    ['INPUT_ID-FILED', '`id-filed` (did you mean `id-field`?)'],
    ['INPUT_IDS-FILES', '`ids-files` (did you mean `ids-file`?)'],
    ['INPUT_WAIT_TIMEOUT', '`wait_timeout` (did you mean `wait-timeout`?)']
  ])('refuses %s, naming it and the closest input', (variable, named) => {
    expect(undeclaredInputs({ 'INPUT_API-KEY': KEY, [variable]: KEY })).toBe(
      `The step's \`with:\` names an input this action does not have: ${named}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`
    )
  })

  it('names every undeclared input at once, never their values', () => {
    expect(undeclaredInputs({ INPUT_DRY_RUN: KEY, INPUT_API_KEY: KEY })).toMatch(
      /names inputs this action does not have: `api_key` \(did you mean `api-key`\?\), `dry_run` \(did you mean `dry-run`\?\)\./
    )
    expect(closestInput('RETRY')).toBe('retries')
  })

  it('is checked by getSettings, after the key is masked', () => {
    expect(() =>
      getSettings({
        env: { INPUT_DRY_RUN: 'true' },
        input: name => (name === 'api-key' ? KEY : ''),
        log: { mask: setSecret }
      })
    ).toThrow(/`dry_run` \(did you mean `dry-run`\?\)/)
  })
})
