// The one log shape every step writes to, and its one implementation for a run: every line
// goes through the channel (redacted, bounded, neutralised) before the sink prints it.
// Tests use recorders of the same shape.
import type { AnnotationProperties } from '@actions/core'
import type { Channel } from './channel.js'

export type Log = Record<'info' | 'notice' | 'warning' | 'debug', (message: string) => void>

/**
 * Where log lines are printed, as they are given: the channel has already made them safe.
 * `mask` masks a secret in everything printed from now on.
 */
export interface LogSink extends Log, Record<'startGroup' | 'mask', (text: string) => void> {
  /** An error annotation, on a file and line when `where` names them. */
  error(message: string, where?: AnnotationProperties): void
  /** Debug lines are shown (step debug logging is on): only then are they worth making. */
  readonly debugging: boolean
  endGroup(): void
}

/** The run's log, which also gives the step's error; notices and warnings are kept in `notes`. */
export interface RunLog extends Log, Pick<LogSink, 'error'> {
  /**
   * Lines of data (a listing of IDs), each made safe on its own as by info(), in one write:
   * a thousand writes to the runner's pipe cost more than the rest of the start.
   */
  infoLines(lines: readonly string[]): void
}

export function runLog(channel: Channel, notes: string[], sink: LogSink): RunLog {
  // Notices and warnings are also kept for the summary, as the log shows them.
  const noted = (print: (text: string) => void) => (message: string) => {
    const text = channel.logLine(message)
    notes.push(text)
    print(text)
  }
  return {
    info: message => sink.info(channel.logLine(message)),
    infoLines: lines => lines.length > 0 && sink.info(lines.map(channel.logLine).join('\n')),
    // Only shown with step debug logging on; a large run makes thousands.
    debug: message => sink.debugging && sink.debug(channel.logLine(message)),
    notice: noted(sink.notice),
    warning: noted(sink.warning),
    error: (message, where) => sink.error(channel.logLine(message), channel.redacted(where ?? {}))
  }
}
