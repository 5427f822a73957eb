export const id = 41;
export const ids = [41,80];
export const modules = {

/***/ 4080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readBackup: () => (/* binding */ readBackup),
/* harmony export */   refusedRecords: () => (/* binding */ refusedRecords),
/* harmony export */   restoreApi: () => (/* binding */ restoreApi),
/* harmony export */   uploadable: () => (/* binding */ uploadable)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2429);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);
// The undo's second half: `restore-file` uploads the records of a backup file back to Miso
// (`POST /v1/{type}`, in batches, answered with a task like a delete). The deletion run sends
// and polls them: its "delete" of a batch of IDs is here the upload of their records.




const idFieldOf = (type) => (type === 'users' ? 'user_id' : 'product_id');
/**
 * Reads the backup file: its IDs by the one reader of `.jsonl` ID files (which also keeps the
 * path inside the workspace or `RUNNER_TEMP`), and the record of each line. Any line that is
 * not a record with its ID fails the run before any call.
 */
async function readBackup(settings) {
    const { restoreFile, workspace, runnerTemp, recordType } = settings;
    if (!/\.(jsonl|ndjson)$/i.test(restoreFile)) {
        throw new Error(`restore-file: "${restoreFile}" is not a backup file (JSON lines, \`.jsonl\`, as \`backup-path\` names it).`);
    }
    if (/[*?[\]{}\n]/.test(restoreFile) || restoreFile.trim().startsWith('!')) {
        throw new Error(`restore-file: "${restoreFile}" is a pattern; give the one backup file's path (a pattern could upload a product feed over Miso's records).`);
    }
    const groups = await (0,_ids_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readIdFiles */ .V)([restoreFile], workspace, idFieldOf(recordType), runnerTemp).catch((error) => {
        throw new Error(error.message.replace(/^ids-file\b/, 'restore-file'));
    });
    const records = new Map();
    for (const group of groups) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace, group.name);
        const text = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8')).replace(/^\uFEFF/, '');
        const lines = text.split('\n').filter(line => line.trim() !== '');
        const parsed = lines.map(line => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonOrUndefined */ .rx)(line));
        if (parsed.length !== group.ids.length || !parsed.every(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)) {
            throw new Error(`restore-file: ${group.name} holds a line that is not a ${recordType} record.`);
        }
        const seen = new Set();
        const twice = group.ids.find(id => seen.size === seen.add(id).size);
        if (twice !== undefined) {
            throw new Error(`restore-file: ${group.name} holds two records of ${JSON.stringify(twice)}: which one to upload is not clear.`);
        }
        group.ids.forEach((id, i) => records.set(id, parsed[i]));
    }
    return { groups, records };
}
/** The record as Miso takes it back: without the fields Miso computes and refuses on upload. */
function uploadable(record) {
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'product_group_id_or_product_id' && !key.startsWith('category_path_')));
}
/** The client seen by the deletion run: a batch of IDs is sent as the upload of their records. */
function restoreApi(client, records) {
    return {
        async deleteProducts(ids, signal) {
            const batch = ids.map(id => uploadable(records.get(id) ?? {}));
            const outcome = await client.uploadRecords(batch, signal);
            if (!outcome.ok && outcome.failure.httpStatus === 422 && outcome.body !== undefined) {
                const refused = refusedRecords(outcome.body, ids);
                if (refused)
                    outcome.failure.message = refused;
            }
            return outcome;
        },
        getStatus: (taskId, signal) => client.getStatus(taskId, signal)
    };
}
/**
 * Which records and fields a 422 refused, by ID: Miso's lines `data.<i>.<field> is invalid.
 * <why>` under `data`, or FastAPI's `detail` with `loc` [body, data, i, field].
 */
