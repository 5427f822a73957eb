// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are the toolkit's (@actions/core: workflow
// commands, GITHUB_OUTPUT, the job summary); tests record them instead. The run puts the
// channel (channel.ts) in front of every sink: what reaches one is already redacted and bounded.
// The event is read by the toolkit too (@actions/github's `context`).
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import type { Cancellation } from './cancel.js'
import type { LogSink } from './log.js'

export interface RunContext {
  /** One raw input as the workflow gave it (`''` when not given). */
  input(name: string): string
  env: NodeJS.ProcessEnv
  /** The event that started the workflow; `problem` says why its file could not be read. */
  event: { name: string; payload: unknown; problem?: string }
  cancellation: Cancellation
  log: LogSink
  /** Sets one step output. */
  output(name: string, value: string): void
  /** Appends Markdown to the job summary; throws when there is no summary to write to. */
  summary(markdown: string): Promise<void>
}

/** The context of a run on the runner: the toolkit reads and writes process.env's files. */
export async function runnerContext(cancellation: Cancellation): Promise<RunContext> {
  const env = process.env
  return {
    input: name => core.getInput(name),
    env,
    event: await runnerEvent(env),
    cancellation,
    // The toolkit's own functions print the lines (info, warning, error, groups…).
    log: { ...core, debugging: core.isDebug(), mask: core.setSecret },
    output: core.setOutput,
    summary: markdown =>
      core.summary
        .addRaw(markdown)
        .write()
        .then(() => undefined)
  }
}

/**
 * The event as the toolkit's `context` reads it. The toolkit writes to stdout for a missing file
 * and throws for one that is not JSON: the run warns in its log instead and goes on without it.
 */
async function runnerEvent(env: NodeJS.ProcessEnv): Promise<RunContext['event']> {
  const file = env.GITHUB_EVENT_PATH
  try {
    if (file && !existsSync(file)) throw new Error(`there is no file ${file}`)
    const { context } = await import('@actions/github')
    return { name: context.eventName ?? '', payload: context.payload }
  } catch (error) {
    // The REST client loads the toolkit again later: it must not read the file either.
    delete env.GITHUB_EVENT_PATH
    return { name: env.GITHUB_EVENT_NAME ?? '', payload: {}, problem: (error as Error).message }
  }
}
