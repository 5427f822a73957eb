// Shared by the end-to-end suites: workspaces, running the bundled action against a
// local server, and reading back everything it wrote.
import { expect } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type ActionRun, type RunActionOptions, runAction } from './run-action.js'
import { type FakeMiso, type FakeMisoOptions, startFakeMiso } from '../../test-server/fake-miso.js'

/** A temp workspace holding `files` (paths may have folders). */
export function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-ws-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

/** Runs dist/index.js against the Miso at `url` with `key`, polling every second. */
export function runAgainst(
  url: string,
  key: string,
  inputs: Record<string, string>,
  extra: RunActionOptions = {}
): Promise<ActionRun> {
  return runAction({
    timeoutMs: 40_000,
    ...extra,
    inputs: { 'api-key': key, 'api-url': url, 'poll-interval': '1', ...inputs }
  })
}

/** Runs `body` with a local Miso of its own that accepts `apiKey`, so tests can run side by side. */
export async function withFakeMiso(
  apiKey: string,
  options: FakeMisoOptions,
  body: (miso: FakeMiso) => Promise<void>
): Promise<void> {
  const miso = await startFakeMiso({ apiKey, ...options })
  try {
    await body(miso)
  } finally {
    await miso.close()
  }
}

/** Every form a secret takes in a URL, a form body, a header or a log. */
export function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url')
  ]
}

/**
 * Everything the action wrote: the log (bar the runner's own mask command, which is how
 * the key gets masked), outputs, summary, and every file under RUNNER_TEMP.
 */
export function everythingWritten(result: ActionRun): string {
  const files = [
    ...new Set([
      ...filesUnder(result.runnerTemp),
      ...['result-path', 'ids-path', 'sources-path']
        .map(name => result.outputs[name])
        .filter(file => file !== undefined)
    ])
  ].map(file => readFileSync(file, 'utf8'))
  return [
    result.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n'),
    result.stderr,
    result.summary,
    JSON.stringify(result.outputs),
    ...files
  ].join('\n')
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
}

/**
 * No form of any of `secrets` is anywhere the action wrote: as it is, percent-encoded,
 * base64, and after undoing HTML entities, JSON escapes (`\u00XX`, `\/`, `\"`) or
 * percent-escapes anywhere in the text (a reader or a renderer would undo them).
 */
export function expectNoSecret(result: ActionRun, ...secrets: string[]): void {
  const text = everythingWritten(result)
  const views = [text, unescapeSummary(text), unescapeJson(text), unescapePercent(text)]
  for (const secret of secrets) {
    for (const view of views) for (const form of formsOf(secret)) expect(view).not.toContain(form)
  }
}

/** JSON string escapes back to text, wherever they are. */
export function unescapeJson(text: string): string {
  const short: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
  return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (short[e] ?? e)
  )
}

/** Runs of percent-escapes back to text (as UTF-8), wherever they are. */
function unescapePercent(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, run =>
    Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8')
  )
}

/** Entities and backslash escapes back to text, to compare summary text with raw values. */
export function unescapeSummary(text: string): string {
  // One pass, so an escaped `&amp;` or `\\` is not read twice.
  return text.replace(ESCAPE, (_, entity: string | undefined, punctuation: string | undefined) =>
    punctuation !== undefined ? punctuation : entityText(entity ?? '')
  )
}

/** Entities only back to text: the ID list inside `<pre>`, where Markdown is not read. */
export function unescapeHtml(text: string): string {
  return text.replace(ENTITY, (_, entity: string) => entityText(entity))
}

const ENTITY = /&(#\d+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot|apos);/g
const ESCAPE = new RegExp(`${ENTITY.source}|\\\\([!-/:-@[-\`{-~])`, 'g')
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function entityText(entity: string): string {
  if (entity.startsWith('#x') || entity.startsWith('#X')) {
    return String.fromCodePoint(parseInt(entity.slice(2), 16))
  }
  if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)))
  return NAMED[entity]
}
