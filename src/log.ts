// The one log shape every step writes to: @actions/core in a run, a recorder in tests.
// Notices and warnings also reach the job summary (main.ts collects them).
export interface Log {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  debug(message: string): void
}
