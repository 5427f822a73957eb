export const id = 270;
export const ids = [270,625];
export const modules = {

/***/ 7750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qG: () => (/* binding */ accepted),
  st: () => (/* binding */ runDeletion),
  em: () => (/* binding */ runStatus)
});

// UNUSED EXPORTS: finaliseRun

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
// EXTERNAL MODULE: ./src/miso/answers.ts
var answers = __webpack_require__(7667);
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
/** The longest gap between polls of the oldest unfinished task, unless set. */
const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;
const MIN_GAP_MS = 1000;
const LAG_SHARE = 0.06;
const PACE_SHARE = 0.6;
/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
const BACKSTOP_AFTER = 2;
/**
 * The schedule of a run's polls; `K` is the caller's handle of a task. No task is polled
 * before `pollIntervalMs` after its acceptance; `maxGapMs`: the longest gap between the head's
 * polls, and the backstop's period.
 */
class PollSchedule {
    pollIntervalMs;
    maxGapMs;
    /** In the order their delete requests were sent. */
    tasks = [];
    /** Every task before this index has ended. */
    firstOpen = 0;
    /** Tasks accepted and not ended (read-only outside). */
    open = 0;
    /** The next task a sweep looks at; undefined when no sweep is on. */
    sweep;
    sweepInFlight = 0;
    sweepEnds = 0;
    /** When the head is polled next (outside a sweep), and the backstop (from the first task). */
    headAt = 0;
    backstopAt = Infinity;
    /** `ended` tasks had ended by `at`, and the next had not. */
    pace;
    /** Longest seen running and shortest seen ended, from acceptance: tasks that end together. */
    runningFor = 0;
    endedWithin = Infinity;
    constructor(pollIntervalMs, maxGapMs = DEFAULT_MAX_POLL_INTERVAL_MS) {
        this.pollIntervalMs = pollIntervalMs;
        this.maxGapMs = maxGapMs;
    }
    /** A task was accepted; it takes its place by `sentAt`, as answers may arrive out of order. */
    add(key, acceptedAt, sentAt = acceptedAt) {
        const dueAt = acceptedAt + this.pollIntervalMs;
        const task = { key, sentAt, acceptedAt, dueAt, ended: false, polledAt: -Infinity };
        let place = this.tasks.length;
        while (place > 0 && this.tasks[place - 1].sentAt > sentAt)
            place--;
        this.tasks.splice(place, 0, task);
        this.open++;
        this.firstOpen = Math.min(this.firstOpen, place);
        if (this.sweep !== undefined && place < this.sweep)
            this.sweep = place;
        if (this.backstopAt === Infinity)
            this.backstopAt = acceptedAt + BACKSTOP_AFTER * this.maxGapMs;
    }
    /**
     * The tasks to poll now, at most `free` of them (in flight until `heard`), and when to ask
     * again if nothing else happens first (Infinity: when a task is added).
     */
    due(now, free) {
        const poll = [];
        const take = (task, by) => poll.push(Object.assign(task, { inFlight: by, polledAt: now }).key);
        let wakeAt = Infinity;
        while (this.tasks[this.firstOpen]?.ended)
            this.firstOpen++;
        const head = this.firstOpen;
        if (this.sweep === undefined && head < this.tasks.length && !this.tasks[head].inFlight) {
            const at = Math.max(this.headAt, this.tasks[head].dueAt);
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
            if (task.dueAt > now) {
                wakeAt = Math.min(wakeAt, task.dueAt);
                break;
            }
            // By the pace of tasks that end one after another, this one's turn has not come.
            const rate = this.sweepEnds > 0 && this.rate();
            if (rate && this.tasks[0].acceptedAt + (index + 1) / rate > now) {
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
        if (this.backstopAt <= now && poll.length < free) {
            // The open task, other than the head, asked about least recently.
            const [other] = this.tasks
                .slice(head + 1)
                .filter(t => !t.ended && !t.inFlight && t.dueAt <= now)
                .sort((a, b) => a.polledAt - b.polledAt);
            if (other)
                take(other, 'backstop');
            this.backstopAt = now + this.maxGapMs;
        }
        return { poll, wakeAt: Math.min(wakeAt, this.backstopAt) };
    }
    /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
    heard(key, heard, sentAt, now) {
        const index = this.tasks.findIndex(t => t.key === key);
        const task = this.tasks[index];
        if (!task)
            return;
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
        const minGap = Math.min(MIN_GAP_MS, this.pollIntervalMs / 2);
        const byAge = head ? Math.max(minGap, LAG_SHARE * (now - head.acceptedAt)) : 0;
        const rate = this.rate();
        const left = rate ? this.tasks[0].acceptedAt + this.tasks.length / rate - now : 0;
        this.headAt = now + Math.min(this.maxGapMs, Math.max(byAge, PACE_SHARE * left));
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
// - The run's status: see finaliseRun below, a pure function tested as a table.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.







/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function runDeletion(batches, api, options) {
    return new DeletionRun(batches, api, options).run();
}
/** The loops of one run and what they share. */
class DeletionRun {
    api;
    options;
    /** Cancellation or the wait time-out aborted everything in flight. */
    halted;
    /** A 401/403/407 stopped new work; requests already sent may still tell. */
    fatal;
    batches;
    /** The next batch to send. */
    next = 0;
    /**
     * What the log said once: each unknown status word (once per run) and, for an unknown
     * answer without one, `Task <id>` (once per task; words are lower case).
     */
    told = new Set();
    /** Aborts requests in flight: cancellation, time-out, the end of the run. */
    halt = new AbortController();
    schedule;
    /** Batches are still being sent, so more tasks may come. */
    submitting = true;
    /** Something changed while the poll loop was busy: it looks again before waiting. */
    woken = false;
    /** Ends the poll loop's current wait (aborting a past one does nothing). */
    waiting;
    now = () => this.options.now?.() ?? Date.now();
    /** The poller's waits end early, without an error, when new work stops. */
    sleep = (ms, signal) => (this.options.sleep ?? throttle/* abortableSleep */.Mf)(ms, signal).catch(() => { });
    constructor(batches, api, options) {
        this.api = api;
        this.options = options;
        this.batches = batches.map((ids, index) => ({
            ids,
            result: { index, count: ids.length, status: 'not-sent', counts: {} },
            transientInRow: 0
        }));
        this.schedule = new PollSchedule(options.pollIntervalMs, options.maxPollIntervalMs);
        // Every request listens on this: one per batch is expected, not a leak, and Node's
        // warning about it would alarm users reading the log.
        (0,external_node_events_.setMaxListeners)(0, this.halt.signal);
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
            void this.sleep(options.waitTimeoutMs, this.halt.signal).then(() => this.stop('timed-out'));
        }
        const polling = options.wait && this.pollLoop();
        const workers = Math.min(Math.max(1, options.concurrency), this.batches.length);
        await Promise.all(Array.from({ length: workers }, () => this.submitter()));
        this.submitting = false;
        this.wake();
        await polling;
        // A cancellation after the run must not stop (and report stopping) a run that is over.
        options.signal.removeEventListener('abort', onCancel);
        this.halt.abort(); // ends the time-out timer
        const end = finaliseRun(this.batches, this, { ...options, now: this.now() });
        return { ...end, elapsedMs: this.now() - startedAt };
    }
    /** Cancellation or time-out: aborts everything in flight (once, and not after the run). */
    stop(why) {
        if (this.halt.signal.aborted)
            return;
        this.halted = why;
        const { log, waitTimeoutMs } = this.options;
        const what = why === 'cancelled' ? 'Cancelled' : `Wait time-out of ${waitTimeoutMs / 1000} s passed`;
        log.warning(`${what}: no further requests are made.`);
        this.halt.abort();
        this.wake();
    }
    /**
     * Ends `batch`, timed from its acceptance, else from sending. A fatal `error` (a wrong key)
     * stops new work; what is in flight may finish.
     */
    finish(batch, status, error) {
        const durationMs = this.now() - (batch.acceptedAt ?? batch.sentAt ?? 0);
        Object.assign(batch.result, { status, durationMs }, error && { error });
        if (!error?.fatal || this.fatal)
            return;
        this.fatal = error;
        // The run's failing annotation gives the cause and what to do: the log line is enough.
        this.options.log.info(`${keyProblem(error)}: no further requests are made.`);
        this.wake();
    }
    label = (batch) => batchLabel(batch.result, this.batches.length);
    /** Sends batches, one at a time, until none is left or new work stops. */
    async submitter() {
        while (!this.halted && !this.fatal && this.next < this.batches.length)
            await this.send(this.batches[this.next++]);
    }
    async send(batch) {
        const { log, wait } = this.options;
        batch.sentAt = this.now();
        const outcome = await settle(() => this.api.deleteProducts(batch.ids, this.halt.signal), (e) => ({ ok: false, failure: { message: (0,answers/* errorText */.kc)(e), fatal: false } }));
        if (outcome.body !== undefined)
            batch.result.response = outcome.body;
        const what = `${this.label(batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')}`;
        if (outcome.ok) {
            const { counts, taskId } = outcome;
            batch.result.counts = counts;
            if (taskId === undefined) {
                log.info(`${what} done at once${(0,answers/* countsText */.WN)(counts)}.`);
                return this.finish(batch, 'succeeded');
            }
            log.info(`${what} accepted as task ${taskId}.`);
            batch.result.taskId = taskId;
            if (!wait)
                return this.finish(batch, 'submitted');
            batch.acceptedAt = this.now();
            this.schedule.add(batch, batch.acceptedAt, batch.sentAt);
            return this.wake();
        }
        // A failure caused by our own abort says nothing about the batch; the run's stop decides.
        if (this.halt.signal.aborted)
            return;
        const { failure } = outcome;
        // A wrong key fails every batch the same way: the run's failure says it once.
        log[failure.fatal ? 'info' : 'warning'](`${what} not deleted: ${(0,answers/* failureText */.kY)(failure)}`);
        this.finish(batch, 'failed', failure);
    }
    /**
     * Polls what the schedule says is due, at most `concurrency` at once, until every task has
     * ended and no more can come, or new work stops.
     */
    async pollLoop() {
        const concurrency = Math.max(1, this.options.concurrency);
        const inFlight = new Set();
        while (!this.halted && !this.fatal) {
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
            if (!this.woken) {
                // Every slot taken: the poll that ends first wakes the loop, no timer needed. One
                // signal, woken by wake() also when new work stops (AbortSignal.any() per wait would
                // cost more than the poll it waits for).
                const ms = inFlight.size >= concurrency ? MAX_TIMER_MS : Math.max(0, wakeAt - now);
                this.waiting = new AbortController();
                await this.sleep(Math.min(MAX_TIMER_MS, ms), this.waiting.signal);
            }
            this.woken = false;
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
    /** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
    async pollOnce(batch, sentAt) {
        const answer = await settle(() => this.api.getStatus(batch.result.taskId ?? '', this.halt.signal), (e) => ({ httpStatus: 0, body: (0,answers/* errorText */.kc)(e) }));
        if (this.halt.signal.aborted)
            return;
        // A fault in reading one answer ends that task only; the run and its report go on.
        const heard = await settle(() => this.read(batch, answer), e => this.giveUp(batch, answer.httpStatus, `status answer could not be read: ${(0,answers/* errorText */.kc)(e)}`));
        this.schedule.heard(batch, heard, sentAt, this.now());
    }
    /** What one status answer means for its task, which it ends if it can. */
    read(batch, { httpStatus, body }) {
        const { log, retries } = this.options;
        const label = this.label(batch);
        const reading = (0,answers/* readTaskStatus */.gI)({ httpStatus, body });
        const { state, word, note } = reading;
        log.debug(`${label}: HTTP ${httpStatus}, ${(0,answers/* describeReading */.YB)(reading)}`);
        if (httpStatus !== 0)
            batch.result.response = body;
        batch.result.counts = { ...batch.result.counts, ...reading.counts };
        batch.lastReading = reading;
        const policy = (0,http_policy/* classifyStatus */.xo)(httpStatus);
        // A refused key or proxy (always read as 'failed') stops the run; its failure says it once.
        if (state === 'succeeded' || state === 'failed') {
            const fatal = policy === 'stops-run';
            const message = fatal ? (0,answers/* misoMessage */.ao)(httpStatus, body) : (note ?? '');
            const failed = state === 'failed' && { httpStatus, message, fatal };
            this.finish(batch, state, failed || undefined);
            if (!fatal)
                log[failed ? 'warning' : 'info'](`${label}: ${(0,answers/* describeReading */.YB)(reading)}`);
            return 'ended';
        }
        if (policy === 'retry') {
            if (++batch.transientInRow <= retries)
                return 'no-news';
            const message = `status unavailable ${batch.transientInRow} times in a row, last: ${note}`;
            return this.giveUp(batch, httpStatus, message);
        }
        batch.transientInRow = 0;
        if (state === 'unknown' && !this.told.has(word ?? label)) {
            this.told.add(word ?? label);
            log.warning(`${label}: ${word ? note : `unknown answer (${note})`}; still polling.`);
        }
        return 'running';
    }
    /** Fails a task whose status cannot be learnt, with `message`. */
    giveUp(batch, httpStatus, message) {
        this.finish(batch, 'failed', { ...(httpStatus !== 0 && { httpStatus }), message, fatal: false });
        this.options.log.warning(`${this.label(batch)}: ${message}; counted as failed.`);
        return 'ended';
    }
}
/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out', with a log line naming its last status;
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
function finaliseRun(batches, { halted, fatal }, { waitTimeoutMs, log, now }) {
    const results = batches.map(({ result, sentAt, acceptedAt, lastReading }) => {
        if (result.status !== 'not-sent')
            return result;
        const from = acceptedAt ?? sentAt;
        const ended = from !== undefined ? { durationMs: now - from } : {};
        if (halted === 'cancelled')
            return { ...result, status: 'cancelled', ...ended };
        if (sentAt === undefined)
            return result;
        if (halted === 'timed-out') {
            const last = lastReading ? (0,answers/* describeReading */.YB)(lastReading) : 'no answer yet';
            log.warning(`${batchLabel(result, batches.length)}: timed out; last status: ${last}`);
            return { ...result, status: 'timed-out', ...ended };
        }
        // Not reached without `fatal`: the loops end only when every sent batch is done or the
        // run stopped.
        if (!fatal)
            return result;
        const message = `not confirmed: the run stopped (${keyProblem(fatal)})`;
        const error = { httpStatus: fatal.httpStatus, message, fatal: true };
        return { ...result, status: 'failed', error, ...ended };
    });
    const timedOut = halted === 'timed-out' && `wait-timeout of ${waitTimeoutMs / 1000} s`;
    const stoppedBy = halted === 'cancelled' ? halted : fatal ? keyProblem(fatal) : timedOut;
    return {
        status: runStatus(results),
        batches: results,
        taskIds: results.flatMap(r => r.taskId ?? []),
        failedCount: results.reduce((sum, r) => sum + (accepted(r) ? 0 : r.count), 0),
        ...(stoppedBy ? { stoppedBy } : {})
    };
}
/** The run's status: its most important batch outcome, in finaliseRun's order. */
function runStatus(results) {
    const has = (status) => results.some(r => r.status === status);
    // Last, 'submitted': a task left running (without waiting) is done all the same.
    const worst = ['cancelled', 'failed', 'timed-out', 'not-sent', 'submitted'].find(has);
    return worst === 'not-sent' ? 'timed-out' : (worst ?? 'succeeded');
}
/** A batch Miso deleted, or accepted by a run that does not wait (only such a run submits). */
const accepted = ({ status }) => status === 'succeeded' || status === 'submitted';
/** What `call` resolves to, or `onError` of what it threw or rejected with (never rejects). */
function settle(call, onError) {
    return Promise.resolve().then(call).catch(onError);
}
/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel({ taskId, index }, total) {
    return taskId !== undefined ? `Task ${taskId}` : `Batch ${index + 1}/${total}`;
}
function keyProblem(failure) {
    if (failure.httpStatus === 407)
        return 'the proxy refused the credentials (HTTP 407)';
    const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key';
    return `${what} (HTTP ${failure.httpStatus ?? '?'})`;
}


/***/ }),

/***/ 4528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o2: () => (/* binding */ UnreadableFileError),
/* harmony export */   zu: () => (/* binding */ commitFiles)
/* harmony export */ });
/* unused harmony export MAX_LINKED_PATHS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _ids_formats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7438);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9133);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8679);
// The files of a commit as a checkout of it would show them, read from git's objects
// (git or the GitHub REST API): symbolic links resolved inside the repository, Git LFS
// pointers, binary files and text not in UTF-8 refused, submodules set apart. Never the raw
// text of a link.





/**
 * A file at a commit whose IDs cannot be read (unparseable, binary, in LFS, a broken link): it
 * may name a product, so the run stops. `next` says what to do about it.
 */
class UnreadableFileError extends Error {
    file;
    commit;
    next;
    name = 'UnreadableFileError';
    constructor(file, commit, message, next = 'Nothing was sent to Miso. Fix the file in a new commit: running this commit again reads the same file.', options) {
        super(message, options);
        this.file = file;
        this.commit = commit;
        this.next = next;
    }
}
const LINK = '120000';
const SUBMODULE = '160000';
/** As Linux's ELOOP: more links than this on one path is a loop. */
const MAX_LINKS = 40;
/** Git LFS pointer files are small text files starting with this line. */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/;
/**
 * The most paths the links to folders of one commit may add (see docs/behaviour.md): far more
 * than a catalog holds, few enough that listing them stays quick. Links past it stop the run.
 */
const MAX_LINKED_PATHS = 500_000;
/** Trees are listed (and their links read) once per commit. */
function commitFiles(reader, maxLinkedPaths = MAX_LINKED_PATHS) {
    const trees = new Map();
    const tree = (commit) => trees.get(commit) ?? trees.set(commit, treeOf(reader, commit)).get(commit);
    return {
        async paths(commit) {
            const { files, targets } = await tree(commit);
            const folders = folderLinks(files, targets);
            const own = [...files.keys()].filter(p => files.get(p)?.mode !== SUBMODULE && !folders.has(p));
            // One level: a link to a folder inside a linked folder shows under its own path only.
            const inside = (folder) => own.filter(p => p.startsWith(`${folder}/`));
            const counts = [...folders].map(([link, folder]) => [link, inside(folder).length]);
            refuseLinkFlood(commit, counts, folders, maxLinkedPaths);
            const linked = [...folders].flatMap(([link, folder]) => inside(folder).map(p => `${link}${p.slice(folder.length)}`));
            return [...own, ...linked];
        },
        async submodules(commit) {
            const { files } = await tree(commit);
            return [...files.keys()].filter(p => files.get(p)?.mode === SUBMODULE);
        },
        async read(commit, paths) {
            const { files, targets } = await tree(commit);
            const fail = (file, problem) => {
                throw new UnreadableFileError(file, commit, `${file} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)} ${problem}`);
            };
            const real = paths.map(file => realPath(file, files, targets, fail));
            const lfs = await lfsRule(reader, files);
            const contents = await reader.blobs(real.map(r => files.get(r).object));
            const texts = new Map();
            paths.forEach((file, i) => {
                const bytes = contents.get(files.get(real[i]).object);
                const via = real[i] === file ? '' : ` (a link to ${real[i]})`;
                if (lfs(file) || lfs(real[i]) || isLfsPointer(bytes)) {
                    fail(file, `is stored in Git LFS${via}: git holds only a pointer to its content, so its IDs cannot be read. Keep ID lists and the content files read by \`id-from\` out of LFS (see .gitattributes).`);
                }
                if (bytes.includes(0))
                    fail(file, `is binary${via} (it contains NUL bytes), not text`);
                const text = (0,_ids_formats_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeUtf8 */ ._6)(bytes);
                texts.set(file, text ?? fail(file, `is not valid UTF-8 text${via} ${_ids_formats_js__WEBPACK_IMPORTED_MODULE_1__/* .SAVE_AS_UTF8 */ .Rm}`));
            });
            return texts;
        }
    };
}
async function treeOf(reader, commit) {
    const files = await reader.tree(commit);
    const links = [...files].filter(([, e]) => e.mode === LINK);
    const blobs = await reader.blobs(links.map(([, e]) => e.object));
    const targets = new Map(links.map(([p, e]) => [p, String(blobs.get(e.object))]));
    return { files, targets };
}
/**
 * Where a file's content really is at the commit, following links (in any folder of the
 * path) as a checkout would, but only inside the repository.
 */
function realPath(file, files, targets, fail) {
    if (files.get(file)?.mode === SUBMODULE)
        return fail(file, 'is a submodule, not a file');
    // A path under a link to a folder is in no tree: following the links finds its file.
    const followed = follow(file, targets);
    if ('problem' in followed)
        return fail(file, followed.problem);
    const { real } = followed;
    const found = files.get(real);
    if (found?.mode === SUBMODULE)
        return fail(file, `is a symbolic link to the submodule ${real}`);
    if (found)
        return real;
    if (real === file)
        return fail(file, 'is not a file');
    return fail(file, isFolder(real, files)
        ? `is a symbolic link to the folder ${real}, not to a file`
        : `is a symbolic link to ${real}, which does not exist`);
}
/** `path` with every link in it followed, or why it cannot be: the path is not checked. */
function follow(file, targets) {
    const pending = file.split('/');
    const done = [];
    let links = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (done.length === 0)
                return { problem: 'is a symbolic link that leads out of the repository' };
            done.pop();
            continue;
        }
        const here = [...done, part].join('/');
        const target = targets.get(here);
        if (target === undefined) {
            done.push(part);
            continue;
        }
        if (++links > MAX_LINKS)
            return { problem: 'is a symbolic link that loops' };
        if (node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
            return { problem: 'is a symbolic link to an absolute path, outside the repository' };
        }
        pending.unshift(...target.split('/'));
    }
    return { real: done.join('/') };
}
function isFolder(real, files) {
    return [...files.keys()].some(p => p.startsWith(`${real}/`));
}
/**
 * The links that lead to a folder inside the repository: link path → folder. A link that
 * leads to the root or to a folder holding the link itself would repeat the tree without end,
 * and one that leads nowhere or outside shows no files: neither is listed.
 */
