// The `product-ids` input: IDs separated by newlines or commas. Unlike ID files there are
// no comments here, so an inline ID may start with `#`; it may not contain a comma.

/** Inline IDs in the order given, each trimmed; empty entries dropped, duplicates kept. */
export function parseInlineIds(text: string): string[] {
  const ids: string[] = []
  for (const part of text.split(/[\r\n,]/)) {
    const id = part.trim()
    if (id !== '') ids.push(id)
  }
  return ids
}
