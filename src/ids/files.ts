// The `ids-file` input: paths or glob patterns relative to the workspace, each file parsed
// by its extension (formats.ts). Patterns may come from a pull request's workflow, so every
// file must stay inside the workspace, also through symlinks.
//
// Pattern rules: tinyglobby globs (`*`, `**`, `?`, `[...]`, `{a,b}`); `*` and `**` skip dot
// files and dot directories unless the pattern names the dot (`.ids/*`, `**/.*.txt`). A
// pattern without glob characters is a plain path. A pattern starting with `!` excludes the
// files it matches from the other patterns. Every other pattern must match at least one file.

import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { glob, isDynamicPattern } from 'tinyglobby'
import { parseIds } from './formats.js'
import type { IdGroup } from './id-group.js'

const INPUT = 'ids-file'

/**
 * One group per matched file, sorted by workspace-relative path (forward slashes), each
 * file once. Throws for a pattern that matches nothing, a path outside the workspace, a
 * directory, an unreadable or binary file, and (IdFileError) a malformed ID list.
 */
export async function readIdFiles(
  patterns: string[],
  workspace: string,
  idField: string
): Promise<IdGroup[]> {
  const root = await realpath(workspace)
  const wanted = patterns.map(pattern => pattern.trim()).filter(pattern => pattern !== '')
  const exclusions = wanted.filter(isExclusion).map(pattern => {
    const excluded = pattern.slice(1).replace(/^\.\//, '')
    if (excluded === '') throw new Error(`${INPUT}: "${pattern}" names nothing to leave out`)
    return excluded
  })
  const isExcluded = picomatch(exclusions, { dot: true })

  const names = new Set<string>()
  for (const pattern of wanted.filter(pattern => !isExclusion(pattern))) {
    const matches = (await matchFiles(pattern, root)).filter(name => !isExcluded(name))
    if (matches.length === 0) throw new Error(`${INPUT}: "${pattern}" matches no file`)
    for (const name of matches) names.add(name)
  }

  const groups: IdGroup[] = []
  // Code-unit order, so the order never depends on the runner's locale.
  for (const name of [...names].sort()) {
    groups.push({ kind: 'file', name, ids: parseIds(await readText(name, root), name, idField) })
  }
  return groups
}

function isExclusion(pattern: string): boolean {
  return pattern.startsWith('!')
}

/** Workspace-relative names (forward slashes) of the files a pattern names. */
async function matchFiles(pattern: string, root: string): Promise<string[]> {
  if (path.isAbsolute(pattern)) {
    throw new Error(`${INPUT}: "${pattern}" is absolute; give a path relative to the workspace`)
  }
  if (isDynamicPattern(pattern)) {
    // A glob's `..` could climb out before any file is checked; plain paths may use it.
    if (pattern.split('/').includes('..')) {
      throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`)
    }
    // Symlinks are followed here; readText refuses any whose target is outside.
    return glob(pattern, { cwd: root, onlyFiles: true, expandDirectories: false, dot: false })
  }

  const full = path.resolve(root, pattern)
  if (!isInside(root, full)) {
    throw new Error(`${INPUT}: "${pattern}" is outside the workspace`)
  }
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw new Error(`${INPUT}: cannot read "${pattern}": ${error.message}`)
  })
  if (info === undefined) return []
  if (info.isDirectory()) {
    throw new Error(
      `${INPUT}: "${pattern}" is a directory; name its files, e.g. "${pattern.replace(/\/+$/, '')}/*.csv"`
    )
  }
  return [toSlashes(path.relative(root, full))]
}

/** The text of a matched file, read through its real path once that is known to be inside. */
async function readText(name: string, root: string): Promise<string> {
  const cannotRead = (error: Error): never => {
    throw new Error(`${INPUT}: cannot read ${name}: ${error.message}`)
  }
  const real = await realpath(path.join(root, name)).catch(cannotRead)
  if (!isInside(root, real)) {
    throw new Error(`${INPUT}: ${name} is a link to ${real}, outside the workspace`)
  }
  // Reading a FIFO or a device could block for ever.
  if (!(await stat(real).catch(cannotRead)).isFile()) {
    throw new Error(`${INPUT}: ${name} is not a regular file`)
  }
  const bytes = await readFile(real).catch(cannotRead)
  if (bytes.includes(0)) {
    throw new Error(`${INPUT}: ${name} is binary (it contains NUL bytes), not a list of IDs`)
  }
  // Invalid UTF-8 becomes U+FFFD: such an ID matches no product, and the report shows it.
  return bytes.toString('utf8')
}

/** Whether `target` is the workspace or under it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/')
}