function folderLinks(files, targets) {
    const folders = new Map();
    for (const link of targets.keys()) {
        const followed = follow(link, targets);
        if ('problem' in followed)
            continue;
        const { real } = followed;
        if (real === '' || files.has(real) || link.startsWith(`${real}/`))
            continue;
        if (isFolder(real, files))
            folders.set(link, real);
    }
    return folders;
}
/**
 * Fails, naming the largest links, when the links to folders would add more than `max`
 * paths. Their files are live at the links' paths, so leaving any out could delete a product
 * that is still named: the run stops instead, before any call.
 */
function refuseLinkFlood(commit, counts, folders, max) {
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    if (total <= max)
        return;
    const largest = counts.filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a);
    const shown = largest.map(([link, n]) => `${link} -> ${folders.get(link)} (${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(n, 'file')})`);
    throw new Error(`At ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)}, ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(largest.length, 'symbolic link')} to folders would add ${total.toLocaleString('en-US')} paths (more than ${max.toLocaleString('en-US')}, far beyond any catalog): ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .firstOf */ .Ku)(shown, 5)}. ` +
        `A product named under such a link is live at the link's path, so none of them can be left out. ` +
        'Replace the links to large folders by fewer links (or links to the files that are needed), or give the IDs through `product-ids` or `ids-file` instead of the diff source. Nothing was deleted.');
}
/** Git LFS pointer text: git keeps it in place of the file's content. */
function isLfsPointer(bytes) {
    return bytes.length < 1024 && LFS_POINTER.test(bytes.toString('utf8'));
}
/**
 * Whether `.gitattributes` (at the root or in a folder above the file) marks a path
 * `filter=lfs`: later lines, and deeper files, decide over earlier ones, as in git.
 */
async function lfsRule(reader, files) {
    // Shallow folders first, so deeper files' rules come later and win.
    const attributes = [...files]
        .filter(([p, e]) => /(?:^|\/)\.gitattributes$/.test(p) && e.mode !== LINK)
        .sort(([a], [b]) => a.split('/').length - b.split('/').length);
    const blobs = await reader.blobs(attributes.map(([, e]) => e.object));
    const rules = attributes.flatMap(([file, { object }]) => String(blobs.get(object))
        .split(/\r?\n/)
        .flatMap(line => {
        const [pattern, ...attrs] = line.trim().split(/\s+/);
        const filter = attrs.find(a => /^(?:filter=|-filter$|!filter$)/.test(a));
        if (!pattern || pattern.startsWith('#') || filter === undefined)
            return [];
        const dir = file.slice(0, -'.gitattributes'.length);
        // As in .gitignore: a pattern without `/` matches the name in any folder below.
        const glob = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
        const matches = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(glob, { dot: true, windows: false });
        const match = (p) => p.startsWith(dir) && matches(p.slice(dir.length));
        return [{ match, lfs: filter === 'filter=lfs' }];
    }));
    return file => rules.filter(rule => rule.match(file)).pop()?.lfs ?? false;
}


/***/ }),

/***/ 8679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ changeRangeFor),
/* harmony export */   Ku: () => (/* binding */ firstOf),
/* harmony export */   WR: () => (/* binding */ forcedDryRun),
/* harmony export */   _n: () => (/* binding */ pullRequestOf),
/* harmony export */   h0: () => (/* binding */ short)
/* harmony export */ });
/* unused harmony export refProblem */
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4626);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6248);
// Which change a diff source reads, per the event that started the run (the contract's
// "Which change" table). Pure: the payload is plain data, and untrusted.



const ZERO_SHA = /^0+$/;
/**
 * The range to compare for this event. Explicit `base` / `head` inputs override the
 * event's values on every event; a pull request or merge group still only previews.
 */
function changeRangeFor(eventName, payload, inputs) {
    // The `base` and `head` inputs; empty when not given.
    const [base, head] = [inputs.base.trim(), inputs.head.trim()];
    for (const [name, value] of Object.entries({ base, head })) {
        const problem = value === '' ? undefined : refProblem(value);
        if (problem)
            return { error: `The \`${name}\` input ${JSON.stringify(value)} ${problem}.` };
    }
    const range = eventRange(eventName, payload);
    if (range === undefined && !base) {
        return {
            error: `A diff source needs the \`base\` input on ${eventName || 'unknown'} events (the commit to compare \`head\` with).`
        };
    }
    // Inputs can stand in for what the payload lacks.
    if (range === undefined || ('error' in range && base && head)) {
        const to = head || 'HEAD';
        return rangeOf(base, to, `Comparing the \`base\` and \`head\` inputs: ${base}..${to}.`);
    }
    if ('error' in range || (!base && !head))
        return range;
    return overridden(range, base, head, previewReason(eventName, payload) !== undefined);
}
/**
 * Why this run may not delete anything whatever its inputs, or undefined when it may.
 * A pull request that is not merged, and a merge group, only preview; a push or a merged
 * pull request deletes only on a branch that `branches` (the `branches` input) names, and a
 * tag push never does.
 */
function forcedDryRun(eventName, payload, branches) {
    return previewReason(eventName, payload) ?? branchRefusal(eventName, (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload), branches);
}
/** Why this event only previews, whatever its branch: an unmerged pull request, a merge group. */
function previewReason(eventName, payload) {
    if (eventName === 'merge_group') {
        return 'a merge queue check only previews; the push that lands the change deletes';
    }
    if (!(0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
        return undefined;
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    const number = numbered(eventName, p);
    const action = typeof p.action === 'string' ? p.action : 'unknown';
    if (action === 'closed') {
        if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).merged === true)
            return undefined;
        return `pull request${number} was closed without being merged, so nothing is deleted`;
    }
    return `pull request${number} is not merged yet (\`${eventName}\` \`${action}\`): this run only previews; its products are deleted when it is merged`;
}
/**
 * Why a push or a merged pull request may not delete on its branch (the pushed ref; the pull
 * request's base), or undefined when it may. Without `branches`, only the repository's
 * default branch deletes, compared by name (it is not a pattern); with neither, none does.
 */
function branchRefusal(eventName, p, branches) {
    const target = branchOf(eventName, p);
    if (target === undefined || 'refusal' in target)
        return target?.refusal;
    const byDefault = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.repository).default_branch;
    const given = branches.length > 0;
    if (!given && (typeof byDefault !== 'string' || byDefault === '')) {
        return `${target.what}, and the event names no default branch (\`repository.default_branch\`) for the \`branches\` input to default to: set \`branches\` to the branches whose changes delete`;
    }
    if (given ? (0,_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .pathPatterns */ .h)(branches, 'branches').chooses(target.branch) : target.branch === byDefault)
        return undefined;
    const named = given
        ? branches.map(b => `\`${b}\``).join(', ')
        : `the default branch \`${String(byDefault)}\``;
    return `${target.what}, which is not one of the branches that delete (input \`branches\`: ${named})`;
}
/** The branch a push or a pull request event changes, or why it names none that may delete. */
function branchOf(eventName, p) {
    if (eventName === 'push') {
        const ref = typeof p.ref === 'string' ? p.ref : '';
        const [, kind, name] = /^refs\/(heads|tags)\/(.*)$/s.exec(ref) ?? [];
        if (kind === 'heads')
            return { branch: name, what: `the push is to \`${name}\`` };
        const refusal = kind === 'tags'
            ? `the push is of the tag \`${name}\`, and a tag push never deletes (only pushes to the branches of input \`branches\` do)`
            : `the push is of ${ref ? `\`${ref}\`` : 'no ref'}, not of a branch (only pushes to the branches of input \`branches\` delete)`;
        return { refusal };
    }
    if (!(0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
        return undefined;
    const number = numbered(eventName, p);
    const branch = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).base).ref;
    if (typeof branch !== 'string' || branch === '') {
        return { refusal: `pull request${number} names no base branch` };
    }
    return { branch, what: `pull request${number} was merged into \`${branch}\`` };
}
/**
 * The pull request a `pull_request` / `pull_request_target` event is about, or undefined
 * for other events and payloads without a valid number.
 */
function pullRequestOf(eventName, payload) {
    const number = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    const merged = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).merged === true;
    const state = p.action !== 'closed' ? 'open' : merged ? 'merged' : 'closed';
    return number === undefined ? undefined : { number, state };
}
/**
 * Why git would misread this ref from an input, or undefined when it is safe to pass.
 * Refs reach git as arguments, so an option-like or malformed value must never get there.
 */
function refProblem(ref) {
    if (ref.startsWith('-'))
        return "starts with '-'";
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(ref))
        return 'contains control characters';
    if (/\s/.test(ref))
        return 'contains white space';
    if (ref.includes('..'))
        return "contains '..' (give one commit, not a range)";
    // Refspec syntax: fetching `a:b` or `+a` by name would write local refs.
    if (/^[+^]|[:*]/.test(ref))
        return "is not a single commit (it uses ':', '*', or a leading '+' or '^')";
    if (ref.length > 255)
        return 'is longer than 255 characters';
    return undefined;
}
/** The event's own range; undefined for events that name no commits (use the inputs). */
function eventRange(eventName, payload) {
    if (eventName === 'push')
        return pushRange((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload));
    if ((0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
        return pullRequestRange(eventName, payload);
    if (eventName === 'merge_group')
        return mergeGroupRange((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload));
    return undefined;
}
function pushRange(p) {
    const after = sha(p.after);
    const ref = typeof p.ref === 'string' ? p.ref : 'the branch';
    if (!after)
        return { error: 'The push event payload has no valid `after` commit SHA.' };
    const before = sha(p.before);
    // Absent is a new branch; present but not a SHA is a malformed or forged payload.
    if (!before && p.before !== undefined && p.before !== null) {
        return {
            error: `The push event payload's \`before\` is not a commit SHA: ${quoted(p.before)}.`
        };
    }
    if (ZERO_SHA.test(after)) {
        if (!before)
            return { error: `The push deleted ${ref} and names no \`before\` commit.` };
        return rangeOf(before, before, `The push deleted ${ref}: no file changed.`);
    }
    if (!before || ZERO_SHA.test(before)) {
        const notice = `The push created ${ref} (no \`before\` commit), so only its last commit ${short(after)} is compared with its parent. Pass the \`base\` input to compare more.`;
        const reason = `The push created ${ref}: comparing its last commit with its parent (${short(after)}^..${short(after)}).`;
        return rangeOf(`${after}^`, after, reason, [notice]);
    }
    const forced = p.forced === true;
    const reason = `${forced ? 'Force push' : 'Push'} to ${ref}: comparing ${short(before)}..${short(after)}.`;
    return {
        ...rangeOf(before, after, reason),
        baseFallback: {
            base: `${after}^`,
            notice: `The push's \`before\` commit ${short(before)} is not in the history${forced ? ' (a forced push)' : ''}, so only the last commit ${short(after)} is compared with its parent.`
        }
    };
}
function pullRequestRange(eventName, payload) {
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload).pull_request);
    const baseSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.base).sha);
    const headSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.head).sha);
    if (!baseSha || !headSha) {
        return { error: `The ${eventName} event payload has no valid base and head commit SHAs.` };
    }
    const forced = previewReason(eventName, payload);
    const what = `pull request${numbered(eventName, payload)}`;
    // Merged: the live IDs are read at the merge as it landed (merge commit, squash or rebase).
    const mergedAs = forced ? undefined : sha(pr.merge_commit_sha);
    const reason = forced
        ? `Previewing ${what}'s own change (from its merge base with ${short(baseSha)} to ${short(headSha)}): ${forced}.`
        : `${what[0].toUpperCase()}${what.slice(1)} was merged: comparing its own change, from its merge base with ${short(baseSha)} to ${short(headSha)}; the IDs still named are read at ${mergedAs ? `the merge ${short(mergedAs)}` : `its head (the event names no merge commit)`}.`;
    return {
        ...rangeOf(baseSha, headSha, reason),
        result: mergedAs ?? headSha,
        mergeBaseOf: { base: baseSha, head: headSha },
        pullNumber: (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload)
    };
}
function mergeGroupRange(p) {
    const group = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.merge_group);
    const base = sha(group.base_sha);
    const head = sha(group.head_sha);
    if (!base || !head) {
        return { error: 'The merge_group event payload has no valid base_sha and head_sha.' };
    }
    const why = previewReason('merge_group', p);
    return rangeOf(base, head, `Previewing the merge group ${short(base)}..${short(head)}: ${why}.`);
}
/** A range whose result is its head. */
function rangeOf(base, head, reason, notices = []) {
    return { base, head, result: head, reason, notices };
}
/** The event's range with the inputs' commits in place of its own. */
function overridden(range, base, head, previewOnly) {
    const newHead = head || range.head;
    const notice = `The ${[base && '`base`', head && '`head`'].filter(Boolean).join(' and ')} input overrides the event's commits: comparing ${base || range.base}..${newHead}.`;
    if (base) {
        const reason = previewOnly ? `${notice} ${range.reason}` : notice;
        return { ...rangeOf(base, newHead, reason, [notice]), result: head || range.result };
    }
    // The pull request's file list and the fallback describe the event's own head only.
    const { pullNumber: _pullNumber, baseFallback: _baseFallback, ...kept } = range;
    return {
        ...kept,
        head: newHead,
        result: newHead,
        ...(range.mergeBaseOf ? { mergeBaseOf: { base: range.mergeBaseOf.base, head: newHead } } : {}),
        reason: `${notice} ${range.reason}`,
        notices: [...range.notices, notice]
    };
}
/** ` #7` for pull request 7, for a message; empty without a valid number. */
function numbered(eventName, payload) {
    const number = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload);
    return number === undefined ? '' : ` #${number}`;
}
function sha(value) {
    return typeof value === 'string' && _github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .SHA */ .hG.test(value) ? value.toLowerCase() : undefined;
}
/** An untrusted payload value, quoted and cut short for a message. */
function quoted(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function short(commit) {
    return _github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .SHA */ .hG.test(commit) ? commit.slice(0, 12) : commit;
}
/** The first `n` items, then how many more: "a, b, and 3 more". */
function firstOf(items, n) {
    const more = items.length > n ? `, and ${items.length - n} more` : '';
    return items.slice(0, n).join(', ') + more;
}


/***/ }),

/***/ 4626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T5: () => (/* binding */ isPullRequestEvent),
/* harmony export */   ZN: () => (/* binding */ repositoryUrlOf),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   ez: () => (/* binding */ pullNumberOf),
/* harmony export */   hG: () => (/* binding */ SHA),
/* harmony export */   po: () => (/* binding */ apiUrlOf)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
// What the runner's GitHub variables and the event say, each read by one rule here: the
// repository, the pull request, what a commit SHA looks like, where the API and the web are.
// Plain functions of `env` and the payload; the payload itself is read by @actions/github's
// `context` on the runner (runner.ts), which first makes sure a missing or broken file is only
// a warning in the log.

/** A full commit SHA: SHA-1 or SHA-256. */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** `owner/name` from GITHUB_REPOSITORY; undefined when it is not that (a link never guesses). */
function repositoryOf(env) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
    if (!match || [match[1], match[2]].some(name => /^\.+$/.test(name)))
        return undefined;
    return { owner: match[1], repo: match[2] };
}
/** The REST API's root (GITHUB_API_URL, for GitHub Enterprise Server), without a final `/`. */
function apiUrlOf(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * `https://server/owner/name` from GITHUB_SERVER_URL and GITHUB_REPOSITORY, or undefined when
 * either is odd: the server must be a bare http(s) origin, so a link carries no other text.
 */
function repositoryUrlOf(env) {
    const repo = repositoryOf(env);
    const url = env.GITHUB_SERVER_URL ?? '';
    const server = URL.canParse(url) ? new URL(url) : undefined;
    if (!repo || !server || server.pathname !== '/' || !/^https?:$/.test(server.protocol))
        return;
    const plain = !server.username && !server.password && !server.search && !server.hash;
    return plain ? `${server.origin}/${repo.owner}/${repo.repo}` : undefined;
}
function isPullRequestEvent(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target';
}
/** The pull request a pull request event is about; undefined for others and odd numbers. */
function pullNumberOf(eventName, payload) {
    if (!isPullRequestEvent(eventName))
        return undefined;
    const number = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(payload).pull_request).number ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(payload).number;
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
        ? number
        : undefined;
}


/***/ }),

/***/ 2598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   xo: () => (/* binding */ classifyStatus),
/* harmony export */   zc: () => (/* binding */ timeLimit)
/* harmony export */ });
// One HTTP policy for the calls the action makes to Miso (deletes, status polls, listings):
// which answers are worth asking again, which stop the whole run, how long to wait between
// attempts, and each attempt's time limit (GitHub's calls use that too). What each caller does
// with a final refusal is its own business.
/** What an HTTP status (0: no answer at all) means for the request that got it. */
function classifyStatus(status) {
    if (status >= 200 && status <= 299)
        return 'ok';
    // No answer, rate limited or a server error: worth retrying, not a verdict.
    if (status === 0 || status === 429 || (status >= 500 && status <= 599))
        return 'retry';
    // Every other request would get them too: 401 and 403 (the key), 407 (the proxy's credentials).
    return status === 401 || status === 403 || status === 407 ? 'stops-run' : 'refused';
}
const RETRY_AFTER_CAP_MS = 60_000;
/**
 * `Retry-After` in milliseconds, from seconds or an HTTP date, capped at 60 s;
 * undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    const text = value?.trim() ?? '';
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.min(RETRY_AFTER_CAP_MS, Number(text) * 1000);
    // An HTTP date names the day and month; Date.parse alone would also take '-3' as a year.
    const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(date))
        return undefined;
    return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, date - now));
}
/**
 * Full jitter: a random wait below the exponential ceiling (500 ms doubling, at most 30 s), but
 * never before Retry-After.
 */
function retryDelay(index, afterMs, random) {
    const ceiling = Math.min(30_000, 500 * 2 ** index);
    return Math.max(Math.floor(random() * ceiling), afterMs ?? 0);
}
/**
 * A signal that aborts with `signal` or after `ms`, and `done()` to clear it. A plain timer
 * holds it: an `AbortSignal.timeout()` can be collected before it fires on Node 20
 * (nodejs/node#57736), and a request to a server that never answers would then wait forever.
 */
function timeLimit(ms, signal) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => (clearTimeout(timer), signal?.removeEventListener('abort', onAbort));
    return { signal: controller.signal, done };
}


/***/ }),

/***/ 7438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ parseIds),
/* harmony export */   Rm: () => (/* binding */ SAVE_AS_UTF8),
/* harmony export */   VL: () => (/* binding */ readIdFiles),
/* harmony export */   _6: () => (/* binding */ decodeUtf8),
/* harmony export */   mg: () => (/* binding */ IdFileError)
/* harmony export */ });
/* unused harmony exports formatOf, splitLines, idsOfLines */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3382);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8301);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6248);
/* harmony import */ var _id_value_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6409);
/* harmony import */ var _removed_when_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5759);
// The one reader per ID list format, for `ids-file`, `id-list-files`, reconcile's repository
// files and `restore-file` alike: parseIds reads a text (a git blob), readIdFiles the files of
// the `ids-file` input. Files can hold a million IDs, so lines are split natively and kept IDs
// written back into the array of lines.
//
// `ids-file`: paths or glob patterns relative to the workspace, each file parsed by its
// extension. Patterns may come from a pull request's workflow, so every file must stay inside
// the workspace, also through symlinks. An absolute path is taken when it lies inside the
// workspace (`${{ github.workspace }}/...`) or inside `RUNNER_TEMP`, where an earlier step of
// the job may have written the list; the same rules then hold there.
//
// Pattern rules: those of every pattern input (src/patterns.ts): a `!` pattern leaves out
// what it matches, dot files match like any other. A pattern without glob characters is a
// plain path. Every plain pattern must match at least one file that is not left out. The
// walk never enters `.git` folders: git's own files are no ID lists.








/**
 * The longest line a text ID file may hold, in UTF-16 units: far beyond any ID, far below
 * V8's longest string, so a file that is no list (one 600 MB line) fails naming the line.
 */
const MAX_LINE_CHARS = 1024 * 1024;
/**
 * A file's content is not a valid ID list; the message names the file and the position
 * (`line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole).
 */