function refusedRecords(body, ids) {
    const answer = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonOrUndefined */ .rx)(body);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(answer))
        return undefined;
    const found = [];
    for (const item of Array.isArray(answer.data) ? answer.data : []) {
        const line = typeof item === 'string' ? /^\s*data\.(\d+)\.?(\S*)\s.*?invalid\.?\s*(.*)$/.exec(item) : null;
        if (line)
            found.push({ index: Number(line[1]), field: line[2], why: line[3] });
    }
    for (const item of Array.isArray(answer.detail) ? answer.detail : []) {
        const loc = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item) && Array.isArray(item.loc) ? item.loc.map(String) : [];
        const at = loc.indexOf('data');
        if (at >= 0 && /^\d+$/.test(loc[at + 1] ?? '')) {
            const why = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item) && typeof item.msg === 'string' ? item.msg : '';
            found.push({ index: Number(loc[at + 1]), field: loc.slice(at + 2).join('.'), why });
        }
    }
    if (found.length === 0)
        return undefined;
    const shown = found.slice(0, 10).map(f => {
        const field = f.field ? `.${f.field}` : '';
        return `${ids[f.index] ?? `record ${f.index + 1}`}${field}${f.why ? `: ${f.why}` : ''}`;
    });
    const more = found.length > shown.length ? ` (and ${found.length - shown.length} more)` : '';
    return `Miso refused these records: ${shown.join('; ')}${more}`;
}


/***/ }),

