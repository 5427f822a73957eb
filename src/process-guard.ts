// Keeps what the process itself prints off stdout and stderr, which the runner reads for
// workflow commands: a warning from Node or a library (`process.emitWarning`) and an uncaught
// error or rejection may carry any text (`::add-mask::`, `::stop-commands::`). Installed first,
// before anything else loads; the run's log and channel come later.
import type { RunLog } from './log.js'

/** Where the guard tells what it caught: the run's log, which makes each line safe. */
type GuardLog = Pick<RunLog, 'info' | 'error'>

/**
 * Node's printer of warnings is removed: each becomes one line of the log through the channel.
 * An uncaught error ends the step as a failure. Until the log is there, warnings wait, and an
 * error is told without its text.
 */
export function guardProcess() {
  let given: (() => GuardLog) | undefined
  let log: GuardLog | undefined
  const ready = (): GuardLog | undefined => (log ??= given?.())
  const waiting: Error[] = []
  const warn = (warning: Error): void => {
    const to = ready()
    if (!to) waiting.push(warning)
    else to.info(textOf(() => `(node) ${warning.name}: ${warning.message}`))
  }
  const fail = (error: unknown): void => {
    process.exitCode = 1
    const message = () => (error instanceof Error ? error.message : String(error))
    ready()?.error(textOf(() => `Unexpected error: ${message()}`))
  }
  const crash = (error: unknown): void => {
    fail(error)
    if (ready()) process.exit()
    // Still loading: a fixed line, as nothing could make the error's own text safe yet.
    void import('@actions/core')
      .then(core => core.error('Unexpected error while the action was loading.'))
      .finally(() => process.exit())
  }
  process.removeAllListeners('warning')
  process.on('warning', warn)
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  return {
    /** From now on warnings and errors are told through this log, made safe. */
    use: (logOf: () => GuardLog) => {
      given = logOf
      for (const warning of waiting.splice(0)) warn(warning)
    },
    /** Fails the step with one error line: the message of `error`, made safe, never its stack. */
    fail
  }
}

/** The text `read` gives; a getter or `toString` that throws must not turn into a new crash. */
function textOf(read: () => string): string {
  try {
    return read()
  } catch {
    return '(a text that could not be read)'
  }
}