class IdFileError extends Error {
    file;
    position;
    name = 'IdFileError';
    constructor(file, position, problem) {
        super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`);
        this.file = file;
        this.position = position;
    }
}
/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
function formatOf(fileName) {
    const extension = /\.(csv|tsv|json|jsonl|ndjson)$/i.exec(fileName)?.[1].toLowerCase();
    return extension === 'ndjson' ? 'jsonl' : (extension ?? 'lines');
}
const INPUT = 'ids-file';
const NO_MATCH = 'Likely causes: no `actions/checkout` step before this one, a path relative to the wrong folder (relative paths start at the workspace), or a file an earlier step did not write.';
const MiB = 1024 * 1024;
/**
 * One group per matched file, sorted by name (workspace-relative with forward slashes; a
 * file under `runnerTemp` by its absolute path), each file once. Throws for a pattern that
 * matches nothing, a path outside the workspace and `runnerTemp`, a directory, an unreadable
 * or binary file, and (IdFileError) a malformed ID list.
 */
async function readIdFiles(patterns, workspaceDir, idField, runnerTemp, options = {}) {
    const rootOf = async (dir, label) => {
        const given = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
        const prefix = label === 'RUNNER_TEMP' ? `${toSlashes(given)}/` : '';
        return { given, real: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir), prefix, label };
    };
    const roots = [await rootOf(workspaceDir, 'the workspace')];
    // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
    const temp = runnerTemp && (await rootOf(runnerTemp, 'RUNNER_TEMP').catch(() => undefined));
    if (temp)
        roots.push(temp);
    const rule = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_3__/* .pathPatterns */ .h)(patterns, INPUT);
    // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
    const excluded = rule.excluded.map(pattern => place(pattern, roots).name);
    const exclusions = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_3__/* .pathPatterns */ .h)(excluded, INPUT);
    const files = new Map();
    for (const pattern of rule.plain) {
        const { root, relative } = place(pattern, roots);
        // The walk finds the candidates; the shared rule decides, as for the diff sources.
        const globbed = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(relative) ? (0,_patterns_js__WEBPACK_IMPORTED_MODULE_3__/* .pathPatterns */ .h)([relative], INPUT) : undefined;
        const found = (await matchFiles(pattern, relative, root)).filter(match => !exclusions.chooses(root.prefix + match) && (!globbed || globbed.chooses(match)));
        // A pattern that matches nothing: where it looked, and why a file is usually not there.
        const where = `${root.label} (${root.given})`;
        if (found.length === 0)
            refuse(`"${pattern}" matches no file in ${where}. ${NO_MATCH}`);
        for (const match of found)
            files.set(root.prefix + match, { root, relative: match });
    }
    const groups = [];
    // Code-unit order, so the order never depends on the runner's locale.
    for (const [name, { root, relative }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const file = sourceOf(name, idField, options);
        groups.push({ kind: 'file', name, ids: await readIds(file, root, relative) });
    }
    return groups;
}
/**
 * The root a pattern is read under, the pattern relative to it and its name: a relative
 * pattern is under the workspace (`roots[0]`); an absolute one must lie inside one of the roots.
 */
function place(pattern, roots) {
    // A glob's `..` could climb out before any file is checked; plain paths may use it.
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(pattern) && pattern.split('/').includes('..'))
        refuse(`"${pattern}": ".." is not allowed in a glob pattern`);
    if (!node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(pattern))
        return { root: roots[0], relative: pattern, name: pattern };
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(pattern);
    for (const root of roots) {
        const dir = [root.given, root.real].find(dir => full !== dir && isInside(dir, full));
        const relative = dir && toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, full));
        if (relative)
            return { root, relative, name: root.prefix + relative };
    }
    return refuse(`"${pattern}" is outside the workspace${roots.length > 1 ? ' and RUNNER_TEMP' : ''}; give a path relative to the workspace`);
}
/** Names relative to `root` (forward slashes) of the files a pattern names. */
async function matchFiles(pattern, relative, root) {
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(relative)) {
        // Symlinks are followed here; readIds refuses any whose target is outside.
        const options = { cwd: root.real, expandDirectories: false, dot: true };
        return (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .glob */ .TI)(relative, { ...options, onlyFiles: true, ignore: ['**/.git/**'] });
    }
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root.real, relative);
    if (!isInside(root.real, full))
        refuse(`"${pattern}" is outside the workspace`);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).catch((error) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        refuse(`cannot read "${pattern}": ${error.message}`);
    });
    if (info?.isDirectory()) {
        const example = `${pattern.replace(/\/+$/, '')}/*.csv`;
        refuse(`"${pattern}" is a directory; name its files, e.g. "${example}"`);
    }
    return info ? [toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root.real, full))] : [];
}
/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(file, root, relative) {
    const { name } = file;
    const cannotRead = failToRead(name);
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root.real, relative)).catch(cannotRead);
    if (!isInside(root.real, real))
        refuse(`${name} is a link to ${real}, outside ${root.label}`);
    // Reading a FIFO or a device could block for ever.
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(real).catch(cannotRead);
    if (!info.isFile())
        refuse(`${name} is not a regular file`);
    const format = formatOf(name);
    if (format === 'lines') {
        // Up to 256 MiB in one chunk, the fastest; larger files 64 MiB at a time.
        const chunkBytes = file.chunkBytes ?? (info.size <= 256 * MiB ? info.size + 1 : 64 * MiB);
        return dropHeaderLine(await readLines(name, real, chunkBytes), file);
    }
    // Other formats are parsed as one string: at most V8's longest string, in UTF-16 units (a file
    // of at most this many bytes decodes to fewer).
    if (info.size > 0x1fffffe8) {
        const what = `${(info.size / MiB).toFixed(1)} MiB, too large to read as ${format.toUpperCase()}`;
        refuse(`${name} is ${what}; give IDs this many as a text file, one per line`);
    }
    return idsOf(textOf(name, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(real).catch(cannotRead)), file);
}
/**
 * A text file of one ID per line, read a chunk at a time, so its size is bounded by memory
 * rather than by V8's longest string. Lines never span chunks: each chunk's last partial line
 * waits for the next (and fails once longer than any line may be, before it grows into a
 * giant string); UTF-8 characters split by a chunk are joined by the decoder.
 */
async function readLines(name, file, chunkBytes) {
    const cannotRead = failToRead(name);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r').catch(cannotRead);
    try {
        const decoder = utf8Decoder();
        let ids = [];
        let carry = '';
        let line = 1;
        for (;;) {
            // A buffer per chunk, so each can go once decoded, as a whole file read's would.
            const buffer = Buffer.allocUnsafe(chunkBytes);
            const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null).catch(cannotRead);
            // A short read is the end of the file: decoded as a whole, as one-byte text where it can be
            // (streaming decodes to two-byte strings, twice the memory). Were it not the end, a
            // character cut there fails as not UTF-8: closed, never a wrong ID.
            const bytes = buffer.subarray(0, bytesRead);
            const text = carry + textOf(name, bytes, decoder, bytesRead === chunkBytes);
            // A CR at the end may be half of a CRLF: it waits with the last line.
            const held = bytesRead > 0 && text.endsWith('\r') ? 1 : 0;
            const lines = splitLines(text.slice(0, text.length - held));
            carry = bytesRead > 0 ? lines.pop() + text.slice(text.length - held) : '';
            line += lines.length;
            const kept = idsOfLines(lines, name, line - lines.length);
            // A file of one chunk keeps its array of lines: no second million-entry array.
            if (ids.length === 0)
                ids = kept;
            else
                for (const id of kept)
                    ids.push(id);
            // Throws when the unfinished line alone is already too long.
            idsOfLines([carry], name, line);
            if (bytesRead === 0)
                return ids;
        }
    }
    finally {
        await handle.close();
    }
}
const failToRead = (name) => (e) => refuse(`cannot read ${name}: ${e.message}`);
function refuse(problem) {
    throw new Error(`${INPUT}: ${problem}`);
}
/** The text of a file's bytes; fails closed for binary and for bytes that are not UTF-8. */
function textOf(name, bytes, decoder, stream) {
    if (bytes.includes(0))
        refuse(`${name} is binary (it contains NUL bytes), not a list of IDs`);
    const text = decodeUtf8(bytes, decoder, stream);
    return text ?? refuse(`${name} is not valid UTF-8 text ${SAVE_AS_UTF8}`);
}
/** Whether `target` is `root` or under it. */
function isInside(root, target) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target);
    return relative !== '..' && !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
}
const toSlashes = (relative) => relative.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
/**
 * The IDs of one file, in file order, duplicates kept. `name` picks the format and names
 * the file in errors; `idField` is the CSV/TSV column or the JSON field path (parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
function parseIds(text, name, idField, options = {}) {
    return idsOf(text, sourceOf(name, idField, options));
}
function idsOf(text, file) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const format = formatOf(file.name);
    if (format === 'json')
        return idsOfJson(body, file);
    if (format === 'jsonl')
        return idsOfJsonLines(body, file);
    if (format === 'lines')
        return dropHeaderLine(idsOfLines(splitLines(body), file.name, 1), file);
    return idsOfTable(body, file, format === 'tsv');
}
function sourceOf(name, idField, options) {
    const path = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFieldPath */ .Zl)(idField);
    return { ...options, name, idField, path, column: path.length === 1 ? path[0] : idField };
}
function fail(file, position, problem) {
    throw new IdFileError(typeof file === 'string' ? file : file.name, position, problem);
}
/**
 * Bytes as UTF-8 text, a BOM kept (the readers drop it); undefined for bytes that are not
 * UTF-8. Another encoding (Windows-1252, Latin-1) must not turn an ID into one with U+FFFD,
 * which names no product and protects nothing. `decoder` and `stream` read a file in chunks.
 */
function decodeUtf8(bytes, decoder = utf8Decoder(), stream = false) {
    try {
        return decoder.decode(bytes, { stream });
    }
    catch {
        return undefined;
    }
}
/** A decoder that throws for bytes that are not UTF-8 and keeps the BOM. */
const utf8Decoder = () => new node_util__WEBPACK_IMPORTED_MODULE_2__.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Why such a file fails, and the way out, after "FILE is not valid UTF-8 text". */
const SAVE_AS_UTF8 = '(saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8';
// --- lines ---
/** The lines of a text; LF, CRLF and a lone CR end a line (split() is by far the fastest). */
function splitLines(text) {
    return text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
}
/**
 * The IDs of whole lines of a text list, the first being line `firstLine`: trimmed (a BOM
 * with them), blank lines and `#` comment lines dropped. The IDs are written back into `lines`
 * (no second million-entry array). Throws IdFileError for a line longer than `maxLineChars`.
 */
function idsOfLines(lines, name, first, max = MAX_LINE_CHARS) {
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].length > max) {
            const problem = `longer than ${max.toLocaleString('en-US')} characters, far beyond any ID: this is not a list of one ID per line`;
            fail(name, `line ${first + i}`, problem);
        }
        const id = lines[i].trim();
        // `#` only starts a comment at the start of a line: IDs themselves may contain `#`.
        if (id !== '' && id[0] !== '#')
            lines[kept++] = id;
    }
    lines.length = kept;
    return lines;
}
/**
 * A text list's first ID that is the `id-field` name (`product_id`) is a header line, as a
 * person reads it: dropped from `ids` (the file's IDs), with a notice.
 */
function dropHeaderLine(ids, { name, column, notes }) {
    if (ids[0] !== column)
        return ids;
    ids.shift();
    notes?.notice(`${name}: its first line "${column}" is the \`id-field\` name, so it was read as a header line, not as an ID.`);
    return ids;
}
// --- CSV / TSV ---
const SEPARATOR_NAMES = { ',': '","', ';': '";"', '\t': 'a tab' };
/**
 * The header row decides the separator, as a person reading the file would: the extension's
 * own (`,` for .csv, a tab for .tsv) when the header has it, else the one other of `,` `;`
 * tab that it has (a list re-exported with another separator often keeps its name), else
 * none (one column). A header with two others is ambiguous: it fails.
 */
function tableSeparator(text, file, own) {
    const header = /^[^\r\n]*/.exec(text)?.[0] ?? '';
    if (header.includes(own))
        return own;
    const [first, second] = [',', ';', '\t'].filter(s => s !== own && header.includes(s));
    if (second === undefined)
        return first ?? own;
    const [a, b, c] = [first, second, own].map(s => SEPARATOR_NAMES[s]);
    const problem = `the header row holds both ${a} and ${b}, and not ${c}: which one separates the columns is unclear. Save the file with one separator`;
    return fail(file, 'line 1', problem);
}
/**
 * The cells of each record and its first line. With `quoting` (RFC 4180), a field that starts
 * with `"` is quoted (separators, line breaks and doubled quotes inside it are data); a quote
 * anywhere else is refused rather than guessed at, as `a, "b,c"` would otherwise split into
 * unintended IDs. TSV has no quoting: a `.tsv`'s tab always separates.
 */
function* records(text, file, separator, quoting) {
    // A field (quoted, else bare) and what ends it; without quoting, `(?!)()` is a quoted field
    // that never matches, and a field always does.
    const quoted = quoting ? `"(${QUOTED})"` : '(?!)()';
    const bare = `([^${quoting ? '"' : ''}${separator}\\r\\n]*)`;
    const field = new RegExp(`(?:${quoted}|${bare})(${separator}|\\r\\n?|\\n|$)`, 'y');
    let [cells, line, first] = [[], 1, 1];
    for (let i = 0; i < text.length;) {
        field.lastIndex = i;
        const [, inQuotes, plain, end] = field.exec(text) ?? badQuote(text, i, file, line);
        i = field.lastIndex;
        cells.push(inQuotes?.replaceAll('""', '"') ?? plain);
        if (inQuotes)
            line += lineBreaks(inQuotes);
        if (end === separator && i < text.length)
            continue;
        // A separator at the very end leaves one more, empty, field.
        if (end === separator)
            cells.push('');
        yield [cells, first];
        cells = [];
        first = ++line;
    }
}
const QUOTED = '[^"]*(?:""[^"]*)*';
const QUOTE_INSIDE = 'a quote inside an unquoted field (quote the whole field and double inner quotes)';
const lineBreaks = (text) => text.match(/\r\n?|\n/g)?.length ?? 0;
/** Why no field could be read at `i`: a quote where none may be. */
function badQuote(text, i, file, line) {
    if (text[i] !== '"')
        fail(file, `line ${line}`, QUOTE_INSIDE);
    const closed = new RegExp(`"${QUOTED}"`, 'y');
    closed.lastIndex = i;
    const whole = closed.exec(text)?.[0];
    if (whole === undefined)
        fail(file, `line ${line}`, 'a quoted field is never closed');
    return fail(file, `line ${line + lineBreaks(whole)}`, 'text after the closing quote of a field');
}
function idsOfTable(text, file, tsv) {
    const separator = tableSeparator(text, file, tsv ? '\t' : ',');
    const rows = records(text, file, separator, !(tsv && separator === '\t'));
    const header = rows.next();
    if (header.done)
        fail(file, '', `no header row; the first line must name the columns`);
    const names = header.value[0].map(cell => cell.trim());
    const column = idColumn(names, file);
    const name = names[column];
    const removed = (cells) => file.removedWhen?.length &&
        (0,_removed_when_js__WEBPACK_IMPORTED_MODULE_6__/* .meetsAny */ .T)(Object.fromEntries(names.map((n, i) => [n, cells[i]?.trim()])), file.removedWhen);
    const ids = [];
    // Blank lines are fine at the end only; one before more data is an empty ID.
    let blankLine = 0;
    for (const [cells, line] of rows) {
        if (cells.length === 1 && cells[0].trim() === '') {
            blankLine ||= line;
            continue;
        }
        const [row, at] = blankLine ? [[''], `line ${blankLine}`] : [cells, `line ${line}`];
        if (row.length <= column) {
            const found = row.length === 1 ? '1 cell' : `${row.length} cells`;
            fail(file, at, `${found}, but the ID column "${name}" is column ${column + 1}`);
        }
        const id = row[column].trim();
        if (removed(row))
            continue;
        ids.push(id !== '' ? id : fail(file, at, `empty ID in column "${name}"`));
    }
    return ids;
}
function idColumn(names, file) {
    const wanted = file.column;
    if (names.length === 1) {
        if (names[0] === '')
            fail(file, 'line 1', 'the header row is empty; it must name the columns');
        // A list without a header loses its first ID to the header: say so, naming it.
        if (names[0] !== wanted) {
            file.notes?.maybeId?.(names[0], file.name);
            file.notes?.warning(`${file.name}: line 1, ${JSON.stringify(names[0].slice(0, 100))}, was read as the header of its one column, not as an ID. If it is an ID, add a first line "${wanted}".`);
        }
        return 0;
    }
    const column = names.indexOf(wanted);
    if (column === -1) {
        // Cut short for very wide headers.
        const shown = names.slice(0, 20).map(n => JSON.stringify(n.slice(0, 100)));
        const more = names.length > 20 ? `, and ${names.length - 20} more` : '';
        const problem = `no column "${wanted}" in the header row; columns found: ${shown.join(', ')}${more}`;
        fail(file, 'line 1', problem);
    }
    if (names.includes(wanted, column + 1))
        fail(file, 'line 1', `the header row names column "${wanted}" twice`);
    return column;
}
// --- JSON / JSON lines ---
function idsOfJson(text, file) {
    const value = parseJson(text, file, '');
    if (Array.isArray(value))
        return value.flatMap((item, i) => idsOfItem(item, file, `item ${i + 1}`));
    // One object (a feed's `{"items":[...]}`) when `id-field` has a `*`: `items.*.sku`.
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .Gv)(value) && file.path.includes('*'))
        return idsOfItem(value, file, '');
    // The API's own request body, so a saved request can be replayed.
    const [[, productIds] = []] = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_5__/* .valuesAt */ .pD)(value, ['data', 'product_ids']);
    if (Array.isArray(productIds))
        return productIds.map((item, i) => idOf(item, file, `data.product_ids item ${i + 1}`));
    const found = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_5__/* .describe */ .q0)(value) + ((0,_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .Gv)(value) ? ' without data.product_ids' : '');
    const shapes = `an array of IDs, an array of objects with "${file.idField}", or {"data":{"product_ids":[...]}}`;
    return fail(file, '', `expected ${shapes}, but found ${found}`);
}
function idsOfJsonLines(text, file) {
    return splitLines(text).flatMap((line, i) => line.trim() === ''
        ? []
        : idsOfItem(parseJson(line, file, `line ${i + 1}`), file, `line ${i + 1}`));
}
/** JSON.parse keeps a key's last value: which of two names the product is not clear. */
function parseJson(text, file, position) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        fail(file, position, `not valid JSON: ${error.message}`);
    }
    const key = (0,_json_js__WEBPACK_IMPORTED_MODULE_7__/* .duplicateKey */ .Ve)(text);
    const twice = `the key ${JSON.stringify(key)} appears twice in one object`;
    return key === undefined ? value : fail(file, position, twice);
}
/** An item of an ID list: the ID itself, or an object holding it (or several) at `id-field`. */
function idsOfItem(item, file, position) {
    file.items?.push(item);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .Gv)(item))
        return [idOf(item, file, position)];
    if (file.removedWhen?.length && (0,_removed_when_js__WEBPACK_IMPORTED_MODULE_6__/* .meetsAny */ .T)(item, file.removedWhen))
        return [];
    const found = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_5__/* .valuesAt */ .pD)(item, file.path);
    if (found.length === 0)
        fail(file, position, `the object has no field "${file.idField}"`);
    const where = (at) => `${position ? `${position} ` : ''}field ${at}`;
    return found.map(([at, value]) => value === undefined ? fail(file, where(at), 'missing') : idOf(value, file, where(at)));
}
function idOf(value, file, position) {
    const id = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_5__/* .idOfValue */ .I0)(value);
    return typeof id === 'string' ? id : fail(file, position, id.problem);
}


/***/ }),

/***/ 6409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ idOfValue),
/* harmony export */   Zl: () => (/* binding */ parseFieldPath),
/* harmony export */   pD: () => (/* binding */ valuesAt),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   qd: () => (/* binding */ FieldPathError)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
/* harmony import */ var _named_form_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7518);
// One rule for turning a JSON value into an ID, and one grammar for the field paths that find
// it: ID files (`id-field`), content files (`id-from: json:` / `frontmatter:`) and Miso's ID
// listings all read IDs through here, so the same value never gives two answers.


/**
 * A field path as written in `id-field` or `id-from`: keys separated by `.`; on an array a key
 * of digits is a 0-based index (`items.0.sku`); a key `*` is every element of an array or every
 * value of an object (`items.*.sku`); `\.` is a dot inside a key and `\\` a backslash
 * (`meta\.sku` names the key `meta.sku`). No other use of `\` and no empty key is allowed.
 */
function parseFieldPath(text) {
    // Escapes are read left to right, so a `\` left once they are gone escapes nothing allowed.
    if (text.replace(/\\[.\\]/g, '').includes('\\'))
        throw new FieldPathError('`\\` may only escape `.` or `\\`');
    const keys = Array.from(text.matchAll(/(?:^|\.)((?:[^.\\]|\\[.\\])*)/g), ([, key]) => key.replace(/\\(.)/g, '$1'));
    if (keys.includes(''))
        throw new FieldPathError('a key in the path is empty');
    return keys;
}
/** A field path that does not follow the grammar; the message says what is wrong. */
class FieldPathError extends Error {
    name = 'FieldPathError';
}
const INDEX = /^(?:0|[1-9]\d*)$/;
/**
 * The values at `keys` inside `value`, each with its own path (`items.2.sku`): at most one
 * without `*`, none when a step before the first `*` is missing (the file names nothing).
 * Past a `*` every element must hold the rest of the path (fail closed: an element without it
 * may name a product we cannot see): a missing step gives its path with `undefined`; a `null`
 * part way gives `null`, as at the end (names no product).
 */
