// Figures as the tables and goals show them, and the statistics over repeated runs.

/** The middle item by `key` (the lower middle of an even count). */
export function medianBy<T>(items: T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b))
  return sorted[(sorted.length - 1) >> 1]
}

export function spread(values: number[]): { median: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median: round(median, 1), min: round(sorted[0], 1) }
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}

export function kibToMB(kib: number): number {
  return round((kib * 1024) / 1e6, 1)
}

export function count(n: number): string {
  return n.toLocaleString('en-US')
}

export function seconds(msValue: number): string {
  return `${(msValue / 1000).toFixed(2)} s`
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(0)} kB`
}
