// A new user's mistakes and what the action says about them, end to end: the bundled
// dist/index.js runs as the runner does against the local Miso-compatible server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expectNoSecret, runAgainst, workspaceWith } from '../test/support/e2e.js'
import type { RunActionOptions } from '../test/support/run-action.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'

const KEY = 'sk-e2e-ux-5ecret-key'
const temp = mkdtempSync(path.join(os.tmpdir(), 'e2e-ux-'))
let miso: FakeMiso

beforeAll(async () => {
  miso = await startFakeMiso({ apiKey: KEY })
})
afterAll(async () => {
  await miso.close()
  rmSync(temp, { recursive: true, force: true })
})
beforeEach(() => {
  miso.reset()
  miso.clearDeleted()
  miso.setOptions({ taskDurationMs: 0 })
})

const run = (inputs: Record<string, string>, extra: RunActionOptions = {}) =>
  runAgainst(miso.url, KEY, inputs, extra)

/** The annotations of one kind in the log, without their properties. */
function annotations(stdout: string, kind: 'error' | 'warning' | 'notice'): string[] {
  return stdout
    .split('\n')
    .filter(line => line.startsWith(`::${kind}`))
    .map(line => line.slice(line.indexOf('::', 2) + 2))
}

describe('a misspelled input', () => {
  it('`dry_run: true` fails before any call, naming it and `dry-run`', async () => {
    const result = await run({ 'product-ids': 'SKU-1' }, { undeclaredInputs: { dry_run: 'true' } })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(miso.requests).toHaveLength(0)
    expect(miso.deleted.size).toBe(0)
    expect(annotations(result.stdout, 'error')).toEqual([
      "The step's `with:` names an input this action does not have: `dry_run` (did you mean `dry-run`?). Nothing was sent to Miso: a misspelled input must not change what is deleted."
    ])
    expect(result.summary).toContain('`dry_run` (did you mean `dry-run`?)')
    expect(result.summary).toContain('### What to do next')
    expectNoSecret(result, KEY)
  })

  it('names every undeclared input and never its value (a misspelled key is still secret)', async () => {
    const result = await run(
      { 'product-ids': 'SKU-1' },
      { undeclaredInputs: { api_key: KEY, 'batch size': '10' } }
    )
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    const [error] = annotations(result.stdout, 'error')
    expect(error).toContain('`api_key` (did you mean `api-key`?)')
    expect(error).toContain('`batch_size` (did you mean `batch-size`?)')
    expectNoSecret(result, KEY)
  })
})

/** A real repository whose last commit deleted the page of product P-A. */
function repoRetiringOneProduct(name: string): { dir: string; base: string; head: string } {
  const repo = TestRepo.create(path.join(temp, name))
  repo.write({ 'catalog/a.json': '{"product_id":"P-A"}', 'catalog/b.json': '{"product_id":"P-B"}' })
  const base = repo.commit('catalog')
  repo.remove('catalog/a.json')
  return { dir: repo.dir, base, head: repo.commit('retire a') }
}

