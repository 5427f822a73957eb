// Counts in messages: "1 ID", "2 IDs", "1 batch", "3 batches". Every message that counts
// something says it this way.

/** `n` and the noun, singular for exactly 1; `many` defaults to the noun plus `s`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