/***/ 2041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendPlan: () => (/* binding */ sendPlan)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
// EXTERNAL MODULE: ./src/miso/message.ts
var message = __webpack_require__(2283);
// EXTERNAL MODULE: ./src/miso/task-status.ts
var task_status = __webpack_require__(8870);
// EXTERNAL MODULE: ./src/miso/throttle.ts
var throttle = __webpack_require__(9754);
;// CONCATENATED MODULE: ./src/poll-schedule.ts
// When to poll which task. Miso works through an account's tasks in a queue, so tasks
// accepted earlier end earlier, and often many at about the same time. So the run watches the
// oldest unfinished task (the head) and, once it has ended, sweeps on to the next ones at once;
// a slow backstop poll of the others sees endings out of turn. No task is polled before
// `pollIntervalMs` after its acceptance.
//
// The head is polled every LAG_SHARE of its age (at least MIN_GAP_MS, at most `maxGapMs`), so
// the end of tasks that end together is learnt within that share of the run. Tasks that end one
// after another would cost a poll per task or more that way; so when a sweep stops at a running
// task, the pace seen so far predicts the rest: the head waits PACE_SHARE of the predicted
// remaining time, and a sweep stops before a task whose turn has not come by that pace. A sweep
// widens as it finds ended tasks: up to 2^(endings - 1) polls in flight.
//
// Pure bookkeeping: times are passed in, nothing is sent from here (deletion.ts does that).
const MIN_GAP_MS = 1000;
const LAG_SHARE = 0.06;
const PACE_SHARE = 0.6;
/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
const BACKSTOP_AFTER = 2;
/** The schedule of a run's polls; `K` is the caller's handle of a task. */
class PollSchedule {
    settings;
    /** In the order their delete requests were sent. */
    tasks = [];
    byKey = new Map();
    /** Every task before this index has ended. */
    firstOpen = 0;
    /** Tasks accepted and not ended (read-only outside). */
    open = 0;
    /** The next task a sweep looks at; undefined when no sweep is on. */
    sweep;
    sweepInFlight = 0;
    sweepEnds = 0;
    /** When the head is polled next (outside a sweep). */
    headAt = 0;
    backstopAt;
    /** `ended` tasks had ended by `at`, and the next had not. */
    pace;
    /** Longest seen running and shortest seen ended, from acceptance: tasks that end together. */
    runningFor = 0;
    endedWithin = Infinity;
    minGapMs;
    constructor(settings) {
        this.settings = settings;
        this.minGapMs = Math.min(MIN_GAP_MS, settings.pollIntervalMs / 2);
    }
    /** A task was accepted; it takes its place by `sentAt`, as answers may arrive out of order. */
    add(key, acceptedAt, sentAt = acceptedAt) {
        const task = { key, sentAt, acceptedAt, ended: false, polledAt: -Infinity };
        let place = this.tasks.length;
        while (place > 0 && this.tasks[place - 1].sentAt > sentAt)
            place--;
        this.tasks.splice(place, 0, task);
        this.byKey.set(key, task);
        this.open++;
        this.firstOpen = Math.min(this.firstOpen, place);
        if (this.sweep !== undefined && place < this.sweep)
            this.sweep = place;
        this.backstopAt ??= acceptedAt + BACKSTOP_AFTER * this.settings.maxGapMs;
    }
    /**
     * The tasks to poll now, at most `free` of them (in flight until `heard`), and when to ask
     * again if nothing else happens first (Infinity: when a task is added).
     */
    due(now, free) {
        const poll = [];
        const take = (task, by) => {
            task.inFlight = by;
            task.polledAt = now;
            poll.push(task.key);
        };
        let wakeAt = Infinity;
        while (this.tasks[this.firstOpen]?.ended)
            this.firstOpen++;
        const head = this.firstOpen;
        if (this.sweep === undefined && head < this.tasks.length && !this.tasks[head].inFlight) {
            const at = Math.max(this.headAt, this.eligibleAt(this.tasks[head]));
            if (at <= now)
                [this.sweep, this.sweepEnds] = [head, 0];
            else
                wakeAt = at;
        }
        while (this.sweep !== undefined && poll.length < free) {
            const index = this.nextInSweep();
            if (index === undefined)
                break;
            const task = this.tasks[index];
            if (this.eligibleAt(task) > now) {
                wakeAt = Math.min(wakeAt, this.eligibleAt(task));
                break;
            }
            if (this.sweepEnds > 0 && this.notYetByPace(index, now)) {
                if (this.sweepInFlight === 0)
                    wakeAt = Math.min(wakeAt, this.endSweep(now));
                break;
            }
            if (this.sweepInFlight > 0 && this.sweepInFlight >= 2 ** (this.sweepEnds - 1))
                break;
            this.sweep = index + 1;
            this.sweepInFlight++;
            take(task, 'sweep');
        }
        if (this.backstopAt !== undefined) {
            if (this.backstopAt <= now && poll.length < free) {
                const other = this.backstopTask(now, head);
                if (other)
                    take(other, 'backstop');
                this.backstopAt = now + this.settings.maxGapMs;
            }
            wakeAt = Math.min(wakeAt, this.backstopAt);
        }
        return { poll, wakeAt };
    }
    /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
    heard(key, heard, sentAt, now) {
        const task = this.byKey.get(key);
        if (!task)
            return;
        const index = this.tasks.indexOf(task);
        const by = task.inFlight;
        task.inFlight = undefined;
        if (by === 'sweep')
            this.sweepInFlight--;
        if (heard === 'ended') {
            task.ended = true;
            this.open--;
            this.endedWithin = Math.min(this.endedWithin, now - task.acceptedAt);
            if (by === 'sweep')
                this.sweepEnds++;
            // An ending the backstop saw out of turn: the ones after it may have ended too.
            else if (this.sweep === undefined)
                [this.sweep, this.sweepEnds] = [index + 1, 0];
        }
        else {
            if (heard === 'running')
                this.runningFor = Math.max(this.runningFor, sentAt - task.acceptedAt);
            if (by !== 'sweep' || this.sweep === undefined)
                return;
            const ended = this.tasks.slice(0, index).filter(t => t.ended).length;
            if (ended > 0)
                this.pace = { ended, at: sentAt };
            this.endSweep(now);
        }
    }
    /** Ends the sweep; returns when the head is polled next. */
    endSweep(now) {
        this.sweep = undefined;
        const head = this.tasks.slice(this.firstOpen).find(task => !task.ended);
        const byAge = head ? Math.max(this.minGapMs, LAG_SHARE * (now - head.acceptedAt)) : 0;
        const rate = this.rate();
        const left = rate ? this.tasks[0].acceptedAt + this.tasks.length / rate - now : 0;
        this.headAt = now + Math.min(this.settings.maxGapMs, Math.max(byAge, PACE_SHARE * left));
        return this.headAt;
    }
    /** The next open task of the sweep not in flight; ends a sweep with nothing left. */
    nextInSweep() {
        for (let i = Math.max(this.sweep ?? Infinity, this.firstOpen); i < this.tasks.length; i++) {
            if (!this.tasks[i].ended && !this.tasks[i].inFlight)
                return i;
        }
        if (this.sweepInFlight === 0)
            [this.sweep, this.headAt] = [undefined, 0];
        return undefined;
    }
    eligibleAt(task) {
        return task.acceptedAt + this.settings.pollIntervalMs;
    }
    /**
     * Tasks ended per ms since the first acceptance, counting half of the one running; only
     * once they do not all take the same time (one ran longer than another took to end), as the
     * pace of tasks that end together says nothing of the ones accepted later.
     */
    rate() {
        const elapsed = this.pace ? this.pace.at - this.tasks[0].acceptedAt : 0;
        if (!this.pace || elapsed <= 0 || this.runningFor <= this.endedWithin)
            return undefined;
        return (this.pace.ended + 0.5) / elapsed;
    }
    /** By the pace of tasks that end one after another, task `index`'s turn has not come. */
    notYetByPace(index, now) {
        const rate = this.rate();
        return rate !== undefined && this.tasks[0].acceptedAt + (index + 1) / rate > now;
    }
    /** The open task, other than the head, asked about least recently. */
    backstopTask(now, head) {
        let best;
        for (const task of this.tasks.slice(head + 1)) {
            if (task.ended || task.inFlight || this.eligibleAt(task) > now)
                continue;
            if (!best || task.polledAt < best.polledAt)
                best = task;
        }
        return best;
    }
}

