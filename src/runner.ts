// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are the toolkit's (@actions/core: workflow
// commands, GITHUB_OUTPUT, the job summary); tests record them instead. The run puts the
// channel (channel.ts) in front of every sink: what reaches one is already redacted and bounded.
import * as core from '@actions/core'
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

/** The context of a run on the runner: the toolkit reads and writes process.env's files. */
export function runnerContext(env: NodeJS.ProcessEnv, cancellation: Cancellation): RunContext {
  return {
    input: name => core.getInput(name),
    env,
    cancellation,
    log: {
      info: core.info,
      notice: message => core.notice(message),
      warning: message => core.warning(message),
      debug: core.debug,
      error: (message, where) => core.error(message, where),
      debugging: core.isDebug(),
      startGroup: core.startGroup,
      endGroup: core.endGroup,
      mask: core.setSecret
    },
    output: core.setOutput,
    summary: async markdown => {
      await core.summary.addRaw(markdown).write()
    }
  }
}
