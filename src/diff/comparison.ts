// What the ID rules need from a change, whoever reads it: git in the checkout
// (git.ts) or the GitHub REST API (github-rest.ts).
import type { CommitFiles } from './commit-files.js'

type ChangeStatus = 'added' | 'deleted' | 'modified' | 'renamed'

/** One file the change touched; paths are repo-relative with `/` separators. */
export interface FileChange {
  status: ChangeStatus
  /** The path at head; for `deleted`, the path at base. */
  path: string
  /** For `renamed`: the path at base. */
  oldPath?: string
  /** A submodule (a commit in the tree, not a file): never read. */
  submodule?: boolean
}

export interface Comparison extends CommitFiles {
  via: 'git' | 'rest'
  /** Full SHAs of the commits compared. */
  base: string
  head: string
  /** Full SHA of the commit the repository is in after the change (see event.ts). */
  result: string
  changes: FileChange[]
  notices: string[]
  warnings: string[]
}
