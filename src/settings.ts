// The typed settings of one run, made from the raw inputs by input-helper.ts.
// Every later step reads these plain values, never the raw inputs.
import type { RecordType } from './miso/types.js'

export type AuthMode = 'header' | 'query'

/** How a deleted content file names its product (`id-from`). */
export type IdFrom =
  | { kind: 'filename' }
  | { kind: 'path' }
  | { kind: 'json'; field: string }
  | { kind: 'frontmatter'; key: string }

export interface Settings {
  /** Empty only in a dry run without a key. */
  apiKey: string
  /** Base URL without a trailing slash; a path prefix is kept. */
  apiUrl: string
  authMode: AuthMode
  /** Which Miso records the IDs name (`record-type`). */
  recordType: RecordType
  /** Raw `product-ids` text (parsed by ids/inline.ts). */
  productIds: string
  /** `ids-file` patterns, one per line. */
  idsFiles: string[]
  idField: string
  deletedPaths: string[]
  idFrom: IdFrom
  idListFiles: string[]
  /** `base` / `head` inputs; empty when not given. */
  base: string
  head: string
  dryRun: boolean
  /** Why this is a dry run: the input, or the event (e.g. an unmerged pull request). */
  dryRunReason: string
  /** 0 means no limit. */
  maxDeletions: number
  /** Reconcile mode: delete what Miso lists and the repository no longer names. */
  reconcile: boolean
  /** `reconcile-type`: Miso products of this type only; empty for all. */
  reconcileType: string
  /** Reconcile: refuse deleting more than this percentage of Miso's records; 0 means no limit. */
  maxDeletionsPercent: number
  failOnEmpty: boolean
  batchSize: number
  concurrency: number
  retries: number
  requestTimeoutMs: number
  wait: boolean
  /** 0 means no limit. */
  waitTimeoutMs: number
  pollIntervalMs: number
  githubToken: string
  /** Keep one comment on the pull request up to date (pull request events only). */
  comment: boolean
  /** Heads the pull request comment (e.g. the store's name). */
  commentTitle: string
  /** `branches` patterns: the branches whose pushes and merged pull requests delete; empty: the default branch. */
  branches: string[]
  /** Absolute path of the checked-out repository (`GITHUB_WORKSPACE`, else the cwd). */
  workspace: string
  /** Where output files go (`RUNNER_TEMP`, else the OS temp dir). */
  runnerTemp: string
}
