// What the ID rules need from a change, whoever reads it: git in the checkout
// (git-comparison.ts) or the GitHub REST API (github-rest.ts).

type ChangeStatus = 'added' | 'deleted' | 'modified' | 'renamed'

/** One file the change touched; paths are repo-relative with `/` separators. */
export interface FileChange {
  status: ChangeStatus
  /** The path at head; for `deleted`, the path at base. */
  path: string
  /** For `renamed`: the path at base. */
  oldPath?: string
}

export interface Comparison {
  via: 'git' | 'rest'
  /** Full SHAs of the commits compared. */
  base: string
  head: string
  changes: FileChange[]
  notices: string[]
  warnings: string[]
  /**
   * The text of these files at the base or head commit. Throws naming the file and
   * commit when one cannot be read.
   */
  read(side: 'base' | 'head', paths: readonly string[]): Promise<Map<string, string>>
  /** Every file path at head. */
  headPaths(): Promise<string[]>
}