describe('a newcomer fixes every bad input in one go', () => {
  const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }

  it('three bad inputs give three annotations in one run, and no call to Miso', async () => {
    const repo = repoRetiringOneProduct('repo-bad-inputs')
    const diff = { 'deleted-paths': 'catalog/*.json', base: repo.base, head: repo.head }
    const result = await run(
      { ...diff, 'batch-size': 'lots', 'id-from': 'yaml:x', 'auth-mode': 'cookie' },
      { workspace: repo.dir, env: gitEnv }
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(miso.requests).toHaveLength(0)
    const problems = [
      'Input `auth-mode` must be `header` or `query`, got "cookie".',
      'Input `id-from` must be `filename`, `path`, `json:<field>` or `frontmatter:<key>`, got "yaml:x".',
      'Input `batch-size` must be a whole number from 1 to 10000, got "lots".'
    ]
    expect(annotations(result.stdout, 'error')).toEqual(problems)
    // The summary names them too, one after the other.
    expect(result.summary).toContain(
      `${problems[0]} Input \`id-from\` must be \`filename\`, \`path\`,`
    )
    expect(result.summary).toContain(problems[2])
    expectNoSecret(result, KEY)

    // Fixed, the same change deletes its product.
    const fixed = await run(
      { ...diff, 'id-from': 'json:product_id' },
      { workspace: repo.dir, env: gitEnv }
    )
    expect(fixed.code).toBe(0)
    expect([...miso.deleted]).toEqual(['P-A'])
  })

  it.each(['/v1', '/v1/'])(
    'an api-url ending in %s is refused before any call: the action adds /v1/ itself',
    async suffix => {
      const repo = repoRetiringOneProduct(`repo-v1-${suffix.length}`)
      const result = await run(
        {
          'api-url': `${miso.url}${suffix}`,
          'deleted-paths': 'catalog/*.json',
          'id-from': 'json:product_id',
          base: repo.base,
          head: repo.head
        },
        { workspace: repo.dir, env: gitEnv }
      )
      expect(result.code).toBe(1)
      expect(miso.requests).toHaveLength(0)
      expect(annotations(result.stdout, 'error')).toEqual([
        `Input \`api-url\` must be the base URL without \`/v1\`, such as \`${miso.url}\`: the action adds \`/v1/...\` itself.`
      ])
    }
  )
})