function valuesAt(doc, keys) {
    const walk = (value, i, at, past) => {
        if (i === keys.length || (value === null && past))
            return [[at, value]];
        const key = keys[i];
        const path = (step) => (at ? `${at}.${step}` : step);
        if (key === '*' && (Array.isArray(value) || (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value)))
            return Object.entries(value).flatMap(([k, v]) => walk(v, i + 1, path(k), true));
        const has = Array.isArray(value)
            ? INDEX.test(key) && Number(key) < value.length
            : key !== '*' && (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value) && Object.hasOwn(value, key);
        if (has)
            return walk(value[key], i + 1, path(key), past);
        return past ? [[path(key), undefined]] : [];
    };
    return walk(doc, 0, '', false);
}
/**
 * The ID a JSON value names, or why it names none (the caller adds the file and the position): a string as it is (never trimmed nor split: it is sent exactly so),
 * a whole number up to 2^53 - 1 in decimal form; anything else (strings empty or of white space,
 * fractions, numbers too large to be read exactly (TOML's bigints included), null, booleans, objects, arrays) is not an ID.
 */
function idOfValue(value) {
    if (typeof value === 'string') {
        // White space alone names nothing, however it is written.
        return (0,_named_form_js__WEBPACK_IMPORTED_MODULE_1__/* .namedForm */ .C)(value) !== '' ? value : { problem: 'an empty string is not an ID' };
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
        // Past 2^53 (or with a fraction) the parsed number may differ from the digits written,
        // which would name another product: such an ID must be written as a string.
        const problem = `the number ${value} is not a whole number up to ${Number.MAX_SAFE_INTEGER}, so it may not be read exactly; write the ID as a string`;
        return Number.isSafeInteger(value) ? String(value) : { problem };
    }
    return { problem: `${describe(value)} is not an ID` };
}
/** `null`, `true`, `an array`, `an object`... for messages about a JSON value. */
function describe(value) {
    if (value === null || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return value === undefined ? 'nothing' : `a ${typeof value}`;
}


/***/ }),

/***/ 7518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ namedForm)
/* harmony export */ });
// Whether an ID is still named (a diff's live set, reconcile's repository set, `ids-file` IDs to
// keep) is decided on one normalised form, so that an ID written `P-1 ` in one file, `P-1` with a
// no-break space in another, or in another Unicode composition, still protects the product `P-1`.
// What is sent stays the ID exactly as its source gives it: this form only ever compares.
/** Unicode white space at either end: JavaScript's `\s` (with the byte-order mark) and NEL. */
const EDGE_SPACE = /^[\s\u0085]+|[\s\u0085]+$/g;
/** The form on which "is this ID named" is decided: NFC, then white space trimmed at both ends. */
function namedForm(id) {
    const form = id.normalize('NFC').trim();
    // trim() is fast and knows every Unicode white space but NEL, which is rare.
    return form.includes('\u0085') ? form.replace(EDGE_SPACE, '') : form;
}


/***/ }),

/***/ 5759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ meetsAny),
/* harmony export */   W: () => (/* binding */ parseConditions)
/* harmony export */ });
/* harmony import */ var _id_value_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6409);
// `removed-when`: `field: value` conditions under which a product file (or a row of an ID list)
// names no live product (`draft: true`, `published: false`, `active: false`). Fields follow the
// one field-path grammar; values are read as YAML scalars of the core schema.

/**
 * The conditions of the input, one a line (blank and `#` lines dropped by the caller). Throws
 * an Error whose message names the line and what is wrong.
 */
function parseConditions(lines) {
    return lines.map(line => {
        const [, field, text] = /^([^:]*):\s*(.*)$/.exec(line) ?? [];
        const problem = (what) => new Error(`line ${JSON.stringify(line)} ${what}; write one \`field: value\` a line`);
        if (!field?.trim())
            throw problem('names no field');
        if (!text)
            throw problem('has no value');
        try {
            return { keys: (0,_id_value_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFieldPath */ .Zl)(field.trim()), value: scalarOf(text), text };
        }
        catch (error) {
            throw problem(`is not valid (${error.message})`);
        }
    });
}
/**
 * A value as YAML's core schema reads a plain or quoted scalar: null, booleans, numbers and
 * strings. Collections, anchors, tags and block scalars are refused, not guessed at.
 */
function scalarOf(text) {
    if (/^"(?:[^"\\]|\\.)*"$/.test(text))
        return JSON.parse(text);
    if (/^'(?:[^']|'')*'$/.test(text))
        return text.slice(1, -1).replaceAll("''", "'");
    if (/^(?:null|Null|NULL|~)$/.test(text))
        return null;
    if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text))
        return /^t/i.test(text);
    if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text))
        return Number(text);
    if (/^[[\]{}&*!|>'"%@`,]|\s#/.test(text))
        throw new Error('not one plain or quoted value');
    return text;
}
/**
 * Whether `doc` (a file's JSON or front matter, or a row of an ID list) meets any condition. A
 * field's value meets it when it is the same value, or a string that reads as it (YAML front
 * matter and CSV cells keep every value as text: `true`, `false`, `0` as written).
 */
function meetsAny(doc, conditions) {
    return conditions.some(({ keys, value, text }) => (0,_id_value_js__WEBPACK_IMPORTED_MODULE_0__/* .valuesAt */ .pD)(doc, keys).some(([, found]) => found === value ||
        (typeof found === 'string' && (found === text || found === String(value)))));
}


/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Ve: () => (/* binding */ duplicateKey),
/* harmony export */   YN: () => (/* binding */ objectOrEmpty),
/* harmony export */   rx: () => (/* binding */ parseJsonOrUndefined)
/* harmony export */ });
// Reading JSON of unknown shape (Miso's answers, event payloads, GitHub's API, ID files):
// one test for "a plain object", so every reader agrees on what one is.
/** An object that is not null and not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `value` when it is an object, else an empty one: for reading optional fields. */
const objectOrEmpty = (value) => (isObject(value) ? value : {});
/** The value `text` holds, or undefined when it is not JSON. */
function parseJsonOrUndefined(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * The first key that appears twice in one object of `text`, which must be valid JSON
 * (JSON.parse silently keeps the last value); undefined when none does. Keys are compared
 * as JSON reads them, escapes decoded.
 */
function duplicateKey(text) {
    // The keys of each open object; undefined for an open array.
    const open = [];
    let atKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            const start = i;
            for (i++; text[i] !== '"'; i++)
                if (text[i] === '\\')
                    i++;
            if (!atKey)
                continue;
            const raw = text.slice(start + 1, i);
            const key = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
            const keys = open[open.length - 1];
            if (keys.has(key))
                return key;
            keys.add(key);
            atKey = false;
        }
        else if (c === '{' || c === '[') {
            open.push(c === '{' ? new Set() : undefined);
            atKey = c === '{';
        }
        else if (c === '}' || c === ']') {
            open.pop();
        }
        else if (c === ',') {
            atKey = open[open.length - 1] !== undefined;
        }
    }
    return undefined;
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLog: () => (/* binding */ runLog)
/* harmony export */ });
function runLog(channel, notes, sink) {
    // Notices and warnings are also kept for the summary, as the log shows them.
    const noted = (print) => (message) => {
        const text = channel.logLine(message);
        notes.push(text);
        print(text);
    };
    return {
        info: message => sink.info(channel.logLine(message)),
        infoLines: lines => lines.length > 0 && sink.info(lines.map(channel.logLine).join('\n')),
        // Only shown with step debug logging on; a large run makes thousands.
        debug: message => sink.debugging && sink.debug(channel.logLine(message)),
        notice: noted(sink.notice),
        warning: noted(sink.warning),
        error: (message, where) => sink.error(channel.logLine(message), channel.redacted(where ?? {}))
    };
}


/***/ }),

/***/ 1270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/channel.ts
var src_channel = __webpack_require__(4972);
// EXTERNAL MODULE: ./src/diff/commit-files.ts
var commit_files = __webpack_require__(4528);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
// EXTERNAL MODULE: ./src/ids/id-value.ts
var id_value = __webpack_require__(6409);
;// CONCATENATED MODULE: ./src/ids/inline.ts
// The `product-ids` input: IDs separated by newlines, commas or spaces (GitHub's dispatch form
// has one line; people type spaces). Unlike ID files there are no comments here, so an inline
// ID may start with `#`; it may contain no comma nor white space (those come from a file).
// A value starting with `[` is a JSON array (often another step's output), read by the one
// rule for JSON values (id-value.ts).

/**
 * Inline IDs in the order given; empty entries dropped, duplicates kept.
 * Throws, naming the input, for a JSON array that is not valid or holds a non-ID.
 */
function parseInlineIds(text) {
    if (!text.trimStart().startsWith('['))
        return text.split(/[\s,]/).filter(id => id !== '');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Input \`product-ids\` starts with \`[\`, so it is read as a JSON array, but it is not valid JSON (${error.message}). Give a JSON array of strings or numbers, or IDs separated by commas, spaces or newlines.`, { cause: error });
    }
    if (!Array.isArray(value))
        throw new Error(`Input \`product-ids\` starts with \`[\` but is not one JSON array.`);
    return value.map((item, i) => {
        const id = (0,id_value/* idOfValue */.I0)(item);
        if (typeof id === 'string')
            return id;
        throw new Error(`Input \`product-ids\` is a JSON array, but item ${i + 1}: ${id.problem}. Give strings or numbers.`);
    });
}

// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/ids/removed-when.ts
var removed_when = __webpack_require__(5759);
;// CONCATENATED MODULE: ./src/input-helper.ts
// Turns the raw action inputs into one typed Settings object, refusing anything that is not
// exactly understood before any call to Miso is made: every problem at once, so one run shows
// them all.




/** The refused inputs: each problem names the input, what is wrong and what is accepted. */
class InputError extends Error {
    problems;
    name = 'InputError';
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}
function refuse(problem) {
    throw new InputError([problem]);
}
/**
 * Every input, in action.yml's order: its name, the default action.yml declares, its parser.
 * A test keeps it, action.yml and the README's table of inputs the same. Text inputs are kept as
 * given (trimmed). Rules that join several inputs are in combinationProblems. (`dryRun` here is
 * the input; the event may still force a dry run.)
 */
const INPUTS = {
    /** Empty only in a dry run without a key. */
    apiKey: { name: 'api-key', default: '', parse: String },
    /** Base URL without a trailing slash; a path prefix is kept. */
    apiUrl: { name: 'api-url', default: 'https://api.askmiso.com', parse: parseApiUrl },
    authMode: { name: 'auth-mode', default: 'header', parse: oneOf('header', 'query') },
    /** Raw text, parsed by ids/inline.ts. */
    productIds: { name: 'product-ids', default: '', parse: String },
    idsFiles: { name: 'ids-file', default: '', parse: parseList },
    idField: { name: 'id-field', default: 'product_id', parse: fieldPath },
    deletedPaths: { name: 'deleted-paths', default: '', parse: parseList },
    idFrom: { name: 'id-from', default: 'filename', parse: parseIdFrom },
    idListFiles: { name: 'id-list-files', default: '', parse: parseList },
    base: { name: 'base', default: '', parse: String },
    head: { name: 'head', default: '', parse: String },
    dryRun: { name: 'dry-run', default: 'false', parse: input_helper_boolean },
    /** 0 means no limit. */
    maxDeletions: { name: 'max-deletions', default: '1000', parse: whole(0, 100_000_000) },
    failOnEmpty: { name: 'fail-on-empty', default: 'false', parse: input_helper_boolean },
    batchSize: { name: 'batch-size', default: '1000', parse: whole(1, 10_000) },
    concurrency: { name: 'concurrency', default: '4', parse: whole(1, 32) },
    retries: { name: 'retries', default: '5', parse: whole(0, 20) },
    requestTimeoutMs: { name: 'request-timeout', default: '30', parse: whole(1, 600, 1000) },
    wait: { name: 'wait', default: 'true', parse: input_helper_boolean },
    /** 0 means no limit. */
    waitTimeoutMs: { name: 'wait-timeout', default: '600', parse: whole(0, 86_400, 1000) },
    pollIntervalMs: { name: 'poll-interval', default: '2', parse: whole(1, 300, 1000) },
    recordType: { name: 'record-type', default: 'products', parse: oneOf('products', 'users') },
    reconcile: { name: 'reconcile', default: 'false', parse: input_helper_boolean },
    /** Miso products of this type only; empty for all. */
    reconcileType: { name: 'reconcile-type', default: '', parse: String },
    /** Reconcile: the largest share of Miso's records one run may delete; 0 means no limit. */
    maxDeletionsPercent: { name: 'max-deletions-percent', default: '10', parse: whole(0, 100) },
    githubToken: { name: 'github-token', default: '${{ github.token }}', parse: String },
    comment: { name: 'comment', default: 'false', parse: input_helper_boolean },
    commentTitle: { name: 'comment-title', default: 'Miso bulk delete', parse: String },
    /** The branches whose pushes and merged pull requests delete; empty: the default branch. */
    branches: { name: 'branches', default: '', parse: parseList },
    deleteListFiles: { name: 'delete-list-files', default: '', parse: parseList },
    /** Back up the records before deleting them; `auto`: runs of at most 1,000 IDs. */
    backup: { name: 'backup', default: 'auto', parse: oneOf('auto', 'true', 'false') },
    /** Undo mode: the backup file whose records are uploaded back; empty otherwise. */
    restoreFile: { name: 'restore-file', default: '', parse: String },
    /** Conditions under which a product file or a list's row names no live product. */
    removedWhen: { name: 'removed-when', default: '', parse: parseRemovedWhen }
};
/**
 * Every input action.yml declares. The runner passes any `with:` key, declared or not, and only
 * warns about the others: a misspelled `dry_run: true` would run a real deletion, so an
 * undeclared input fails the step.
 */
const DECLARED_INPUTS = Object.values(INPUTS).map(row => row.name);
/** Where the run's files go: `RUNNER_TEMP`, or the system's temp dir for a local run. */
function runnerTempOf(env) {
    return external_node_path_.resolve(env.RUNNER_TEMP || external_node_os_.tmpdir());
}
/**
 * Reads every input of the run (`input`, masking the key with `log.mask`); throws one
 * InputError with every problem found. `forcedDryRun` says why the event forbids deleting (an
 * unmerged pull request, a branch `branches` does not name), given `branches`.
 */
function getSettings({ env, input: raw, log }, forcedDryRun) {
    // Mask the key, as given and as used, before anything else can print it.
    const key = raw('api-key');
    if (key.trim())
        for (const form of new Set([key.trim(), key]))
            log.mask(form);
    const problems = [undeclaredInputs(env)].filter(problem => problem !== undefined);
    const values = {};
    for (const [field, row] of Object.entries(INPUTS)) {
        // A `${{ }}` default is the runner's to fill in: given empty, the input stays empty.
        const fallback = row.default.includes('${{') ? '' : row.default;
        try {
            values[field] = row.parse(raw(row.name).trim() || fallback, row.name);
        }
        catch (error) {
            if (!(error instanceof InputError))
                throw error;
            problems.push(...error.problems);
        }
    }
    const inputs = values;
    const dryRunReason = forcedDryRun?.(inputs.branches) ?? (inputs.dryRun ? 'the `dry-run` input is true' : '');
    const workspace = external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd());
    const runnerTemp = runnerTempOf(env);
    const settings = { ...inputs, dryRun: dryRunReason !== '', dryRunReason, workspace, runnerTemp };
    problems.push(...combinationProblems(settings, inputs.dryRun !== undefined));
    if (problems.length > 0)
        throw new InputError(problems);
    return settings;
}
/**
 * The rules that join several inputs. A refused input breaks none: its value is unknown
 * (undefined here), so a rule that reads it is not checked.
 */
function combinationProblems(s, dryRunRead) {
    const paths = [s.idsFiles, s.deletedPaths, s.idListFiles, s.deleteListFiles].flat();
    const sourced = s.reconcile || s.productIds || paths.some(path => path !== undefined);
    // Each problem, keyed by its text, and whether it applies.
    const rules = {
        'Input `reconcile-type` is only read with `reconcile: true`.': s.reconcile === false && s.reconcileType,
        'Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.': s.reconcile && s.productIds,
        'Input `reconcile-type` filters products; it cannot be used with `record-type: users`.': s.reconcile && s.reconcileType && s.recordType === 'users',
        'Input `restore-file` uploads the records of a backup back to Miso: it cannot be used with an ID source (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files`, `delete-list-files`) or `reconcile`.': s.restoreFile && sourced,
        "Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing.": s.reconcile && !s.apiKey,
        'Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.': !s.reconcile && !s.dryRun && !s.apiKey && dryRunRead
    };
    return Object.keys(rules).filter(problem => rules[problem]);
}
/** The problem with `env`'s undeclared inputs, naming each and the declared input closest to it. */
function undeclaredInputs(env) {
    // The variable the runner passes an input in (no declared name has a space to turn into `_`).
    const declared = new Set(DECLARED_INPUTS.map(name => `INPUT_${name.toUpperCase()}`));
    const named = Object.keys(env)
        .filter(variable => variable.startsWith('INPUT_') && !declared.has(variable))
        .sort()
        // The runner upper-cased the name; lower case is how it was most likely written.
        .map(variable => variable.slice('INPUT_'.length).toLowerCase())
        .map(name => `\`${name}\` (did you mean \`${closestInput(name)}\`?)`);
    if (named.length === 0)
        return undefined;
    return `The step's \`with:\` names ${named.length === 1 ? 'an input' : 'inputs'} this action does not have: ${named.join(', ')}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`;
}
/** The declared input nearest to `name` (edit distance, `_` and spaces read as `-`). */
function closestInput(name) {
    const wanted = name.toLowerCase().replace(/[_ ]/g, '-');
    return DECLARED_INPUTS.reduce((best, candidate) => editDistance(wanted, candidate) < editDistance(wanted, best) ? candidate : best);
}
/**
 * Edit distance: the fewest characters to insert, delete or replace, or neighbours to swap (a
 * swap is the commonest typo: `id-filed` is one from `id-field`).
 */
