// The files of a commit as a checkout of it would show them, read from git's objects
// (git or the GitHub REST API): symbolic links resolved inside the repository, Git LFS
// pointers, binary files and text not in UTF-8 refused, submodules set apart. Never the raw
// text of a link.
import * as path from 'node:path'
import picomatch from 'picomatch'
import { decodeUtf8, SAVE_AS_UTF8 } from '../ids/formats.js'
import { plural } from '../plural.js'
import { firstOf, short } from './event.js'

/** One entry of a commit's tree: a file (`100644`, `100755`), link (`120000`) or submodule (`160000`). */
export interface TreeEntry {
  mode: string
  /** The blob's (or, for a submodule, the commit's) SHA. */
  object: string
}

/** What a reader of git's objects gives: git in the checkout, or the GitHub REST API. */
export interface ObjectReader {
  /** Every file, link and submodule at the commit: path → entry. */
  tree(commit: string): Promise<Map<string, TreeEntry>>
  /** The contents of these blobs. */
  blobs(objects: readonly string[]): Promise<Map<string, Buffer>>
}

/** The files of any commit, read as a checkout shows them. */
export interface CommitFiles {
  /**
   * Paths of the files at the commit as a checkout shows them: links to files are files, and
   * the files under a link to a folder are listed under the link's path too (`current/a.txt`
   * for `current -> v2`), since a product named there is as live as anywhere else.
   */
  paths(commit: string): Promise<string[]>
  /** Paths of the submodules at the commit. */
  submodules(commit: string): Promise<string[]>
  /**
   * The text of these files at the commit. Throws naming file and commit for a link that
   * leaves the repository, loops or leads nowhere, a Git LFS file, a binary file, text that
   * is not UTF-8.
   */
  read(commit: string, paths: readonly string[]): Promise<Map<string, string>>
}

/**
 * A file at a commit whose IDs cannot be read (unparseable, binary, in LFS, a broken link): it
 * may name a product, so the run stops. `next` says what to do about it.
 */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError'
  constructor(
    readonly file: string,
    readonly commit: string,
    message: string,
    readonly next = 'Nothing was sent to Miso. Fix the file in a new commit: running this commit again reads the same file.',
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

const LINK = '120000'
const SUBMODULE = '160000'
/** As Linux's ELOOP: more links than this on one path is a loop. */
const MAX_LINKS = 40
/** Git LFS pointer files are small text files starting with this line. */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/

/**
 * The most paths the links to folders of one commit may add (see docs/behaviour.md): far more
 * than a catalog holds, few enough that listing them stays quick. Links past it stop the run.
 */
export const MAX_LINKED_PATHS = 500_000

/** Trees are listed (and their links read) once per commit. */
export function commitFiles(reader: ObjectReader, maxLinkedPaths = MAX_LINKED_PATHS): CommitFiles {
  const trees = new Map<string, Promise<Tree>>()
  const tree = (commit: string) =>
    trees.get(commit) ?? trees.set(commit, treeOf(reader, commit)).get(commit)!
  return {
    async paths(commit) {
      const { files, targets } = await tree(commit)
      const folders = folderLinks(files, targets)
      const own = [...files.keys()].filter(p => files.get(p)?.mode !== SUBMODULE && !folders.has(p))
      // One level: a link to a folder inside a linked folder shows under its own path only.
      const inside = (folder: string) => own.filter(p => p.startsWith(`${folder}/`))
      const counts = [...folders].map(([link, folder]) => [link, inside(folder).length] as const)
      refuseLinkFlood(commit, counts, folders, maxLinkedPaths)
      const linked = [...folders].flatMap(([link, folder]) =>
        inside(folder).map(p => `${link}${p.slice(folder.length)}`)
      )
      return [...own, ...linked]
    },
    async submodules(commit) {
      const { files } = await tree(commit)
      return [...files.keys()].filter(p => files.get(p)?.mode === SUBMODULE)
    },
    async read(commit, paths) {
      const { files, targets } = await tree(commit)
      const fail = (file: string, problem: string): never => {
        throw new UnreadableFileError(file, commit, `${file} at ${short(commit)} ${problem}`)
      }
      const real = paths.map(file => realPath(file, files, targets, fail))
      const lfs = await lfsRule(reader, files)
      const contents = await reader.blobs(real.map(r => (files.get(r) as TreeEntry).object))
      const texts = new Map<string, string>()
      paths.forEach((file, i) => {
        const bytes = contents.get((files.get(real[i]) as TreeEntry).object) as Buffer
        const via = real[i] === file ? '' : ` (a link to ${real[i]})`
        if (lfs(file) || lfs(real[i]) || isLfsPointer(bytes)) {
          fail(
            file,
            `is stored in Git LFS${via}: git holds only a pointer to its content, so its IDs cannot be read. Keep ID lists and the content files read by \`id-from\` out of LFS (see .gitattributes).`
          )
        }
        if (bytes.includes(0)) fail(file, `is binary${via} (it contains NUL bytes), not text`)
        const text = decodeUtf8(bytes)
        texts.set(file, text ?? fail(file, `is not valid UTF-8 text${via} ${SAVE_AS_UTF8}`))
      })
      return texts
    }
  }
}

/** A commit's entries, and the target text of each of its links (few in any repository). */
type Tree = Awaited<ReturnType<typeof treeOf>>

async function treeOf(reader: ObjectReader, commit: string) {
  const files = await reader.tree(commit)
  const links = [...files].filter(([, e]) => e.mode === LINK)
  const blobs = await reader.blobs(links.map(([, e]) => e.object))
  const targets = new Map(links.map(([p, e]) => [p, String(blobs.get(e.object))]))
  return { files, targets }
}

/**
 * Where a file's content really is at the commit, following links (in any folder of the
 * path) as a checkout would, but only inside the repository.
 */
function realPath(
  file: string,
  files: Map<string, TreeEntry>,
  targets: Map<string, string>,
  fail: (file: string, problem: string) => never
): string {
  if (files.get(file)?.mode === SUBMODULE) return fail(file, 'is a submodule, not a file')
  // A path under a link to a folder is in no tree: following the links finds its file.
  const followed = follow(file, targets)
  if ('problem' in followed) return fail(file, followed.problem)
  const { real } = followed
  const found = files.get(real)
  if (found?.mode === SUBMODULE) return fail(file, `is a symbolic link to the submodule ${real}`)
  if (found) return real
  if (real === file) return fail(file, 'is not a file')
  return fail(
    file,
    isFolder(real, files)
      ? `is a symbolic link to the folder ${real}, not to a file`
      : `is a symbolic link to ${real}, which does not exist`
  )
}

/** `path` with every link in it followed, or why it cannot be: the path is not checked. */
function follow(
  file: string,
  targets: Map<string, string>
): { real: string } | { problem: string } {
  const pending = file.split('/')
  const done: string[] = []
  let links = 0
  while (pending.length > 0) {
    const part = pending.shift() as string
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (done.length === 0)
        return { problem: 'is a symbolic link that leads out of the repository' }
      done.pop()
      continue
    }
    const here = [...done, part].join('/')
    const target = targets.get(here)
    if (target === undefined) {
      done.push(part)
      continue
    }
    if (++links > MAX_LINKS) return { problem: 'is a symbolic link that loops' }
    if (path.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
      return { problem: 'is a symbolic link to an absolute path, outside the repository' }
    }
    pending.unshift(...target.split('/'))
  }
  return { real: done.join('/') }
}