;// CONCATENATED MODULE: ./src/deletion.ts
// The deletion run: sends the batches with bounded concurrency and, beside that, polls every
// accepted task until each batch ends in a known state.
//
// - Up to `concurrency` delete requests and, separately, up to `concurrency` status polls are
//   in flight. Which task is polled when is the schedule's decision (poll-schedule.ts): the
//   oldest unfinished task on a back-off, then the next ones as soon as it has ended, never a
//   task earlier than `pollIntervalMs` after it was accepted.
// - 401/403/407 (from a delete or a status poll) means the key (or the proxy's credentials) is
//   wrong for everything: no further batches are sent ('not-sent') and no further polls made;
//   requests in flight finish, and accepted tasks not yet confirmed are 'failed' (their
//   outcome cannot be learnt any more).
// - `waitTimeoutMs` (with `wait` only) counts from the start of the run, i.e. the first delete
//   request. When it passes, requests in flight are aborted, accepted and in-flight batches are
//   'timed-out' and unsent ones 'not-sent'.
// - Cancellation (`signal`) aborts everything in flight; every unfinished batch is 'cancelled'
//   (accepted ones keep their task ID).
// - The run's status: see finaliseRun below. The decisions (stepPoll, finaliseRun) are pure
//   functions apart from the loops (the DeletionRun class), so they are tested as tables.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.