function editDistance(a, b) {
    let [before, row] = [[], Array.from({ length: b.length + 1 }, (_, j) => j)];
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + Number(a[i - 1] !== b[j - 1]));
            const swapped = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
            if (i > 1 && j > 1 && swapped)
                next[j] = Math.min(next[j], before[j - 2] + 1);
        }
        ;
        [before, row] = [row, next];
    }
    return row[b.length];
}
/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
function parseList(value) {
    // The separator takes the spaces around each line break with it, so every line is trimmed.
    return value
        .trim()
        .split(/\s*\n\s*/)
        .filter(line => line !== '' && !line.startsWith('#'));
}
function parseRemovedWhen(value) {
    try {
        return (0,removed_when/* parseConditions */.W)(parseList(value));
    }
    catch (error) {
        refuse(`Input \`removed-when\`: ${error.message}.`);
    }
}
/** One of `choices`, in any letter case. */
function oneOf(...choices) {
    return (value, name) => {
        const found = choices.find(choice => choice === value.toLowerCase());
        const wanted = choices.map(choice => `\`${choice}\``).join(' or ');
        return found ?? refuse(`Input \`${name}\` must be ${wanted}, got ${quote(value)}.`);
    };
}
function input_helper_boolean(value, name) {
    return oneOf('true', 'false')(value, name) === 'true';
}
/** A whole number from `min` to `max`, times `unit` (1000 turns seconds into milliseconds). */
function whole(min, max, unit = 1) {
    return (value, name) => {
        if (!/^\d+$/.test(value))
            refuse(`Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quote(value)}.`);
        const n = Number(value);
        if (n < min || n > max)
            refuse(`Input \`${name}\` must be from ${min} to ${max}, got ${n}.`);
        return n * unit;
    };
}
function parseIdFrom(value) {
    if (value === 'filename' || value === 'path')
        return { kind: value };
    const [, kind, field] = /^(json|frontmatter):\s*(.*?)\s*$/.exec(value) ?? [];
    const wanted = kind
        ? `needs a field name after \`${kind}:\` (dotted paths like \`a.b\` are allowed)`
        : 'must be `filename`, `path`, `json:<field>` or `frontmatter:<key>`';
    if (!field)
        refuse(`Input \`id-from\` ${wanted}, got ${quote(value)}.`);
    fieldPath(field, 'id-from');
    return kind === 'json' ? { kind, field } : { kind: 'frontmatter', key: field };
}
/** `id-field` and `id-from` paths follow one grammar (parseFieldPath). */
function fieldPath(value, name) {
    try {
        (0,id_value/* parseFieldPath */.Zl)(value);
    }
    catch (error) {
        if (!(error instanceof id_value/* FieldPathError */.qd))
            throw error;
        refuse(`Input \`${name}\` is not a valid field path: ${error.message} in ${quote(value)}.`);
    }
    return value;
}
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** https only, except loopback hosts; a path prefix is kept, a trailing slash dropped. */
function parseApiUrl(value) {
    if (!URL.canParse(value))
        refuse('Input `api-url` is not a valid URL.');
    const url = new URL(value);
    const where = `${url.protocol}//${url.host}`;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    // Miso's docs show full URLs (`https://api.askmiso.com/v1/...`); the routes add `/v1` again.
    const v1 = /\/v1$/i.exec(base);
    const problems = {
        [`must not carry credentials (${where}).`]: url.username || url.password,
        [`must not have a query or fragment (${where}); pass the key in \`api-key\`.`]: url.search || url.hash,
        [`must use https (${where}); plain http is allowed only for loopback hosts.`]: url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname),
        [`must use https, got ${url.protocol}.`]: !['https:', 'http:'].includes(url.protocol),
        [`must be the base URL without \`/v1\`, such as \`${base.slice(0, v1?.index)}\`: the action adds \`/v1/...\` itself.`]: v1
    };
    const problem = Object.keys(problems).find(text => problems[text]);
    if (problem)
        refuse(`Input \`api-url\` ${problem}`);
    return base;
}
function quote(value) {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

// EXTERNAL MODULE: ./src/log.ts
var src_log = __webpack_require__(5625);
// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 12 modules
var src = __webpack_require__(816);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/miso/proxy.ts
var miso_proxy = __webpack_require__(1628);
// EXTERNAL MODULE: ./src/miso/throttle.ts
var throttle = __webpack_require__(9754);
// EXTERNAL MODULE: ./src/miso/answers.ts
var answers = __webpack_require__(7667);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
;// CONCATENATED MODULE: ./src/miso/client.ts
// The HTTP client for Miso's bulk delete and task status endpoints: authentication,
// retries with back-off, the shared throttle, time-outs, proxies, and keeping the API key
// out of every message and body it hands back.









/** Answers are read up to this size, so a hostile or broken answer cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * An ID listing is read up to this size: a million IDs of 40 characters are about 45 MB. A
 * longer one fails the reconcile rather than being read in part.
 */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;
const BEFORE_SENT = 'cancelled before the request was sent';
class MisoClient {
    options;
    throttle;
    apiUrl;
    basePath;
    /** `/v1/{type}`, the start of every route. */
    route;
    agent;
    redact;
    /** 407: the proxy wants (other) credentials, for every request alike. */
    proxyRefusal;
    /** Throws when the proxy settings are unusable (naming the variable, never its value). */
    constructor(options) {
        this.options = options;
        this.apiUrl = options.apiUrl.replace(/\/+$/, '');
        const { host, pathname } = new URL(this.apiUrl);
        this.basePath = pathname.replace(/\/+$/, '');
        const env = options.env ?? process.env;
        const proxy = (0,miso_proxy/* proxyFor */.iJ)(this.apiUrl, env);
        this.redact = (0,redact/* redactor */.$)([options.apiKey, ...(proxy ? (0,miso_proxy/* proxySecrets */.Wm)(proxy) : [])]);
        this.agent = (0,miso_proxy/* agentFor */.Pf)(this.apiUrl, env);
        this.proxyRefusal = `the proxy refused the request (Proxy Authentication Required): check the proxy credentials in ${(0,miso_proxy/* findProxy */.EE)(this.apiUrl, env)?.name ?? 'the proxy variable (HTTPS_PROXY / HTTP_PROXY)'}`;
        this.route = `/v1/${options.recordType ?? 'products'}`;
        this.throttle = new throttle/* Throttle */.X5(options.concurrency, options);
        if (proxy)
            this.log(`Reaching ${host} through proxy ${new URL(proxy).origin}`);
    }
    deleteProducts(ids, signal) {
        const idsKey = this.options.recordType === 'users' ? 'user_ids' : 'product_ids';
        return this.post(`${this.route}/_delete`, { data: { [idsKey]: ids } }, signal);
    }
    /** Uploads records (`POST /v1/{type}`, the undo's restore), answered like a delete. */
    uploadRecords(records, signal) {
        return this.post(this.route, { data: records }, signal);
    }
    /** A POST answered with a task or counts; deleting and uploading are both idempotent. */
    post(path, data, signal) {
        const request = { method: 'POST', route: path, path, body: JSON.stringify(data) };
        return this.send(request, signal, answer => {
            const { status: httpStatus, body } = answer;
            // Read before redacting: a key-like run inside must not hide a task_id.
            const read = answer.cut
                ? `answer larger than ${MAX_BODY_BYTES} bytes`
                : (0,answers/* readDeleteAnswer */.gv)(answer.raw, answer.headers.get('content-type'));
            // An answer that accepts nothing is sent again (the request is idempotent).
            if (typeof read === 'string')
                return { retry: { httpStatus, message: read, fatal: false }, body };
            return { done: { ok: true, ...read, httpStatus, body } };
        });
    }
    /**
     * One record (`GET /v1/{type}/{id}`, answered `{"data": {...}}`) for the undo's backup, read
     * from the redacted body so the key can never be in it; `undefined` when Miso answers 404 (it
     * has no such record). In a throttle slot and retried like a delete.
     */
    async getRecord(id, signal) {
        // A URL collapses `.` and `..` segments, and servers may decode `%2F` before routing: the
        // answer would be for another path, and its 404 read as "no record".
        if (id === '.' || id === '..' || id.includes('/')) {
            const message = 'the ID cannot be asked for as one URL path segment (`.`, `..` or `/`): set `backup: false` to delete it without a backup';
            return { ok: false, failure: { httpStatus: 0, message, fatal: false }, attempts: 0 };
        }
        const idKey = this.options.recordType === 'users' ? 'user_id' : 'product_id';
        const path = `${this.route}/${encodeURIComponent(id)}`;
        const request = { method: 'GET', route: `${this.route}/{id}`, path };
        const outcome = await this.send(request, signal, answer => {
            const data = answer.cut ? undefined : (0,json/* parseJsonOrUndefined */.rx)(answer.body);
            const record = (0,json/* isObject */.Gv)(data) ? data.data : undefined;
            // A record for another ID (or none) cannot undo this deletion: not deleted, fail closed.
            if ((0,json/* isObject */.Gv)(record) && record[idKey] === id)
                return { done: { ok: true, record } };
            const message = (0,json/* isObject */.Gv)(record)
                ? `the answer's record has no \`${idKey}\` equal to the ID asked for`
                : 'the answer holds no record at `data`';
            return { final: { httpStatus: answer.status, message, fatal: false } };
        });
        const missing = !outcome.ok && outcome.failure.httpStatus === 404;
        return missing ? { ok: true, record: undefined } : outcome;
    }
    async getStatus(taskId, signal) {
        // Polls are limited by the caller, but a 429 pause holds for them too.
        await this.throttle.acquire(signal, false).catch(() => { });
        if (signal.aborted)
            return { httpStatus: 0, body: BEFORE_SENT };
        const path = `${this.route}/_status/${encodeURIComponent(taskId)}`;
        const answer = await this.exchange({ method: 'GET', route: path, path }, signal);
        if (typeof answer === 'string')
            return { httpStatus: 0, body: answer };
        this.retryAfter(answer, `GET ${this.basePath}${path}`);
        // The proxy's own answer says nothing about the task: the message says what to fix.
        const body = answer.status === 407 ? JSON.stringify({ message: this.proxyRefusal }) : answer.body;
        return { httpStatus: answer.status, body };
    }
    /**
     * Every ID Miso lists for the record type (`GET /v1/{type}/_ids`, `?type=` when given),
     * retried like a delete; an answer that is not a readable list fails at once.
     */
    listIds(productType, signal) {
        const route = `${this.route}/_ids`;
        const path = route + (productType ? `?type=${encodeURIComponent(productType)}` : '');
        const request = { method: 'GET', route, path, limit: MAX_LISTING_BYTES };
        return this.send(request, signal, answer => {
            // The IDs as sent (before redaction): they are what gets deleted.
            const ids = answer.cut
                ? `the answer is larger than ${MAX_LISTING_BYTES} bytes`
                : (0,answers/* readIdListing */.Yn)(answer.raw);
            if (typeof ids !== 'string')
                return { done: { ok: true, ids } };
            return { final: { httpStatus: answer.status, message: ids, fatal: false } };
        });
    }
    /**
     * Sends a request in a throttle slot until `read` takes a 2xx answer, retrying up to
     * `retries` times with back-off (the one HTTP policy). A cancellation ends it with a
     * failure that says when it came.
     */
    async send(request, signal, read) {
        const shown = `${request.method} ${this.basePath}${request.route}`;
        const retries = Math.max(0, Math.floor(this.options.retries));
        const { random = Math.random, sleep = throttle/* abortableSleep */.Mf } = this.options;
        const fail = (failure, attempts, body) => ({ ok: false, failure, attempts, body });
        for (let attempts = 1;; attempts++) {
            let verdict;
            try {
                const release = await this.throttle.acquire(signal);
                try {
                    const answer = await this.exchange(request, signal);
                    if (typeof answer === 'string')
                        verdict = { retry: { message: answer, fatal: false } };
                    else if ((0,http_policy/* classifyStatus */.xo)(answer.status) !== 'ok')
                        verdict = this.refusal(answer, shown);
                    else {
                        this.throttle.onSuccess();
                        verdict = read(answer);
                    }
                }
                finally {
                    // After reading the answer, so a 429's pause is in force before the slot is handed on.
                    release();
                }
            }
            catch {
                // Only the throttle's waits throw, when the signal aborts.
                return fail({ message: BEFORE_SENT, fatal: false }, attempts - 1);
            }
            if (signal.aborted)
                return fail({ message: 'cancelled before Miso answered', fatal: false }, attempts);
            if ('done' in verdict)
                return verdict.done;
            if ('final' in verdict)
                return fail(verdict.final, attempts, verdict.body);
            const failure = verdict.retry;
            const reason = failure.httpStatus === undefined ? failure.message : `${shown}: ${(0,answers/* failureText */.kY)(failure)}`;
            if (attempts > retries) {
                if (retries > 0)
                    this.log(`${reason}; giving up after ${attempts} attempts`);
                return fail(failure, attempts, verdict.body);
            }
            const delay = (0,http_policy/* retryDelay */.a2)(attempts - 1, verdict.retryAfterMs, random);
            this.log(`${reason}; retry ${attempts} of ${retries} in ${seconds(delay)}`);
            await sleep(delay, signal).catch(() => { });
            if (signal.aborted) {
                const message = `cancelled while waiting to retry (last answer: ${(0,answers/* failureText */.kY)(failure)})`;
                return fail({ message, fatal: false }, attempts);
            }
        }
    }
    /** A non-2xx answer read by the one HTTP policy: retry (with its wait) or give up. */
    refusal(answer, request) {
        const { status, body } = answer;
        const policy = (0,http_policy/* classifyStatus */.xo)(status);
        let message = (0,answers/* misoMessage */.ao)(status, body, answer.statusText);
        if (status === 407)
            message = this.proxyRefusal;
        else if (status >= 300 && status < 400) {
            const location = answer.headers.get('location') ?? '';
            const url = location && URL.canParse(location, this.apiUrl) && new URL(location, this.apiUrl);
            const target = (url ? url.origin + url.pathname : location && 'an unreadable location') || 'elsewhere';
            message = `redirected to ${target} (HTTP ${status}); set api-url to the API's own address`;
        }
        const fatal = policy === 'stops-run';
        const failure = { httpStatus: status, message: this.clean(message), fatal };
        if (policy !== 'retry')
            return { final: failure, body };
        return { retry: failure, body, retryAfterMs: this.retryAfter(answer, request) };
    }
    /** The answer's `Retry-After` wait; a 429 also slows the throttle down (and is logged). */
    retryAfter(answer, request) {
        const now = this.options.now?.() ?? Date.now();
        const retryAfterMs = (0,http_policy/* parseRetryAfter */.mu)(answer.headers.get('retry-after'), now);
        if (answer.status !== 429)
            return retryAfterMs;
        this.throttle.onRateLimited(retryAfterMs);
        const limit = this.throttle.limit;
        this.log(`${request}: rate limited (HTTP 429); ${limit} request(s) in flight at most`);
        return retryAfterMs;
    }
    /**
     * Sends one request with its own time-out, also ended by the run's signal. Never throws:
     * no answer (network error, time-out, cancellation) comes back as a redacted reason built
     * from the path only.
     */
    async exchange(request, signal) {
        const { method, path, body, limit = MAX_BODY_BYTES } = request;
        if (signal.aborted)
            return BEFORE_SENT;
        const { apiKey, authMode, requestTimeoutMs } = this.options;
        const url = new URL(this.apiUrl + path);
        if (authMode === 'query')
            url.searchParams.set('api_key', apiKey);
        const headers = {
            Accept: 'application/json',
            'User-Agent': `miso-bulk-delete/${package_namespaceObject.rE}`,
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(authMode === 'header' ? { 'X-API-KEY': apiKey } : {})
        };
        const stop = (0,http_policy/* timeLimit */.zc)(requestTimeoutMs, signal);
        let reading;
        try {
            // A redirect could carry the key elsewhere, or turn the POST into a GET.
            const init = { method, headers, body, agent: this.agent, signal: stop.signal };
            const response = (reading = await (0,src/* default */.Ay)(url.href, { ...init, redirect: 'manual' }));
            const { raw, cut } = await readCapped(response.body, limit);
            const { status, statusText, headers: got } = response;
            return { status, statusText, headers: got, body: this.redact(raw), raw, cut };
        }
        catch (error) {
            if (signal.aborted)
                return 'cancelled before Miso answered';
            let reason = `no complete answer within ${seconds(requestTimeoutMs)} (request-timeout)`;
            if (!stop.signal.aborted) {
                reason = networkReason(error).split(url.href).join(`${this.basePath}${path}`);
                if (reading)
                    reason = `answer cut off after HTTP ${reading.status}: ${reason}`;
            }
            return this.clean(`${method} ${this.basePath}${path}: ${reason}`);
        }
        finally {
            stop.done();
        }
    }
    /** Redacts secrets and cuts overly long text, for messages. */
    clean = (text) => (0,src_channel.bound)(this.redact(text), src_channel.MESSAGE_LIMIT);
    /** Rare lines that explain a slow run: retries, rate limits, the proxy in use. */
    log = (message) => this.options.log.info(this.redact(message));
}
const NETWORK_CODES = {
    ECONNRESET: 'connection reset',
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ERR_STREAM_PREMATURE_CLOSE: 'answer cut off'
};
/** A short reason for a network error, from its code where known. */
function networkReason(error) {
    let e = error;
    while (e && !(typeof e.code === 'string' && e.code))
        e = e.cause;
    const code = e?.code;
    // node-fetch puts the whole URL (with the key, in query mode) before the reason.
    const message = (0,answers/* errorText */.kc)(error).replace(/^request to .* failed, reason: /s, '');
    return code ? `${NETWORK_CODES[code] ?? message} (${code})` : message;
}
/** Reads a body up to `limit` bytes; the rest is dropped (and the connection closed). */
async function readCapped(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body ?? []) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        chunks.push(buffer);
        size += buffer.length;
        if (size > limit)
            return { raw: Buffer.concat(chunks).subarray(0, limit).toString(), cut: true };
    }
    return { raw: Buffer.concat(chunks).toString(), cut: false };
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}

// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/deletion.ts + 1 modules
var deletion = __webpack_require__(7750);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(7330);
;// CONCATENATED MODULE: ./src/report/outputs.ts
// Step outputs and the files behind them. GitHub keeps outputs small, so the `ids` and
// `result` outputs are cut at 256 KiB and the files hold everything: every unique ID
// (`ids-path`), which source gave which IDs (`sources-path`), each batch's result.






const OUTPUT_LIMIT = 256 * 1024;
/** IDs per source in the `sources` output; the file has them all. */
const SOURCE_IDS_IN_OUTPUT = 1000;
/** Builds every output value and writes the result file next to the plan's files. */
function buildOutputs(report, files) {
    const ids = report.plan?.ids ?? [];
    const batches = report.deletion?.batches ?? [];
    // Undefined fields are left out of the JSON.
    const entries = batches.map(({ taskId, count, status, response, counts, error }) => ({
        ...{ task_id: taskId ?? null, count, status, response: response ?? null },
        counts: Object.keys(counts).length > 0 ? counts : undefined,
        error: error && { http_status: error.httpStatus ?? null, message: error.message }
    }));
    const resultPath = external_node_path_.join(files.dir, 'result.json');
    (0,external_node_fs_.writeFileSync)(resultPath, JSON.stringify(entries));
    const failed = (0,run_report/* failedIds */.GF)(report);
    const failedIdsPath = failed ? external_node_path_.join(files.dir, 'failed-ids.json') : '';
    if (failed)
        (0,external_node_fs_.writeFileSync)(failedIdsPath, rerunFileText(failed));
    const sources = (report.plan?.sources ?? []).map(sourceEntry);
    const firstOfSources = sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) }));
    const sourcesCut = sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT);
    const { deleted, not_found: notFound } = (0,run_report/* countTotals */.Hk)(report);
    const { backup, restoring } = report.undo ?? {};
    const restored = batches.filter(deletion/* accepted */.qG).reduce((n, b) => n + b.count, 0);
    // Each JSON output: as many leading items as fit in OUTPUT_LIMIT bytes (the brackets take 2,
    // each item its length and a comma, less the first one's), and its `-truncated` flag.
    const cut = (name, items, more = false) => {
        const n = (0,markdown/* fitting */._Q)(items, OUTPUT_LIMIT - 1, item => Buffer.byteLength(JSON.stringify(item)) + 1);
        const value = JSON.stringify(items.slice(0, n));
        return { [name]: value, [`${name}-truncated`]: String(n < items.length || more) };
    };
    return {
        status: report.status,
        count: String(ids.length),
        ...cut('ids', ids),
        'ids-path': files.idsPath,
        ...cut('task-ids', report.deletion?.taskIds ?? []),
        'failed-count': String((0,run_report/* failedCount */.dD)(report)),
        'deleted-count': String(deleted ?? ''),
        'not-found-count': String(notFound ?? ''),
        'failed-ids-path': failedIdsPath,
        ...cut('result', entries),
        'result-path': resultPath,
        ...cut('sources', firstOfSources, sourcesCut),
        'sources-path': files.sourcesPath,
        // The backup's file and count; the records a restore got accepted (src/undo/).
        'backup-path': backup?.path ?? '',
        'backup-count': String(backup?.count ?? ''),
        'restored-count': restoring ? String(restored) : ''
    };
}
/**
 * The rerun file (`failed-ids-path`): a JSON array of the IDs exactly as they were sent. The
 * `.json` reader of `ids-file` takes its strings as they are, so a rerun sends the same IDs;
 * one per line would lose white space at the ends, a leading `#` (a comment) and a BOM.
 */
const rerunFileText = (ids) => `${JSON.stringify(ids)}\n`;
/** One source in the `sources` output and file. */
function sourceEntry({ kind, name, detail, ids }) {
    return { kind, name, detail: detail ?? null, count: ids.length, ids };
}
/** IDs per chunk: each takes well under a millisecond to build, so requests are not held up. */
const CHUNK_IDS = 10_000;
/**
 * The plan's files depend on nothing the deletion does, so they are written while it runs: for
 * a million IDs they are tens of megabytes, and written in chunks they neither hold up the end
 * of the run nor need the whole text in memory at once. `writeFile` builds each chunk only when
 * the file has taken the one before (a stream would read ahead, and chunks held that long
 * outlive the young generation).
 *
 * Writes both files into a new directory under `runnerTemp` (empty lists without a plan),
 * every ID and name passed through `redact` first, as every channel's text is.
 */
async function writePlanFiles(plan, runnerTemp, redact) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join(runnerTemp, 'miso-bulk-delete-'));
    const [idsPath, sourcesPath] = ['ids.txt', 'sources.json'].map(name => external_node_path_.join(dir, name));
    function* chunks(ids, text) {
        for (let at = 0; at < ids.length; at += CHUNK_IDS) {
            yield text(ids.slice(at, at + CHUNK_IDS).map(redact), at === 0);
        }
    }
    await (0,promises_.writeFile)(idsPath, chunks(plan?.ids ?? [], ids => `${ids.join('\n')}\n`));
    // The same JSON as JSON.stringify() of the entries, each source's IDs in chunks.
    function* sources() {
        yield '[';
        for (const [n, source] of (plan?.sources ?? []).entries()) {
            const { ids, ...entry } = sourceEntry(source);
            const rest = JSON.stringify(entry, (_, v) => (typeof v === 'string' ? redact(v) : v));
            yield `${n > 0 ? ',' : ''}${rest.slice(0, -1)},"ids":[`;
            yield* chunks(ids, (part, first) => (first ? '' : ',') + JSON.stringify(part).slice(1, -1));
            yield ']}';
        }
        yield ']';
    }
    await (0,promises_.writeFile)(sourcesPath, sources());
    return { dir, idsPath, sourcesPath };
}
/**
 * Where the report goes, checked before the first call to Miso: a run that deletes and then
 * cannot say what it deleted (no outputs, no ID files) is worse than one that refuses to start.
 * Throws, naming the variable, unless `runnerTemp` is a writable directory and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, when set, are writable files.
 */
