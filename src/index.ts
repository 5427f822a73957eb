// The action's entry point: the runner runs dist/index.js, built from this file.
import * as core from '@actions/core'
import { run } from './main.js'
import { keyRedactor } from './redact.js'

try {
  await run()
} catch (error) {
  // run() reports its own failures; this only catches what escaped it, so the step still
  // fails with a message instead of a stack trace.
  const message = error instanceof Error ? error.message : String(error)
  core.setFailed(`Unexpected error: ${keyRedactor(core.getInput('api-key'))(message)}`)
}
