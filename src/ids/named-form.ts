// Whether an ID is still named (a diff's live set, reconcile's repository set, `ids-file` IDs to
// keep) is decided on one normalised form, so that an ID written `P-1 ` in one file, `P-1` with a
// no-break space in another, or in another Unicode composition, still protects the product `P-1`.
// What is sent stays the ID exactly as its source gives it: this form only ever compares.

/** Unicode white space at either end: JavaScript's `\s` (with the byte-order mark) and NEL. */
const EDGE_SPACE = /^[\s\u0085]+|[\s\u0085]+$/g

/** The form on which "is this ID named" is decided: NFC, then white space trimmed at both ends. */
export function namedForm(id: string): string {
  const form = id.normalize('NFC').trim()
  // trim() is fast and knows every Unicode white space but NEL, which is rare.
  return form.includes('\u0085') ? form.replace(EDGE_SPACE, '') : form
}
