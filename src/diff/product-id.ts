// How a content file names its product (`id-from`). Pure: the caller reads the file.
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parseDocument } from 'yaml'
import { duplicateKey, isObject } from '../json.js'
import type { IdFrom } from '../input-helper.js'
import { UnreadableFileError } from './commit-files.js'
import { short } from './event.js'
import { idOfValue, parseFieldPath, valuesAt } from '../ids/id-value.js'
import { type Condition, meetsAny } from '../ids/removed-when.js'

type Fail = (problem: string) => never

/** True when the ID is inside the file, so the file's text must be read. */
export function readsContent(idFrom: IdFrom): boolean {
  return idFrom.kind === 'json' || idFrom.kind === 'frontmatter'
}

/** `id-from` as the user wrote it, for messages. */
export function idFromText(idFrom: IdFrom): string {
  return readsContent(idFrom) ? `${idFrom.kind}:${fieldOf(idFrom)}` : idFrom.kind
}

/**
 * The product IDs that the file at `file` (repo-relative) names, at `commit` (several through a
 * `*` in the path); undefined when the file carries none (no front matter, no such key or
 * field, `null`: not a product page); none when it meets a `removed-when` condition. `text` is
 * needed when `readsContent(idFrom)` or `removedWhen` is given. Throws UnreadableFileError
 * naming file and commit when the file cannot be parsed, an ID is unusable, or an element a
 * `*` matched lacks the rest of the path.
 */
export function productIds(
  idFrom: IdFrom,
  file: string,
  commit: string,
  text?: string,
  removedWhen: readonly Condition[] = []
): string[] | undefined {
  const fail = failFor(file, commit)
  const { dir, name, ext } = path.posix.parse(file)
  // Without `json:` or `frontmatter:`, conditions read a `.json` file's JSON, others' front matter.
  const byExt = /^\.json$/i.test(ext) ? 'json' : 'frontmatter'
  const kind = readsContent(idFrom) ? idFrom.kind : byExt
  const read = readsContent(idFrom) || removedWhen.length > 0
  const doc = read ? documentOf(kind, text ?? '', fail) : undefined
  if (meetsAny(doc, removedWhen)) return []
  if (idFrom.kind === 'filename') return [name]
  if (idFrom.kind === 'path') return [path.posix.join(dir, name)]
  const what = idFrom.kind === 'json' ? 'JSON field' : 'front matter key'
  const found = valuesAt(doc, parseFieldPath(fieldOf(idFrom)))
  const ids = found.flatMap(([at, value]) => {
    if (value === undefined) {
      return fail(
        `${what} "${at}" is missing: every element that \`*\` matches must have it (null for one that names no product)`
      )
    }
    const id = value === null ? undefined : idOfValue(value)
    if (typeof id === 'object') return fail(`${what} "${at}": ${id.problem}`)
    return id === undefined ? [] : [id]
  })
  return ids.length > 0 ? ids : undefined
}

/**
 * Why a file that carries no ID has none, for a message: what it holds instead ("its keys are:
 * a, b", "it has no front matter"...), or undefined when it has the key or field, set to null
 * (then `id-from` names the right one).
 */
export function missingField(
  idFrom: IdFrom,
  file: string,
  commit: string,
  text: string
): string | undefined {
  if (!readsContent(idFrom)) return undefined
  const doc = documentOf(idFrom.kind, text, failFor(file, commit))
  if (valuesAt(doc, parseFieldPath(fieldOf(idFrom))).length > 0) return undefined
  if (isObject(doc)) {
    const keys = Object.keys(doc)
    return keys.length > 0 ? `its keys are: ${keys.join(', ')}` : 'it has no keys'
  }
  return idFrom.kind === 'frontmatter' ? 'it has no front matter' : 'it is not a JSON object'
}

function fieldOf(idFrom: IdFrom): string {
  return idFrom.kind === 'json' ? idFrom.field : idFrom.kind === 'frontmatter' ? idFrom.key : ''
}

function failFor(file: string, commit: string): Fail {
  return problem => {
    throw new UnreadableFileError(file, commit, `${file} at ${short(commit)}: ${problem}`)
  }
}

/** The parsed JSON file, or the front matter of a Markdown file (undefined without one). */
function documentOf(kind: IdFrom['kind'], text: string, fail: Fail): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (kind === 'json') return parseJson(body, 'not valid JSON', fail)
  return frontMatter(body, fail)
}

/** JSON, where a key twice in one object fails, as in YAML and TOML: which one names the product? */
function parseJson(text: string, what: string, fail: Fail): unknown {
  const value = parsed(what, fail, () => JSON.parse(text) as unknown)
  const key = duplicateKey(text)
  if (key === undefined) return value
  return fail(`${what} (the key ${JSON.stringify(key)} appears twice in one object)`)
}

