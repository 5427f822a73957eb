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
