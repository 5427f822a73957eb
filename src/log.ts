// The one log shape every step writes to, and its one implementation for a run: every line
// goes through the channel (redacted, bounded, neutralised) before @actions/core prints it.
// Tests use recorders of the same shape.
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'
import type { Channel } from './channel.js'
import { mapStrings } from './redact.js'

export interface Log {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** The run's log, which also fails the step; notices and warnings are kept in `notes`. */
export interface RunLog extends Log {
  /**
   * Lines of data (a listing of IDs), each made safe on its own as by info(), in one write:
   * a thousand writes to the runner's pipe cost more than the rest of the start.
   */
  infoLines(lines: readonly string[]): void
  /** Fails the step with `message`: an error annotation, at `where` when given. */
  fail(message: string, where?: AnnotationProperties): void
}

export function runnerLog(channel: Channel, notes: string[]): RunLog {
  // Debug lines are only shown with step debug logging on; a large run makes thousands.
  const debugging = core.isDebug()
  return {
    info: message => core.info(channel.logLine(message)),
    infoLines: lines => {
      if (lines.length > 0) core.info(lines.map(line => channel.logLine(line)).join('\n'))
    },
    debug: message => {
      if (debugging) core.debug(channel.logLine(message))
    },
    notice: message => {
      const text = channel.logLine(message)
      notes.push(text)
      core.notice(text)
    },
    warning: message => {
      const text = channel.logLine(message)
      notes.push(text)
      core.warning(text)
    },
    fail: (message, where) => {
      process.exitCode = 1
      core.error(channel.logLine(message), where ? mapStrings(where, channel.redact) : {})
    }
  }
}