const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;
/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function runDeletion(batches, api, options) {
    return new DeletionRun(batches, api, options).run();
}
/** The loops of one run and what they share. */
class DeletionRun {
    api;
    options;
    halted;
    fatal;
    batches;
    /** The next batch to send. */
    next = 0;
    /** Unknown status words warned about (once per word per run). */
    toldWords = new Set();
    /** Aborts requests in flight: cancellation, time-out. */
    halt = new AbortController();
    /** Stops new work only, which a wrong key needs: requests already sent may still tell. */
    quiet = new AbortController();
    schedule;
    /** Batches are still being sent, so more tasks may come. */
    submitting = true;
    /** Something changed while the poll loop was busy: it looks again before waiting. */
    woken = false;
    /** Ends the poll loop's current wait. */
    waiting;
    now;
    sleep;
    constructor(batches, api, options) {
        this.api = api;
        this.options = options;
        this.batches = batches.map((ids, index) => ({
            ids,
            result: { index, count: ids.length, status: 'not-sent', counts: {} },
            done: false,
            track: NEW_TRACK
        }));
        this.schedule = new PollSchedule({
            pollIntervalMs: options.pollIntervalMs,
            maxGapMs: options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
        });
        this.now = options.now ?? Date.now;
        // The poller's waits end early, without an error, when new work stops.
        this.sleep = options.sleep ?? ((ms, signal) => (0,throttle/* abortableSleep */.Mf)(ms, signal).catch(() => { }));
        // Every waiting poller and request listens on these: one per batch is expected, not a
        // leak, and Node's warning about it would alarm users reading the log.
        (0,external_node_events_.setMaxListeners)(0, this.halt.signal, this.quiet.signal);
    }
    async run() {
        const { options } = this;
        const startedAt = this.now();
        const onCancel = () => this.stop('cancelled');
        if (options.signal.aborted)
            onCancel();
        else
            options.signal.addEventListener('abort', onCancel, { once: true });
        if (options.wait && options.waitTimeoutMs > 0) {
            // A sleep that rejects on abort must not become an unhandled rejection.
            void this.sleep(options.waitTimeoutMs, this.halt.signal).then(() => this.halt.signal.aborted || this.stop('timed-out'), () => undefined);
        }
        const polling = options.wait ? this.pollLoop() : Promise.resolve();
        const workers = Math.min(Math.max(1, options.concurrency), this.batches.length);
        await Promise.all(Array.from({ length: workers }, () => this.submitter()));
        this.submitting = false;
        this.wake();
        await polling;
        // A cancellation after the run must not stop (and report stopping) a run that is over.
        options.signal.removeEventListener('abort', onCancel);
        this.halt.abort(); // ends the time-out timer
        const { wait, waitTimeoutMs } = options;
        const { warnings, ...end } = finaliseRun(this.batches, this, {
            wait,
            waitTimeoutMs,
            now: this.now()
        });
        for (const warning of warnings)
            options.log.warning(warning);
        return { ...end, elapsedMs: this.now() - startedAt };
    }
    /** Cancellation or time-out: aborts everything in flight. */
    stop(why) {
        if (this.halted)
            return;
        this.halted = why;
        this.options.log.warning(why === 'cancelled'
            ? 'Cancelled: no further requests are made.'
            : `Wait time-out of ${this.options.waitTimeoutMs / 1000} s passed: no further requests are made.`);
        this.halt.abort();
        this.quiet.abort();
        this.wake();
    }
    /** A wrong key: no new work, but what is in flight may finish. */
    stopForKey(failure) {
        if (this.fatal)
            return;
        this.fatal = failure;
        // The run's failing annotation gives the cause and what to do: the log line is enough.
        this.options.log.info(`${keyProblem(failure)}: no further requests are made.`);
        this.quiet.abort();
        this.wake();
    }
    finish(batch, status, from, error) {
        batch.done = true;
        batch.result.status = status;
        if (error)
            batch.result.error = error;
        if (from !== undefined)
            batch.result.durationMs = this.now() - from;
    }
    label(batch) {
        return batchLabel(batch.result, this.batches.length);
    }
    /** Sends batches, one at a time, until none is left or new work stops. */
    async submitter() {
        while (!this.quiet.signal.aborted && this.next < this.batches.length) {
            await this.send(this.batches[this.next++]);
        }
    }
    async send(batch) {
        const { log, wait } = this.options;
        const sentAt = (batch.sentAt = this.now());
        let outcome;
        try {
            outcome = await this.api.deleteProducts(batch.ids, this.halt.signal);
        }
        catch (e) {
            outcome = { ok: false, failure: { message: errorText(e), fatal: false } };
        }
        if (outcome.body !== undefined)
            batch.result.response = outcome.body;
        const what = `${this.label(batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')}`;
        if (outcome.ok) {
            batch.result.counts = outcome.counts;
            if (outcome.taskId === undefined) {
                this.finish(batch, 'succeeded', sentAt);
                log.info(`${what} done at once${(0,task_status/* countsText */.WN)(outcome.counts)}.`);
                return;
            }
            log.info(`${what} accepted as task ${outcome.taskId}.`);
            batch.result.taskId = outcome.taskId;
            batch.acceptedAt = this.now();
            if (!wait)
                return this.finish(batch, 'submitted', sentAt);
            this.schedule.add(batch, batch.acceptedAt, sentAt);
            return this.wake();
        }
        // A failure caused by our own abort says nothing about the batch; the run's stop decides.
        if (this.halt.signal.aborted)
            return;
        const { failure } = outcome;
        this.finish(batch, 'failed', sentAt, failure);
        // A wrong key fails every batch the same way: the run's failure says it once.
        const line = `${what} not deleted: ${(0,message/* failureText */.k)(failure)}`;
        if (!failure.fatal)
            return log.warning(line);
        log.info(line);
        this.stopForKey(failure);
    }
    /**
     * Polls what the schedule says is due, at most `concurrency` at once, until every task has
     * ended and no more can come, or new work stops.
     */
    async pollLoop() {
        const concurrency = Math.max(1, this.options.concurrency);
        const inFlight = new Set();
        while (!this.quiet.signal.aborted) {
            if (!this.submitting && inFlight.size === 0 && this.schedule.open === 0)
                break;
            const now = this.now();
            const { poll, wakeAt } = this.schedule.due(now, concurrency - inFlight.size);
            for (const batch of poll) {
                const request = this.pollOnce(batch, now).finally(() => {
                    inFlight.delete(request);
                    this.wake();
                });
                inFlight.add(request);
            }
            // Every slot taken: the poll that ends first wakes the loop, no timer needed.
            await this.waitForWake(inFlight.size >= concurrency ? MAX_TIMER_MS : wakeAt - now);
        }
        await Promise.all(inFlight);
    }
    /**
     * Tells the poll loop to look again: a task was accepted or answered, sending ended, or new
     * work stopped. A run wakes it a few times per batch: the abort carries a plain reason, as
     * the default one costs a DOMException with its stack each time.
     */
    wake() {
        this.woken = true;
        this.waiting?.abort('woken');
    }
    async waitForWake(ms) {
        if (!this.woken) {
            // One signal, woken by wake() also when new work stops (AbortSignal.any() per wait
            // would cost more than the poll it waits for).
            const waiting = new AbortController();
            this.waiting = waiting;
            await this.sleep(Math.min(MAX_TIMER_MS, Math.max(0, ms)), waiting.signal);
            this.waiting = undefined;
        }
        this.woken = false;
    }
    /** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
    async pollOnce(batch, sentAt) {
        const { log, retries } = this.options;
        let answer;
        try {
            answer = await this.api.getStatus(batch.result.taskId ?? '', this.halt.signal);
        }
        catch (e) {
            answer = { httpStatus: 0, body: errorText(e) };
        }
        if (this.halt.signal.aborted)
            return;
        const label = this.label(batch);
        let step;
        try {
            const reading = (0,task_status/* readTaskStatus */.gI)(answer);
            log.debug(`${label}: HTTP ${answer.httpStatus}, ${(0,task_status/* describeReading */.YB)(reading)}`);
            if (answer.httpStatus !== 0)
                batch.result.response = answer.body;
            batch.result.counts = { ...batch.result.counts, ...reading.counts };
            batch.lastReading = reading;
            step = stepPoll(answer, reading, batch.track, { label, retries, toldWords: this.toldWords });
        }
        catch (e) {
            // A fault in reading one answer ends that task only; the run and its report go on.
            step = givenUp(answer, `status answer could not be read: ${errorText(e)}`, label);
        }
        let heard = 'ended';
        if (step.kind === 'stop-for-key') {
            this.finish(batch, 'failed', batch.acceptedAt, step.failure);
            this.stopForKey(step.failure);
        }
        else if (step.kind === 'finish') {
            this.finish(batch, step.status, batch.acceptedAt, step.error);
            if (step.info !== undefined)
                log.info(step.info);
            if (step.warning !== undefined)
                log.warning(step.warning);
        }
        else {
            batch.track = step.track;
            if (step.newWord !== undefined)
                this.toldWords.add(step.newWord);
            if (step.warning !== undefined)
                log.warning(step.warning);
            heard = (0,http_policy/* isTransientStatus */.Dm)(answer.httpStatus) ? 'no-news' : 'running';
        }
        this.schedule.heard(batch, heard, sentAt, this.now());
    }
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
const NEW_TRACK = { transientInRow: 0, toldUnknown: false };
/** Decides what one status answer (and its reading) means for its task. */
function stepPoll(answer, reading, track, context) {
    const { label, toldWords } = context;
    const { httpStatus } = answer;
    if ((0,http_policy/* stopsTheRun */.Ek)(httpStatus)) {
        const failure = { httpStatus, message: (0,message/* misoMessage */.a)(httpStatus, answer.body), fatal: true };
        return { kind: 'stop-for-key', failure };
    }
    const line = `${label}: ${(0,task_status/* describeReading */.YB)(reading)}`;
    if (reading.state === 'succeeded')
        return { kind: 'finish', status: 'succeeded', info: line };
    if (reading.state === 'failed') {
        const error = { httpStatus, message: reading.note ?? '', fatal: false };
        return { kind: 'finish', status: 'failed', error, warning: line };
    }
    if ((0,http_policy/* isTransientStatus */.Dm)(httpStatus)) {
        const transientInRow = track.transientInRow + 1;
        if (transientInRow <= context.retries) {
            return { kind: 'continue', track: { ...track, transientInRow } };
        }
        const message = `status unavailable ${transientInRow} times in a row, last: ${reading.note}`;
        return givenUp(answer, message, label);
    }
    const next = { ...track, transientInRow: 0 };
    const { state, word, note } = reading;
    if (state !== 'unknown' || (word !== undefined ? toldWords.has(word) : track.toldUnknown)) {
        return { kind: 'continue', track: next };
    }
    if (word !== undefined) {
        return {
            kind: 'continue',
            track: next,
            newWord: word,
            warning: `${label}: ${note}; still polling.`
        };
    }
    const warning = `${label}: unknown answer (${note}); still polling.`;
    return { kind: 'continue', track: { ...next, toldUnknown: true }, warning };
}
/** Fails a task the run gives up on (its status cannot be learnt), with `message`. */
function givenUp(answer, message, label) {
    const httpStatus = answer.httpStatus !== 0 ? { httpStatus: answer.httpStatus } : {};
    return {
        kind: 'finish',
        status: 'failed',
        error: { ...httpStatus, message, fatal: false },
        warning: `${label}: ${message}; counted as failed.`
    };
}
/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out';
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
function finaliseRun(batches, stop, settings) {
    const { halted, fatal } = stop;
    const warnings = [];
    const results = batches.map((batch) => {
        if (batch.done)
            return batch.result;
        const from = batch.acceptedAt ?? batch.sentAt;
        const durationMs = from !== undefined ? { durationMs: settings.now - from } : {};
        if (halted === 'cancelled')
            return { ...batch.result, status: 'cancelled', ...durationMs };
        if (batch.sentAt === undefined)
            return { ...batch.result, status: 'not-sent' };
        if (halted === 'timed-out') {
            const last = batch.lastReading ? (0,task_status/* describeReading */.YB)(batch.lastReading) : 'no answer yet';
            warnings.push(`${batchLabel(batch.result, batches.length)}: timed out; last status: ${last}`);
            return { ...batch.result, status: 'timed-out', ...durationMs };
        }
        // Not reached without `fatal`: the loops end only when every sent batch is done or the
        // run stopped.
        if (!fatal)
            return batch.result;
        const message = `not confirmed: the run stopped (${keyProblem(fatal)})`;
        const error = { httpStatus: fatal.httpStatus, message, fatal: true };
        return { ...batch.result, status: 'failed', error, ...durationMs };
    });
    // Without waiting, a batch Miso did at once counts as done too.
    const counted = (status) => status === 'succeeded' || (!settings.wait && status === 'submitted');
    const stoppedBy = halted === 'cancelled'
        ? 'cancelled'
        : fatal
            ? keyProblem(fatal)
            : halted === 'timed-out'
                ? `wait-timeout of ${settings.waitTimeoutMs / 1000} s`
                : undefined;
    return {
        status: overallStatus(results, settings.wait),
        batches: results,
        taskIds: results.flatMap(r => (r.taskId !== undefined ? [r.taskId] : [])),
        failedCount: results.reduce((sum, r) => sum + (counted(r.status) ? 0 : r.count), 0),
        ...(stoppedBy !== undefined ? { stoppedBy } : {}),
        warnings
    };
}
function overallStatus(results, wait) {
    const has = (status) => results.some(r => r.status === status);
    if (has('cancelled'))
        return 'cancelled';
    if (has('failed'))
        return 'failed';
    if (has('timed-out') || has('not-sent'))
        return 'timed-out';
    return wait || !has('submitted') ? 'succeeded' : 'submitted';
}
/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel(result, total) {
    return result.taskId !== undefined
        ? `Task ${result.taskId}`
        : `Batch ${result.index + 1}/${total}`;
}
function keyProblem(failure) {
    if (failure.httpStatus === 407)
        return 'the proxy refused the credentials (HTTP 407)';
    const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key';
    return `${what} (HTTP ${failure.httpStatus ?? '?'})`;
}

// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/undo/backup.ts
// The undo's first half: before the first delete, every record is fetched and written to a
// backup file, one JSON object per line, so `restore-file` can upload them back. A record
// that cannot be fetched is not deleted: without its backup the deletion could not be undone.



/** `backup: auto` backs up runs of at most this many IDs (one request per ID). */
const AUTO_BACKUP_MOST = 1000;
/** Whether this run backs up, telling the log when `auto` skips a large run. */
function backupWanted(setting, ids, log) {
    if (setting !== 'auto')
        return setting === 'true';
    if (ids <= AUTO_BACKUP_MOST)
        return true;
    log.notice(`No backup: ${ids} IDs is more than the ${AUTO_BACKUP_MOST} that \`backup: auto\` backs up (one request per ID). Set \`backup: true\` to back up any number; this deletion cannot be undone.`);
    return false;
}
/**
 * Fetches every record with `concurrency` requests at once (the client's throttle and retries
 * apply) and appends each, as it comes, to a new file under `runnerTemp`: a cancelled or
 * killed run leaves the backup it made so far.
 */
async function backUp(ids, client, options) {
    const { signal, log } = options;
    const info = { path: '', count: 0, notFound: 0, unfetched: [], cancelled: false };
    const write = (record) => {
        if (!info.path) {
            const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join(options.runnerTemp, 'miso-backup-'));
            info.path = external_node_path_.join(dir, 'backup.jsonl');
        }
        (0,external_node_fs_.appendFileSync)(info.path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
        info.count++;
    };
    let next = 0;
    const worker = async () => {
        while (next < ids.length && !signal.aborted && !info.stoppedBy) {
            const id = ids[next++];
            const got = await client.getRecord(id, signal);
            if (signal.aborted)
                return;
            if (!got.ok && got.failure.fatal)
                info.stoppedBy = got.failure;
            else if (!got.ok)
                info.unfetched.push({ id, failure: got.failure });
            else if (got.record === undefined)
                info.notFound++;
            else
                write(got.record);
        }
    };
    const workers = Math.min(Math.max(1, options.concurrency), ids.length);
    await Promise.all(Array.from({ length: workers }, worker));
    info.cancelled = signal.aborted;
    log.info(`Backup: ${(0,plural/* plural */.L)(info.count, 'record')} written${info.path ? ` to ${info.path}` : ''}` +
        (info.notFound > 0 ? `; ${info.notFound} not in Miso (404, nothing to back up)` : '') +
        (info.unfetched.length > 0
            ? `; ${(0,plural/* plural */.L)(info.unfetched.length, 'record')} could not be fetched and will not be deleted`
            : '') +
        (info.cancelled ? '; cancelled before the backup was complete, nothing was deleted' : '') +
        '.');
    return info;
}