function checkReportDestinations(env, runnerTemp) {
    const temp = env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temp directory';
    const { GITHUB_OUTPUT, GITHUB_STEP_SUMMARY } = env;
    const targets = { [temp]: runnerTemp, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY };
    const problems = Object.entries(targets).flatMap(([name, target]) => {
        const problem = target && problemWith(target, name === temp ? 'directory' : 'file');
        return problem ? [`${name} (${target}) ${problem}`] : [];
    });
    const cannot = "The run's report could not be written, so nothing was sent to Miso";
    if (problems.length > 0)
        throw new Error(`${cannot}: ${problems.join('; ')}.`);
}
function problemWith(target, kind) {
    try {
        const stat = (0,external_node_fs_.statSync)(target);
        if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile())
            return `is not a ${kind}`;
        (0,external_node_fs_.accessSync)(target, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        // Which call failed says what is wrong: no entry to stat, or no right to write.
        const { syscall } = error;
        return syscall === 'stat' ? 'does not exist' : 'is not writable';
    }
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/main.ts














/** Runs the action; `failed` when the step fails. */
async function run(context) {
    const { env, cancellation, event } = context;
    const started = Date.now();
    const report = { status: 'failed', notes: [], elapsedMs: 0 };
    // Every line, output, file and summary goes through the channel: secrets out first.
    const channel = (0,src_channel.runChannel)(context.input('api-key'), env);
    const log = (0,src_log.runLog)(channel, report.notes, context.log);
    if (event.problem)
        log.warning(`Could not read the event payload: ${event.problem}`);
    report.links = (0,run_report/* repositoryLinks */.Ay)(env, event);
    const state = { env, event, signal: cancellation.signal, channel, log, report };
    try {
        state.settings = await phase(context, 'Inputs', () => readSettings(context, state));
        report.recordType = state.settings.recordType;
        await deleteIds(context, state.settings, state);
    }
    catch (error) {
        report.status = cancellation.signal.aborted ? 'cancelled' : 'failed';
        report.error = error instanceof Error ? error.message : String(error);
        if (error instanceof commit_files/* UnreadableFileError */.o2)
            report.errorNext = error.next;
        state.error = error;
    }
    report.elapsedMs = Date.now() - started;
    // The signal handlers stay until the report is out: the runner's SIGTERM follows its
    // SIGINT within seconds and must not kill the process half way through the outputs.
    const { shown, failed } = await publish(context, state);
    // Last, when everything else is out: the comment never delays or fails anything.
    const { settings } = state;
    if (settings?.comment) {
        const { updatePullRequestComment } = await __webpack_require__.e(/* import() */ 139).then(__webpack_require__.bind(__webpack_require__, 2139));
        // Shown to people like the summary: redacted and bounded before the comment escapes it.
        const commentRun = { ...state, settings, report: shown, clean: channel.redact };
        const url = await updatePullRequestComment(commentRun);
        if (url)
            context.output('comment-url', channel.redact(url));
    }
    cancellation.dispose();
    return { failed };
}
/** Each phase of the run as a collapsible group of the log. */
async function phase(context, title, work) {
    context.log.startGroup(title);
    try {
        return await work();
    }
    finally {
        context.log.endGroup();
    }
}
/** The inputs as settings; the log says what the run will do and what the event decided. */
function readSettings(context, { env, event, log }) {
    const forced = (branches) => (0,diff_event/* forcedDryRun */.WR)(event.name, event.payload, branches);
    const settings = getSettings(context, forced);
    log.info(describeSettings(settings));
    const reason = forced(settings.branches);
    if (reason)
        log.notice((0,run_report/* forcedDryRunNotice */.km)(reason));
    const { wait, waitTimeoutMs: timeout, pollIntervalMs: poll } = settings;
    const early = `\`wait-timeout\` (${timeout / 1000} s) is shorter than \`poll-interval\` (${poll / 1000} s): the wait ends before the first status poll, so no task can be confirmed. Raise \`wait-timeout\` or lower \`poll-interval\`.`;
    if (wait && timeout > 0 && timeout < poll)
        log.warning(early);
    // Before the first call to Miso: a deletion that cannot be reported is worse than none.
    checkReportDestinations(env, settings.runnerTemp);
    return settings;
}
/** Sources → plan → batches → tasks. */
async function deleteIds(context, settings, state) {
    const { report, log, channel } = state;
    // Made when first needed (a dry run makes none): it throws for unusable proxy settings.
    let client;
    const miso = () => (client ??= new MisoClient({ ...settings, env: state.env, log }));
    const running = Object.assign(state, { settings, miso });
    const found = await phase(context, sourcesTitle(settings), async () => {
        const found = await findIds(running);
        for (const g of found.groups)
            log.info(`${(0,src_plan/* describeSource */.B6)(g)}: ${(0,plural/* plural */.L)(g.ids.length, 'ID')}`);
        return found;
    });
    Object.assign(report, { diff: found.diff, reconcile: found.reconcile });
    const plan = (report.plan = (0,src_plan/* makePlan */.Cs)(found.groups, settings.batchSize));
    await phase(context, planTitle(plan, settings), () => logPlan(plan, log, channel));
    // The plan's files (every ID, every source; tens of megabytes for a million IDs) are
    // written while the deletion runs. A failure is reported with the outputs.
    state.planFiles = writePlanFiles(plan, settings.runnerTemp, channel.redact);
    state.planFiles.catch(() => undefined);
    const work = settings.restoreFile ? 'Restore' : 'Deletion';
    const title = settings.dryRun ? `${work}: dry run, nothing is sent` : work;
    const restore = 'records' in found ? found.records : undefined;
    await phase(context, title, () => deleteOrPreview(plan, running, restore));
}
/** Where a refused ID file is wrong, so the annotation shows on that file and line. */
function annotationOf(error) {
    // Files under RUNNER_TEMP (absolute names) are not in the repository.
    if (!(error instanceof formats/* IdFileError */.mg) || external_node_path_.isAbsolute(error.file))
        return undefined;
    const startLine = Number(/^line (\d+)/.exec(error.position)?.[1]) || undefined;
    return { title: 'Refused ID file', file: error.file, startLine };
}
/** Decides what to do with the plan and, when it is a real run, does it. */
async function deleteOrPreview(plan, state, restore) {
    const { settings, report, signal, log } = state;
    const share = (0,run_report/* deletionShare */.k8)(report);
    const percent = share && (0,src_plan/* percentRefusal */.c0)(share, settings.maxDeletionsPercent);
    const refused = (0,src_plan/* refusal */.x5)(plan, settings.maxDeletions) ?? percent;
    // A signal that came while the action loaded or the IDs were read ends the run as cancelled,
    // whatever was found. Node delivers a signal only on an event-loop turn, and a run with inline
    // IDs may not have taken one yet: take one before deciding.
    await new Promise(resolve => setImmediate(resolve));
    if (signal.aborted) {
        report.status = 'cancelled';
    }
    else if (plan.ids.length === 0) {
        report.status = 'empty';
        if (settings.failOnEmpty)
            report.error = 'No IDs were resolved and `fail-on-empty` is true.';
    }
    else if (settings.dryRun) {
        report.status = 'dry-run';
        report.dryRunReason = settings.dryRunReason;
        if (refused)
            log.warning(`When this runs for real it will be refused: ${refused}`);
    }
    else if (refused) {
        report.error = `Refused: ${refused}`;
        report.refused = true;
    }
    else {
        const { sendPlan } = await __webpack_require__.e(/* import() */ 80).then(__webpack_require__.bind(__webpack_require__, 4080));
        await sendPlan(report, plan, settings, state.miso(), restore, { ...settings, signal, log });
        const notFound = (0,run_report/* notFoundWarning */.GD)(report);
        if (notFound)
            log.warning(notFound);
    }
}
/**
 * The IDs to delete, by source. Reconcile: what Miso lists and the repository no longer names
 * (see reconcile/). Otherwise every source the inputs name, in a fixed order: inline, files,
 * then the diff.
 */
async function findIds({ settings, miso, event, env, log, signal }) {
    if (settings.restoreFile)
        return (await __webpack_require__.e(/* import() */ 80).then(__webpack_require__.bind(__webpack_require__, 4080))).readBackup(settings);
    if (settings.reconcile) {
        const { resolveReconcileIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(477), __webpack_require__.e(124)]).then(__webpack_require__.bind(__webpack_require__, 4124));
        const { groups, info } = await resolveReconcileIds(settings, miso(), signal, env, log);
        return { groups, reconcile: info };
    }
    const groups = [];
    const inline = parseInlineIds(settings.productIds);
    if (inline.length > 0)
        groups.push({ kind: 'inline', name: 'product-ids', ids: inline });
    if (settings.idsFiles.length > 0) {
        const { idsFiles, workspace, idField, runnerTemp } = settings;
        groups.push(...(await (0,formats/* readIdFiles */.VL)(idsFiles, workspace, idField, runnerTemp, { notes: log })));
    }
    const { deletedPaths, idListFiles, deleteListFiles } = settings;
    if (deletedPaths.length + idListFiles.length + deleteListFiles.length === 0) {
        const none = 'No ID source was given (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files` or `delete-list-files`).';
        if (groups.length === 0)
            log.notice(none);
        return { groups };
    }
    // Loaded only when needed: git, the REST client and YAML are most of the bundle's start-up.
    const { resolveDiffIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(477), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 1120));
    const found = await resolveDiffIds(settings, event, env, log, signal);
    const { groups: removed, notices, warnings, ...diff } = found;
    notices.forEach(log.notice);
    warnings.forEach(log.warning);
    return { groups: [...groups, ...removed], diff };
}
/** What this run will do, in one line of the log (never the key). */
function describeSettings(s) {
    const waiting = !s.wait
        ? 'no wait for the tasks'
        : s.waitTimeoutMs === 0
            ? 'waiting for the tasks without a time limit'
            : `waiting up to ${s.waitTimeoutMs / 1000} s for the tasks`;
    const doing = s.restoreFile ? 'Restoring' : 'Deleting';
    const mode = s.dryRun ? 'Dry run, nothing is sent to Miso' : `${doing} through ${s.apiUrl}`;
    return `${mode}: batches of ${s.batchSize}, ${s.concurrency} at once, ${waiting}.`;
}
function sourcesTitle({ restoreFile, reconcile }) {
    if (restoreFile)
        return 'Sources: the backup file';
    return reconcile ? 'Sources: Miso and the repository' : 'Sources and diff';
}
/** The plan in one line: the title of its group in the log. */
function planTitle(plan, { recordType }) {
    const what = recordType === 'users' ? 'unique user ID' : 'unique ID';
    return `Plan: ${(0,plural/* plural */.L)(plan.ids.length, what)} from ${(0,plural/* plural */.L)(plan.sources.length, 'source')}, in ${(0,plural/* plural */.L)(plan.batches.length, 'batch', 'batches')}`;
}
function logPlan({ ids }, log, channel) {
    // One line per ID, each made safe on its own: an ID is data and must not become a command.
    log.infoLines(ids.slice(0, 1000).map(id => channel.value(id)));
    if (ids.length > 1000)
        log.info(`… and ${(0,plural/* plural */.L)(ids.length - 1000, 'more ID')} (see ids-path).`);
}
/**
 * Outputs, summary and the step's result: written for every run, failed ones too. Gives the
 * report as shown to people (redacted and bounded), for the comment, and whether the step fails.
 */
async function publish(context, state) {
    const { report, settings, channel, log } = state;
    const runnerTemp = settings?.runnerTemp ?? runnerTempOf(state.env);
    const planFiles = state.planFiles ?? writePlanFiles(report.plan, runnerTemp, channel.redact);
    const files = await planFiles.catch((error) => error);
    const redacted = channel.redacted(report);
    const shown = channel.shown(redacted);
    // Each channel on its own: a missing output file must not also cost the summary.
    let unwritten;
    try {
        if (files instanceof Error)
            throw files;
        const outputs = buildOutputs(redacted, files);
        for (const [name, value] of Object.entries(outputs))
            context.output(name, value);
    }
    catch (error) {
        unwritten = `The step outputs could not be written: ${error.message}`;
    }
    // No summary file (e.g. a local run): the log and outputs still tell everything.
    const unsummarised = (error) => log.debug(`No job summary written: ${error.message}`);
    await context.summary((0,summary/* renderSummary */.Br)(shown)).catch(unsummarised);
    const { plan, deletion } = report;
    log.info(`Status: ${report.status}; IDs: ${plan?.ids.length ?? 0}; tasks: ${deletion?.taskIds.length ?? 0}; failed IDs: ${(0,run_report/* failedCount */.dD)(report)}.`);
    const fails = (0,run_report/* stepFails */.ug)(report, settings?.failOnEmpty ?? false);
    if (fails) {
        // The error annotation says what went wrong and what to do next; each refused input has
        // its own, so that one run shows every input to fix.
        const advice = (0,run_report/* adviceFor */.cp)(report);
        const own = report.errorNext === undefined ? report.error : undefined;
        const message = own ?? (advice ? (0,run_report/* failureLine */.Pu)(advice) : `Miso bulk delete ${report.status}.`);
        const { error } = state;
        const lines = error instanceof InputError ? error.problems : [message];
        for (const line of lines)
            log.error(line, annotationOf(error));
    }
    if (unwritten)
        log.error(unwritten);
    return { shown, failed: fails || unwritten !== undefined };
}


/***/ }),

/***/ 7667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WN: () => (/* binding */ countsText),
/* harmony export */   YB: () => (/* binding */ describeReading),
/* harmony export */   Yn: () => (/* binding */ readIdListing),
/* harmony export */   ao: () => (/* binding */ misoMessage),
/* harmony export */   gI: () => (/* binding */ readTaskStatus),
/* harmony export */   gv: () => (/* binding */ readDeleteAnswer),
/* harmony export */   kY: () => (/* binding */ failureText),
/* harmony export */   kc: () => (/* binding */ errorText)
/* harmony export */ });
/* unused harmony export countsOf */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2598);
/* harmony import */ var _ids_id_value_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6409);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
// Reading Miso's answers: task status, delete answers, ID listings, and Miso's own words in an
// error answer. None of them throws.
//
// Task status
// Reads one answer of `GET /v1/products/_status/{task_id}`. Its body is not documented, so
// the reading is defensive: a few fixed rules, applied in order, decide what an answer means,
// and anything they cannot place is 'unknown' (the poller keeps polling) rather than a guess.
//
// HTTP status first:
//   404                        'not-registered' (the task is not known yet)
//   0 (no answer), 429, 5xx    'unknown', transient: the poller retries, see http-policy.ts
//   3xx, other 4xx             'failed': asking again would get the same refusal (401/403 stop
//                              the whole run, see deletion.ts)
//   1xx                        'unknown'
//   2xx, body not a JSON object 'unknown' ("not a JSON object: ...")
// Then, in the JSON object, the first rule that applies:
//   1. failure: `errors: true` (top level or `data`), a non-empty `errors` array (`data.errors`
//      or top level), or a failure word at any of the status places below. Any failure signal
//      wins, as reporting a false failure is safer than reporting a false success.
//   2. the status word: the first non-empty string at `data.status`, `data.state`, `status`,
//      `state`, trimmed, lower-cased, with spaces and hyphens read as `_` ("In Progress" is
//      `in_progress`). Running, success and failure words are listed below; any other word is
//      'unknown' with `word` set.
//   3. a boolean `data.finished`, else `finished`: true succeeded, false running.
//   4. none of these markers: succeeded (the endpoint knows the task and reports nothing pending).
//
// Counts, from the top-level object and then `data` (which wins a clash), key by key:
//   `name: { count: N }` and `name_count: N` (also `nameCount`) give `name`;
//   `name: N` gives `name`, unless the name says it is no count (a status, code, id, version,
//   time or duration, see NOT_COUNT). N must be a whole number >= 0; names are snake_case.
//
// Reading never throws: it looks at most a few levels into the body, so a hostile answer
// (`{"errors":[[[...100,000 deep...]]]}`) cannot exhaust the stack.




const RUNNING_WORDS = /^(pending|queued|waiting|created|scheduled|accepted|running|processing|in_progress|started)$/;
const SUCCESS_WORDS = /^(done|completed|complete|success|succeeded|finished|ok|deleted)$/;
const FAILURE_WORDS = /^(failed|failure|error|errored|cancelled|canceled|aborted)$/;
const NOT_COUNT = /^(status|state|code|http_status|version|timestamp|time|took|elapsed|duration|progress|percent)$|_(at|id|code|version|time|ts|ms|seconds)$/;
/** Length of body excerpts in notes. */
const EXCERPT = 80;
function readTaskStatus({ httpStatus, body }) {
    const policy = (0,_http_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyStatus */ .xo)(httpStatus);
    if (httpStatus === 404)
        return reading('not-registered', 'not registered yet');
    if (httpStatus === 0)
        return reading('unknown', `no answer: ${excerpt(body)}`);
    if (policy === 'retry' || httpStatus < 200 || httpStatus > 599) {
        const kind = httpStatus === 429 ? ' (rate limited)' : '';
        return reading('unknown', `HTTP ${httpStatus}${kind}: ${excerpt(body)}`);
    }
    if (policy !== 'ok') {
        // Asking again would get the same refusal.
        const note = httpStatus < 400
            ? `status request redirected (HTTP ${httpStatus}); set api-url to the API's own address`
            : `status request refused (HTTP ${httpStatus}): ${excerpt(misoMessage(httpStatus, body))}`;
        return reading('failed', note);
    }
    const top = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonOrUndefined */ .rx)(body);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(top))
        return reading('unknown', `not a JSON object: ${excerpt(body)}`);
    const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(top.data) ? top.data : undefined;
    const counts = countsOf(top);
    if (top.errors === true || data?.errors === true)
        return reading('failed', 'errors: true', counts);
    const list = [data?.errors, top.errors].find(value => Array.isArray(value) && value.length > 0);
    if (Array.isArray(list)) {
        const note = `${list.length} error${list.length === 1 ? '' : 's'}: ${excerpt(shortJson(list))}`;
        return reading('failed', note, counts);
    }
    const words = [data?.status, data?.state, top.status, top.state].flatMap(value => {
        const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
        return word ? [word.replace(/[\s-]+/g, '_')] : [];
    });
    const word = words.find(found => FAILURE_WORDS.test(found)) ?? words[0];
    if (word !== undefined) {
        if (FAILURE_WORDS.test(word))
            return { state: 'failed', word, counts, note: `status "${word}"` };
        if (RUNNING_WORDS.test(word))
            return { state: 'running', word, counts };
        if (SUCCESS_WORDS.test(word))
            return { state: 'succeeded', word, counts };
        return { state: 'unknown', word, counts, note: `unknown status word "${word}"` };
    }
    const finished = typeof data?.finished === 'boolean' ? data.finished : top.finished;
    if (typeof finished === 'boolean')
        return { state: finished ? 'succeeded' : 'running', counts };
    return { state: 'succeeded', counts };
}
/** One line for the log, e.g. `succeeded "done" [deleted 3, not_found 1]`. */
function describeReading(r) {
    const word = r.word !== undefined && r.note === undefined ? ` "${r.word}"` : '';
    const note = r.note !== undefined ? `: ${r.note}` : '';
    return `${r.state}${word}${note}${countsText(r.counts)}`;
}
/** ` [deleted 3, not_found 1]`, or nothing without counts. */
function countsText(counts) {
    const entries = Object.entries(counts);
    return entries.length > 0 ? ` [${entries.map(([k, n]) => `${k} ${n}`).join(', ')}]` : '';
}
function reading(state, note, counts = {}) {
    return { state, counts, note };
}
/**
 * The counts of an answer (a status body or a delete answer), by the rules above: top level
 * first, then `data`, which wins a clash.
 */
