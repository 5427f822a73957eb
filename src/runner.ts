// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are @actions/core (workflow commands on stdout,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY); tests record them instead. The run puts the channel
// (channel.ts) in front of every sink: what reaches one is already redacted and bounded.
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'
import type { Cancellation } from './cancel.js'
import type { Log } from './log.js'

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

/** Where log lines are printed, as they are given: the channel has already made them safe. */
export interface LogSink extends Log {
  /** An error annotation, on a file and line when `where` names them. */
  error(message: string, where?: AnnotationProperties): void
  /** Debug lines are shown (step debug logging is on): only then are they worth making. */
  readonly debugging: boolean
  startGroup(title: string): void
  endGroup(): void
  /** Masks a secret in everything printed from now on. */
  mask(secret: string): void
}

/** The context of a run on the runner. */
export function runnerContext(env: NodeJS.ProcessEnv, cancellation: Cancellation): RunContext {
  return {
    input: name => core.getInput(name),
    env,
    cancellation,
    log: {
      info: message => core.info(message),
      notice: message => core.notice(message),
      warning: message => core.warning(message),
      debug: message => core.debug(message),
      error: (message, where) => core.error(message, where),
      debugging: core.isDebug(),
      startGroup: title => core.startGroup(title),
      endGroup: () => core.endGroup(),
      mask: secret => core.setSecret(secret)
    },
    output: (name, value) => core.setOutput(name, value),
    summary: async markdown => {
      await core.summary.addRaw(markdown, true).write({ overwrite: false })
    }
  }
}
