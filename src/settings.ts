// The typed settings of one run. They are made from the table of inputs in input-helper.ts,
// which defines them, so a new input is one row there; this module keeps the old import path.
export type { IdFrom, Settings } from './input-helper.js'