describe('product-ids', () => {
  it('reads a JSON array (another step output) as strings and numbers', async () => {
    const result = await run({ 'product-ids': '["SKU-1", "SKU-2", 1003]' })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['1003', 'SKU-1', 'SKU-2'])
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-1', 'SKU-2', '1003'])
  })

  it.each([
    [
      '["SKU-1", "SKU-2"',
      /^Input `product-ids` starts with `\[`, so it is read as a JSON array, but it is not valid JSON/
    ],
    ['["SKU-1", null]', /^Input `product-ids` is a JSON array, but item 2: null is not an ID/],
    [
      '[1.5]',
      /^Input `product-ids` is a JSON array, but item 1: the number 1\.5 is not a whole number/
    ]
  ])('refuses %s before any call, naming the input', async (value, message) => {
    const result = await run({ 'product-ids': value })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    const errors = annotations(result.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it('splits inline IDs on spaces as on commas and newlines; a JSON array keeps its strings whole', async () => {
    const result = await run({ 'product-ids': 'P-10200 P-10201\tP-3\nA, B  C' })
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['A', 'B', 'C', 'P-10200', 'P-10201', 'P-3'])
    expect(annotations(result.stdout, 'warning')).toEqual([])

    miso.clearDeleted()
    const json = await run({ 'product-ids': '["SKU 1001 large", "P-1"]' })
    expect(json.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['P-1', 'SKU 1001 large'])
  })
})

describe('an ID file pattern that matches nothing', () => {
  it('says where it looked and the likely causes, before any call', async () => {
    const repo = TestRepo.create(path.join(temp, 'no-match'))
    repo.write({ 'exports/current.csv': 'product_id\nP-1\n' }).commit('exports')
    const result = await run({ 'ids-file': 'exports/retired/*.csv' }, { workspace: repo.dir })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expect(annotations(result.stdout, 'error')).toEqual([
      `ids-file: "exports/retired/*.csv" matches no file in the workspace (${repo.dir}). Likely causes: no \`actions/checkout\` step before this one, a path relative to the wrong folder (relative paths start at the workspace), or a file an earlier step did not write.`
    ])
  })
})

describe('ids-file absolute paths', () => {
  it('are read inside the workspace and RUNNER_TEMP, and refused anywhere else', async () => {
    const workspace = workspaceWith({ 'exports/ids.txt': 'W-1\n' })
    const runnerTemp = path.join(temp, 'runner-temp')
    const outside = path.join(temp, 'outside')
    mkdirSync(runnerTemp)
    mkdirSync(outside)
    writeFileSync(path.join(runnerTemp, 'from-earlier-step.txt'), 'T-1\nT-2\n')
    writeFileSync(path.join(outside, 'ids.txt'), 'OUTSIDE-1\n')
    symlinkSync(path.join(outside, 'ids.txt'), path.join(runnerTemp, 'link.txt'))
    const env = { RUNNER_TEMP: runnerTemp }

    const result = await run(
      { 'ids-file': `${workspace}/exports/ids.txt\n${runnerTemp}/*.txt\n!${runnerTemp}/link.txt` },
      { workspace, env }
    )
    expect(result.code).toBe(0)
    expect([...miso.deleted].sort()).toEqual(['T-1', 'T-2', 'W-1'])
    expect(result.summary).toContain('ID file exports/ids.txt')
    expect(result.summary).toContain(`ID file ${runnerTemp}/from-earlier-step.txt`)

    miso.reset()
    const refused: [string, RegExp][] = [
      [path.join(outside, 'ids.txt'), /is outside the workspace and RUNNER_TEMP/],
      [`${runnerTemp}/../outside/ids.txt`, /is outside the workspace and RUNNER_TEMP/],
      [`${workspace}/../*/ids.txt`, /".." is not allowed in a glob pattern/],
      [path.join(runnerTemp, 'link.txt'), /is a link to .*, outside RUNNER_TEMP/]
    ]
    for (const [pattern, message] of refused) {
      const bad = await run({ 'ids-file': pattern }, { workspace, env })
      expect(bad.code).toBe(1)
      expect(annotations(bad.stdout, 'error').join('\n')).toMatch(message)
      expect(readFileSync(bad.outputs['ids-path'], 'utf8')).not.toContain('OUTSIDE-1')
    }
    expect(miso.requests).toHaveLength(0)
  })
})

describe('the failing annotation states the cause and the fix', () => {
  it('a wrong key: "Miso refused the API key", once, and no further batch', async () => {
    const result = await runAgainst(miso.url, 'sk-wrong-key', {
      'product-ids': 'k-1,k-2,k-3,k-4,k-5',
      'batch-size': '1',
      concurrency: '2'
    })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(annotations(result.stdout, 'error')).toEqual([
      'Miso refused the API key (HTTP 401). Check the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to. No further batch was sent.'
    ])
    // No warning repeats it per batch.
    expect(annotations(result.stdout, 'warning').join('\n')).not.toContain('401')
    const { summary } = result
    expect(summary).toContain('**Cause:** Miso refused the API key (HTTP 401).')
    // The batches that got the 401 share one row of the Errors table.
    const errorRows = summary.split('\n').filter(line => /^\| [\d–, ]+ \| 401 \|/.test(line))
    expect(errorRows).toHaveLength(1)
    expect(summary.trimEnd()).toMatch(
      /### What to do next\n\nCheck the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to\. No further batch was sent\.$/
    )
    expectNoSecret(result, 'sk-wrong-key')
  })

  it('a 404 on delete: "no Miso API at api-url"', async () => {
    const result = await runAgainst(`${miso.url}/not-miso`, KEY, { 'product-ids': 'n-1' })
    expect(result.code).toBe(1)
    expect(annotations(result.stdout, 'error')).toEqual([
      'No Miso API at `api-url` (HTTP 404 on the delete request). Check `api-url`: it is the base URL, such as `https://api.askmiso.com`, without `/v1`.'
    ])
  })

  it('a time-out: Miso probably accepted the batches; raise wait-timeout', async () => {
    miso.setOptions({ taskDurationMs: 60_000 })
    const result = await run({ 'product-ids': 't-1', 'wait-timeout': '1', 'poll-interval': '2' })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('timed-out')
    expect(annotations(result.stdout, 'warning')).toContain(
      '`wait-timeout` (1 s) is shorter than `poll-interval` (2 s): the wait ends before the first status poll, so no task can be confirmed. Raise `wait-timeout` or lower `poll-interval`.'
    )
    expect(annotations(result.stdout, 'error')).toEqual([
      'Miso did not confirm 1 batch within the wait-timeout of 1 s. Miso probably accepted the batches it was sent and is still deleting them. Raise `wait-timeout` (0 means no limit) for runs this large. Running the same input again is safe: deleting is idempotent.'
    ])
    expect(result.summary).toContain('### What to do next')
  })
})

describe('the log and the summary read well', () => {
  it('groups the log by phase, says counts in good English, and escapes only structure', async () => {
    const result = await run({ 'product-ids': '["sku_1 (blue)-x"]' })
    expect(result.code).toBe(0)
    const groups = result.stdout.split('\n').filter(line => /^::(end)?group::/.test(line))
    expect(groups).toEqual([
      '::group::Inputs',
      '::endgroup::',
      '::group::Sources and diff',
      '::endgroup::',
      '::group::Plan: 1 unique ID from 1 source, in 1 batch',
      '::endgroup::',
      '::group::Deletion',
      '::endgroup::'
    ])
    expect(result.stdout).toContain('Input `product-ids`: 1 ID\n')
    expect(result.stdout).toMatch(/Batch 1\/1: 1 ID accepted as task /)
    // The ID reads as it is in the summary's raw text.
    expect(result.summary).toContain('| Input `product-ids` | 1 | 1 |  | sku_1 (blue)-x |')
    expect(result.summary).not.toMatch(/&#(45|40|41|95);/)
  })

  it('says the dry run reason once, and links commits, the compare view and the pull request', async () => {
    const repo = TestRepo.create(path.join(temp, 'repo'))
    repo.write({
      'catalog/a.json': '{"product_id":"P-A"}',
      'catalog/b.json': '{"product_id":"P-B"}'
    })
    const base = repo.commit('catalog')
    repo.remove('catalog/a.json')
    const head = repo.commit('retire a')
    const payload = {
      action: 'opened',
      number: 7,
      pull_request: { number: 7, merged: false, base: { sha: base }, head: { sha: head } }
    }
    const inputs = { 'deleted-paths': 'catalog/*.json', 'id-from': 'json:product_id' }
    const server = 'https://github.example.com'
    const result = await run(inputs, {
      workspace: repo.dir,
      event: { name: 'pull_request', payload },
      env: { GITHUB_SERVER_URL: server, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    const url = `${server}/octo-org/catalog`
    expect(result.summary).toContain(
      `Change: [${base.slice(0, 7)}](${url}/commit/${base})..[${head.slice(0, 7)}](${url}/commit/${head}) (read with git); pull request [#7](${url}/pull/7), [compare](${url}/compare/${base}...${head})`
    )
    const reason = /\*\*Dry run:\*\* (.*)\. Nothing was sent to Miso\./.exec(result.summary)?.[1]
    expect(reason).toBeDefined()
    expect(result.summary.split(reason as string)).toHaveLength(2)
    expect(miso.requests).toHaveLength(0)

    // A server URL that is not a plain URL gives no links at all.
    const odd = await run(inputs, {
      workspace: repo.dir,
      event: { name: 'pull_request', payload },
      env: {
        GITHUB_SERVER_URL: 'javascript:alert(1)//',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1'
      }
    })
    expect(odd.code).toBe(0)
    expect(odd.summary).toContain(`Change: ${base}..${head} (read with git)\n`)
    expect(odd.summary).not.toContain('](')
  })

  it('points the annotation of a refused ID file at the file and line', async () => {
    const workspace = workspaceWith({ 'ids/retired.jsonl': '"R-1"\nnull\n' })
    const result = await run({ 'ids-file': 'ids/*.jsonl' }, { workspace })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error title=Refused ID file,file=ids/retired.jsonl,line=2::ids/retired.jsonl: line 2: null is not an ID'
    )
    expect(miso.requests).toHaveLength(0)
  })
})

describe('an event file that is missing or not JSON', () => {
  it('is a warning in the log, nothing else is printed, and the run still reports', async () => {
    const broken = path.join(temp, 'broken-event.json')
    writeFileSync(broken, '{"pull_request": ')
    const missing = path.join(temp, 'no-such-event.json')
    for (const file of [missing, broken]) {
      const result = await run(
        { 'product-ids': 'E-1', 'dry-run': 'true' },
        { env: { GITHUB_EVENT_PATH: file } }
      )
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(result.outputs.status).toBe('dry-run')
      expect(result.summary).toContain('Could not read the event payload')
      const warnings = annotations(result.stdout, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/^Could not read the event payload: /)
      // The toolkit's own line for a missing file, and a stack trace, never reach the log.
      expect(result.stdout).not.toContain('does not exist')
      expect(result.stdout).not.toMatch(/^\s+at /m)
    }
    expect(miso.requests).toHaveLength(0)
  })
})
