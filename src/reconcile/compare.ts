// Reconcile's decision, pure: what Miso lists minus what the repository names is deleted,
// unless a guard refuses it. Sets are built once; a million IDs on each side take well under
// a second (see `npm run bench`).
import { namedForm } from '../ids/named-form.js'
import type { RecordType } from '../miso/types.js'

export interface ReconcileInfo {
  recordType: RecordType
  /** `reconcile-type`, when given. */
  type: string
  /** The commit the repository's files were read at, when any were. */
  head?: string
  /** Unique IDs Miso lists. */
  misoCount: number
  /** Unique IDs the repository names (files at head and `ids-file`). */
  repositoryCount: number
  /** Miso's IDs that the repository does not name: the deletion. */
  deleteCount: number
  /** IDs the repository names that Miso does not list: uploads that may be missing. */
  missingFromMiso: number
}

/**
 * Miso's IDs that the repository does not name (in Miso's order, once each, exactly as listed),
 * and the counts. `repository` holds named forms (see namedForm), the forms the comparison uses.
 */
export function compareWithRepository(
  misoIds: readonly string[],
  repository: ReadonlySet<string>
): { toDelete: string[]; misoCount: number; missingFromMiso: number } {
  const listed = new Set(misoIds)
  const listedForms = new Set<string>()
  const toDelete: string[] = []
  for (const id of listed) {
    const form = namedForm(id)
    listedForms.add(form)
    if (!repository.has(form)) toDelete.push(id)
  }
  let missing = 0
  for (const form of repository) if (!listedForms.has(form)) missing++
  return { toDelete, misoCount: listed.size, missingFromMiso: missing }
}
