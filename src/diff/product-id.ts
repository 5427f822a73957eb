// How a content file names its product (`id-from`). Pure: the caller reads the file.
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { IdFrom } from '../settings.js'
import { short } from './event.js'
import { idOfValue, parseFieldPath, valueAt } from '../ids/id-value.js'

/** A content file that does not name its product the way `id-from` says. */
export class ProductIdError extends Error {
  override name = 'ProductIdError'
}

/** True when the ID is inside the file, so the file's text must be read. */
export function readsContent(idFrom: IdFrom): boolean {
  return idFrom.kind === 'json' || idFrom.kind === 'frontmatter'
}

/**
 * The product ID that the file at `file` (repo-relative) names, at `commit`; undefined when
 * the file does not carry one (no front matter, no such key or field: not a product page).
 * `text` is needed when `readsContent(idFrom)`. Throws ProductIdError naming file and commit
 * when the file cannot be parsed or its ID is unusable.
 */
export function productId(
  idFrom: IdFrom,
  file: string,
  commit: string,
  text?: string
): string | undefined {
  const fail = (problem: string): never => {
    throw new ProductIdError(`${file} at ${short(commit)}: ${problem}`)
  }
  const parsed = path.posix.parse(file)
  let value: unknown
  let what: string
  switch (idFrom.kind) {
    case 'filename':
      value = parsed.name
      what = 'the file name'
      break
    case 'path':
      value = path.posix.join(parsed.dir, parsed.name)
      what = 'the path'
      break
    case 'json':
      value = valueAt(parseJsonOrFail(text ?? '', fail), parseFieldPath(idFrom.field))
      what = `JSON field "${idFrom.field}"`
      break
    case 'frontmatter':
      value = valueAt(parseFrontMatter(text ?? '', fail), parseFieldPath(idFrom.key))
      what = `front matter key "${idFrom.key}"`
      break
  }
  if (value === undefined) return undefined
  return idText(value, what, fail)
}

function idText(value: unknown, what: string, fail: (problem: string) => never): string {
  const id = idOfValue(value)
  return typeof id === 'string' ? id : fail(`${what}: ${id.problem}`)
}

function parseJsonOrFail(text: string, fail: (problem: string) => never): unknown {
  try {
    return JSON.parse(stripBom(text)) as unknown
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`)
  }
}

/**
 * The YAML between a leading `---` line and the next `---` (or `...`) line; undefined
 * for a file without front matter.
 */
function parseFrontMatter(text: string, fail: (problem: string) => never): unknown {
  const lines = stripBom(text).split(/\r?\n/)
  if (lines[0]?.trimEnd() !== '---') return undefined
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line))
  if (end < 0) return fail('front matter has no closing `---` line')
  try {
    // The failsafe schema keeps every scalar as written: an ID like 00123 stays a string.
    const data = parseYaml(lines.slice(1, end).join('\n'), { schema: 'failsafe' }) as unknown
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return fail('front matter is not a mapping of keys to values')
    }
    return data
  } catch (error) {
    return fail(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`)
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