function isFolder(real: string, files: Map<string, TreeEntry>): boolean {
  return [...files.keys()].some(p => p.startsWith(`${real}/`))
}

/**
 * The links that lead to a folder inside the repository: link path → folder. A link that
 * leads to the root or to a folder holding the link itself would repeat the tree without end,
 * and one that leads nowhere or outside shows no files: neither is listed.
 */
function folderLinks(
  files: Map<string, TreeEntry>,
  targets: Map<string, string>
): Map<string, string> {
  const folders = new Map<string, string>()
  for (const link of targets.keys()) {
    const followed = follow(link, targets)
    if ('problem' in followed) continue
    const { real } = followed
    if (real === '' || files.has(real) || link.startsWith(`${real}/`)) continue
    if (isFolder(real, files)) folders.set(link, real)
  }
  return folders
}

/**
 * Fails, naming the largest links, when the links to folders would add more than `max`
 * paths. Their files are live at the links' paths, so leaving any out could delete a product
 * that is still named: the run stops instead, before any call.
 */
function refuseLinkFlood(
  commit: string,
  counts: (readonly [string, number])[],
  folders: Map<string, string>,
  max: number
): void {
  const total = counts.reduce((sum, [, count]) => sum + count, 0)
  if (total <= max) return
  const largest = counts.filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a)
  const shown = largest.map(([link, n]) => `${link} -> ${folders.get(link)} (${plural(n, 'file')})`)
  throw new Error(
    `At ${short(commit)}, ${plural(largest.length, 'symbolic link')} to folders would add ${total.toLocaleString('en-US')} paths (more than ${max.toLocaleString('en-US')}, far beyond any catalog): ${firstOf(shown, 5)}. ` +
      `A product named under such a link is live at the link's path, so none of them can be left out. ` +
      'Replace the links to large folders by fewer links (or links to the files that are needed), or give the IDs through `product-ids` or `ids-file` instead of the diff source. Nothing was deleted.'
  )
}

/** Git LFS pointer text: git keeps it in place of the file's content. */
function isLfsPointer(bytes: Buffer): boolean {
  return bytes.length < 1024 && LFS_POINTER.test(bytes.toString('utf8'))
}

/**
 * Whether `.gitattributes` (at the root or in a folder above the file) marks a path
 * `filter=lfs`: later lines, and deeper files, decide over earlier ones, as in git.
 */
async function lfsRule(
  reader: ObjectReader,
  files: Map<string, TreeEntry>
): Promise<(file: string) => boolean> {
  // Shallow folders first, so deeper files' rules come later and win.
  const attributes = [...files]
    .filter(([p, e]) => /(?:^|\/)\.gitattributes$/.test(p) && e.mode !== LINK)
    .sort(([a], [b]) => a.split('/').length - b.split('/').length)
  const blobs = await reader.blobs(attributes.map(([, e]) => e.object))
  const rules = attributes.flatMap(([file, { object }]) =>
    String(blobs.get(object))
      .split(/\r?\n/)
      .flatMap(line => {
        const [pattern, ...attrs] = line.trim().split(/\s+/)
        const filter = attrs.find(a => /^(?:filter=|-filter$|!filter$)/.test(a))
        if (!pattern || pattern.startsWith('#') || filter === undefined) return []
        const dir = file.slice(0, -'.gitattributes'.length)
        // As in .gitignore: a pattern without `/` matches the name in any folder below.
        const glob = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`
        const matches = picomatch(glob, { dot: true, windows: false })
        const match = (p: string) => p.startsWith(dir) && matches(p.slice(dir.length))
        return [{ match, lfs: filter === 'filter=lfs' }]
      })
  )
  return file => rules.filter(rule => rule.match(file)).pop()?.lfs ?? false
}