function countsOf(top) {
    const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(top.data) ? Object.entries(top.data) : [];
    const counts = {};
    for (const [rawKey, value] of [...Object.entries(top).filter(([k]) => k !== 'data'), ...data]) {
        const key = rawKey.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
        if (key.endsWith('_count') && key.length > 6 && isCount(value))
            counts[key.slice(0, -6)] = value;
        else if (isCount(value) && !NOT_COUNT.test(key))
            counts[key] = value;
        else if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(value) && isCount(value.count))
            counts[key] = value.count;
    }
    return counts;
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
/** Compact JSON of `value`, at most 8 levels (deeper ones show as `[…]` / `{…}`). */
function shortJson(value) {
    const clip = (item, depth) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(item) && !Array.isArray(item))
            return item;
        if (depth >= 8)
            return Array.isArray(item) ? '\0[…]' : '\0{…}';
        // Every entry shows as one character at least: more than EXCERPT are never seen.
        const entries = Object.entries(item).slice(0, EXCERPT + 1);
        const clipped = entries.map(([key, field]) => [key, clip(field, depth + 1)]);
        return Array.isArray(item) ? clipped.map(([, field]) => field) : Object.fromEntries(clipped);
    };
    return JSON.stringify(clip(value, 0)).replace(/"\\u0000(\[…\]|\{…\})"/g, '$1');
}
function excerpt(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat === '')
        return '(empty body)';
    return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}...` : flat;
}
// Miso's own words in an error answer, for messages: the client, the status reader and the
// deletion's report all quote it the same way.
/** The message of a thrown value. */
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
/** `HTTP 400: message`, or the message alone when there was no answer. */
function failureText(failure) {
    return (failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : '') + failure.message;
}
/**
 * Miso's message in an error answer: `message`, else FastAPI's `detail`, else the HTTP
 * status text. Also used for status polls refused by a wrong key.
 */
function misoMessage(status, text, statusText = '') {
    const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonOrUndefined */ .rx)(text);
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(body)) {
        // The spec's own 400 example spells the field `message:`.
        const said = ['message', 'message:', 'error', 'detail'].map(key => body[key]);
        const text = said.find(value => typeof value === 'string' && value.trim() !== '');
        if (typeof text === 'string')
            return text.trim();
        const { detail } = body;
        if (Array.isArray(detail) && detail.length > 0) {
            // FastAPI validation detail as `body.data.product_ids.3: str type expected; …`, five at
            // most: the rest are counted.
            const parts = detail.slice(0, 5).map(item => {
                const entry = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .objectOrEmpty */ .YN)(item);
                const loc = Array.isArray(entry.loc) ? entry.loc.map(String).join('.') : '';
                const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(item);
                return loc ? `${loc}: ${msg}` : msg;
            });
            return parts.join('; ') + (detail.length > 5 ? ` (and ${detail.length - 5} more)` : '');
        }
    }
    return statusText || (node_http__WEBPACK_IMPORTED_MODULE_0___default().STATUS_CODES)[status] || `HTTP ${status}`;
}
// Reads a 2xx answer of `POST /v1/{products|users}/_delete`. Miso answers in one of three
// forms, and the batch's fate depends on which:
//
//   - `data.task_id`, with or without counts: accepted; the task is polled.
//   - no task ID, but deletion counts (`deleted.count` / `not_found.count`, under `data` or
//     not, which Miso's own SDK reads from this answer): done at once, nothing to poll.
//   - neither (or not JSON, or a task ID that is no usable path segment): not an answer;
//     retried like a 5xx, as deleting is idempotent.
//
// Counts are read by the one counts rule above, so a batch's counts mean the same
// whichever answer carried them.
/** The task (none: done at once) and counts of a delete answer, or why it is not one. */
function readDeleteAnswer(body, contentType) {
    const parsed = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonOrUndefined */ .rx)(body);
    const type = contentType ? ` (${contentType.split(';')[0]})` : '';
    if (parsed === undefined)
        return `answer is not JSON${type}`;
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(parsed))
        return 'answer is not a JSON object';
    const counts = countsOf(parsed);
    const taskId = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(parsed.data) ? parsed.data.task_id : undefined;
    if (taskId !== undefined && taskId !== null) {
        // Every character is percent-encoded into one path segment, but `.` and `..` stay dot
        // segments, which a URL resolves away (`..` would poll `/v1/products/` itself, with the key).
        const trimmed = typeof taskId === 'string' ? taskId.trim() : undefined;
        if (trimmed === undefined || trimmed === '' || trimmed === '.' || trimmed === '..') {
            const what = trimmed === undefined ? `a ${typeof taskId}` : trimmed ? `"${trimmed}"` : 'empty';
            return `answer has an unusable data.task_id (${what})`;
        }
        return { taskId: taskId, counts };
    }
    // The counts that say what a delete did: any one of them makes an answer without a task final.
    if (counts.deleted !== undefined || counts.not_found !== undefined)
        return { counts };
    return 'answer has no data.task_id and no deletion counts';
}
// Reads an answer of `GET /v1/{products|users}/_ids`: `{"data":{"ids":[...]}}`, as Miso's own
// SDK reads it. Reconcile deletes what this list holds and the repository does not, so the
// reading is strict: anything but an array of strings under `data.ids` is refused, naming the
// first problem, and no ID is guessed.
/** The IDs listed, or the first problem (a string). */
function readIdListing(body) {
    const parsed = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonOrUndefined */ .rx)(body);
    if (parsed === undefined)
        return 'the answer is not JSON';
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(parsed))
        return 'the answer is not a JSON object';
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(parsed.data))
        return 'the answer has no `data` object';
    const list = parsed.data.ids;
    if (list === undefined)
        return '`data.ids` is missing';
    if (!Array.isArray(list))
        return `\`data.ids\` is ${kindOf(list)}, not an array`;
    for (let i = 0; i < list.length; i++) {
        const value = list[i];
        if (typeof value !== 'string')
            return `\`data.ids\` item ${i} is ${kindOf(value)}, not a string`;
        // Taken exactly as Miso lists it (idOfValue keeps a string): a trimmed ID would name
        // another record than the listed one.
        const id = (0,_ids_id_value_js__WEBPACK_IMPORTED_MODULE_3__/* .idOfValue */ .I0)(value);
        if (typeof id !== 'string')
            return `\`data.ids\` item ${i}: ${id.problem}`;
    }
    return list;
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}


/***/ }),

/***/ 9754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ abortableSleep),
/* harmony export */   X5: () => (/* binding */ Throttle)
/* harmony export */ });
/* unused harmony exports BASE_PAUSE_MS, MAX_PAUSE_MS */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
// One adaptive limiter shared by every worker of a run. Miso documents no rate limit, so
// the run starts at the configured concurrency and backs off together when told to slow
// down: a 429 halves the requests in flight and pauses everyone, and the limit climbs back
// one slot at a time after a run of successes.

/** First shared pause after a 429 without Retry-After; doubles while 429s keep coming. */
const BASE_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 60_000;
/** Waits `ms`, or rejects as soon as the signal aborts. */
const abortableSleep = (ms, signal) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal });
class Throttle {
    startLimit;
    /** Requests allowed in flight now. */
    limit;
    inFlight = 0;
    /** Wakes the workers waiting for a slot, first come first served. */
    waiters = [];
    pausedUntil = 0;
    pauseMs = BASE_PAUSE_MS;
    successes = 0;
    now;
    sleep;
    constructor(limit, options = {}) {
        this.limit = this.startLimit = Math.max(1, Math.floor(limit));
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? abortableSleep;
    }
    /**
     * Waits out any shared pause and then for a free slot (first come, first served).
     * Returns the function that gives the slot back; calling it twice is harmless. Without
     * `slot`, only waits out the pause (for requests limited elsewhere). Rejects with the
     * signal's reason when the signal aborts first.
     */
    async acquire(signal, slot = true) {
        // Each pause is slept once per caller, so a sleep that wakes a little early, or an injected
        // one that does not move the clock, cannot spin.
        let served = 0;
        let head = false;
        try {
            for (;;) {
                // From the pause check to taking the slot nothing awaits, so a 429 reported in
                // between cannot be missed.
                signal.throwIfAborted();
                const until = this.pausedUntil;
                const pause = until - this.now();
                if (pause > 0 && served < until) {
                    served = until;
                    await this.sleep(pause, signal);
                }
                else if (!slot)
                    return () => { };
                else if (this.inFlight < this.limit && (head || this.waiters.length === 0)) {
                    this.inFlight++;
                    let held = 1;
                    return () => {
                        this.inFlight -= held;
                        held = 0;
                        this.wakeNext();
                    };
                }
                else {
                    await new Promise((resolve, reject) => {
                        const wake = () => {
                            signal.removeEventListener('abort', onAbort);
                            resolve();
                        };
                        // Still queued when it fires: a woken waiter no longer listens.
                        const onAbort = () => {
                            this.waiters.splice(this.waiters.indexOf(wake), 1);
                            reject(signal.reason);
                        };
                        this.waiters[head ? 'unshift' : 'push'](wake);
                        signal.addEventListener('abort', onAbort, { once: true });
                    });
                    head = true;
                }
            }
        }
        catch (error) {
            // A woken waiter that gives up must pass its turn on.
            if (head)
                this.wakeNext();
            throw error;
        }
    }
    /**
     * Slows everyone down: halves the limit (at least 1) and pauses all new requests until
     * now + max(retryAfterMs, the current pause), and the next pause will be twice as long.
     * 429s that arrive during a pause answer requests sent before it: they neither halve again
     * nor add the back-off again, only their own Retry-After can lengthen the pause.
     */
    onRateLimited(retryAfterMs) {
        const now = this.now();
        const paused = now < this.pausedUntil;
        const backOff = paused ? 0 : this.pauseMs;
        const pause = Math.min(MAX_PAUSE_MS, Math.max(retryAfterMs ?? 0, backOff));
        this.pausedUntil = Math.max(this.pausedUntil, now + pause);
        if (!paused) {
            this.limit = Math.max(1, Math.floor(this.limit / 2));
            this.pauseMs = Math.min(MAX_PAUSE_MS, this.pauseMs * 2);
        }
        this.successes = 0;
    }
    /** Recovers slowly: one more slot after 2x the current limit successes in a row. */
    onSuccess() {
        if (this.limit >= this.startLimit)
            this.pauseMs = BASE_PAUSE_MS;
        else if (++this.successes >= 2 * this.limit) {
            this.limit++;
            this.successes = 0;
            this.pauseMs = Math.max(BASE_PAUSE_MS, this.pauseMs / 2);
            this.wakeNext();
        }
    }
    wakeNext() {
        if (this.inFlight < this.limit)
            this.waiters.shift()?.();
    }
}


/***/ }),

/***/ 6248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ pathPatterns)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
// The one pattern rule of `ids-file`, `deleted-paths` and `id-list-files`: one pattern per
// line, a leading `!` excludes, and a path is chosen when it matches at least one plain
// pattern and no `!` pattern (so a list of only `!` patterns chooses nothing).
//
// Dialect (picomatch): `*` any characters but `/`, `**` any number of folders, `?`, `[...]`,
// `{a,b}`. Dot files and folders match like any other, as in a workflow's `paths:` filter.
// Paths are repository- or workspace-relative with `/` separators; a leading `./` is ignored.

// `s`: a wildcard matches a newline in a file name too; `windows: false`: `\` is never a separator.
const OPTIONS = { dot: true, flags: 's', windows: false };
/** Throws naming `input` for a `!` that excludes nothing. */
function pathPatterns(patterns, input) {
    const given = patterns.map(pattern => pattern.trim()).filter(pattern => pattern !== '');
    const plain = given.filter(pattern => !pattern.startsWith('!')).map(withoutDotSlash);
    const excluded = given.filter(p => p.startsWith('!')).map(p => withoutDotSlash(p.slice(1).trim()));
    const empty = given.find(p => p.startsWith('!') && withoutDotSlash(p.slice(1).trim()) === '');
    if (empty)
        throw new Error(`${input}: "${empty}" names nothing to leave out`);
    const each = new Map(plain.map(p => [p, picomatch__WEBPACK_IMPORTED_MODULE_0___default()(p, OPTIONS)]));
    const chooses = plain.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_0___default()(plain, { ...OPTIONS, ignore: excluded }) : () => false;
    // Whether one plain pattern matches the path, exclusions aside.
    const matchesPlain = (p, path) => each.get(p)?.(path) ?? false;
    return { plain, excluded, chooses: chooses, matchesPlain };
}
function withoutDotSlash(pattern) {
    return pattern.replace(/^(?:\.\/)+/, '');
}


/***/ }),

/***/ 2464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ describeSource),
/* harmony export */   C: () => (/* binding */ shareMayBeRefused),
/* harmony export */   Cs: () => (/* binding */ makePlan),
/* harmony export */   MT: () => (/* binding */ DIFF_SHARE_LEAST),
/* harmony export */   c0: () => (/* binding */ percentRefusal),
/* harmony export */   kn: () => (/* binding */ toBatches),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* unused harmony export firstOccurrences */
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4972);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9133);


function makePlan(groups, batchSize) {
    for (const group of groups) {
        // Almost always a broken file (a stray CR, a binary blob), and it would break ids-path.
        const bad = group.ids.find(id => id === '' || id.search(_channel_js__WEBPACK_IMPORTED_MODULE_0__.CONTROL) !== -1);
        const what = `${describeSource(group)} gave the ID ${JSON.stringify(bad)}`;
        if (bad !== undefined)
            throw new Error(`${what}, which is empty or holds control characters.`);
    }
    const all = groups.length === 1 ? groups[0].ids : groups.flatMap(group => group.ids);
    const first = firstOccurrences(all);
    let at = 0;
    const sources = groups.map(({ kind, name, detail, ids }) => {
        const added = first.subarray(at, (at += ids.length)).reduce((sum, one) => sum + one, 0);
        return { kind, name, detail, found: ids.length, added, ids };
    });
    const ids = all.filter((_, k) => first[k] === 1);
    return { ids, sources, duplicates: all.length - ids.length, batches: toBatches(ids, batchSize) };
}
/** IDs per bucket that firstOccurrences() aims for: its table then fits in the CPU cache. */
const BUCKET_IDS = 2048;
const MAX_BUCKET_BITS = 16;
/**
 * Marks the first occurrence of each distinct ID (`first[i]` is 1).
 *
 * A Set does the same, but on a million IDs it spends most of its time growing and
 * rehashing, and one table sized for all IDs is slow too: every lookup lands somewhere
 * random in megabytes of memory. So the IDs are hashed once (FNV-1a over UTF-16 code units),
 * sorted into buckets by the hash's top bits, and each bucket is checked with a small table.
 * docs/performance.md has the scenario and the figures.
 */
function firstOccurrences(ids) {
    const n = ids.length;
    const hashes = new Int32Array(n);
    let bits = 1;
    while (bits < MAX_BUCKET_BITS && n >> bits > BUCKET_IDS)
        bits++;
    const shift = 32 - bits;
    const buckets = 1 << bits;
    // starts[b]..starts[b + 1] is bucket b's range in `order`.
    const starts = new Int32Array(buckets + 1);
    for (let k = 0; k < n; k++) {
        const id = ids[k];
        let hash = 0x811c9dc5;
        for (let i = 0; i < id.length; i++)
            hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
        hashes[k] = hash;
        starts[(hash >>> shift) + 1]++;
    }
    let largest = 0;
    for (let b = 0; b < buckets; b++) {
        largest = Math.max(largest, starts[b + 1]);
        starts[b + 1] += starts[b];
    }
    // Each bucket's IDs in their original order, so the first of equal IDs is met first.
    const order = new Int32Array(n);
    const fill = starts.slice(0, buckets);
    for (let k = 0; k < n; k++)
        order[fill[hashes[k] >>> shift]++] = k;
    const size = 2 ** Math.max(4, Math.ceil(Math.log2(largest * 2)));
    const mask = size - 1;
    const slots = new Int32Array(size);
    const first = new Uint8Array(n);
    for (let b = 0; b < buckets; b++) {
        slots.fill(-1);
        for (let o = starts[b]; o < starts[b + 1]; o++) {
            const k = order[o];
            const hash = hashes[k];
            for (let slot = hash & mask;; slot = (slot + 1) & mask) {
                const at = slots[slot];
                if (at === -1) {
                    slots[slot] = k;
                    first[k] = 1;
                    break;
                }
                if (hashes[at] === hash && ids[at] === ids[k])
                    break;
            }
        }
    }
    return first;
}
function toBatches(items, size) {
    const batches = [];
    for (let i = 0; i < items.length; i += size)
        batches.push(items.slice(i, i + size));
    return batches;
}
/** The reason to refuse the run before any call, if there is one. */
function refusal(plan, maxDeletions) {
    if (maxDeletions === 0 || plan.ids.length <= maxDeletions)
        return undefined;
    return `${(0,_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(plan.ids.length, 'ID was', 'IDs were')} resolved, more than \`max-deletions\` (${maxDeletions}). Nothing was deleted. Check the sources below; raise \`max-deletions\` (0 means no limit) if this is intended.`;
}
/** A diff source's guard applies from this many IDs at base on: below it, one ID is 5%. */
const DIFF_SHARE_LEAST = 20;
/**
 * Whether `count` IDs can be refused by `max-deletions-percent` in a set of at least `least`
 * IDs, so counting the set is worth it.
 */
function shareMayBeRefused(count, maxPercent, least) {
    return maxPercent > 0 && count * 100 > maxPercent * least;
}
/** The refusal for a deletion larger than `max-deletions-percent` of its set, if it is. */
function percentRefusal(share, maxPercent) {
    const { count, of } = share;
    if (maxPercent === 0 || count === 0 || of < Math.max(share.least, 1))
        return undefined;
    if (count * 100 <= maxPercent * of)
        return undefined;
    const percent = ((count * 100) / of).toFixed(1);
    return `${share.by} would delete ${count} of the ${of} ${share.set} (${percent}%), more than \`max-deletions-percent\` (${maxPercent}%). Nothing was deleted. ${share.check}; raise \`max-deletions-percent\` (0 means no limit) if this is intended, or run the workflow by hand with \`dry-run: true\` to see the plan first.`;
}
function describeSource(group) {
    const names = {
        inline: 'Input `product-ids`',
        file: `ID file ${group.name}`,
        'deleted-path': `Content file ${group.name}`,
        'id-list': `ID list ${group.name}`,
        'delete-list': `Delete list ${group.name}`,
        reconcile: `Miso listing ${group.name}`
    };
    return names[group.kind];
}


/***/ }),

/***/ 9133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
// Counts in messages: "1 ID", "2 IDs", "1 batch", "3 batches". Every message that counts
// something says it this way.
/** `n` and the noun, singular for exactly 1; `many` defaults to the noun plus `s`. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ tableHead),
/* harmony export */   _Q: () => (/* binding */ fitting),
/* harmony export */   be: () => (/* binding */ mdMessage),
/* harmony export */   hD: () => (/* binding */ allEntities),
/* harmony export */   hd: () => (/* binding */ unlinked),
/* harmony export */   jD: () => (/* binding */ tableRow),
/* harmony export */   ji: () => (/* binding */ mdSection),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   pW: () => (/* binding */ firstIds),
/* harmony export */   qN: () => (/* binding */ paragraphs),
/* harmony export */   rX: () => (/* binding */ mdValue)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4972);
// Untrusted text (IDs, paths, Miso's messages, our messages that quote them) placed in
// Markdown: the job summary and the pull request comment. Only what could change the
// structure is escaped, so the raw text stays readable; the rest is kept as it is.
// Runs after the redactor (channel.ts): it never sees a secret it could split.
//
// - `<`, `>` and an `&` that would start an entity become entities: no HTML, no entity read.
// - `|` becomes `&#124;`, which never splits a table cell (a backslash before it could).
// - Line breaks and other control characters become spaces: one text, one line.
// - `\`, `*`, `[`, `]`, `~~`, and `_` at a word's edge are backslash-escaped: no emphasis,
//   link or image made of data.
// - A leading `#`, `-`, `+`, `=`, `1.` / `1)` or white space is escaped: a text that starts
//   a line or list item never becomes a heading, list, rule or code block.
// - Backticks: in a value (an ID, a path) each becomes `&#96;`. In a message, a pair around
//   plain text (`dry-run`) is kept as code; any other backtick becomes `&#96;`.

/** A value (an ID, a file name, a task ID): shown exactly as it is. */
const mdValue = (text) => leading(inline(text));
/** A message: like a value, but `code` spans around plain text are kept. */
function mdMessage(text) {
    // split() with a capture group: odd indexes are the code spans' contents.
    const parts = oneLine(text).split(CODE_SPAN);
    return leading(parts.map((part, i) => (i % 2 === 1 ? `\`${part}\`` : inline(part))).join(''));
}
/**
 * Every character Markdown or HTML could read as structure as an entity, line breaks as a
 * space: for text the pull request comment puts inside HTML elements (`<code>`), where a
 * backslash escape would show as it is.
 */
const allEntities = (text) => oneLine(text).replace(/[&<>"'`|\\*_[\]#~!()-]/g, c => `&#${c.charCodeAt(0)};`);
/**
 * A word joiner (U+2060, invisible) after each `www` before a dot, each `:` before `//` and
 * each `@`: GitHub makes autolinks of `www.x.y`, `https://x.y` and `a@b.c` even inside
 * `<code>` (and mentions of `@name` outside it), so untrusted text in a comment links to
 * nowhere and no one.
 */
const unlinked = (text) => text.replace(/www(?=\.)|:(?=\/\/)|@/gi, '$&\u2060');
/** Text inside `<pre>`: Markdown is not read there, only HTML. */
const htmlText = (text) => text.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
/**
 * A code span whose content needs no escaping (code spans show their content raw): no
 * backtick, no character escaped below, not starting or ending with a space.
 */
const CODE_SPAN = /`([^`\s&<>|\\](?:[^`&<>|\\]*[^`\s&<>|\\])?)`/;
const inline = (text) => oneLine(text)
    .replace(/[\\*[\]]/g, c => `\\${c}`)
    .replace(/~~/g, '\\~\\~')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/[<>]/g, c => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/[|`]/g, c => `&#${c.charCodeAt(0)};`);
const CONTROL_RUN = new RegExp(`${_channel_js__WEBPACK_IMPORTED_MODULE_0__.CONTROL.source}+`, 'g');
/** Line breaks and other control characters as spaces. */
const oneLine = (text) => text.replace(CONTROL_RUN, ' ');
/** Escapes what would make a text that starts a line into a block of its own. */
const leading = (text) => text
    .replace(/^\s+/, spaces => '&#32;'.repeat(spaces.length))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
/**
 * The section with as many rows as fit in `room` characters, then the line `more` gives for
 * the rows left out; '' without rows or when not even its head fits. The job summary and the
 * comment cut their lists this way.
 */
