// The one pattern rule of `ids-file`, `deleted-paths` and `id-list-files`: one pattern per
// line, a leading `!` excludes, and a path is chosen when it matches at least one plain
// pattern and no `!` pattern (so a list of only `!` patterns chooses nothing).
//
// Dialect (picomatch): `*` any characters but `/`, `**` any number of folders, `?`, `[...]`,
// `{a,b}`. Dot files and folders match like any other, as in a workflow's `paths:` filter.
// Paths are repository- or workspace-relative with `/` separators; a leading `./` is ignored.
import picomatch from 'picomatch'

/** The `!`-free patterns as given (`plain`), the `!` ones (`excluded`), and their matchers. */
export type PathPatterns = ReturnType<typeof pathPatterns>

// `s`: a wildcard matches a newline in a file name too; `windows: false`: `\` is never a separator.
const OPTIONS = { dot: true, flags: 's', windows: false } as const

/** Throws naming `input` for a `!` that excludes nothing. */
export function pathPatterns(patterns: readonly string[], input: string) {
  const given = patterns.map(pattern => pattern.trim()).filter(pattern => pattern !== '')
  const plain = given.filter(pattern => !pattern.startsWith('!')).map(withoutDotSlash)
  const excluded = given.filter(p => p.startsWith('!')).map(p => withoutDotSlash(p.slice(1).trim()))
  const empty = given.find(p => p.startsWith('!') && withoutDotSlash(p.slice(1).trim()) === '')
  if (empty) throw new Error(`${input}: "${empty}" names nothing to leave out`)
  const each = new Map(plain.map(p => [p, picomatch(p, OPTIONS)]))
  const chooses =
    plain.length > 0 ? picomatch(plain, { ...OPTIONS, ignore: excluded }) : () => false
  // Whether one plain pattern matches the path, exclusions aside.
  const matchesPlain = (p: string, path: string) => each.get(p)?.(path) ?? false
  return { plain, excluded, chooses: chooses as (path: string) => boolean, matchesPlain }
}

function withoutDotSlash(pattern: string): string {
  return pattern.replace(/^(?:\.\/)+/, '')
}
