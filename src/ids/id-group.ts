// IDs travel in groups that remember where they came from, so the report can say
// which input, file or diff produced which IDs.

export interface IdGroup {
  kind: 'inline' | 'file' | 'deleted-path' | 'id-list' | 'delete-list' | 'reconcile'
  /** `product-ids`, the workspace-relative path of the file, or the listing's route. */
  name: string
  /** IDs in the order found; may repeat (the plan removes duplicates). */
  ids: string[]
  /** Extra context for the report, e.g. "base..head" or "renamed to x". */
  detail?: string
}
