// The one log recorder for tests: the `Log` shape production code writes to (and the runner's
// `LogSink`, which a run prints through), keeping every line in order.
import type { AnnotationProperties } from '@actions/core'
import type { Log } from '../../src/log.js'
import type { LogSink } from '../../src/log.js'

export type LogLevel = keyof Log | 'error'

export interface RecordingLog extends Log {
  /** Every line in order; all but info lines start with their level, e.g. `warning: …`. */
  readonly lines: string[]
  /** The messages of one level, in order. */
  of(level: LogLevel): string[]
}

/** A log that keeps its lines; `onLine` sees each one as it comes (to act at a given point). */
export function recordingLog(onLine?: (level: LogLevel, message: string) => void): RecordingLog {
  return recorder(onLine).log
}

export interface RecordingSink extends LogSink, RecordingLog {
  /** Where each error annotation points, in order. */
  readonly errorsAt: (AnnotationProperties | undefined)[]
  /** The secrets masked, in order. */
  readonly masked: string[]
}

/**
 * A runner's log that keeps what a run prints: lines as for recordingLog, groups as
 * `group: <title>` and `endgroup`; debug lines are printed unless `debugging` is false.
 */
export function recordingSink(debugging = true): RecordingSink {
  const { log, record, lines } = recorder()
  const errorsAt: (AnnotationProperties | undefined)[] = []
  const masked: string[] = []
  return {
    ...log,
    errorsAt,
    masked,
    debugging,
    error: (message, where) => {
      record('error', message)
      errorsAt.push(where)
    },
    startGroup: title => lines.push(`group: ${title}`),
    endGroup: () => lines.push('endgroup'),
    mask: secret => masked.push(secret)
  }
}

function recorder(onLine?: (level: LogLevel, message: string) => void) {
  const entries: { level: LogLevel; message: string }[] = []
  const lines: string[] = []
  const record = (level: LogLevel, message: string): void => {
    entries.push({ level, message })
    lines.push(level === 'info' ? message : `${level}: ${message}`)
    onLine?.(level, message)
  }
  const log: RecordingLog = {
    lines,
    of: level => entries.filter(e => e.level === level).map(e => e.message),
    info: message => record('info', message),
    notice: message => record('notice', message),
    warning: message => record('warning', message),
    debug: message => record('debug', message)
  }
  return { log, record, lines }
}
