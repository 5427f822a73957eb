// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are workflow commands on stdout, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY (workflow-commands.ts); tests record them instead. The run puts the channel
// (channel.ts) in front of every sink: what reaches one is already redacted and bounded.
import * as runner from './workflow-commands.js'
import type { Cancellation } from './cancel.js'
import type { LogSink } from './log.js'

export interface RunContext {
  /** One raw input as the workflow gave it (`''` when not given). */
  input(name: string): string
  env: NodeJS.ProcessEnv
  cancellation: Cancellation
  log: LogSink
  /** Sets one step output. */
  output(name: string, value: string): void
  /** Appends Markdown to the job summary; throws when there is no summary to write to. */
  summary(markdown: string): Promise<void>
}

/** The context of a run on the runner. */
export function runnerContext(env: NodeJS.ProcessEnv, cancellation: Cancellation): RunContext {
  return {
    input: name => runner.getInput(name, env),
    env,
    cancellation,
    log: {
      info: message => runner.info(message),
      notice: message => runner.annotation('notice', message),
      warning: message => runner.annotation('warning', message),
      debug: message => runner.command('debug', message),
      error: (message, where) => runner.annotation('error', message, where),
      debugging: runner.isDebug(env),
      startGroup: title => runner.command('group', title),
      endGroup: () => runner.command('endgroup', ''),
      mask: secret => runner.command('add-mask', secret)
    },
    output: (name, value) => runner.setOutput(name, value, env),
    summary: markdown => runner.appendSummary(markdown, env)
  }
}

/** The guard of the process's own output (`guardProcess`). */
export interface ProcessGuard {
  /** From now on warnings and errors are told through the channel that `channel()` gives. */
  useChannel(channel: () => { logLine(text: string): string }): void
  /** Fails the step with one error line: the message of `error`, made safe, never its stack. */
  fail(error: unknown): void
}

/**
 * Keeps what the process itself prints off stdout and stderr, which the runner reads for
 * workflow commands: a warning from Node or a library (`process.emitWarning`) and an uncaught
 * error or rejection may carry any text (`::add-mask::`, `::stop-commands::`). Node's printer of
 * warnings is removed: each becomes one line of the log through the channel. An uncaught error
 * ends the step as a failure. Installed before the rest of the action loads; until the channel
 * is there, warnings wait, and an error is told without its text.
 */
export function guardProcess(): ProcessGuard {
  let channel: (() => { logLine(text: string): string }) | undefined
  let safe: ((text: string) => string) | undefined
  const line = (text: () => string): string | undefined => {
    if (!channel) return undefined
    safe ??= channel().logLine
    return safe(textOf(text))
  }
  const waiting: Error[] = []
  const warn = (warning: Error): void => {
    const shown = line(() => `(node) ${warning.name}: ${warning.message}`)
    if (shown === undefined) waiting.push(warning)
    else runner.info(shown)
  }
  const fail = (error: unknown): void => {
    process.exitCode = 1
    const message = error instanceof Error ? () => error.message : () => String(error)
    const shown = line(() => `Unexpected error: ${message()}`)
    runner.annotation('error', shown ?? 'Unexpected error while the action was loading.')
  }
  const crash = (error: unknown): never => {
    fail(error)
    process.exit()
  }
  process.removeAllListeners('warning')
  process.on('warning', warn)
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  return {
    useChannel: given => {
      channel = given
      for (const warning of waiting.splice(0)) warn(warning)
    },
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