/** What `parse` gives, or a failure: `what`, then the parser's first line (and TOML's line). */
function parsed(what: string, fail: Fail, parse: () => unknown): unknown {
  try {
    return parse()
  } catch (error) {
    const { message, line } = error as Error & { line?: number }
    return fail(`${what} (${message.split('\n')[0]}${line ? ` at line ${line}` : ''})`)
  }
}

/**
 * The front matter at the start of the text, in the forms static site generators write:
 * YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines, or a JSON
 * object. Undefined for a file without front matter (or with empty YAML front matter).
 */
function frontMatter(text: string, fail: Fail): unknown {
  const start = frontMatterStart(text, fail)
  const rest = text.slice(start)
  if (rest.startsWith('{')) {
    const end = jsonObjectEnd(rest)
    if (end < 0) return fail('JSON front matter has no closing `}`')
    return parseJson(rest.slice(0, end), 'JSON front matter is not valid JSON', fail)
  }
  const lines = rest.split(LINE_END)
  const fence = lines[0].trimEnd()
  if (!/^(?:---|\+\+\+)/.test(fence)) return undefined
  // `----`, `---yaml`: Hugo reads a fence there and fails; other tools read front matter.
  if (fence !== '---' && fence !== '+++')
    return fail(`it starts with \`${fence.slice(0, 40)}\`, which is not a front matter fence`)
  const close = fence === '---' ? /^(?:---|\.\.\.)\s*$/ : /^\+\+\+\s*$/
  const end = lines.findIndex((line, i) => i > 0 && close.test(line))
  if (end < 0) return fail(`front matter has no closing \`${fence}\` line`)
  // Empty lines for the skipped ones and the fence, so the parsers' line numbers are the file's.
  const skipped = text.slice(0, start).split(LINE_END).length - 1
  const inner = '\n'.repeat(skipped) + ['', ...lines.slice(1, end)].join('\n')
  const data = readFrontMatter(fence, inner, fail)
  if (data !== null && !isObject(data))
    return fail('front matter is not a mapping of keys to values')
  return data ?? undefined
}

const LINE_END = /\r\n|\r|\n/

/**
 * Where front matter may start: past spaces, tabs, line ends and HTML comments, as Hugo's page
 * parser skips them. Hugo skips the rest of a comment's first line and reads front matter
 * right after it, even inside the comment (commented-out front matter); otherwise the whole
 * comment is skipped.
 */
function frontMatterStart(text: string, fail: Fail): number {
  let at = skipBlank(text, 0)
  while (text.startsWith('<!--', at)) {
    const lineEnd = text.slice(at).search(/[\r\n]/)
    const next = skipBlank(text, lineEnd < 0 ? text.length : at + lineEnd)
    if (/^(?:---|\+\+\+|\{)/.test(text.slice(next, next + 3))) return next
    const close = text.indexOf('-->', at + 4)
    if (close < 0) return fail('an HTML comment before the front matter never closes')
    at = skipBlank(text, close + 3)
  }
  return at
}

/** Past spaces, tabs and line ends; a byte-order mark there too, as Hugo's parser ignores it. */
function skipBlank(text: string, from: number): number {
  return from + (/^[ \t\r\n\ufeff]*/.exec(text.slice(from)) as RegExpExecArray)[0].length
}

/**
 * YAML front matter. The failsafe schema keeps every scalar as written (an ID like 00123
 * stays a string); only a plain `~`, `null` or nothing is null (names no product). The
 * parser's warnings (an unresolved tag...) fail like its errors, and are never printed:
 * a page's text must reach the log only through the action's channel. (`logLevel: 'error'`
 * prints nothing; `'silent'` would also drop the error for a second document.)
 * TOML (Hugo's default): integers past 2^53 come as bigints, refused as IDs.
 */
function readFrontMatter(fence: string, text: string, fail: Fail): unknown {
  if (fence === '+++') {
    const toml = () => parseToml(text, { integersAsBigInt: 'asNeeded' })
    return parsed('front matter is not valid TOML', fail, toml)
  }
  return parsed('front matter is not valid YAML', fail, () => {
    const options = { schema: 'failsafe', customTags: ['null'], merge: true, logLevel: 'error' }
    const doc = parseDocument(text, options as Parameters<typeof parseDocument>[1])
    const problem = doc.errors[0] ?? doc.warnings[0]
    if (problem) throw problem
    return doc.toJS() as unknown
  })
}

/** The end (exclusive) of the JSON object that starts `text`, or -1 when it never closes. */
function jsonObjectEnd(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1
  }
  return -1
}
