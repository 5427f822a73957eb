// The one log recorder for tests: the `Log` shape production code writes to, keeping every
// line in order.
import type { Log } from '../../src/log.js'

export type LogLevel = keyof Log

export interface RecordingLog extends Log {
  /** Every line in order; all but info lines start with their level, e.g. `warning: …`. */
  readonly lines: string[]
  /** The messages of one level, in order. */
  of(level: LogLevel): string[]
}

/** A log that keeps its lines; `onLine` sees each one as it comes (to act at a given point). */
export function recordingLog(onLine?: (level: LogLevel, message: string) => void): RecordingLog {
  const entries: { level: LogLevel; message: string }[] = []
  const lines: string[] = []
  const record = (level: LogLevel) => (message: string) => {
    entries.push({ level, message })
    lines.push(level === 'info' ? message : `${level}: ${message}`)
    onLine?.(level, message)
  }
  return {
    lines,
    of: level => entries.filter(e => e.level === level).map(e => e.message),
    info: record('info'),
    notice: record('notice'),
    warning: record('warning'),
    debug: record('debug')
  }
}