// EXTERNAL MODULE: ./src/undo/restore.ts
var undo_restore = __webpack_require__(4080);
;// CONCATENATED MODULE: ./src/undo/undo-run.ts
// A real run's sending step with its undo: a restore uploads the backup's records; a deletion
// first backs its records up (when `backup` says so) and leaves undeleted every record it
// could not back up.





/** Sends the plan: uploads `restore`'s records when given, else deletes (after the backup). */
async function sendPlan(report, plan, settings, client, restore, options) {
    if (restore) {
        report.undo = { restoring: true };
        report.deletion = await runDeletion(plan.batches, (0,undo_restore.restoreApi)(client, restore), options);
        const { status } = report.deletion;
        report.status = status === 'succeeded' ? 'restored' : status;
        return;
    }
    let batches = plan.batches;
    let api = client;
    let backup;
    if (backupWanted(settings.backup, plan.ids.length, options.log)) {
        backup = await backUp(plan.ids, client, { ...options, runnerTemp: settings.runnerTemp });
        report.undo = { backup };
        if (backup.cancelled) {
            report.status = 'cancelled';
            return;
        }
        const { stoppedBy } = backup;
        // A refused key fails the run as the first delete would have, and nothing is sent.
        if (stoppedBy) {
            api = {
                deleteProducts: async () => ({ ok: false, failure: stoppedBy }),
                getStatus: (taskId, signal) => client.getStatus(taskId, signal)
            };
        }
        const unfetched = new Set(backup.unfetched.map(u => u.id));
        if (unfetched.size > 0) {
            batches = (0,src_plan/* toBatches */.kn)(plan.ids.filter(id => !unfetched.has(id)), settings.batchSize);
        }
    }
    const deletion = await runDeletion(batches, api, options);
    if (backup && backup.unfetched.length > 0)
        leftUndeleted(plan, batches, deletion, backup);
    report.deletion = deletion;
    report.status = deletion.status;
}
/**
 * The records that could not be backed up as one more batch, failed and never sent: counted
 * in `failed-count`, listed in the rerun file, shown with their reason.
 */
function leftUndeleted(plan, sent, deletion, backup) {
    const ids = backup.unfetched.map(u => u.id);
    const { failure } = backup.unfetched[0];
    plan.batches = [...sent, ids];
    deletion.batches.push({
        index: sent.length,
        count: ids.length,
        status: 'failed',
        counts: {},
        error: {
            ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
            message: `not deleted: ${(0,plural/* plural */.L)(ids.length, 'record')} could not be backed up (${failure.message})`,
            fatal: false
        }
    });
    deletion.failedCount += ids.length;
    if (deletion.status === 'succeeded' || deletion.status === 'submitted')
        deletion.status = 'failed';
}


/***/ })

};