function mdSection(section, more, room = Infinity) {
    const head = [section.heading, '', ...(section.head ?? [])].join('\n') + '\n';
    const count = section.count ?? section.rows.length;
    const budget = room - head.length - more(count).length - 1;
    if (budget < 0 || count === 0)
        return '';
    const n = fitting(section.rows, budget, row => row.length + 1);
    return head + section.rows.slice(0, n).join('\n') + '\n' + (n < count ? more(count - n) : '');
}
/** How many leading items fit in `room`, each taking `size(item)`: only those are measured. */
function fitting(items, room, size) {
    let n = 0;
    while (n < items.length && (room -= size(items[n])) >= 0)
        n++;
    return n;
}
/** The first IDs of a list, so a reader can see which source gave what. */
function firstIds(ids, show) {
    const shown = ids.slice(0, 5).map(show).join(', ');
    return ids.length > 5 ? `${shown}, … (${ids.length - 5} more)` : shown;
}
/** A Markdown table's head: the titles, then their alignment (a title ending in `:` is right-aligned). */
const tableHead = (...titles) => [
    tableRow(...titles.map(title => title.replace(/:$/, ''))),
    tableRow(...titles.map(title => (title.endsWith(':') ? '---:' : '---')))
];
/** Parts joined as paragraphs; those not a string, or empty, left out. */
const paragraphs = (parts) => parts.filter(part => typeof part === 'string' && part !== '').join('\n\n');
/** A Markdown table's row of cells already escaped. */
const tableRow = (...cells) => `| ${cells.join(' | ')} |`;


/***/ }),

/***/ 7330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ repositoryLinks),
/* harmony export */   GD: () => (/* binding */ notFoundWarning),
/* harmony export */   GF: () => (/* binding */ failedIds),
/* harmony export */   Hk: () => (/* binding */ countTotals),
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   cp: () => (/* binding */ adviceFor),
/* harmony export */   dD: () => (/* binding */ failedCount),
/* harmony export */   k8: () => (/* binding */ deletionShare),
/* harmony export */   kb: () => (/* binding */ ICON),
/* harmony export */   km: () => (/* binding */ forcedDryRunNotice),
/* harmony export */   ug: () => (/* binding */ stepFails)
/* harmony export */ });
/* harmony import */ var _deletion_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7750);
/* harmony import */ var _diff_event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
/* harmony import */ var _miso_answers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7667);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2464);
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4626);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9133);
// Everything a finished (or stopped) run has to say, gathered in one value so
// outputs, logs and the job summary all tell the same story.






/** Each status a run ends in, with its icon in the job summary and the comment. */
const ICON = {
    succeeded: '✅',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
    submitted: '📨',
    'dry-run': '🔍',
    empty: '➖',
    restored: '↩️'
};
/**
 * The links the summary may make: the repository (`https://github.com/owner/repo`), the pull
 * request of a pull request event, this workflow run (`GITHUB_RUN_ID`: the restore workflow
 * takes it to find the backup). Built only from a well-formed GITHUB_SERVER_URL and
 * GITHUB_REPOSITORY, so a link carries no other text; undefined when they are missing or odd.
 */
function repositoryLinks(env, event) {
    const url = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryUrlOf */ .ZN)(env);
    const pullNumber = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_4__/* .pullNumberOf */ .ez)(event.name, event.payload);
    const digits = (name) => (/^\d+$/.test(env[name] ?? '') ? env[name] : undefined);
    const [runId, attempt] = [digits('GITHUB_RUN_ID'), digits('GITHUB_RUN_ATTEMPT')];
    const runUrl = runId && `${url}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`;
    return url === undefined ? undefined : { url, pullNumber, runId, runUrl };
}
/**
 * The notice a forced dry run gives in the log. The summary says the reason in its headline
 * instead, so it leaves this note out.
 */
const forcedDryRunNotice = (reason) => `Dry run forced: ${reason}.`;
/** The run's deletion as a share of its set, for `max-deletions-percent`: reconcile or a diff. */
function deletionShare({ reconcile: r, diff }) {
    if (r) {
        const check = `The repository names ${r.repositoryCount} IDs: check that every source of them is given`;
        const set = `${r.recordType} Miso lists`;
        return { count: r.deleteCount, of: r.misoCount, set, by: 'Reconcile', least: 1, check };
    }
    if (!diff?.share)
        return undefined;
    const base = (0,_diff_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(diff.base);
    const check = `Check the change ${base}..${(0,_diff_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(diff.head)}: a file emptied or cut short by an export or a merge deletes every ID it named`;
    const { deleting: count, named: of } = diff.share;
    const set = `IDs that matching files named at ${base}`;
    return { count, of, set, by: 'The change', least: _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .DIFF_SHARE_LEAST */ .MT, check };
}
/** Whether the step must fail for this report. */
function stepFails({ error, status }, failOnEmpty) {
    const failing = ['failed', 'timed-out', 'cancelled', ...(failOnEmpty ? ['empty'] : [])];
    return Boolean(error) || failing.includes(status);
}
/** Each count Miso reported (`deleted`, `not_found`, …), summed over the batches. */
function countTotals(report) {
    const totals = {};
    const counts = (report.deletion?.batches ?? []).flatMap(b => Object.entries(b.counts));
    for (const [name, n] of counts)
        totals[name] = (totals[name] ?? 0) + n;
    return totals;
}
/**
 * A warning when Miso did not find at least half of the IDs it counted: most often the IDs
 * are wrong (another field, another catalog) or the records are of the other `record-type`.
 */
function notFoundWarning(report) {
    const { deleted = 0, not_found: notFound = 0 } = countTotals(report);
    if (notFound === 0 || notFound * 2 < deleted + notFound)
        return undefined;
    const type = report.recordType ?? 'products';
    return `Miso did not find ${notFound} of the ${deleted + notFound} ${type} it counted. Check that the IDs are the ones Miso knows and that \`record-type\` (${type}) names the records they belong to.`;
}
/**
 * The IDs behind `failed-count`: every batch not `succeeded` (nor, without waiting,
 * `submitted`), or every planned ID when the run stopped before sending any (a cancellation).
 * Undefined when the run never set out to delete (no plan, a dry run, a guard's refusal).
 */
function failedIds(report) {
    const { deletion, plan } = report;
    if (!plan)
        return undefined;
    if (!deletion)
        return failedCount(report) > 0 ? plan.ids : undefined;
    return deletion.batches.filter(b => !(0,_deletion_js__WEBPACK_IMPORTED_MODULE_0__/* .accepted */ .qG)(b)).flatMap(b => plan.batches[b.index]);
}
/**
 * IDs not confirmed deleted (or, without waiting, not accepted). IDs a guard refused were never
 * set out to delete: a refusal is not a failure to retry, so they are not counted.
 */
function failedCount(report) {
    if (report.deletion)
        return report.deletion.failedCount;
    if (report.refused || report.status === 'dry-run' || report.status === 'empty')
        return 0;
    return report.plan?.ids.length ?? 0;
}
const RERUN = 'Running the same input again is safe: deleting is idempotent.';
/** What to do next after each kind of failure; `adviceFor` says which. */
const NEXT = {
    refused: 'Nothing was sent to Miso, and there is nothing to retry: no rerun file was written. Check the sources; if the deletion is intended, raise the limit named above.',
    unsent: 'Nothing was sent to Miso. Fix what the error above names, then run again.',
    cancelled: `Batches Miso accepted before that may still be deleted (see Tasks). ${RERUN}`,
    key: 'Check the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to. No further batch was sent.',
    url: 'Check `api-url`: it is the base URL, such as `https://api.askmiso.com`, without `/v1`.',
    failed: `See Errors for each batch's answer from Miso. ${RERUN}`,
    slow: `Miso probably accepted the batches it was sent and is still deleting them. Raise \`wait-timeout\` (0 means no limit) for runs this large. ${RERUN}`
};
/**
 * What a failed run says about itself: its cause (e.g. `Miso refused the API key (HTTP 401)`)
 * and what to do next; undefined when it did not fail. The failing annotation says both; the
 * job summary gives the cause at the top and what to do next at the end.
 */
function adviceFor(report) {
    const { error, deletion, status } = report;
    const batches = deletion?.batches ?? [];
    const failed = batches.filter(b => b.status === 'failed');
    const count = (what) => batches.filter(b => b.status === what).length;
    const key = batches.find(b => [401, 403].includes(b.error?.httpStatus ?? 0))?.error?.httpStatus;
    const advise = (cause, next) => ({ cause, next });
    if (report.refused)
        return advise(error ?? 'Refused', NEXT.refused);
    if (error !== undefined && !deletion)
        return advise(error, report.errorNext ?? NEXT.unsent);
    if (status === 'cancelled')
        return advise('The workflow was cancelled', NEXT.cancelled);
    if (key)
        return advise(`Miso refused the API key (HTTP ${key})`, NEXT.key);
    // A status poll's 404 only means "not registered yet", so a batch failed with 404 got it
    // from the delete request.
    const noApi = failed.some(b => b.error?.httpStatus === 404);
    if (noApi)
        return advise('No Miso API at `api-url` (HTTP 404 on the delete request)', NEXT.url);
    if (failed.length > 0) {
        const answer = (0,_miso_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .failureText */ .kY)(failed[0].error ?? { message: 'no answer', fatal: false });
        const cause = `${(0,_plural_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .L)(failed.length, 'batch', 'batches')} of ${batches.length} failed, first: ${answer}`;
        return advise(cause, NEXT.failed);
    }
    if (status === 'timed-out') {
        const unsent = count('not-sent');
        const never = unsent ? `, and ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .L)(unsent, 'batch was', 'batches were')} never sent` : '';
        const within = deletion?.stoppedBy ?? '`wait-timeout`';
        const cause = `Miso did not confirm ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .L)(count('timed-out'), 'batch', 'batches')} within the ${within}${never}`;
        return advise(cause, NEXT.slow);
    }
    return error === undefined ? undefined : advise(error, RERUN);
}
/** The one line the failing annotation says. */
const failureLine = (advice) => `${advice.cause.replace(/\.$/, '')}. ${advice.next}`;


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   GI: () => (/* binding */ errorRows),
/* harmony export */   gM: () => (/* binding */ formatCounts)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT, numberRanges */
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4626);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2464);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9133);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _run_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7330);
// The job summary as Markdown. Pure: a report in, a string out. Everything that
// came from input (IDs, paths, Miso's messages) is escaped (markdown.ts) so it cannot change
// the summary's structure, and the whole stays under GitHub's 1 MiB per step.






/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
const SUMMARY_LIMIT = 1_000_000;
const BATCH_ICON = { ..._run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .ICON */ .kb, 'not-sent': '⏸️' };
function renderSummary(report) {
    const advice = (0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .adviceFor */ .cp)(report);
    const sections = [notes, reconcile, sources, kept, undo, tasks, errors].map(f => f(report));
    const tail = advice ? `\n### What to do next\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(advice.next)}\n` : '';
    // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
    // within the limit however many of them there are, with room left for the ID list.
    const body = [headline(report, advice?.cause), ...sections].filter(part => part).join('\n');
    const head = fitBytes(body, SUMMARY_LIMIT * 0.9 - bytes(tail));
    return head + idList(report, SUMMARY_LIMIT - bytes(head) - bytes(tail) - 1) + tail;
}
/** A section cut at 500 rows, saying how many more there are and where. */
function capped(section, what, where = 'the `result-path` output') {
    const more = (left) => `\n… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(left, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).\n`;
    const rows = section.rows.slice(0, 500);
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdSection */ .ji)({ ...section, rows, count: section.rows.length }, more);
}
const CUT_NOTE = "\n\n… The summary is cut here to stay under GitHub's 1 MiB limit: the outputs and the files they name hold everything.\n";
/** `text` cut at a line end so that it, and a note saying so, fit in `budget` bytes. */
function fitBytes(text, budget) {
    if (bytes(text) <= budget)
        return text;
    const room = Math.max(0, budget - bytes(CUT_NOTE));
    const fitting = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
    return fitting.slice(0, Math.max(0, fitting.lastIndexOf('\n'))) + CUT_NOTE;
}
/** The status and counts, then one paragraph each for what Miso said, a dry run, an error. */
function headline(report, cause) {
    cause &&= /[.!?]$/.test(cause) ? cause : `${cause}.`;
    const { plan, deletion, status, error } = report;
    const { deleted, not_found: notFound } = (0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .countTotals */ .Hk)(report);
    const said = Object.entries({ deleted, 'not found': notFound })
        .filter(([, n]) => n !== undefined)
        .map(([what, n]) => `${n} ${what}`);
    const row = `| ${status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${deletion?.taskIds.length ?? 0} | ${(0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .failedCount */ .dD)(report)} | ${seconds(report.elapsedMs)} |`;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .paragraphs */ .qN)([
        `## ${_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .ICON */ .kb[status]} Miso bulk delete${report.recordType === 'users' ? ' (users)' : ''}: ${status}`,
        [...(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Status', 'IDs:', 'Batches:', 'Tasks:', 'Failed IDs:', 'Time:'), row].join('\n'),
        said.length > 0 && `**Miso reported:** ${said.join(', ')}.`,
        report.dryRunReason &&
            `**Dry run:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(report.dryRunReason)}. Nothing was sent to Miso.`,
        status === 'submitted' && 'Tasks were submitted without waiting for them (`wait: false`).',
        error
            ? `### ${report.refused ? 'Refused' : 'Error'}\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(error)}`
            : cause && `**Cause:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(cause)}`
    ]).concat('\n');
}
function notes(report) {
    // The headline gives the dry run's reason; the log's notice need not repeat it.
    const forced = report.dryRunReason && (0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .forcedDryRunNotice */ .km)(report.dryRunReason);
    const times = new Map();
    for (const note of report.notes)
        if (note !== forced)
            times.set(note, (times.get(note) ?? 0) + 1);
    const rows = [...times].map(([n, k]) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(n)}${k > 1 ? ` (${k} times)` : ''}`);
    return capped({ heading: '### Notes', rows }, ['note', 'notes'], 'the log');
}
function sources({ plan, diff, links }) {
    const heading = '### Where the IDs came from';
    const head = diff ? diffLines(diff, links) : [];
    if (!plan?.sources.length) {
        // A diff run names the change it read even when the change removed nothing.
        return diff ? [heading, '', ...head, 'No source gave an ID to delete.', ''].join('\n') : '';
    }
    head.push(...(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Source', 'IDs:', 'New:', 'Detail', 'First IDs'));
    const rows = plan.sources.map(s => {
        // Ours for the input (its code span kept), a value for a file.
        const name = (s.kind === 'inline' ? _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be : _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)((0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSource */ .B6)(s));
        return `| ${name} | ${s.found} | ${s.added} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(s.detail ?? '')} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .firstIds */ .pW)(s.ids, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)} |`;
    });
    const repeated = plan.duplicates > 0 ? `\nRepeated IDs, sent once: ${plan.duplicates}.\n` : '';
    const section = { heading, head, rows };
    return capped(section, ['source', 'sources'], 'the `sources-path` output') + repeated;
}
/** The change a diff run read, and what it found besides IDs; links only to commits by SHA. */
function diffLines(diff, links) {
    const { base, head, result, via, skipped, share } = diff;
    const linked = links && _github_env_js__WEBPACK_IMPORTED_MODULE_4__/* .SHA */ .hG.test(base) && _github_env_js__WEBPACK_IMPORTED_MODULE_4__/* .SHA */ .hG.test(head);
    const commit = (sha) => links && _github_env_js__WEBPACK_IMPORTED_MODULE_4__/* .SHA */ .hG.test(sha) ? `[${sha.slice(0, 7)}](${links.url}/commit/${sha})` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(sha);
    const n = links?.pullNumber;
    const pull = n && `pull request [#${n}](${links?.url}/pull/${n})`;
    const extra = [pull, linked && `[compare](${links.url}/compare/${base}...${head})`].filter(x => x);
    const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`;
    const shareLine = `It deletes ${share?.deleting} of the ${share?.named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`;
    const list = { rows: skipped.map(p => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(p)}`) };
    const title = `Skipped ${skipped.length} matching ${skipped.length === 1 ? 'file that carries' : 'files that carry'} no ID (not products)`;
    return [
        `Change: ${commit(base)}..${commit(head)} (read with ${via === 'git' ? 'git' : 'the GitHub REST API'})${extra.length ? `; ${extra.join(', ')}` : ''}${at}`,
        '',
        ...(share ? [shareLine, ''] : []),
        ...(skipped.length > 0 ? [folded(title, list, ['file', 'files'])] : [])
    ];
}
/**
 * A list under a one-line `<details>` summary, cut at 500 rows: hundreds of rows
 * would bury the rest of the summary (the step's debug log names each).
 */
function folded(summary, list, what) {
    const section = { ...list, heading: `<details><summary>${summary}</summary>` };
    return capped(section, what, 'the debug log') + '\n</details>\n';
}
/** Reconcile mode: both sides' sizes, what is deleted and what Miso lacks (a count only). */
function reconcile({ reconcile: info, plan }) {
    if (!info)
        return '';
    const what = info.type ? `${info.recordType} of type ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(info.type)}` : info.recordType;
    const at = info.head ? ` at ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(info.head.slice(0, 12))}` : '';
    const missing = `${info.missingFromMiso} IDs the repository names are not in Miso: their uploads may be missing.`;
    const counts = [info.misoCount, info.repositoryCount, info.deleteCount, info.missingFromMiso];
    const table = `| Miso lists | Repository names | To delete | Named, not in Miso | First IDs to delete |
| ---: | ---: | ---: | ---: | --- |
${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableRow */ .jD)(...counts, (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .firstIds */ .pW)(plan?.ids ?? [], _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX))}`;
    const compared = `Miso's ${what} compared with the IDs the repository names${at}.`;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .paragraphs */ .qN)(['### Reconcile', compared, table, info.missingFromMiso > 0 && missing]) + '\n';
}
function kept(report) {
    const keptIds = report.diff?.kept ?? [];
    if (keptIds.length === 0)
        return '';
    const rows = keptIds.map(k => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableRow */ .jD)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.id), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.path)));
    const table = { head: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('ID', 'File that still names it'), rows };
    const title = `${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(keptIds.length, 'ID')} still named at the result`;
    return `### Not deleted: still in the repository\n${folded(title, table, ['ID', 'IDs'])}`;
}
/** Where a deleting run's backup is and how to restore it: the artifact, the workflow, the run. */
function undo({ undo, links }) {
    const count = undo?.backup?.count;
    if (count === undefined)
        return '';
    if (count === 0)
        return '### Undo\n\nNo record was backed up: Miso had none of them (or none could be fetched).\n';
    const id = links?.runId;
    const run = id ? ` with run ID \`${id}\` ([this run](${links?.runUrl}))` : '';
    return `### Undo\n\n${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(count, 'record')} backed up in the file the \`backup-path\` output names, kept as the artifact \`miso-backup\` by the upload step of the README's "Undo". To put them back, run the restore workflow (examples/workflows/restore.yml)${run}.\n`;
}
function tasks(report) {
    const rows = (report.deletion?.batches ?? []).map(b => {
        const time = b.durationMs === undefined ? '' : seconds(b.durationMs);
        return `| ${b.index + 1} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(b.taskId ?? '')} | ${b.count} | ${BATCH_ICON[b.status]} ${b.status} | ${time} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(formatCounts(b.counts))} |`;
    });
    const head = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Batch:', 'Task ID', 'IDs:', 'Status', 'Time:', 'Counts');
    return capped({ heading: '### Tasks', head, rows }, ['batch', 'batches']);
}
function errors(report) {
    const head = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Batches:', 'HTTP status:', 'Message');
    const rows = errorRows(report, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be);
    return capped({ heading: '### Errors', head, rows }, ['error', 'errors']);
}
/** The failed batches' answers: the same answer for many batches (a wrong key, an outage) is one row listing them. */
function errorRows(report, message) {
    const groups = new Map();
    for (const { error, index } of report.deletion?.batches ?? []) {
        const cells = error && (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableRow */ .jD)(error.httpStatus ?? '', message(error.message));
        if (cells)
            groups.set(cells, [...(groups.get(cells) ?? []), index + 1]);
    }
    return [...groups].map(([cells, batches]) => `| ${numberRanges(batches)} ${cells}`);
}
/** The IDs in a collapsible list, cut to the bytes left. */
function idList(report, budget) {
    const ids = report.plan?.ids ?? [];
    const open = `\n<details><summary>IDs (${ids.length})</summary>\n\n<pre>\n`;
    const close = '</pre>\n\n</details>\n';
    const cutNote = (left) => `… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(left, 'more ID')} not shown: the \`ids-path\` output names a file with all of them.\n`;
    let room = budget - bytes(open + close + cutNote(ids.length));
    if (ids.length === 0 || room <= 0)
        return '';
    // Only the IDs that fit are escaped and measured, a thousand at a time while whole chunks fit
    // (per-ID work doubled the end of a 100,000-ID run), then the last chunk ID by ID.
    const shown = [];
    let n = 0;
    for (let text; n < ids.length; n += 1000, room -= bytes(text)) {
        text = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(ids.slice(n, n + 1000).join('\n')) + '\n';
        if (bytes(text) > room)
            break;
        shown.push(text);
    }
    const last = ids.slice(n, n + 1000);
    const fit = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .fitting */ ._Q)(last, room, id => bytes((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(id)) + 1);
    shown.push(...last.slice(0, fit).map(id => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(id)}\n`));
    n = Math.min(ids.length, n + fit);
    return open + shown.join('') + close + (n < ids.length ? cutNote(ids.length - n) : '');
}
/** Ascending numbers as ranges: `1–3, 5`. */
function numberRanges(numbers) {
    const starts = numbers.filter((n, i) => n !== numbers[i - 1] + 1);
    const ends = numbers.filter((n, i) => n !== numbers[i + 1] - 1);
    return starts.map((s, i) => (s === ends[i] ? s : `${s}–${ends[i]}`)).join(', ');
}
const formatCounts = (counts) => Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const bytes = (text) => Buffer.byteLength(text, 'utf8');


/***/ })

};
